"""The stat walk: every Markdown file of a kind with its stat key (size, mtime_ns, ctime_ns), in
path order. Every command that reads the journal starts here, and the index (cache.py) trusts a
row only while its file's key is the one walked, so this is the floor of every warm command: at
50,000 entries, 50,000 `stat` calls.

A big journal's entries are walked in two halves at once, as git's preload-index does: a forked
process stats the later half of the folders under entries/ while this one stats the first (Python
threads would take turns on one lock). Whether a journal is big is told by its index's size, one
`stat`, so a small journal never pays for the fork; the result is the same either way.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from stat import S_ISDIR, S_ISLNK
from typing import Any

from plnjournal.journal import cache
from plnjournal.model import FOLDERS

Listed = list[tuple[str, "cache.Stat | None"]]  # each file's path and stat key, in path order
Walk = dict[str, tuple[Listed, list[str]]]  # by kind: its files, and its folders that are links

# An index this large (about 8,000 entries) means enough files that halving the walk pays for
# the fork (measured at 10,000 entries on 2 cores); PLN_SPLIT_WALK_FROM moves it (tests).
SPLIT_FROM_INDEX_BYTES = 16_000_000
SPLIT_VARIABLE = "PLN_SPLIT_WALK_FROM"


def walk(root: Path, kinds: Iterable[str]) -> Walk:
    """`scan` of each kind: its files with their stat keys, and its linked folders."""
    walked: Walk = {}
    for kind in kinds:
        links: list[str] = []
        walked[kind] = (scan(root, kind, links), links)
    return walked


def scan(root: Path, kind: str, links: list[str] | None = None) -> Listed:
    """(journal-relative path, stat key) of each Markdown file of `kind`, in path order.

    Hidden and temporary files are skipped; entries are searched in subfolders (entries/YEAR/),
    but not in a subfolder that is a symbolic link: its path goes to `links`, to be told.
    A file that cannot be stat'ed (a broken link) gets None, so it is parsed and its problem told.
    """
    found: Listed = []
    linked: list[str] = []
    folder, relative = str(root / FOLDERS[kind]), FOLDERS[kind]
    if kind == "entry" and _BY_HANDLE and _split(root):
        _in_halves(folder, relative, found, linked)
    else:
        _markdown_files(folder, relative, found, linked, recursive=kind == "entry")
    if links is not None:
        links.extend(sorted(linked))
    return found


def _split(root: Path) -> bool:
    """Whether the journal is big enough to walk its entries in two halves at once."""
    if not hasattr(os, "fork") or cores() < 2:
        return False
    try:
        size = os.stat(cache.index_file(root)).st_size
    except OSError:  # no index: a first run, which parsing dwarfs
        return False
    return size >= int(os.environ.get(SPLIT_VARIABLE) or SPLIT_FROM_INDEX_BYTES)


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _in_halves(folder: str, relative: str, found: Listed, links: list[str]) -> None:
    """`_markdown_files` of entries/, its later half of names walked by a forked process."""
    try:
        names = _names(folder, None, recursive=True)
    except (FileNotFoundError, NotADirectoryError):  # as `_markdown_files`: other errors are told
        return
    half = len(names) // 2
    theirs = forked(lambda: _walk_names(folder, relative, names[half:]))
    mine = _walk_names(folder, relative, names[:half])
    later = theirs() or _walk_names(folder, relative, names[half:])  # (a failed child: walked here)
    found.extend(mine[0] + later[0])
    links.extend(mine[1] + later[1])


def _walk_names(folder: str, relative: str, names: list[str]) -> tuple[Listed, list[str]]:
    found: Listed = []
    links: list[str] = []
    _markdown_files(folder, relative, found, links, recursive=True, names=names)
    return found, links


def forked(work: Callable[[], Any]) -> Callable[[], Any]:
    """Run `work` in a forked process now; the function returned waits for it and gives what it
    returned (passed back marshalled), or None when it failed or gave what marshal cannot keep."""
    cache.written()  # no fork while a thread writes (the child would inherit its locks)
    reading, writing = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return lambda: None
    if child == 0:  # the child: never returns
        code = 1
        try:
            os.close(reading)
            with os.fdopen(writing, "wb") as out:
                out.write(marshal.dumps(work()))
            code = 0
        finally:
            os._exit(code)
    os.close(writing)

    def result() -> Any:
        with os.fdopen(reading, "rb") as received:
            data = received.read()
        _, status = os.waitpid(child, 0)
        if status != 0:
            return None
        try:
            return marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None

    return result


def _names(folder: str | int, in_folder: int | None, *, recursive: bool) -> list[str]:
    """The names in a folder a walk stats, sorted: no hidden ones, and outside entries/ only
    Markdown files."""
    listed = os.listdir(folder if in_folder is None else in_folder)
    return sorted([name for name in listed if name[0] != "." and (recursive or name[-3:] == ".md")])


def _markdown_files(
    folder: str,
    relative: str,
    found: Listed,
    links: list[str],
    *,
    recursive: bool,
    parent: int | None = None,
    names: list[str] | None = None,
) -> None:
    """Append (relative path, stat key) of the Markdown files in `folder` to `found`, in path order:
    each folder's names sorted, a subfolder's files in its place (as comparing paths part by
    part would order them), which needs no key made per file. `names`: only these (`_names`).

    The folder is opened and its files stat'ed by name relative to it (`parent` is the open
    folder `folder` is named in), so the system does not resolve every file's whole path again:
    a fifth of the walk's time at 50,000 entries. Hidden names (.obsidian, pln's temp files) are
    never stat'ed, nor, outside entries/, anything but a Markdown name."""
    try:
        handle = os.open(folder, _OPEN_FOLDER, dir_fd=parent) if _BY_HANDLE else None
    except (FileNotFoundError, NotADirectoryError):
        return
    try:
        if names is None:
            try:
                names = _names(folder, handle, recursive=recursive)
            except (FileNotFoundError, NotADirectoryError):
                names = []
        _stat_each(folder, relative, names, found, links, recursive, handle)
    finally:
        if handle is not None:
            os.close(handle)


def _stat_each(
    folder: str,
    relative: str,
    names: list[str],
    found: Listed,
    links: list[str],
    recursive: bool,
    handle: int | None,
) -> None:
    """The one loop that runs for every file of a journal: no call in it that can be spared."""
    base = "" if handle is not None else folder + os.sep  # a name in the open folder, or a path
    prefix, add, stat_of = relative + "/", found.append, os.stat
    for name in names:
        try:
            stat = stat_of(base + name, dir_fd=handle)
        except OSError:  # a broken link: a record's is parsed, and its problem told
            if name[-3:] == ".md":
                add((prefix + name, None))
            continue
        if S_ISDIR(stat.st_mode):
            if recursive:
                _subfolder(folder, name, relative, found, links, handle)
        elif name[-3:] == ".md":
            add((prefix + name, (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)))  # cache.stat_key


def _subfolder(
    folder: str, name: str, relative: str, found: Listed, links: list[str], handle: int | None
) -> None:
    """Walk into a folder of entries (entries/2025/), or tell of it when it is a link."""
    inner = name if handle is not None else os.path.join(folder, name)
    if S_ISLNK(os.lstat(inner, dir_fd=handle).st_mode):
        links.append(f"{relative}/{name}")
    else:
        _markdown_files(inner, f"{relative}/{name}", found, links, recursive=True, parent=handle)


# Where the system can list an open folder and stat by name in it (Linux, macOS; not Windows).
_BY_HANDLE = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd and os.open in os.supports_dir_fd
_OPEN_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
