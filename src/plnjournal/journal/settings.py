"""The journal on disk: finding it (--journal, $PLN_JOURNAL, the nearest pln.yaml, the user
default) and its settings in pln.yaml."""

from __future__ import annotations

import os
import re
from dataclasses import field
from pathlib import Path
from typing import Any

from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.journal.files import CACHE_DIR
from plnjournal.model import FOLDERS

CONFIG_FILE = "pln.yaml"


@frozen
class Settings:
    """pln.yaml: the journal's settings, with the defaults DESIGN names."""

    owner: str | None = None
    daily_minutes_goal: int = 20
    school_year_start: tuple[int, int] = (7, 1)
    dormant_after_days: int = 90
    autocommit: bool = False
    cadence: tuple[tuple[str, str], ...] = ()  # ("role:mentor", "30d"), ("tag:edcamp", "90d")
    fields: dict[str, str] = field(default_factory=dict)  # your own keys' types: text, number, date
    redact: tuple[str, ...] = ()  # words --redact replaces in every text (students' names...)
    student_id_patterns: tuple[str, ...] = ()  # `privacy: {student_id_patterns: [...]}`: regexes


@frozen
class Journal:
    """A journal folder and its settings: where every command reads and writes."""

    root: Path
    settings: Settings
    use_cache: bool = True  # False under `pln --no-cache`: load() neither reads nor writes .pln/

    def folder(self, kind: str) -> Path:
        return self.root / FOLDERS[kind]

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR


def find_journal(
    explicit: str | os.PathLike[str] | None, start: Path | None = None, *, use_cache: bool = True
) -> Journal:
    """The journal named by --journal, $PLN_JOURNAL, the nearest pln.yaml upward, or the user default;
    `use_cache=False` (`pln --no-cache`) reads its settings from pln.yaml itself, never the index."""
    return open_journal(find_root(explicit, start), use_cache=use_cache)


def find_root(explicit: str | os.PathLike[str] | None, start: Path | None = None) -> Path:
    """The folder `find_journal` opens, without reading its settings (for shell completion)."""
    for candidate in (explicit, os.environ.get("PLN_JOURNAL") or None):
        if candidate:
            root = Path(candidate).expanduser()
            if not (root / CONFIG_FILE).is_file():
                raise PlnError(f"{root} is not a pln journal (no {CONFIG_FILE}); run 'pln init {root}'")
            return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    default = user_default_journal()
    if default is not None and (default / CONFIG_FILE).is_file():
        return default
    raise PlnError("no journal here (no pln.yaml in this folder or above); run 'pln init DIR'")


def user_default_journal() -> Path | None:
    """The default journal of the user config file, if one is set (see `pln config`)."""
    from plnjournal.journal.userconfig import default_journal

    return default_journal()


def open_journal(root: Path, *, use_cache: bool = True) -> Journal:
    settings = read_settings(root / CONFIG_FILE, use_cache=use_cache)
    return Journal(root.resolve(), settings, use_cache=use_cache)


def read_settings(path: Path, *, use_cache: bool = True) -> Settings:
    """pln.yaml's settings; its parse is kept in the index while the file is unchanged, so most
    commands never import the YAML parser."""
    from plnjournal.journal import cache

    data = cache.settings_data(path) if use_cache else None
    if data is None:
        from plnjournal.errors import FormatError
        from plnjournal.journal.fileformat import parse_front_matter

        try:
            data, _ = parse_front_matter(path.read_text(encoding="utf-8"), 1)
        except (FormatError, OSError, UnicodeDecodeError) as problem:
            raise PlnError(f"{path}: cannot read the journal settings: {problem}") from None
        settings = _settings_from(data, path)  # only good settings are kept
        if use_cache:
            cache.keep_settings(path, data)
        return settings
    return _settings_from(data, path)


def _settings_from(data: dict[str, Any], path: Path) -> Settings:
    git = data.get("git")
    try:
        return Settings(
            owner=None if data.get("owner") is None else str(data["owner"]),
            daily_minutes_goal=int(data.get("daily_minutes_goal", 20)),
            school_year_start=_month_day(str(data.get("school_year_start", "07-01"))),
            dormant_after_days=int(data.get("dormant_after_days", 90)),
            autocommit=bool(git.get("autocommit", False)) if isinstance(git, dict) else False,
            cadence=_cadence_rules(data.get("cadence")),
            fields=_fields(data.get("fields")),
            redact=_words(data.get("redact")),
            student_id_patterns=_student_id_patterns(data.get("privacy"), path),
        )
    except (TypeError, ValueError) as problem:
        raise PlnError(f"{path}: bad setting: {problem}") from None


def _words(value: Any) -> tuple[str, ...]:
    """`redact: [Sam, Jordan Lee]` (one word may stand alone)."""
    if value is None:
        return ()
    if isinstance(value, dict):
        raise ValueError("redact should be a list of words or names, e.g. redact: [Sam, Jordan Lee]")
    values = value if isinstance(value, list) else [value]
    return tuple(str(word).strip() for word in values if word is not None and str(word).strip())


def _student_id_patterns(value: Any, path: Path) -> tuple[str, ...]:
    """`privacy: {student_id_patterns: ['S\\d{7}']}`, each a regular expression pln can use."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ValueError("privacy should hold student_id_patterns: a list of patterns, e.g. ['S\\d{7}']")
    patterns = _words(value.get("student_id_patterns"))
    for pattern in patterns:
        if reason := _pattern_problem(pattern):
            line = _line_holding(path, pattern)
            raise PlnError(f"{path}:{line}: privacy: student_id_patterns: '{pattern}' {reason}")
    return patterns


def _pattern_problem(pattern: str) -> str | None:
    try:
        compiled = re.compile(pattern)
    except re.error as problem:
        return (
            f"is not a pattern pln can use ({problem.msg}); write one like S\\d{{7}} (an S and seven digits)"
        )
    if compiled.fullmatch(""):
        return "matches empty text, so it would find a student ID everywhere"
    return None


def _line_holding(path: Path, text: str) -> int:
    """The line of pln.yaml that holds `text` (as written, or with its backslashes doubled)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for variant in (text, text.replace("\\", "\\\\")):
        for number, line in enumerate(lines, start=1):
            if variant in line:
                return number
    return next((n for n, line in enumerate(lines, start=1) if line.startswith("privacy:")), 1)


def _cadence_rules(value: Any) -> tuple[tuple[str, str], ...]:
    """`cadence: {role:mentor: 30d, tag:edcamp: 90d}`: keep-in-touch cadences by role or tag."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ValueError("cadence must map role:NAME or tag:NAME to a cadence like 30d")
    rules = []
    for key, cadence in value.items():
        field_name, _, name = str(key).partition(":")
        if field_name.strip() not in ("role", "tag") or not name.strip():
            raise ValueError(f"cadence: {key!r} is not role:NAME or tag:NAME")
        rules.append((f"{field_name.strip()}:{name.strip()}", str(cadence)))
    return tuple(rules)


def _month_day(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(?:\d{4}-)?(\d{1,2})-(\d{1,2})", text.strip())
    if not match:
        raise ValueError(f"school_year_start {text!r} is not MM-DD")
    month, day = int(match[1]), int(match[2])
    import datetime as dt

    dt.date(2000, month, day)  # raises ValueError for an impossible day
    return month, day


def _fields(value: Any) -> dict[str, str]:
    """`fields: {course: text, credits: number}`: the types of keys pln does not know itself."""
    from plnjournal.model import RECORD_TYPES, record_keys
    from plnjournal.where import FIELD_TYPES

    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("fields should be KEY: TYPE lines, e.g. fields: {course: text, credits: number}")
    known = {key for cls in RECORD_TYPES.values() for key in record_keys(cls)}
    found = {}
    for key, kind in value.items():
        if str(key) in known:
            raise ValueError(f"fields: {key!r} is a key pln knows already; type only your own keys")
        if kind not in FIELD_TYPES:
            raise ValueError(f"fields: {key!r} has the type {kind!r}; use one of {', '.join(FIELD_TYPES)}")
        found[str(key)] = str(kind)
    return found
