"""`pln check --pack P`: what stops an entry's credit from counting, as Problems at `path:line`.

An entry claimed for credit (by `credit:` or by matching a category's `when:`) that lacks a field
the pack's log requires, credit claimed before the approval the pack wants first, and a `credit:`
naming a category the pack does not have. Pure: a Pack, entries and an Index in, Problems out.
"""

from __future__ import annotations

from collections.abc import Iterable

from plnjournal.journal.packs import Pack
from plnjournal.journal.refs import Index
from plnjournal.model import Entry
from plnjournal.problems import Problem, error
from plnjournal.reports.credits import Claim, approval_problem, claims_of, in_cycle, missing_fields


def pack_problems(pack: Pack, entries: Iterable[Entry], index: Index) -> list[Problem]:
    claims = claims_of(pack, in_cycle(entries), index)
    return [problem for claim in claims for problem in claim_problems(pack, claim, index)]


def claim_problems(pack: Pack, claim: Claim, index: Index) -> list[Problem]:
    entry, category = claim.entry, claim.category
    line = entry.lines.get("credit") or entry.lines.get("date") or 1
    if category is None:
        if not entry.credit_category:
            return []
        return [error(entry.path, line, "credit-unknown-category", claim.why)]
    claimed = f"claimed for {category.name} ({pack.id})"
    problems = []
    missing = missing_fields(pack, category, entry, index)
    if missing:
        message = f"{claimed}, but the pack's log needs {_keys(missing)}, which this entry lacks"
        problems.append(error(entry.path, line, "credit-missing-field", message))
    late = approval_problem(pack, category, entry)
    if late:
        at = entry.lines.get("approved") or line
        problems.append(error(entry.path, at, "credit-not-approved", f"{claimed}: {late}"))
    return problems


def _keys(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)
