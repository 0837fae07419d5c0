"""The student-privacy guard: text that could identify a student, before it leaves the machine.

It looks for three things: the words and phrases of the journal's local `privacy.words` (one a
line, `#` comments; case-insensitive, whole words), text matching the student-ID patterns of
pln.yaml (`privacy: {student_id_patterns: ['S\\d{7}']}`), and email addresses.

`scan_journal` finds them in every file of the journal (each line of a text file, and every file
name, evidence included), for `pln check --privacy`. `refusals` asks what an output would print:
only what the output itself holds counts, each traced back to the `path:line` it came from.

A finding never prints the secret whole: only its first letter (and an email's domain) and, for a
word, its line in privacy.words. The finding goes to a terminal, and from there often into a CI
log, a chat or a bug report; the teacher knows their own list, so a line number is enough.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from plnjournal.frozen import frozen
from plnjournal.problems import Problem, error

PRIVACY_WORDS = "privacy.words"
EMAIL = r"(?<![@\w.+-])[\w.+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+"
NOT_SCANNED = frozenset({"pln.yaml", PRIVACY_WORDS, ".gitignore"})  # where the rules themselves live
MAX_TEXT_BYTES = 4 * 1024 * 1024  # a bigger file is looked at by its name only
WORD_BEFORE, WORD_AFTER = r"(?<![^\W_])", r"(?![^\W_])"  # whole words: no letter or digit beside


@frozen
class Look:
    """One thing to look for: `key` says which (a privacy.words line, a pattern, `email`)."""

    key: str
    regex: re.Pattern[str]
    what: str  # "a word from privacy.words (its line 3)"


@frozen
class Hit:
    """Something a look found in the text, shown masked."""

    look: Look
    found: str

    def describe(self) -> str:
        return f"{self.look.what}: {masked(self.found)}"


def read_words(root: Path) -> list[tuple[int, str]]:
    """(line, word or phrase) of privacy.words; none when the file is absent."""
    try:
        text = (root / PRIVACY_WORDS).read_text(encoding="utf-8-sig")
    except (FileNotFoundError, NotADirectoryError):
        return []
    except (OSError, UnicodeDecodeError) as problem:
        from plnjournal.errors import PlnError

        raise PlnError(f"{root / PRIVACY_WORDS}: cannot read it: {problem}") from None
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.split("#", 1)[0].strip()
        if word:
            found.append((number, word))
    return found


def looks(words: Iterable[tuple[int, str]], patterns: Iterable[str]) -> tuple[Look, ...]:
    """What the guard looks for: each privacy word, each student-ID pattern, and emails."""
    made = [
        Look(f"word:{line}", _word_regex(word), f"a word from {PRIVACY_WORDS} (its line {line})")
        for line, word in words
    ]
    made += [Look(f"id:{p}", re.compile(p), f"a student ID (pattern {p} in pln.yaml)") for p in patterns]
    return (*made, Look("email", re.compile(EMAIL), "an email address"))


def _word_regex(word: str) -> re.Pattern[str]:
    spaced = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(f"{WORD_BEFORE}{spaced}{WORD_AFTER}", re.IGNORECASE)


def hits(found_in: Sequence[Look], text: str) -> list[Hit]:
    """What `text` holds; a privacy word inside a longer one found at the same place (`Riley` in
    `Riley Chen`) is left out, so one name is one finding."""
    spans = [(match.span(), look) for look in found_in for match in look.regex.finditer(text)]
    return [
        Hit(look, text[start:end])
        for (start, end), look in spans
        if not any(s <= start and end <= e and (s, e) != (start, end) for (s, e), _ in spans)
    ]


def masked(found: str) -> str:
    """`J…` for a word, `j…@school.org` for an email: enough to find it, not enough to leak it."""
    local, at, domain = found.partition("@")
    return f'"{local[:1]}…{at}{domain}"'


def scan_journal(root: Path, files: Iterable[str], found_in: Sequence[Look]) -> list[tuple[Hit, Problem]]:
    """Every hit in the journal's files (their lines and their names), with its `path:line`."""
    findings = []
    for relative in files:
        if relative in NOT_SCANNED:
            continue
        for hit in hits(found_in, relative):
            findings.append((hit, error(relative, 1, "privacy", f"the file name holds {hit.describe()}")))
        for number, line in _text_lines(root / relative):
            for hit in hits(found_in, line):
                findings.append((hit, error(relative, number, "privacy", f"holds {hit.describe()}")))
    return findings


def _text_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        if path.is_symlink() or path.stat().st_size > MAX_TEXT_BYTES:
            return
        data = path.read_bytes()
    except OSError:
        return
    if b"\0" in data:  # an image, a PDF: only its name can be read
        return
    yield from enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1)


def refusals(
    root: Path, files: Iterable[str], found_in: Sequence[Look], outputs: Iterable[str], label: str
) -> list[str]:
    """One line per finding the outputs would print, each naming where it is in the journal
    (an output holding one with no source in the journal is named by `label`); none: go ahead."""
    printed = {
        (hit.look.key, _fold(hit.found)) for text in outputs for hit in hits(found_in, _readable(text))
    }
    if not printed:
        return []
    lines, traced = [], set()
    for hit, problem in scan_journal(root, files, found_in):
        if (hit.look.key, _fold(hit.found)) in printed:
            lines.append(f"{problem.path}:{problem.line}: {problem.message}")
            traced.add((hit.look.key, _fold(hit.found)))
    lines += [f"{label}: holds {_what(found_in, key)}" for key, _ in sorted(printed - traced)]
    return sorted(dict.fromkeys(lines))


def _what(found_in: Sequence[Look], key: str) -> str:
    return next(look.what for look in found_in if look.key == key)


def _fold(found: str) -> str:
    return " ".join(found.casefold().split())


def _readable(text: str) -> str:
    """The output as a reader sees it: HTML entities, JSON's `\\n` and `\\u00e9`, and Markdown's
    backslash escapes undone (`refusals` looks at the output as printed too)."""
    plain = html.unescape(text) if "&" in text else text
    if "\\" not in plain:
        return plain
    plain = re.sub(r"\\u([0-9a-fA-F]{4})", lambda code: chr(int(code[1], 16)), plain)
    plain = re.sub(r"\\[nrtbf]", " ", plain)
    return re.sub(r"\\([^\w\s])", r"\1", plain)
