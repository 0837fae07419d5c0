"""Entry templates: a normal entry file whose front-matter gives defaults and whose body is a scaffold.

pln ships seven (package data in `plnjournal/templates/`); `pln init` copies them into the
journal's `templates/`, where the user edits them, and pln reads the journal's copy first.
Filling is plain text substitution of `{{name}}` placeholders in the body, in one pass, so a value
that itself looks like a placeholder stays text. Front-matter defaults never go through text: they
are parsed into record values, merged under the command line's, and written by the writer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field, fields
from pathlib import Path
from typing import Any

from plnjournal.errors import FormatError, PlnError
from plnjournal.frozen import frozen
from plnjournal.journal.fileformat import decode, parse_front_matter, split
from plnjournal.journal.refs import Index, unknown_message
from plnjournal.journal.schema import build_record, to_mapping, to_text
from plnjournal.journal.settings import Journal
from plnjournal.model import BASE_ATTRIBUTES, DIMENSIONS, Entry, display_name, field_key

FOLDER = "templates"
NONE = "none"  # `pln log --template none`: no template, even the space's default
TEMPLATE_ONLY_KEYS = ("description", "prompts")
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_NO_DATE = dt.date(2000, 1, 1)  # a template has no date; the entry's comes from the command line


@frozen
class Template:
    """An entry template: its defaults, its growth prompts and its body."""

    name: str
    path: str  # relative to the journal, or "built-in"
    description: str
    defaults: dict[str, Any] = field(default_factory=dict)  # Entry attribute -> value
    prompts: dict[str, str] = field(default_factory=dict)  # growth dimension -> question
    body: str = ""

    def under(self, values: dict[str, Any]) -> dict[str, Any]:
        """The template's defaults with `values` (what the user gave) on top."""
        return {**self.defaults, **values}


def _shipped_files() -> list[Any]:
    from importlib import resources  # (it imports tempfile: only for the commands that need it)

    folder = resources.files("plnjournal") / FOLDER
    return sorted((item for item in folder.iterdir() if item.name.endswith(".md")), key=lambda i: i.name)


def shipped_names() -> list[str]:
    """The names of the templates that come with pln (without reading them: for completion)."""
    return [item.name[:-3] for item in _shipped_files()]


def shipped_texts() -> dict[str, str]:
    """The templates that come with pln, by name."""
    return {item.name[:-3]: item.read_text(encoding="utf-8") for item in _shipped_files()}


def own_files(journal: Journal) -> dict[str, Path]:
    """The journal's own templates (templates/NAME.md), by name."""
    folder = journal.root / FOLDER
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.md")) if not path.name.startswith(".")}


def available(journal: Journal) -> list[Template]:
    """Every template: the journal's own, then the built-in ones it does not override."""
    own = own_files(journal)
    found = [load_file(journal, path) for path in own.values()]
    found += [parse(name, "built-in", text) for name, text in shipped_texts().items() if name not in own]
    return found


def load_template(journal: Journal, name: str) -> Template:
    """The journal's template `name`, else the built-in one; a PlnError with close names if none."""
    path = own_files(journal).get(name)
    if path is not None:
        return load_file(journal, path)
    shipped = shipped_texts()
    if name in shipped:
        return parse(name, "built-in", shipped[name])
    names = sorted({*own_files(journal), *shipped})
    import difflib

    close = difflib.get_close_matches(name, names, n=2)
    message = unknown_message("template", name, close)
    raise PlnError(f"{message} (templates: {', '.join(names)})" if not close else message)


def load_file(journal: Journal, path: Path) -> Template:
    relative = journal.relative(path)
    try:
        text = decode(path.read_bytes())
    except FormatError as problem:
        raise PlnError(f"{relative}:{problem.line or 1}: {problem.message}") from None
    except OSError as problem:
        raise PlnError(f"{relative}: cannot read: {problem.strerror or problem}") from None
    return parse(path.stem, relative, text)


def parse(name: str, path: str, text: str) -> Template:
    """A template parsed like an entry file, except that it needs no date (and may say what it is)."""
    try:
        parts = split(text)
        data, lines = ({}, {}) if parts.front_matter is None else parse_front_matter(parts.front_matter, 2)
    except FormatError as problem:
        raise PlnError(f"{path}:{problem.line or 1}: {problem.message}") from None
    description = to_text(data.pop("description", None)) or _first_line(parts.body)
    prompts = {dim: note for dim, note in to_mapping(data.pop("prompts", None)).items() if dim in DIMENSIONS}
    data.pop("date", None)
    given = set(data)
    record, problems = build_record(
        Entry, {**data, "date": _NO_DATE}, record_id=name, path=path, body=parts.body, lines=lines
    )
    errors = [problem for problem in problems if problem.level == "error"]
    if record is None or errors:
        raise PlnError(f"template {errors[0]}")
    defaults = {
        f.name: getattr(record, f.name)
        for f in fields(Entry)
        if f.name not in BASE_ATTRIBUTES and field_key(f.name) in given
    }
    if record.extra:
        defaults["extra"] = dict(record.extra)
    return Template(name, path, description, defaults, prompts, parts.body)


def _first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


def for_entry(journal: Journal, index: Index, name: str | None, space: str | None) -> Template | None:
    """The template a new entry uses: the one named, else its space's default, else none."""
    if name == NONE:
        return None
    if name:
        return load_template(journal, name)
    record = index.get("space", space) if space else None
    default = getattr(record, "template", None)
    return load_template(journal, default) if default else None


def fill(text: str, values: dict[str, str]) -> str:
    """`{{name}}` -> values[name] in one pass (a value is never scanned again); unknown ones stay."""
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def placeholders(values: dict[str, Any], index: Index, owner: str | None) -> dict[str, str]:
    """What `{{title}}`, `{{date}}`, `{{space}}`, `{{people}}`... stand for in a new entry."""

    def name_of(kind: str, ref: str) -> str:
        record = index.get(kind, ref)
        return display_name(record) if record else ref

    date: dt.date = values["date"]
    space = index.get("space", values["space"]) if values.get("space") else None
    return {
        "title": values.get("title") or "",
        "date": date.isoformat(),
        "weekday": date.strftime("%A"),
        "time": values.get("time") or "",
        "space": name_of("space", values["space"]) if values.get("space") else "",
        "hashtag": getattr(space, "hashtag", None) or "",
        "people": ", ".join(name_of("person", ref) for ref in values.get("people", ())),
        "tools": ", ".join(name_of("tool", ref) for ref in values.get("tools", ())),
        "goal": name_of("goal", values["goal"]) if values.get("goal") else "",
        "owner": owner or "",
    }


def apply(
    template: Template | None, values: dict[str, Any], index: Index, owner: str | None
) -> tuple[dict[str, Any], str]:
    """A new entry's values with the template's defaults under them, and its filled body scaffold."""
    if template is None:
        return values, ""
    merged = template.under(values)
    return merged, fill(template.body, placeholders(merged, index, owner))
