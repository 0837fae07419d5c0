"""plnjournal: a journal of an educator's professional learning network, as Markdown under git.

The pipeline, one package a step: `journal` (files -> frozen records + Problems, and the one atomic
writer) -> `validate` (records -> Problems) -> `reports` (pure: records in, plain data out) ->
`render` (table, json, csv, markdown, html). Writes are `ops` (journal + request in, `Change` out),
committed by `git`; `importing` reads other tools' notes; `cli` only parses, calls and renders.
Shared vocabulary: `model`, `errors`, `problems`, `change`, `dates`, `periods`, `query`, `text`,
`wikilinks` (how a reference reads in an Obsidian vault, written by `render`, read by `importing`).
"""

__version__ = "0.1.0"
