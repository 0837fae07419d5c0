"""`pln import --from dayone` (Day One's JSON export) and `--from badge` (an Open Badges 2.0
assertion): entries in, idempotent, and a file of another kind named for what it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, write

DAYONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "5A8F1C2E9B7D4E0F8A1B2C3D4E5F6071",
            "creationDate": "2026-03-17T01:30:00Z",
            "modifiedDate": "2026-03-17T02:00:00Z",
            "timeZone": "America/Chicago",
            "starred": True,
            "tags": ["sschat", "moderating"],
            "text": (
                "# Moderated \\#sschat tonight\\!\n\nEight questions on English learners.\nNadia co-hosted."
            ),
            "location": {
                "placeName": "Home",
                "localityName": "Tulsa",
                "administrativeArea": "OK",
                "country": "United States",
                "latitude": 36.15,
            },
            "photos": [{"identifier": "ABC", "md5": "0123", "type": "jpeg"}],
        },
        {
            "uuid": "6B9F1C2E9B7D4E0F8A1B2C3D4E5F6072",
            "creationDate": "2026-03-18T12:05:00Z",
            "timeZone": "America/Chicago",
            "starred": False,
            "text": "Read two chapters of Grading for Equity over lunch.",
        },
        {"uuid": "7C", "text": "no date here"},
    ],
}

ASSERTION = {
    "@context": "https://w3id.org/openbadges/v2",
    "type": "Assertion",
    "id": "https://badges.example.org/assertions/8f2c1e",
    "recipient": {"type": "email", "hashed": True, "salt": "deadsea", "identity": "sha256$c7ef8640"},
    "issuedOn": "2026-05-20T15:00:00-05:00",
    "verification": {"type": "hosted"},
    "badge": {
        "type": "BadgeClass",
        "id": "https://badges.example.org/badges/inquiry-design",
        "name": "Designing Inquiry Lessons",
        "description": "Designs and teaches a lesson built on student questions.",
        "criteria": {"narrative": "Submit a lesson plan, student work and a reflection."},
        "tags": ["inquiry"],
        "issuer": {
            "type": "Profile",
            "id": "https://badges.example.org/issuer",
            "name": "Digital Promise",
            "url": "https://digitalpromise.org",
        },
    },
    "evidence": [
        {"id": "https://example.org/portfolio/qft-lesson", "narrative": "QFT lesson on the Dust Bowl."}
    ],
}


def entry_text(journal: Path, stem: str) -> str:
    return next((journal / "entries").rglob(f"{stem}.md")).read_text(encoding="utf-8")


def test_dayone_entries_in_local_time_with_title_tags_and_place(
    pln: Run, journal: Path, tmp_path: Path
) -> None:
    source = write(tmp_path / "Journal.json", json.dumps(DAYONE))
    result = pln("import", "--from", "dayone", str(source))
    assert result.exit_code == 1  # one entry has no date
    assert "Journal.json: 2 new, 0 skipped (already imported), 1 rejected" in result.stderr
    assert "pln: warning: Journal.json entry 3: no creationDate" in result.stderr
    assert "Journal.json entry 1 (2026-03-17): 1 photo in Day One's export, not copied" in result.stderr
    assert entry_text(journal, "2026-03-16-moderated-sschat-tonight") == (
        "---\ndate: 2026-03-16\ntime: '20:30'\ntitle: 'Moderated #sschat tonight!'\n"
        "tags: [sschat, moderating, starred]\nsource: dayone:5A8F1C2E9B7D4E0F8A1B2C3D4E5F6071\n"
        "location: Home, Tulsa, OK, United States\ndayone_media: 1 photo in Day One's export, not copied\n"
        "---\nEight questions on English learners.\nNadia co-hosted.\n"
    )
    lunch = entry_text(journal, "2026-03-18-read-two-chapters-of-grading-for-equity-over-lunch")
    assert "time: '07:05'\n" in lunch and lunch.endswith(
        "---\nRead two chapters of Grading for Equity over lunch.\n"
    )
    again = pln("import", "--from", "dayone", str(source))
    assert "0 new, 2 skipped (already imported), 1 rejected" in again.stderr


def test_dayone_refuses_a_jrnl_export(pln: Run, tmp_path: Path) -> None:
    source = write(
        tmp_path / "jrnl.json", json.dumps({"tags": {}, "entries": [{"date": "2024-01-01", "body": ""}]})
    )
    result = pln("import", "--from", "dayone", str(source))
    assert result.exit_code == 1
    assert result.stderr == (
        f"pln: error: {source}: not a Day One JSON export (Journal.json from Day One's 'Export > JSON'); "
        "it looks like a jrnl JSON export (--from jrnl)\n"
    )


def test_badge_with_embedded_class_and_issuer(pln: Run, journal: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "badge.json", json.dumps(ASSERTION))
    dry = pln("import", "--from", "badge", str(source), "--dry-run")
    assert dry.stdout.splitlines() == [
        "would write evidence/2026-05-20-designing-inquiry-lessons-badge.json",
        "would write entries/2026/2026-05-20-designing-inquiry-lessons.md",
    ]
    assert not (journal / "evidence" / "2026-05-20-designing-inquiry-lessons-badge.json").exists()
    result = pln("import", "--from", "badge", str(source))
    assert result.exit_code == 0, result.stderr
    assert entry_text(journal, "2026-05-20-designing-inquiry-lessons") == (
        "---\ndate: 2026-05-20\ntitle: Designing Inquiry Lessons\ntags: [badge, inquiry]\n"
        "evidence: ['https://badges.example.org/assertions/8f2c1e', "
        "'https://example.org/portfolio/qft-lesson', "
        "evidence/2026-05-20-designing-inquiry-lessons-badge.json]\n"
        "verified_by: Digital Promise\nsource: badge:https://badges.example.org/assertions/8f2c1e\n---\n"
        "Designs and teaches a lesson built on student questions.\n\n"
        "Criteria: Submit a lesson plan, student work and a reflection.\n\n"
        "Issued by Digital Promise (https://digitalpromise.org).\n\nEvidence: QFT lesson on the Dust Bowl.\n"
    )
    copy = journal / "evidence" / "2026-05-20-designing-inquiry-lessons-badge.json"
    assert json.loads(copy.read_text(encoding="utf-8")) == ASSERTION  # the credential itself, kept
    assert "0 new, 1 skipped (already imported)" in pln("import", "--from", "badge", str(source)).stderr


def test_badge_known_by_url_only_says_what_is_not_there(pln: Run, journal: Path, tmp_path: Path) -> None:
    assertion = {
        **ASSERTION,
        "id": "urn:uuid:1b3c",
        "badge": "https://badges.example.org/badges/el-strategies",
        "evidence": "https://example.org/el-unit",
    }
    source = write(tmp_path / "el.json", json.dumps(assertion))
    result = pln("import", "--from", "badge", str(source))
    assert result.exit_code == 0, result.stderr
    assert (
        "pln: el.json assertion (Open Badge el-strategies): not in the file, and pln does not fetch: "
        "the badge at https://badges.example.org/badges/el-strategies\n"
    ) in result.stderr
    text = entry_text(journal, "2026-05-20-open-badge-el-strategies")
    assert "verified_by: not named in the assertion\n" in text
    assert "evidence: ['https://example.org/el-unit', evidence/" in text


@pytest.mark.parametrize(
    ("data", "looks"),
    [
        (
            {
                "@context": "https://www.w3.org/ns/credentials/v2",
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
            },
            "an Open Badges 3.0 credential (pln reads Open Badges 2.0 assertions)",
        ),
        ({"uid": "abc", "verify": {"type": "hosted"}, "badge": "https://x"}, "an Open Badges 1.0 assertion"),
        ({"type": "BadgeClass", "name": "X"}, "an Open Badges badge class (the badge, not the assertion"),
    ],
)
def test_badge_refuses_other_badge_files(pln: Run, tmp_path: Path, data: dict, looks: str) -> None:
    source = write(tmp_path / "b.json", json.dumps(data))
    result = pln("import", "--from", "badge", str(source))
    assert result.exit_code == 1 and f"it looks like {looks}" in result.stderr
