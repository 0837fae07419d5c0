"""Searching entries: which words a query asks for, which entries hold them, how well, and where.

An entry matches when every word of the query begins a word of its title, growth notes, next,
applied, impact or body (case does not matter: "assess" finds "Assessment"). Its score counts the
matches, a title's weighing most; ties go to the newer entry. The index's FTS5 table only narrows
the entries to look at (see `cache.candidates`); the answer is always computed here from the
records, so a search with and without the index gives the same results in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plnjournal.model import Entry

_WORD = re.compile(r"\w+")
WEIGHTS = {"title": 3, "growth": 2, "next": 2, "applied": 2, "impact": 2, "body": 1}
CONTEXT_CHARS = 40  # shown either side of the first matching word


@dataclass(frozen=True, slots=True)
class Hit:
    """One entry a search found: its score, the field it matched best in and that field's words
    around the match, with the matching words' character spans inside `context`."""

    entry: Entry
    score: int
    field: str
    context: str
    spans: tuple[tuple[int, int], ...]


def words(text: str) -> tuple[str, ...]:
    """The query's words, lower-cased, each once, in order."""
    return tuple(dict.fromkeys(word.lower() for word in _WORD.findall(text)))


def fields(entry: Entry) -> list[tuple[str, str]]:
    """(field name, text) of each searched field an entry has, in weight order."""
    found = [("title", entry.title or "")]
    found.append(("growth", "\n".join(note for note in entry.growth.values() if isinstance(note, str))))
    found += [(name, getattr(entry, name) or "") for name in ("next", "applied", "impact")]
    found.append(("body", entry.body))
    return [(name, text) for name, text in found if text]


def indexed_text(entry: Entry) -> str:
    """What the index's FTS5 table holds for an entry: every searched field, one after another."""
    return "\n".join(text for _, text in fields(entry))


def search(entries: Iterable[Entry], query: tuple[str, ...]) -> list[Hit]:
    """The entries holding every query word, best first (then newest first, then by id)."""
    hits = [hit for entry in entries if (hit := _hit(entry, query)) is not None]
    hits.sort(key=lambda hit: (hit.entry.time or "", hit.entry.id), reverse=True)
    hits.sort(key=lambda hit: (hit.score, hit.entry.date), reverse=True)
    return hits


def _hit(entry: Entry, query: tuple[str, ...]) -> Hit | None:
    if not query:
        return None
    seen: set[str] = set()
    score = 0
    best: tuple[int, str, str, list[tuple[int, int]]] | None = None
    for name, text in fields(entry):
        spans = []
        for match in _WORD.finditer(text):
            word = match.group().lower()
            found = [term for term in query if word.startswith(term)]
            if found:
                seen.update(found)
                spans.append(match.span())
        if spans:
            score += len(spans) * WEIGHTS[name]
            if best is None or len(spans) * WEIGHTS[name] > best[0]:
                best = (len(spans) * WEIGHTS[name], name, text, spans)
    if best is None or len(seen) < len(query):
        return None
    context, shifted = _context(best[2], best[3])
    return Hit(entry, score, best[1], context, shifted)


def _context(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The words around the first match on one line, with the matches inside it."""
    first = spans[0][0]
    start = max(0, first - CONTEXT_CHARS)
    end = min(len(text), spans[0][1] + CONTEXT_CHARS)
    while start > 0 and text[start - 1].isalnum():
        start += 1
        if start >= first:
            break
    while end < len(text) and text[end].isalnum():
        end += 1
    piece = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    flat = prefix + re.sub(r"\s", " ", piece) + suffix
    shift = len(prefix) - start
    inside = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return flat, inside
