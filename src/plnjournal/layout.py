"""`pln init`: a new journal's folders, settings, README and .gitignore; nothing is overwritten."""

from __future__ import annotations

from pathlib import Path

from .change import Change
from .errors import PlnError
from .fileformat import dump_front_matter
from .model import FOLDERS
from .store import CACHE_DIR, CONFIG_FILE, write_new

FOLDER_NAMES = (*FOLDERS.values(), "evidence", "templates")
GITIGNORE = f"# pln's caches: rebuilt from the Markdown files whenever needed\n{CACHE_DIR}/\n"
README = """# {title}

This folder is a professional learning network journal kept with
[pln](https://pypi.org/project/plnjournal/): plain Markdown files with YAML front-matter.

- `people/`, `spaces/`, `tools/`: who, where and with what I learn
- `goals/`: what I am working towards
- `entries/YEAR/`: dated entries: what happened, what I took away, what I will try next
- `reflections/`: periodic reflections on the network itself
- `evidence/`: screenshots, certificates and slides that entries point at
- `templates/`: entry templates for `pln log --template NAME`; edit them to suit you

Edit any file by hand; `pln check` tells you if something no longer reads.
"""


def settings_text(owner: str | None, git: bool) -> str:
    settings = {
        "owner": owner,
        "daily_minutes_goal": 20,
        "school_year_start": "07-01",
        "dormant_after_days": 90,
        "git": {"autocommit": git},
    }
    return dump_front_matter({key: value for key, value in settings.items() if value is not None})


def create_journal(root: Path, owner: str | None, git: bool) -> Change:
    """Make the layout of a journal in `root`; refuses a folder that already holds one."""
    if (root / CONFIG_FILE).exists():
        raise PlnError(f"{root} is already a pln journal")
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name in FOLDER_NAMES:
            (root / name).mkdir(exist_ok=True)
        written = [CONFIG_FILE]
        write_new(root / CONFIG_FILE, settings_text(owner, git))
        for name, text in (
            (".gitignore", GITIGNORE),
            ("README.md", README.format(title=_title(owner))),
            *_template_files(),
        ):
            if not (root / name).exists():
                write_new(root / name, text)
                written.append(name)
    except OSError as problem:
        raise PlnError(f"cannot make a journal in {root}: {problem.strerror or problem}") from None
    return Change("init journal", written=tuple(written))


def _template_files() -> list[tuple[str, str]]:
    """The built-in entry templates, as the user's own editable copies."""
    from .templates import FOLDER, shipped_texts

    return [(f"{FOLDER}/{name}.md", text) for name, text in shipped_texts().items()]


def _title(owner: str | None) -> str:
    return f"{owner}'s learning network" if owner else "My learning network"
