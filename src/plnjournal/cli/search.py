"""`pln search TEXT`: the entries holding every word, best first, each with its words in context."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import FormatOption
from plnjournal.cli.context import current
from plnjournal.cli.entry_filters import filter_options
from plnjournal.query import FilterOptions  # at run time: typer reads the signature

if TYPE_CHECKING:
    from plnjournal.search import Hit


@filter_options()
def search(
    filters: FilterOptions,
    text: Annotated[list[str], typer.Argument(metavar="TEXT", help="The words to find.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many.", min=1)] = 20,
    fmt: Annotated[Literal["table", "json"], FormatOption] = "table",
) -> None:
    """Entries whose title, growth notes, next, applied, impact or notes hold every word of TEXT
    (a word also finds longer ones: "assess" finds "assessment"), best first."""
    from plnjournal.cli.common import warn_skipped
    from plnjournal.errors import UsageError
    from plnjournal.journal.load import load
    from plnjournal.journal.lookup import named_index
    from plnjournal.journal.scan import search_narrowing
    from plnjournal.journal.words import Ranking
    from plnjournal.query import read_filters, select_entries
    from plnjournal.search import search as find
    from plnjournal.search import words

    query = words(" ".join(text))
    if not query:
        raise UsageError("TEXT: give at least one word to search for")
    journal = current().journal()
    # the index's FTS5 table, when it has one: without filters it scores and counts most entries
    ranking = Ranking(journal.root, query, limit) if filters == FilterOptions() else None
    narrow = ranking or search_narrowing(journal.root, query)
    loaded = load(journal, ("entry",), narrow_entries=narrow)
    warn_skipped(loaded)
    index = named_index(journal, told=warn_skipped)  # the other kinds: only for a filter naming one
    chosen = read_filters(filters, index, settings=journal.settings)
    entries = select_entries(loaded.entries, chosen, index)
    hits = find(entries, query)
    shown = hits[:limit]
    if fmt == "json":
        output.json_data([_json(hit) for hit in shown])
    else:
        _table(shown)
    unscored = ranking.unscored if ranking else ()
    total = (
        ranking.total(len(hits), sum(hit.entry.path in unscored for hit in hits)) if ranking else len(hits)
    )
    if total > len(shown):
        output.hint(f"{total} entries match; showing the best {len(shown)} (more with --limit)")
    elif not hits:
        output.hint("no entry holds every word of that")


def _json(hit: Hit) -> dict[str, object]:
    entry = hit.entry
    context, spans = hit.context()
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "title": entry.title,
        "path": entry.path,
        "score": hit.score,
        "field": hit.field,
        "context": context,
        "matches": [list(span) for span in spans],
    }


def _table(hits: list[Hit]) -> None:
    from plnjournal.text import clean_cell

    if output.is_terminal():
        from rich.table import Table
        from rich.text import Text

        table = Table(header_style="bold", box=None, pad_edge=False)
        for column in ("date", "entry", "in", "context"):
            table.add_column(column, overflow="fold")
        for hit in hits:
            words, spans = hit.context()
            context = Text(clean_cell(words))
            for start, end in spans:
                context.stylize("bold", start, end)
            table.add_row(hit.entry.date.isoformat(), hit.entry.id, hit.field, context)
        output.console().print(table)
        return
    from plnjournal.render.table import render_plain

    rows = [[hit.entry.date.isoformat(), hit.entry.id, hit.field, _marked(hit)] for hit in hits]
    output.data(render_plain(("date", "entry", "in", "context"), rows))


def _marked(hit: Hit) -> str:
    """The context with each matching word between asterisks, as Markdown would emphasise it."""
    (text, spans), last, pieces = hit.context(), 0, []
    for start, end in spans:
        pieces += [text[last:start], "*", text[start:end], "*"]
        last = end
    return "".join([*pieces, text[last:]])


def register(app: typer.Typer) -> None:
    app.command()(search)
