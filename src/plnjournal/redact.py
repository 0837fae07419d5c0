"""Redaction (`--redact`): text -> text, consistent within one output, so a report, an export or
a portfolio can be shared without naming anyone.

One `Redactor` is built per output from the journal's people and the words to hide (`redact:` in
pln.yaml, the local privacy.words). It replaces, in one pass over each text:

- email addresses with `[email]`; a person's handles with `[handle]` and their `url` with `[link]`;
- a person's full name, and each first or last name as written, with `Person N`; their id (also
  inside another id or a path: `people/jane-doe.md`, `coffee-with-jane-doe`) with `person-N`;
- the words to hide, case-insensitively and as whole words only, with `[redacted]`; text matching
  a student-ID pattern with `[student id]`.

Person N is numbered in the order you met them (`met:`, else the date of their first entry; ties
and people never met by id), so the numbers stay put as the journal grows and follow no alphabet.
A first or last name shared by two people becomes `[name]`: no number would be right.

`data()` applies `text()` to every string of plain report data (dict keys too, and the fields of
dataclasses such as records or graph nodes). Redacting the data before rendering, rather than the
rendered text, covers every format through one path and finds names before a format escapes them
(`O'Brien` is `O&#x27;Brien` in HTML, `|` is `\\|` in a Markdown table), and the placeholders are
then escaped like any other text. A string that is exactly one of pln's own words (`read`,
`cognitive`, `chat`...) is never changed, so the data keeps its shape whatever the word list holds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from plnjournal.frozen import frozen
from plnjournal.guard import EMAIL, WORD_AFTER, WORD_BEFORE, read_words
from plnjournal.journal.ids import slugify
from plnjournal.model import VOCABULARIES, Entry, Person

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal

T = TypeVar("T")
TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "sir"})
AMBIGUOUS = 0  # the number of a name part two people share
PROTECTED = frozenset(word for words in VOCABULARIES.values() for word in words)


@frozen
class Redactor:
    """What one output hides, compiled once: `text()` maps any string, `data()` any plain data."""

    pattern: re.Pattern[str]
    numbers: dict[str, dict[str, int]]  # group -> matched text (folded) -> person number
    student_ids: tuple[re.Pattern[str], ...] = ()

    def text(self, text: str) -> str:
        if not text or text in PROTECTED:
            return text
        for student_id in self.student_ids:
            text = student_id.sub("[student id]", text)
        return self.pattern.sub(self._replacement, text)

    def data(self, value: T) -> T:
        """The same data with every string redacted: dicts (keys too), lists, tuples, dataclasses."""
        return _walk(value, self.text)

    def _replacement(self, match: re.Match[str]) -> str:
        group, found = match.lastgroup or "", match.group()
        if group in PLACEHOLDERS:
            return PLACEHOLDERS[group]
        number = self.numbers[group].get(_fold(group, found), AMBIGUOUS)
        if group in ("id", "slug_part"):
            return f"person-{number}" if number else "name"
        return f"Person {number}" if number else "[name]"


PLACEHOLDERS = {"email": "[email]", "handle": "[handle]", "link": "[link]", "word": "[redacted]"}


def for_journal(journal: Journal, loaded: Loaded) -> Redactor:
    """The redactor of one output of this journal: its people, pln.yaml's `redact:` words and
    student-ID patterns, and the local privacy.words (so --redact hides what the guard finds)."""
    words = [*journal.settings.redact, *(word for _, word in read_words(journal.root))]
    people: Any = loaded.of("person")
    return build(people, loaded.entries, words, journal.settings.student_id_patterns)


def build(
    people: Sequence[Person],
    entries: Iterable[Entry] = (),
    words: Iterable[str] = (),
    student_ids: Iterable[str] = (),
) -> Redactor:
    """The redactor for one output: `words` hidden as whole words, `student_ids` as patterns."""
    number = {person.id: n for n, person in enumerate(in_order_met(people, entries), start=1)}
    numbers: dict[str, dict[str, int]] = {"name": {}, "id": {}, "part": {}, "slug_part": {}}
    for person in people:
        n = number[person.id]
        numbers["name"][person.name.lower()] = n
        for person_id in (person.id, slugify(person.name, fallback="person")):
            numbers["id"][person_id] = n
        for group, part in _name_parts(person.name):
            numbers[group][part] = AMBIGUOUS if numbers[group].get(part, n) != n else n
    handles = {value for person in people for value in person.handles.values() if value}
    alternatives = {
        "email": EMAIL,
        "link": _any_of(link for person in people for link in _links(person)),
        "handle": _any_of(handles),
        "name": _words(numbers["name"]),
        "id": _bounded(numbers["id"], "(?<![a-z0-9])", "(?![a-z0-9])"),
        "part": _words(numbers["part"]),
        "slug_part": _slug_parts(numbers["slug_part"]),
        "word": _words({word.strip().lower() for word in words if word.strip()}),
    }
    case_free = {"handle", "name", "word"}
    pattern = "|".join(
        f"(?P<{group}>{'(?i:' + regex + ')' if group in case_free else regex})"
        for group, regex in alternatives.items()
        if regex
    )
    return Redactor(re.compile(pattern), numbers, tuple(re.compile(p) for p in student_ids))


def in_order_met(people: Sequence[Person], entries: Iterable[Entry]) -> list[Person]:
    """People by when you met them (`met:`, else their first entry), then by id."""
    first: dict[str, dt.date] = {}
    by_name = {person.name.casefold(): person.id for person in people}
    for entry in entries:
        for ref in entry.people:
            person_id = by_name.get(ref.casefold(), ref)
            if entry.date < first.get(person_id, dt.date.max):
                first[person_id] = entry.date
    return sorted(people, key=lambda p: (p.met or first.get(p.id, dt.date.max), p.id))


def _name_parts(name: str) -> Iterable[tuple[str, str]]:
    """Each first, middle or last name as written, in capitals, and as it stands in an id."""
    for part in re.findall(r"[^\W\d_][\w'’-]*", name):
        if len(part) > 2 and part.casefold() not in TITLES:
            yield "part", part
            yield "part", part.upper()
            yield "slug_part", slugify(part, fallback="person")


def _links(person: Person) -> Iterable[str]:
    """A person's web addresses: a `url:` (or `website:`...) key pln keeps in `extra`."""
    for value in person.extra.values():
        if isinstance(value, str) and re.match(r"https?://", value.strip()):
            yield value.strip()


def _fold(group: str, found: str) -> str:
    return found.lower() if group == "name" else found


def _any_of(texts: Iterable[str]) -> str:
    """An alternation, longest first (so `jane-doe-2` wins over `jane-doe`)."""
    return "|".join(re.escape(text) for text in sorted(set(texts), key=lambda t: (-len(t), t)))


def _bounded(texts: Iterable[str], before: str, after: str) -> str:
    body = _any_of(texts)
    return f"{before}(?:{body}){after}" if body else ""


def _words(texts: Iterable[str]) -> str:
    """Whole words: no letter or digit just before or after (a hyphen or a space is a boundary)."""
    return _bounded(texts, WORD_BEFORE, WORD_AFTER)


def _slug_parts(texts: Iterable[str]) -> str:
    """A name part inside an id: lowercase, with a hyphen on at least one side (`coffee-with-jane`)."""
    body = _any_of(texts)
    if not body:
        return ""
    return f"(?<![a-z0-9])(?:{body})(?=-)|(?<=-)(?:{body})(?![a-z0-9])"


def _walk(value: Any, text: Any) -> Any:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {_walk(key, text): _walk(item, text) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_walk(item, text) for item in value]
        return items if isinstance(value, list) else tuple(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), text) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
