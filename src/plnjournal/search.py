"""Searching entries: which words a query asks for, which entries hold them, how well, and where.

An entry matches when every word of the query begins a word of its title, growth notes, next,
applied, impact or body (case does not matter: "assess" finds "Assessment"). Its score counts the
query words each field holds (a title weighing most, a notes body least) and, up to three,
how often; ties go to the newer entry. With the index, the entries whose text is plain (see
NOT_PLAIN) are scored by SQLite the same way (journal/words.py) and only the best are read; the
others are scored here from their records, so a search with and without the index gives the same
results in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plnjournal.frozen import frozen
from plnjournal.model import Entry

_WORD = re.compile(r"\w+")
WEIGHTS = {"title": 5, "growth": 2, "next": 2, "applied": 2, "impact": 2, "body": 1}
CONTEXT_CHARS = 40  # shown either side of the first matching word
REPEATS_COUNTED = 3  # a word said ten times weighs little more than one said three times
# Text FTS5 (the index's `words` table) splits into the very words Python's \w+ finds, lower-cased
# the same (tests/journal/test_words.py checks each character): ASCII, Latin letters, punctuation.
# Entries with any other character are scored from their records, never by the index.
NOT_PLAIN = re.compile("[^\x01-\u024f\u2000-\u2064]|[\u00b5\u0130\u017f\u01f0]")


@frozen
class Hit:
    """One entry a search found: its score, the field it matched best in, that field's text and
    the character spans of the matching words in it (see `context` for what to show)."""

    entry: Entry
    score: int
    field: str
    text: str
    spans: tuple[tuple[int, int], ...]

    def context(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The words around the first match on one line, and the matches' spans inside that."""
        return _context(self.text, self.spans)


def words(text: str) -> tuple[str, ...]:
    """The query's words, lower-cased, each once, in order."""
    return tuple(dict.fromkeys(word.lower() for word in _WORD.findall(text)))


def _texts(entry: Entry) -> list[tuple[str, str]]:
    """(field name, text) of every searched field, in weight order, "" where an entry has none."""
    found = [("title", entry.title or "")]
    found.append(("growth", "\n".join(note for note in entry.growth.values() if isinstance(note, str))))
    found += [(name, getattr(entry, name) or "") for name in ("next", "applied", "impact")]
    found.append(("body", entry.body))
    return found


def fields(entry: Entry) -> list[tuple[str, str]]:
    """(field name, text) of each searched field an entry has, in weight order."""
    return [(name, text) for name, text in _texts(entry) if text]


def indexed_text(entry: Entry, problems: bool) -> tuple[str, ...]:
    """What the index keeps for an entry (journal/words.py): each field's text (`WEIGHTS` order,
    the FTS5 table's columns), how `pln search` scores it and its place among equal scores.
    Scoring: "sql" (plain text, see NOT_PLAIN), "records" (read when FTS5 finds its words),
    "always" (read by every search, since its file has problems to tell)."""
    texts = [text for _, text in _texts(entry)]
    scoring = "always" if problems else "records" if any(map(NOT_PLAIN.search, texts)) else "sql"
    return (*texts, scoring, f"{entry.date.isoformat()}\0{entry.time or ''}\0{entry.id}")


def search(entries: Iterable[Entry], query: tuple[str, ...]) -> list[Hit]:
    """The entries holding every query word, best first (then newest first, then by id)."""
    if not query:
        return []
    finder = _finder(query)
    hits = [hit for entry in entries if (hit := _hit(entry, query, finder)) is not None]
    hits.sort(key=lambda hit: (hit.entry.time or "", hit.entry.id), reverse=True)
    hits.sort(key=lambda hit: (hit.score, hit.entry.date), reverse=True)
    return hits


def _finder(query: tuple[str, ...]) -> re.Pattern[str]:
    """Every whole word that begins with a query word, in any case (longest query words first)."""
    terms = "|".join(re.escape(term) for term in sorted(query, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{terms})\w*", re.IGNORECASE)


def _hit(entry: Entry, query: tuple[str, ...], finder: re.Pattern[str]) -> Hit | None:
    seen: set[str] = set()
    score = 0
    best: tuple[int, str, str, list[tuple[int, int]]] | None = None
    for name, text in fields(entry):
        spans, counts = _matches(text, query, finder)
        if not spans:
            continue
        seen.update(counts)
        points = WEIGHTS[name] * sum(2 + min(count, REPEATS_COUNTED) for count in counts.values())
        score += points
        if best is None or points > best[0]:
            best = (points, name, text, spans)
    if best is None or len(seen) < len(query):
        return None
    return Hit(entry, score, best[1], best[2], tuple(best[3]))


def _matches(
    text: str, query: tuple[str, ...], finder: re.Pattern[str]
) -> tuple[list[tuple[int, int]], dict[str, int]]:
    """The spans of the words of `text` that a query word begins, and how often each query word did."""
    spans: list[tuple[int, int]] = []
    counts: dict[str, int] = {}
    for match in finder.finditer(text):
        word = match.group().lower()
        found = [term for term in query if word.startswith(term)]
        if found:
            spans.append(match.span())
            for term in found:
                counts[term] = counts.get(term, 0) + 1
    return spans, counts


def _context(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    first = spans[0][0]
    start = max(0, first - CONTEXT_CHARS)
    end = min(len(text), spans[0][1] + CONTEXT_CHARS)
    while start > 0 and text[start - 1].isalnum():  # whole words only, at either end
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    piece = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    flat = prefix + re.sub(r"\s", " ", piece) + suffix
    shift = len(prefix) - start
    inside = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return flat, inside
