"""`pln credits init PACK`: the journal's own copy of a built-in rule pack, to edit for a district."""

from __future__ import annotations

from plnjournal.change import Change
from plnjournal.errors import PlnError, UsageError
from plnjournal.journal.atomic import write_new
from plnjournal.journal.ids import is_valid_id
from plnjournal.journal.pack_file import read, shipped
from plnjournal.journal.packs import FOLDER
from plnjournal.journal.settings import Journal


def copy_pack(journal: Journal, name: str, as_name: str | None = None) -> Change:
    """Copy the built-in pack NAME to `credits/AS_NAME.yaml`, comments and all; never overwrite."""
    packs = shipped()
    if name not in packs:
        raise PlnError(f"no built-in rule pack named {name!r}; the packs are: {', '.join(packs)}")
    target = as_name or name
    if not is_valid_id(target):
        raise UsageError(f"--as: {target!r} is not a name (lowercase letters, digits, hyphens)")
    read(target, f"{FOLDER}/{target}.yaml", packs[name])  # a copy must read as the original does
    relative = f"{FOLDER}/{target}.yaml"
    path = journal.root / relative
    if path.exists():
        raise PlnError(f"{relative} already exists; edit it, or give another name with --as")
    path.parent.mkdir(exist_ok=True)
    try:
        write_new(path, packs[name])
    except FileExistsError:
        raise PlnError(f"{relative} already exists; edit it, or give another name with --as") from None
    return Change(f"credits: copy the {name} rule pack", written=(relative,), created=(relative,))
