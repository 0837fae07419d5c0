"""`pln import --from markdown DIR` (Obsidian, zk, Hugo, Jekyll notes) and `pln export --format
obsidian DIR`, which the markdown importer reads back into the same journal."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, same_settings, write

OBSIDIAN_NOTE = """---
created: 2026-03-02
tags: [plc, grading]
speaker: "[[Priya Raman]]"
aliases: [PLC March]
minutes: lots
---
# PLC on retakes

Met with [[Chris Delgado]] in [[chms-social-studies-plc]]. We argued about #retakes and #sbg/rubrics.

```
#not-a-tag
```
"""
HUGO_TOML = """+++
title = "Edcamp session recap"
date = 2026-04-25T10:30:00-05:00
tags = ["edcamp", "qft"]
draft = false
+++

I led a session on the QFT.
"""
HUGO_JSON = """{
  "title": "Webinar on newcomers",
  "date": "2026-02-25",
  "categories": ["el"]
}

Notes from the webinar.
"""


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    write(root / ".obsidian" / "app.json", "{}")
    write(root / ".obsidian" / "ignored.md", "---\ndate: 2026-01-01\n---\nObsidian's own files stay out.\n")
    write(root / "PLC notes.md", OBSIDIAN_NOTE)
    write(root / "hugo-post.md", HUGO_TOML)
    write(root / "json-post.md", HUGO_JSON)
    write(root / "daily" / "2026-03-09.md", "Shared the blog post in #sschat with [[Nadia Haddad]].\n")
    write(root / "Ideas.md", "# Ideas to try\n\n- single point rubrics\n")
    return root


def pln_at(journal: Path) -> Run:
    return lambda *args, **kw: invoke("--journal", str(journal), *args, **kw)


def entry(journal: Path, stem: str) -> str:
    return next((journal / "entries").rglob(f"{stem}.md")).read_text(encoding="utf-8")


def test_notes_of_every_front_matter_become_entries(example_journal: Path, vault: Path) -> None:
    result = pln_at(example_journal)("import", "--from", "markdown", str(vault), "--no-commit")
    assert result.exit_code == 0, result.stderr
    assert (
        "vault: 4 new, 0 skipped (already imported), 0 rejected, 1 notes skipped (not entries)"
        in result.stderr
    )
    assert (
        "pln: vault Ideas.md: skipped: no date: no 'date' or 'created' key and no date in the file name "
        "(--map KEY=date names another key)"
    ) in result.stderr
    assert f"pln: warning: {vault}/PLC notes.md:6: minutes: 'lots' is not" in result.stderr
    plc = entry(example_journal, "2026-03-02-plc-on-retakes")
    assert plc.startswith(
        "---\ndate: 2026-03-02\ntitle: PLC on retakes\nspace: chms-social-studies-plc\n"
        "people: [priya-raman, chris-delgado]\ntags: [plc, grading, retakes, sbg/rubrics]\n"
        "source: markdown:PLC notes.md:"
    )
    assert "aliases: [PLC March]\nminutes: lots\n---\n# PLC on retakes\n" in plc  # kept as written
    assert "#not-a-tag" in plc and "not-a-tag]" not in plc  # code is not tagged, but kept
    hugo = entry(example_journal, "2026-04-25-edcamp-session-recap")
    assert "date: 2026-04-25\ntime: '10:30'\ntitle: Edcamp session recap\ntags: [edcamp, qft]\n" in hugo
    assert hugo.endswith("draft: false\n---\nI led a session on the QFT.\n")
    webinar = entry(example_journal, "2026-02-25-webinar-on-newcomers")
    assert "categories: [el]\n---\nNotes from the webinar.\n" in webinar
    daily = entry(example_journal, "2026-03-09-shared-the-blog-post-in-sschat-with-nadia-haddad")
    assert "people: [nadia-haddad]\ntags: [sschat]\n" in daily


def test_the_same_folder_twice_adds_nothing_and_is_one_commit(tmp_path: Path, vault: Path) -> None:
    journal = tmp_path / "j"
    invoke("init", str(journal), "--owner", "Ana Ruiz")
    pln = pln_at(journal)
    assert pln("add", "person", "Priya Raman").exit_code == 0
    first = pln("import", "--from", "markdown", str(vault))
    assert "4 new, 0 skipped" in first.stderr
    again = pln("import", "--from", "markdown", str(vault))
    assert "0 new, 4 skipped (already imported), 0 rejected, 1 notes skipped (not entries)" in again.stderr
    log = subprocess.run(
        ["git", "-C", str(journal), "log", "--format=%s"], capture_output=True, text=True
    ).stdout
    assert log.splitlines()[0] == "import 4 entries from vault"


def test_people_named_by_a_key_unquoted_links_too(pln: Run, journal: Path, tmp_path: Path) -> None:
    assert pln("add", "person", "Jane Doe").exit_code == 0
    notes = tmp_path / "notes"
    write(notes / "chat.md", "---\ndate: 2026-01-05\ntitle: Chat\npeople: [[Jane Doe]]\n---\nText\n")
    result = pln("import", "--from", "markdown", str(notes))
    assert result.exit_code == 0, result.stderr
    assert "people: [jane-doe]\n" in entry(journal, "2026-01-05-chat")


def test_dry_run_and_map(tmp_path: Path, vault: Path) -> None:
    journal = tmp_path / "j"
    invoke("init", str(journal), "--owner", "Ana Ruiz")
    write(vault / "Ideas.md", "---\nwhen: 2026-05-01\n---\n# Ideas to try\n")
    dry = pln_at(journal)("import", "--from", "markdown", str(vault), "--map", "When=date", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "would write entries/2026/2026-05-01-ideas-to-try.md" in dry.stdout.splitlines()
    assert "5 would be new" in dry.stderr and "(dry run: nothing written)" in dry.stderr
    assert not (journal / "entries" / "2026").exists()
    bad = pln_at(journal)("import", "--from", "markdown", str(vault), "--map", "When=birthday")
    assert bad.exit_code == 2 and "--map: 'birthday' is not one of date, time, title" in bad.stderr


def test_not_a_folder_of_notes_is_named(pln: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "Journal.json", json.dumps({"entries": [{"uuid": "A", "creationDate": "x"}]}))
    result = pln("import", "--from", "markdown", str(source))
    assert result.exit_code == 1
    assert result.stderr == (
        f"pln: error: {source}: not a folder of Markdown notes; it looks like a Day One JSON export "
        "(--from dayone)\n"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no Markdown notes (.md) in it" in pln("import", "--from", "markdown", str(empty)).stderr


def test_obsidian_vault_has_properties_and_links(example_journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "vault"
    result = pln_at(example_journal)("export", "--format", "obsidian", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "pln: left out 2 private entries (private: true); --include-private puts them in\n"
        f"pln: wrote {out}: 133 notes, 3 evidence files (open it in Obsidian as a vault)\n"
    )
    note = (out / "entries" / "2025" / "2025-10-18-edcamp-tulsa-fall-2025.md").read_text(encoding="utf-8")
    assert note.startswith(
        "---\npln: entry\ndate: 2025-10-18\ntitle: Edcamp Tulsa, fall 2025\n"
        "space: '[[spaces/edcamp-tulsa|Edcamp Tulsa]]'\n"
        "people: ['[[people/priya-raman|Priya Raman]]', '[[people/chris-delgado|Chris Delgado]]', "
    )
    assert "growth: [social, identity, cognitive]\ngrowth_social: Met three Tulsa-area educators" in note
    assert "\nminutes: 330\n" in note  # a number, unquoted
    person = (out / "people" / "priya-raman.md").read_text(encoding="utf-8")
    assert "met: 2025-10-18\nmet_at: '[[spaces/edcamp-tulsa|Edcamp Tulsa]]'\n" in person
    assert (out / "evidence" / "2025-10-18-edcamp-tulsa-board.txt").is_file()
    private = [p for p in example_journal.rglob("*.md") if "private: true" in p.read_text(encoding="utf-8")]
    assert len(private) == 2 and not any((out / p.relative_to(example_journal)).exists() for p in private)
    again = pln_at(example_journal)("export", "--format", "obsidian", str(out))
    assert again.exit_code == 1 and "not empty; give a new folder for the vault" in again.stderr


def test_obsidian_vault_reads_back_into_the_same_journal(example_journal: Path, tmp_path: Path) -> None:
    write(  # a value pln cannot read comes back as written too
        example_journal / "entries" / "2026" / "2026-06-29-summer-reading.md",
        "---\ndate: 2026-06-29\ntitle: Summer reading\nminutes: lots\n---\nStarted a book.\n",
    )
    out = tmp_path / "vault"
    assert (
        pln_at(example_journal)("export", "--format", "obsidian", str(out), "--include-private").exit_code
        == 0
    )
    fresh = tmp_path / "fresh"
    invoke("init", str(fresh), "--owner", "Ana Ruiz", "--no-git")
    same_settings(example_journal, fresh)  # pln.yaml is settings, not records: no vault carries it
    result = pln_at(fresh)("import", "--from", "markdown", str(out))
    assert result.exit_code == 0, result.stderr
    assert "vault: 136 new, 0 skipped (already imported), 0 rejected" in result.stderr
    assert (
        "pln: vault entries/2026/2026-06-29-summer-reading.md: kept as written: line 5: minutes:"
        in result.stderr
    )
    assert "evidence files this journal does not hold" not in result.stderr  # the vault brought them
    for path in sorted(example_journal.glob("[!.]*/**/*.*")):
        relative = path.relative_to(example_journal)
        if relative != Path("evidence/README.md"):  # a note to the reader, not evidence of an entry
            assert (fresh / relative).read_bytes() == path.read_bytes(), relative
    for command in (("report", "--growth"), ("report", "--network"), ("list", "entries"), ("next",)):
        assert (
            pln_at(fresh)(*command, "--format", "json").stdout
            == pln_at(example_journal)(*command, "--format", "json").stdout
        )
    again = pln_at(fresh)("import", "--from", "markdown", str(out))
    assert "0 new, 136 skipped (already imported)" in again.stderr


def test_export_folder_only_for_obsidian(pln: Run, tmp_path: Path) -> None:
    result = pln("export", "--format", "csv", str(tmp_path / "x"))
    assert result.exit_code == 2 and "a folder is for --format obsidian" in result.stderr
    assert "needs the vault's folder" in pln("export", "--format", "obsidian").stderr
