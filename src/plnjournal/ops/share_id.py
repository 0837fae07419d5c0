"""The journal's cohort share id: a random token in pln.yaml (`share_id:`), made on first use, so a
teacher's shares are counted once in a cohort without naming them. One atomic append under the
lock; the comments and order of pln.yaml are kept."""

from __future__ import annotations

import re
import secrets

from plnjournal.change import Change
from plnjournal.journal.atomic import write_over
from plnjournal.journal.lock import locked
from plnjournal.journal.settings import CONFIG_FILE, Journal

_SHARE_ID = re.compile(r"^share_id:\s*['\"]?([0-9a-f]{16,64})['\"]?\s*(?:#.*)?$", re.M)


def share_id(journal: Journal) -> tuple[str, Change | None]:
    """The id, and the change that wrote it when it was made now."""
    path = journal.root / CONFIG_FILE
    with locked(journal):
        text = path.read_text(encoding="utf-8")
        if found := _SHARE_ID.search(text):
            return found[1], None
        token = secrets.token_hex(8)
        ending = "" if text.endswith("\n") else "\n"
        write_over(path, f"{text}{ending}share_id: {token}  # counts your cohort shares once; names nobody\n")
    return token, Change("cohort share id", written=(CONFIG_FILE,))
