"""The user's own settings, outside any journal: for now, the default journal (`pln config`)."""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_NAME = "config.yaml"


def config_path() -> Path:
    """`$PLN_CONFIG`, else config.yaml in the platform's config folder for pln."""
    explicit = os.environ.get("PLN_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_path

    return user_config_path("pln") / CONFIG_NAME


def read_config() -> dict[str, object]:
    from .errors import FormatError
    from .fileformat import parse_front_matter

    try:
        data, _ = parse_front_matter(config_path().read_text(encoding="utf-8"), 1)
    except (OSError, UnicodeDecodeError, FormatError):
        return {}
    return data


def default_journal() -> Path | None:
    journal = read_config().get("journal")
    return Path(str(journal)).expanduser() if journal else None
