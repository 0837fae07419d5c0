"""Which commit HEAD is, read from git's own files without starting git (each git process costs
`pln status` about 8 ms): a key for what pln keeps of git's answers, never an answer itself.

`state` gives None whenever it cannot be sure (the repository moved by $GIT_DIR and friends, a
reftable, a symbolic ref it does not follow, replace refs or grafts, no commit yet): the caller then
asks git. What it reads besides HEAD's commit id is what could change `git log`'s answer for the
same HEAD: the repository's config and its shallow file (a `git fetch --unshallow`).
"""

from __future__ import annotations

import os
from pathlib import Path

# Variables that move the repository or rewrite its history: git then need not be where .git is.
MOVING = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_REPLACE_REF_BASE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_GRAFT_FILE",
    "GIT_SHALLOW_FILE",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
)
HEX = frozenset("0123456789abcdef")

State = tuple[str, str, str, tuple[int, int] | None, tuple[int, int] | None]


def state(root: Path) -> State | None:
    """(git folder, HEAD's commit id, `root` inside the work tree, the config's and the shallow
    file's (size, mtime_ns)), or None when only git itself can tell."""
    if any(name in os.environ for name in MOVING):
        return None
    try:
        found = _git_folder(root.resolve())
        if found is None:
            return None
        top, folder = found
        common = _common(folder)
        if (common / "refs" / "replace").exists() or (common / "info" / "grafts").exists():
            return None
        packed = _packed_refs(common / "packed-refs")
        if any(name.startswith("refs/replace/") for name in packed):
            return None
        commit = _head_commit(folder, common, packed)
        if commit is None:
            return None
        place = root.resolve().relative_to(top).as_posix()
        return (str(folder), commit, place, _stat(common / "config"), _stat(common / "shallow"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def outside(root: Path) -> bool:
    """True when `root` is surely in no repository: no `.git` in it or any folder above it, and
    nothing in the environment that would make git look elsewhere. git need not be asked then."""
    if any(name in os.environ for name in MOVING):
        return False
    try:
        start = root.resolve()
        return not any((top / ".git").exists() for top in (start, *start.parents))
    except OSError:
        return False


def _git_folder(start: Path) -> tuple[Path, Path] | None:
    """(work tree top, its git folder): the nearest `.git` upward, a folder or a `gitdir:` file."""
    for top in (start, *start.parents):
        dot = top / ".git"
        if dot.is_dir():
            return top, dot
        if dot.is_file():
            text = dot.read_text(encoding="utf-8").strip()
            if not text.startswith("gitdir: "):
                return None
            return top, (top / text.removeprefix("gitdir: ")).resolve()
    return None


def _common(folder: Path) -> Path:
    """Where a linked work tree's refs and objects live (`commondir`), else the folder itself."""
    pointer = folder / "commondir"
    if pointer.is_file():
        return (folder / pointer.read_text(encoding="utf-8").strip()).resolve()
    return folder


def _head_commit(folder: Path, common: Path, packed: dict[str, str]) -> str | None:
    head = (folder / "HEAD").read_text(encoding="utf-8").strip()
    if not head.startswith("ref: "):
        return head if _is_commit_id(head) else None
    ref = head.removeprefix("ref: ")
    if not ref.startswith("refs/heads/"):
        return None
    loose = common / ref
    if loose.is_file():
        commit = loose.read_text(encoding="utf-8").strip()
        return commit if _is_commit_id(commit) else None
    commit = packed.get(ref)  # none: no commit yet, or refs kept where this does not read (a reftable)
    return commit if commit is not None and _is_commit_id(commit) else None


def _packed_refs(path: Path) -> dict[str, str]:
    """{ref name: commit id} of `packed-refs` (its `^` peeled-tag lines and header left out)."""
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        commit, _, name = line.partition(" ")
        if name and not line.startswith(("#", "^")):
            found[name] = commit
    return found


def _is_commit_id(text: str) -> bool:
    return len(text) in (40, 64) and set(text) <= HEX


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return (found.st_size, found.st_mtime_ns)
