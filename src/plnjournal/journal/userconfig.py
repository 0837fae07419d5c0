"""The user's own settings, outside any journal: for now, the default journal (`pln config`)."""

from __future__ import annotations

import os
from pathlib import Path

from plnjournal.errors import PlnError

CONFIG_NAME = "config.yaml"
KEYS = ("journal",)


def config_path() -> Path:
    """`$PLN_CONFIG`, else config.yaml in the platform's config folder for pln."""
    explicit = os.environ.get("PLN_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_path

    return user_config_path("pln") / CONFIG_NAME


def read_config(strict: bool = False) -> dict[str, object]:
    """The config file's settings; {} when there is none. A file that cannot be read is {} too,
    unless `strict` (for `pln config`), where it is a PlnError naming the file and line."""
    from plnjournal.errors import FormatError
    from plnjournal.journal.fileformat import decode, parse_front_matter

    path = config_path()
    try:
        data, _ = parse_front_matter(decode(path.read_bytes()), 1)
    except FileNotFoundError:
        return {}
    except (OSError, FormatError) as problem:
        if not strict:
            return {}
        line = f":{problem.line}" if isinstance(problem, FormatError) and problem.line else ""
        message = problem.message if isinstance(problem, FormatError) else problem.strerror
        raise PlnError(f"{path}{line}: cannot read the pln config file: {message}") from None
    return data


def default_journal() -> Path | None:
    journal = read_config().get("journal")
    return Path(str(journal)).expanduser() if journal else None


def set_value(key: str, value: str) -> Path:
    """Write one setting through the atomic writer; returns the config file's path."""
    from plnjournal.journal.atomic import write_over
    from plnjournal.journal.fileformat import dump_front_matter

    if key not in KEYS:
        raise PlnError(f"unknown setting {key!r} (settings: {', '.join(KEYS)})")
    data = {**read_config(strict=True), key: value}
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_over(path, dump_front_matter(data))
    return path
