"""An Open Badges 2.0 assertion (a micro-credential, the JSON a badge platform such as Badgr,
Credly or Digital Promise lets you download) -> one entry: the badge's name as its title, the day
it was issued, the issuer as `verified_by`, the assertion's URL and its evidence in `evidence`, and
a copy of the assertion file in `evidence/`.

An assertion may embed its BadgeClass and the issuer's Profile, or name them by URL only. pln never
goes to the network: what is embedded is used, and what is only a URL is named in the entry and in
a hint. Open Badges 1.0 assertions and 3.0 credentials are refused, named as what they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from plnjournal.importing import Row, source_key
from plnjournal.importing.sniff import BADGE_ASSERTION, read_json

WHAT = "an Open Badges 2.0 assertion (the badge's JSON, type 'Assertion')"


def read_badge(path: Path) -> list[Row]:
    """The one entry an assertion makes; a PlnError when the file is not an OB 2.0 assertion."""
    data = read_json(path, WHAT, BADGE_ASSERTION)
    return [_row(path, data)]


def _row(path: Path, assertion: dict[str, Any]) -> Row:
    label = "assertion"
    issued = _day(assertion.get("issuedOn"))
    if issued is None:
        return Row(label, "", problem=f"issuedOn {assertion.get('issuedOn')!r} is not a date and time")
    badge = assertion.get("badge")
    badge_class = badge if isinstance(badge, dict) else {}
    issuer = badge_class.get("issuer")
    profile = issuer if isinstance(issuer, dict) else {}
    missing = [f"the badge at {badge}"] if isinstance(badge, str) else []
    missing += [f"the issuer at {issuer}"] if isinstance(issuer, str) else []
    name = _text(badge_class.get("name")) or f"Open Badge {_last_part(_text(badge)) or ''}".strip()
    values: dict[str, Any] = {
        "date": issued,
        "title": name,
        "verified_by": _text(profile.get("name")) or _text(issuer) or "not named in the assertion",
        "evidence": tuple(dict.fromkeys(_urls(assertion))),
        "tags": tuple(dict.fromkeys(["badge", *(_text(tag) for tag in _listed(badge_class.get("tags")))])),
    }
    identity = _text(assertion.get("id"))
    source = f"badge:{identity}" if identity else source_key("badge", path.read_text(encoding="utf-8-sig"))
    hint = f"not in the file, and pln does not fetch: {'; '.join(missing)}" if missing else None
    return Row(
        f"assertion ({name})",
        source,
        {key: value for key, value in values.items() if value},
        _body(assertion, badge_class, profile, missing),
        attachments=((path.name, path.read_bytes()),),
        hint=hint,
    )


def _last_part(url: str | None) -> str | None:
    """`https://example.org/badges/el-strategies` -> `el-strategies`: a name for a badge known by URL."""
    return url.rstrip("/").rsplit("/", 1)[-1] or None if url else None


def _day(value: Any) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


def _urls(assertion: dict[str, Any]) -> list[str]:
    """The assertion's own URL (where it can be verified), then each piece of evidence's URL."""
    urls = [_text(assertion.get("id"))]
    for item in _listed(assertion.get("evidence")):
        urls.append(_text(item.get("id")) if isinstance(item, dict) else _text(item))
    return [url for url in urls if url and url.startswith(("http://", "https://"))]


def _body(
    assertion: dict[str, Any], badge: dict[str, Any], profile: dict[str, Any], missing: list[str]
) -> str:
    """What the badge says about itself, in the entry's own words."""
    parts = [_text(badge.get("description"))]
    criteria = badge.get("criteria")
    narrative = _text(criteria.get("narrative")) if isinstance(criteria, dict) else None
    criteria_url = _text(criteria.get("id")) if isinstance(criteria, dict) else _text(criteria)
    if narrative or criteria_url:
        parts.append(f"Criteria: {narrative or criteria_url}")
    if issuer := _text(profile.get("name")):
        parts.append(
            f"Issued by {issuer}" + (f" ({url})" if (url := _text(profile.get("url"))) else "") + "."
        )
    parts.append(_text(assertion.get("narrative")))
    for item in _listed(assertion.get("evidence")):
        if isinstance(item, dict) and (
            text := _text(item.get("narrative")) or _text(item.get("description"))
        ):
            parts.append(f"Evidence: {text}")
    if expires := _text(assertion.get("expires")):
        parts.append(f"Expires {expires[:10]}.")
    if missing:
        parts.append(f"Not in the assertion file (pln does not fetch): {'; '.join(missing)}.")
    return "\n\n".join(part for part in parts if part)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
