"""The journal on disk: finding it, its settings, ids and paths, and the one atomic writer.

Every write in pln goes through `write_new`, `write_over` or `remove`: a temp file in the same
folder, fsync, then a hard link (new files: fails if the name is taken, so two writers never share
a name) or `os.replace` (rewrites). A reader therefore sees each file either old or new, never torn.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PlnError
from .model import FOLDERS

CONFIG_FILE = "pln.yaml"
CACHE_DIR = ".pln"
TEMP_MARK = ".pln-tmp-"
MAX_SLUG = 80
MAX_ENTRY_SLUG = 60
LOCK_TIMEOUT = 30  # seconds a writer waits for another one
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-_])")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True, slots=True)
class Settings:
    """pln.yaml: the journal's settings, with the defaults DESIGN names."""

    owner: str | None = None
    daily_minutes_goal: int = 20
    school_year_start: tuple[int, int] = (7, 1)
    dormant_after_days: int = 90
    autocommit: bool = False


@dataclass(frozen=True, slots=True)
class Journal:
    root: Path
    settings: Settings

    def folder(self, kind: str) -> Path:
        return self.root / FOLDERS[kind]

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR


def find_journal(explicit: str | os.PathLike[str] | None, start: Path | None = None) -> Journal:
    """The journal named by --journal, $PLN_JOURNAL, the nearest pln.yaml upward, or the user default."""
    return open_journal(find_root(explicit, start))


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
    from .userconfig import default_journal

    return default_journal()


def open_journal(root: Path) -> Journal:
    return Journal(root.resolve(), read_settings(root / CONFIG_FILE))


def read_settings(path: Path) -> Settings:
    from .errors import FormatError
    from .fileformat import parse_front_matter

    try:
        data, _ = parse_front_matter(path.read_text(encoding="utf-8"), 1)
    except (FormatError, OSError, UnicodeDecodeError) as problem:
        raise PlnError(f"{path}: cannot read the journal settings: {problem}") from None
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
        )
    except (TypeError, ValueError) as problem:
        raise PlnError(f"{path}: bad setting: {problem}") from None


def _month_day(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(?:\d{4}-)?(\d{1,2})-(\d{1,2})", text.strip())
    if not match:
        raise ValueError(f"school_year_start {text!r} is not MM-DD")
    month, day = int(match[1]), int(match[2])
    import datetime as dt

    dt.date(2000, month, day)  # raises ValueError for an impossible day
    return month, day


def slugify(text: str, *, fallback: str, limit: int = MAX_SLUG) -> str:
    """An id from a name: lowercase ASCII words joined by hyphens, never a path trick."""
    text = _ESCAPE_SEQUENCE.sub("", text)  # `\x1b[2J` would otherwise leave `2j` in the id
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1].rfind("-")
        slug = slug[: cut if cut > limit // 2 else limit].strip("-")
    if not slug:
        import hashlib

        slug = f"{fallback}-{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"
    if slug in _RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def is_valid_id(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text)) and len(text) <= 120


def record_files(root: Path, kind: str) -> Iterator[Path]:
    """The Markdown files of one kind, in path order, skipping hidden and temporary files."""
    folder = root / FOLDERS[kind]
    if kind == "entry":
        yield from sorted(_walk_markdown(folder))
    else:
        yield from sorted(_markdown_in(folder))


def is_record_name(name: str) -> bool:
    """A Markdown file that is not hidden: pln's temp files (`.NAME.pln-tmp-XXXX`) never are."""
    return name.endswith(".md") and not name.startswith(".")


def _markdown_in(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as scan:
            for item in scan:
                if is_record_name(item.name) and not item.is_dir():
                    yield Path(item.path)
    except (FileNotFoundError, NotADirectoryError):
        return


def _walk_markdown(folder: Path) -> Iterator[Path]:
    for current, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if is_record_name(name):
                yield Path(current, name)


def write_new(path: Path, text: str | bytes) -> None:
    """Create `path` with `text` (or bytes, for a copied file), all at once; FileExistsError if the
    name is taken."""
    with _reported(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise PlnError(f"cannot write {path}: {path.parent} is a file, not a folder") from None
    with _reported(path, passing=FileExistsError):
        temp = _write_temp(path, text)
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: claim the name, then fill it
            _claim_and_fill(path, text)
        finally:
            temp.unlink(missing_ok=True)
        _sync_folder(path.parent)


def write_over(path: Path, text: str) -> bool:
    """Replace `path` with `text` atomically; False (nothing written) when it already holds it."""
    refuse_link(path)
    data = text.encode("utf-8")
    with _reported(path):
        with contextlib.suppress(FileNotFoundError):
            if path.read_bytes() == data:
                return False
        temp = _write_temp(path, text)
        try:
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)
        _sync_folder(path.parent)
    return True


def refuse_link(path: Path) -> None:
    """A record that is a symbolic link may point outside the journal: never write through it."""
    if path.is_symlink():
        raise PlnError(f"{path}: is a symbolic link; pln does not write through links")


def remove(path: Path) -> None:
    with _reported(path):
        path.unlink()
        _sync_folder(path.parent)


@contextlib.contextmanager
def _reported(path: Path, passing: type[OSError] | None = None) -> Iterator[None]:
    """An OS error (read-only disk, full disk, a file where a folder should be) as one clear line."""
    try:
        yield
    except OSError as problem:
        if passing is not None and isinstance(problem, passing):
            raise
        raise PlnError(f"cannot write {path}: {problem.strerror or problem}") from None


def replace_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, without fsync: for `.pln/` caches, which a reader
    checks whole and rebuilds when a crash left them torn, so durability is not worth the wait."""
    path.parent.mkdir(exist_ok=True)
    temp = _write_temp(path, data, durable=False)
    try:
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _write_temp(path: Path, content: str | bytes, *, durable: bool = True) -> Path:
    temp = path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _claim_and_fill(path: Path, text: str | bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_unique(folder: Path, stem: str, text: str | bytes, suffix: str = ".md") -> Path:
    """Create `folder/stem.md`, or `stem-2.md`, `stem-3.md`... if that name is taken."""
    for number in range(1, 10_000):
        record_id = stem if number == 1 else f"{stem}-{number}"
        path = folder / f"{record_id}{suffix}"
        try:
            write_new(path, text)
        except FileExistsError:
            continue
        return path
    raise PlnError(f"{folder}: no free file name for {stem!r}")


def cache_folder(journal: Journal) -> Path:
    """`.pln/`, made on first use; its own `.gitignore` keeps it out of git whatever the journal's says."""
    folder = journal.cache_dir
    folder.mkdir(exist_ok=True)
    if not (folder / ".gitignore").exists():
        with contextlib.suppress(FileExistsError):  # another pln made it meanwhile
            write_new(folder / ".gitignore", "# pln's caches and lock: never committed\n*\n")
    return folder


def first_time(journal: Journal, notice: str) -> bool:
    """True the first time `notice` is asked about in this journal (remembered in `.pln/`)."""
    try:
        os.close(os.open(cache_folder(journal) / f"said-{notice}", os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    except OSError:  # a read-only journal: better said again than never
        return True
    return True


@contextlib.contextmanager
def locked(journal: Journal) -> Iterator[None]:
    """Hold the journal's lock around a read-modify-write, so two of them never interleave."""
    from filelock import FileLock, Timeout

    lock_path = journal.cache_dir / "lock"
    lock = FileLock(lock_path)
    try:
        cache_folder(journal)
        lock.acquire(timeout=LOCK_TIMEOUT)
    except Timeout:
        raise PlnError(f"another pln is writing this journal ({lock_path})") from None
    except OSError as problem:
        raise PlnError(f"cannot lock the journal ({lock_path}): {problem.strerror or problem}") from None
    try:
        yield
    finally:
        lock.release()
