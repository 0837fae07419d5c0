"""The pages of `pln site`: the site's content (reports/site.py) and each report's data in,
{relative path: HTML page} out. Pure: the command writes them (cli/site.py).

Every page is one of render/html.py's self-contained pages (no JavaScript, nothing fetched, every
string escaped, print CSS), with a bar of relative links on top, so the folder opens from the file
system or any static host. The layout: `index.html`; `reports/NAME.html`; `people/ID.html`,
`spaces/`, `tools/`, `goals/`; `entries/index.html` (every entry) and `entries/ID.html`. An id
that is not a plain slug gets a file name of its own (`file_name`), so no id can leave its folder.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from plnjournal.model import FOLDERS, NAMED_KINDS
from plnjournal.render import html as h
from plnjournal.text import count

NEWEST_SHOWN = 20  # entries on the index; entries/index.html has them all
KIND_TITLES = {"person": "People", "space": "Spaces", "tool": "Tools", "goal": "Goals"}
REPORT_TITLES = {
    "status": "Where my network stands",
    "growth": "How my network made me grow",
    "network": "Who and where I learn with",
    "engagement": "How I take part",
    "impact": "From learning to practice to students",
    "portfolio": "Portfolio of professional learning",
    "credits": "Credit toward recertification",
}
SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,100}")
View = Callable[..., str]


def file_name(record_id: str) -> str:
    """The id itself when it is a plain slug; else a slug of it and a short hash (unique, safe)."""
    if SLUG.fullmatch(record_id) and ".." not in record_id:
        return record_id
    plain = re.sub(r"[^a-z0-9]+", "-", record_id.lower()).strip("-")[:60] or "record"
    return f"{plain}-{hashlib.sha1(record_id.encode()).hexdigest()[:8]}"


def record_path(kind: str, record_id: str) -> str:
    return f"{FOLDERS[kind]}/{file_name(record_id)}.html"


def report_path(name: str) -> str:
    return f"reports/{name}.html"


def href(page: str, target: str) -> str:
    """`target` relative to the folder of `page` (both relative to the site's root), URL-quoted."""
    return quote(posixpath.relpath(target, posixpath.dirname(page) or "."))


def anchor(page: str, target: str, text: str) -> h.Markup:
    return h.Markup(f'<a href="{h.esc(href(page, target))}">{h.esc(text)}</a>')


def pages(
    content: dict[str, Any], reports: dict[str, tuple[View, dict[str, Any]]], title: str
) -> dict[str, str]:
    """Every page of the site. `reports`: name -> (its html view, its data), in the order the
    index lists them; the network view is given the links to the record pages for its graph."""
    site = Pages(content, list(reports), title)
    made = {"index.html": site.index(), "entries/index.html": site.all_entries()}
    for name, (view, data) in reports.items():
        path = report_path(name)
        page = view(data, link=site.graph_link(path)) if name == "network" else view(data)
        made[path] = with_nav(page, site.nav(path))
    for kind in NAMED_KINDS:
        for record in content["records"][kind]:
            made[record_path(kind, record["id"])] = site.record(record)
    for entry in content["entries"]:
        made[record_path("entry", entry["id"])] = site.entry(entry)
    return made


def with_nav(page: str, nav: str) -> str:
    """A page made by a view, with the site's bar of links put first in its body."""
    return page.replace("<body>\n", f"<body>\n{nav}\n", 1)


class Pages:
    """The site's pages, made from its content; links are relative to the page they are on."""

    def __init__(self, content: dict[str, Any], reports: list[str], title: str) -> None:
        self.content, self.reports, self.title = content, reports, title
        self.entries = {entry["id"]: entry for entry in content["entries"]}

    def nav(self, page: str) -> str:
        links = [anchor(page, "index.html", self.title), anchor(page, "entries/index.html", "Entries")]
        links += [anchor(page, report_path(name), name) for name in self.reports]
        return '<nav class="site">' + " · ".join(links) + "</nav>"

    def graph_link(self, page: str) -> Callable[[str, str], str | None]:
        known = {(kind, r["id"]) for kind in NAMED_KINDS for r in self.content["records"][kind]}
        return lambda kind, rid: href(page, record_path(kind, rid)) if (kind, rid) in known else None

    def index(self) -> str:
        page = "index.html"
        items = [anchor(page, report_path(name), REPORT_TITLES.get(name, name)) for name in self.reports]
        sections = [h.section("Reports", h.bullets(items))] if items else []
        for kind in NAMED_KINDS:
            if records := self.content["records"][kind]:
                sections.append(h.section(KIND_TITLES[kind], self._record_table(page, records)))
        entries = self.content["entries"]
        newest = self._entry_table(page, [entry["id"] for entry in entries[:NEWEST_SHOWN]])
        every = ""
        if len(entries) > NEWEST_SHOWN:
            every = f"<p>{anchor(page, 'entries/index.html', f'All {len(entries)} entries')}</p>"
        sections.append(h.section("Newest entries", newest, every) if entries else "")
        return h.page(self.title, self._summary(), [s for s in sections if s], nav=self.nav(page))

    def _summary(self) -> str:
        records = self.content["records"]
        parts = [count(len(self.content["entries"]), "entry", "entries")]
        parts += [f"{len(records[kind])} {KIND_TITLES[kind].lower()}" for kind in NAMED_KINDS]
        return " · ".join(parts)

    def all_entries(self) -> str:
        page = "entries/index.html"
        table = self._entry_table(page, list(self.entries))
        return h.page(
            "Entries", self._summary(), [h.section("Every entry, newest first", table)], nav=self.nav(page)
        )

    def _record_table(self, page: str, records: list[dict[str, Any]]) -> str:
        rows = [
            [
                anchor(page, record_path(r["kind"], r["id"]), r["name"]),
                len(r["entries"]),
                r["minutes"],
                r["last_seen"] or "",
            ]
            for r in records
        ]
        return h.table(["Name", "Entries", "Minutes", "Last seen"], rows, numeric=frozenset({1, 2}))

    def _entry_table(self, page: str, ids: list[str]) -> str:
        rows = []
        for entry_id in ids:
            entry = self.entries[entry_id]
            facts = dict(entry["facts"])
            space = [self._link(page, item) for item in entry["links"].get("space", [])]
            title = anchor(page, record_path("entry", entry_id), entry["title"])
            rows.append([entry["date"], title, space, facts.get("engagement", ""), facts.get("minutes", "")])
        return h.table(["Date", "Title", "Space", "Engagement", "Minutes"], rows, numeric=frozenset({4}))

    def _link(self, page: str, item: dict[str, Any]) -> h.Markup | str:
        if item["id"] is None:
            return item["text"]
        return anchor(page, record_path(item["kind"], item["id"]), item["text"])

    def _about(self, page: str, record: dict[str, Any]) -> str:
        rows = [(key, self._value(value)) for key, value in record["facts"]]
        rows += [
            (key, ", ".join(self._cell(page, item) for item in items))
            for key, items in record["links"].items()
        ]
        return "<dl>" + "".join(f"<dt>{h.esc(key)}</dt><dd>{value}</dd>" for key, value in rows) + "</dl>"

    def _cell(self, page: str, item: dict[str, Any]) -> str:
        shown = self._link(page, item)
        return shown if isinstance(shown, h.Markup) else h.esc(shown)

    @staticmethod
    def _value(value: Any) -> str:
        """A fact as HTML: web addresses as links, lists joined, maps as 'key: value'."""
        if isinstance(value, list):
            return ", ".join(Pages._value(item) for item in value)
        if isinstance(value, dict):
            return ", ".join(f"{h.esc(key)}: {Pages._value(item)}" for key, item in value.items())
        if isinstance(value, str) and value.startswith(("https://", "http://")):
            return h.link(value)
        return h.esc(value)

    def record(self, record: dict[str, Any]) -> str:
        page = record_path(record["kind"], record["id"])
        sections = [h.section("About", self._about(page, record))]
        if record["body"].strip():
            sections.append(h.section("Notes", f'<div class="body">{h.esc(record["body"].strip())}</div>'))
        if record["entries"]:
            sections.append(h.section("Entries", self._entry_table(page, record["entries"])))
        seen = f", {record['first_seen']} to {record['last_seen']}" if record["entries"] else ""
        entries = count(len(record["entries"]), "entry", "entries")
        subtitle = f"{record['kind'].capitalize()} · {entries}, {record['minutes']} minutes{seen}"
        return h.page(record["name"], subtitle, sections, nav=self.nav(page))

    def entry(self, entry: dict[str, Any]) -> str:
        page = record_path("entry", entry["id"])
        sections = [h.section("About", self._about(page, entry))]
        if entry["growth"]:
            items = [
                f"<strong>{h.esc(name)}</strong>" + (f": {h.esc(note)}" if note else "")
                for name, note in entry["growth"].items()
            ]
            sections.append(h.section("Growth", h.bullets(items)))
        if entry["body"].strip():
            sections.append(
                h.section("In my own words", f'<div class="body">{h.esc(entry["body"].strip())}</div>')
            )
        return h.page(entry["title"], entry["date"], sections, nav=self.nav(page))
