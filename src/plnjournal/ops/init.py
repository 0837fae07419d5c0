"""`pln init` end to end: the layout, then git (init and a first commit) when asked and possible."""

from __future__ import annotations

from pathlib import Path

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.git import repository as git
from plnjournal.git.autocommit import IDENTITY_FIX
from plnjournal.journal.atomic import write_new
from plnjournal.journal.fileformat import dump_front_matter
from plnjournal.journal.files import FOLDER_NAMES
from plnjournal.journal.settings import CACHE_DIR, CONFIG_FILE
from plnjournal.ops.privacy import IGNORE_LINES


def init_journal(root: Path, owner: str | None, use_git: bool) -> list[str]:
    """Make a journal in `root`; the messages to show the user.

    Inside an existing repository no new one is nested: the journal's files are committed there,
    and nothing else the user has staged goes with them.
    """
    git_found = git.available()
    change = create_journal(root, owner, use_git and git_found)
    messages = [f"made a pln journal in {root}"]
    if not use_git:
        return messages
    if not git_found:
        return [*messages, "git is not installed here, so the journal is not under git (autocommit is off)"]
    try:
        made = git.init(root)
        messages.append("started a git repository there" if made else "it is in an existing git repository")
        git.commit(root, change.paths, change.message)
        messages.append(f"committed its files: {change.message}")
    except git.GitError as problem:
        fix = f"; {IDENTITY_FIX}" if git.needs_identity(problem) else ""
        messages.append(f"the journal is ready, but not committed: git said: {problem}{fix}")
    return messages


GITIGNORE = f"# pln's caches: rebuilt from the Markdown files whenever needed\n{CACHE_DIR}/\n" + "".join(
    IGNORE_LINES
)
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
    from plnjournal.journal.templates import FOLDER, shipped_texts

    return [(f"{FOLDER}/{name}.md", text) for name, text in shipped_texts().items()]


def _title(owner: str | None) -> str:
    return f"{owner}'s learning network" if owner else "My learning network"
