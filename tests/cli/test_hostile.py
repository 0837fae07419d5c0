"""Hostile and odd input: each is held with a clear message, exit 1 or 2, no traceback, nothing lost."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import Run, invoke, write

JANE = "---\nname: Jane Doe\nroles: [teacher]\n---\nMet at Edcamp.\n"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A fresh journal without git: nothing here commits, and `git init` is the slow part."""
    root = tmp_path / "journal"
    assert invoke("init", str(root), "--no-git").exit_code == 0
    return root


def run_pln(*args: str | bytes, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`python -m plnjournal ARGS`, a real process (argv may hold bytes that are not UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "plnjournal", *args], input=input, capture_output=True, timeout=60, check=False
    )


def no_traceback(text: str) -> bool:
    return "Traceback" not in text and "internal error" not in text


def show_json(pln: Run, record_id: str) -> dict:
    result = pln("show", record_id, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_yaml_1_1_coercions_stay_text_and_are_written_unambiguously(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", JANE)
    entry = journal / "entries/2026/2026-01-05-chat.md"
    write(
        entry,
        "---\ndate: 2026-01-05\ntime: 10:00\ntitle: no\npeople: [jane-doe]\n"
        "tags: [012345, on, 2026-01-02, 1e3]\n---\n",
    )
    data = show_json(pln, "2026-01-05-chat")
    assert (data["time"], data["title"], data["tags"]) == (
        "10:00",
        "no",
        ["012345", "on", "2026-01-02", "1e3"],
    )
    assert pln("rename", "jane-doe", "jane-d", "--no-commit").exit_code == 0
    rewritten = entry.read_text(encoding="utf-8").split("---\n")[1]
    as_yaml_1_1_reads_it = yaml.safe_load(rewritten)  # PyYAML, Obsidian, GitHub: YAML 1.1 readers
    assert as_yaml_1_1_reads_it["time"] == "10:00"
    assert as_yaml_1_1_reads_it["title"] == "no"
    assert as_yaml_1_1_reads_it["tags"] == ["012345", "on", "2026-01-02", "1e3"]
    assert as_yaml_1_1_reads_it["people"] == ["jane-d"]


def test_duplicate_keys_skip_the_file_with_its_line(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", JANE)
    write(journal / "people/tom-lee.md", "---\nname: Tom Lee\nroles: [coach]\nroles: [teacher]\n---\n")
    result = pln("list", "people")
    assert result.exit_code == 0
    assert "Jane Doe" in result.stdout and "Tom Lee" not in result.stdout
    assert "skipped people/tom-lee.md:4: duplicate key 'roles' (see 'pln check')" in result.stderr
    assert pln("check").stdout == "people/tom-lee.md:4: error: duplicate key 'roles'\n"


def test_empty_front_matter_is_a_missing_key(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", "---\n---\nNotes.\n")
    write(journal / "entries/2026/2026-01-05-chat.md", "---\n---\n")
    result = pln("check")
    assert result.exit_code == 1
    assert result.stdout == (
        "entries/2026/2026-01-05-chat.md:1: error: an entry needs a 'date'\n"
        "people/jane-doe.md:1: error: a person needs a 'name'\n"
    )


def test_no_front_matter_at_all(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", "Jane Doe, teacher in Tulsa.\n")
    result = pln("check")
    assert (result.exit_code, result.stdout) == (
        1,
        "people/jane-doe.md:1: error: no front-matter (a '---' block) at the top\n",
    )


def test_a_body_with_dashes_lines_is_kept_byte_for_byte(pln: Run, journal: Path) -> None:
    body = "Notes\n---\nname: not a key\n---\n\n---"
    write(journal / "spaces/sschat.md", "---\nname: '#sschat'\n---\n")
    write(journal / "people/jane-doe.md", f"---\nname: Jane Doe\nmet_at: sschat\n---\n{body}")
    assert show_json(pln, "jane-doe")["name"] == "Jane Doe"
    assert pln("rename", "sschat", "ss-chat", "--no-commit").exit_code == 0
    text = (journal / "people/jane-doe.md").read_text(encoding="utf-8")
    assert text == f"---\nname: Jane Doe\nmet_at: ss-chat\n---\n{body}"
    assert pln("check").exit_code == 0


def test_a_byte_order_mark_is_read_and_kept(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", "\ufeff" + JANE)
    assert show_json(pln, "jane-doe")["name"] == "Jane Doe"
    assert pln("rename", "jane-doe", "jane-d", "--no-commit").exit_code == 0
    assert (journal / "people/jane-d.md").read_bytes() == ("\ufeff" + JANE).encode("utf-8")


def test_crlf_line_endings_are_kept_when_a_file_is_rewritten(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", JANE)
    entry = journal / "entries/2026/2026-01-05-chat.md"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"---\r\ndate: 2026-01-05\r\npeople: [jane-doe]\r\n---\r\nLine one\r\nLine two\r\n")
    assert pln("rename", "jane-doe", "jane-d", "--no-commit").exit_code == 0
    assert (
        entry.read_bytes()
        == b"---\r\ndate: 2026-01-05\r\npeople: [jane-d]\r\n---\r\nLine one\r\nLine two\r\n"
    )


def test_tabs_indenting_yaml_are_a_syntax_error_and_tabs_in_text_are_kept(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", "---\nname: Jane Doe\nhandles:\n\tbluesky: '@jane'\n---\n")
    write(journal / "people/tom-lee.md", '---\nname: "Tom\\tLee"\n---\nA\tbody\twith tabs\n')
    result = pln("check")
    assert result.stdout == "people/jane-doe.md:4: error: YAML: found character that cannot start any token\n"
    data = show_json(pln, "tom-lee")
    assert (data["name"], data["body"]) == ("Tom\tLee", "A\tbody\twith tabs\n")


def test_a_10_mb_file_is_refused_before_parsing(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", JANE)
    huge = journal / "people/huge.md"
    huge.write_bytes(b"---\nname: Huge\n---\n" + b"x" * (10 * 1024 * 1024))
    write(journal / "people/big-yaml.md", "---\nname: Big\nnotes: " + "y" * 70_000 + "\n---\n")
    result = pln("check")
    assert result.stdout == (
        "people/big-yaml.md:2: error: front-matter is over 64 KiB\n"
        "people/huge.md:1: error: file is 10240 KiB, over the 4 MiB limit\n"
    )
    assert "Jane Doe" in pln("list", "people").stdout


def test_deeply_nested_yaml_is_refused_without_crashing(journal: Path) -> None:
    # libyaml's composer recurses in C: 30,000 nested '- ' crashed Python (SIGSEGV) before the fix
    write(journal / "people/deep.md", "---\nname: Deep\nroles:\n" + "- " * 30_000 + "x\n---\n")
    write(
        journal / "people/braces.md", "---\nname: Braces\nhandles: " + "{a: " * 1000 + "}" * 1000 + "\n---\n"
    )
    result = run_pln("--journal", str(journal), "check")
    assert result.returncode == 1
    assert result.stdout.decode() == (
        "people/braces.md:3: error: front-matter is nested too deeply\n"
        "people/deep.md:4: error: front-matter is nested too deeply\n"
    )


def test_an_alias_bomb_is_refused(pln: Run, journal: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    write(journal / "people/bomb.md", "---\nname: Bomb\n" + "\n".join(lines) + "\n---\n")
    assert pln("check").stdout == "people/bomb.md:4: error: YAML aliases (*name) are not supported\n"


def test_binary_junk_in_a_markdown_file(pln: Run, journal: Path) -> None:
    (journal / "people").mkdir(exist_ok=True)
    (journal / "people/junk.md").write_bytes(bytes(range(256)) * 4)
    (journal / "people/latin1.md").write_bytes("---\nname: Zoë\n---\n".encode("latin-1"))
    write(journal / "people/jane-doe.md", JANE)
    result = pln("check")
    assert result.stdout == (
        "people/junk.md:1: error: not a text file (it holds NUL bytes)\n"
        "people/latin1.md:2: error: not valid UTF-8\n"
    )
    assert "Jane Doe" in pln("list", "people").stdout


def test_a_symlink_to_outside_the_journal_is_never_written_through(
    pln: Run, journal: Path, tmp_path: Path
) -> None:
    write(journal / "people/jane-doe.md", JANE)
    outside = write(tmp_path / "elsewhere/chat.md", "---\ndate: 2026-01-05\npeople: [jane-doe]\n---\nMine.\n")
    link = journal / "entries/2026/2026-01-05-chat.md"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    result = pln("rename", "jane-doe", "jane-d", "--no-commit")
    assert result.exit_code == 1
    assert result.stderr == (
        f"pln: error: entries/2026/2026-01-05-chat.md: is a symbolic link (to {outside}); "
        "pln does not write through links: put the real file here; nothing was changed\n"
    )  # the journal-relative path, as every message names files
    assert outside.read_text(encoding="utf-8") == "---\ndate: 2026-01-05\npeople: [jane-doe]\n---\nMine.\n"
    assert (journal / "people/jane-doe.md").read_text(encoding="utf-8") == JANE  # nothing half done
    assert not (journal / "people/jane-d.md").exists()
    assert pln("rm", "2026-01-05-chat", "--yes", "--no-commit").exit_code == 0  # removing the link is fine
    assert outside.exists()


def test_editing_a_symlinked_record_is_refused(pln: Run, journal: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere/jane.md", JANE)
    (journal / "people/jane-doe.md").symlink_to(outside)
    result = pln("edit", "jane-doe", env={"EDITOR": "true"})
    assert (result.exit_code, result.stderr) == (
        1,
        "pln: error: people/jane-doe.md is a symbolic link; pln does not edit through links\n",
    )


def test_rich_markup_in_names_is_shown_literally(pln: Run, journal: Path) -> None:
    name = "[bold]Jane[/bold] [/link] [link=https://evil.example]x"
    assert pln("add", "person", name, "--no-commit").exit_code == 0
    assert name in pln("list", "people").stdout
    from plnjournal.cli.output import console
    from plnjournal.render.table import render_rich

    screen = console()
    screen.file = io.StringIO()
    screen.print(render_rich(("name",), [[name]]))
    assert name in screen.file.getvalue()


def test_ansi_and_control_characters_never_reach_the_terminal(pln: Run, journal: Path) -> None:
    name = "\x1b[2J\x1b[31mRed\x07\x08 Team\x9b"
    result = pln("add", "person", name, "--no-commit")
    assert (result.exit_code, result.stdout) == (0, "people/red-team.md\n")
    for args in (("list", "people"), ("show", "red-team"), ("check",)):
        output = pln(*args)
        assert output.exit_code == 0
        assert not any(char in output.stdout + output.stderr for char in "\x1b\x07\x08\x9b")
    assert "\\x1b[2J\\x1b[31mRed\\x07\\x08 Team\\x9b" in pln("list", "people").stdout
    assert show_json(pln, "red-team")["name"] == name  # the data itself is kept exactly


def test_right_to_left_and_zero_width_characters(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "\u202eevil\u202c", "--no-commit").stdout == "people/evil.md\n"
    assert pln("add", "person", "Jane\u200bDoe", "--no-commit").stdout == "people/janedoe.md\n"
    arabic = pln("add", "person", "مريم حداد", "--no-commit").stdout.strip()
    assert arabic.startswith("people/person-") and arabic.endswith(".md")
    listing = pln("list", "people").stdout
    assert "\\u202eevil\\u202c" in listing and "\u202e" not in listing
    assert "مريم حداد" in listing
    assert pln("check").exit_code == 0


def test_emoji_names(pln: Run, journal: Path) -> None:
    assert pln("add", "space", "🍎 Apple Teachers 🍎", "--no-commit").stdout == "spaces/apple-teachers.md\n"
    result = pln("log", "Chat 🎉", "--space", "🍎 apple teachers 🍎", "--date", "2026-01-05", "--no-commit")
    assert result.stdout == "entries/2026/2026-01-05-chat.md\n"
    assert show_json(pln, "2026-01-05-chat")["space"] == "apple-teachers"


def test_punctuation_only_names_get_a_sensible_id(pln: Run, journal: Path) -> None:
    person = pln("add", "person", "!!!", "--no-commit").stdout.strip()
    assert person.startswith("people/person-") and len(Path(person).stem) == len("person-") + 6
    entry = pln("log", "???", "--date", "2026-01-05", "--no-commit", "-m", "x").stdout.strip()
    assert entry.startswith("entries/2026/2026-01-05-entry-")
    assert show_json(pln, Path(person).stem)["name"] == "!!!"
    assert pln("check").exit_code == 0


def test_option_values_that_are_not_utf8(journal: Path) -> None:
    before = sorted(journal.rglob("*"))
    result = run_pln("--journal", str(journal), "add", "person", b"Jos\xe9 Mart\xednez")
    assert result.returncode == 2
    assert result.stderr.decode() == "pln: error: an argument is not valid UTF-8: b'Jos\\xe9 Mart\\xednez'\n"
    result = run_pln("--journal", str(journal), "log", "Chat", "--no-commit", input=b"caf\xe9\n")
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "pln: error: the text on standard input is not UTF-8\n",
    )
    assert sorted(journal.rglob("*")) == before


def test_a_read_only_journal(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", JANE)
    folders = [journal, *(path for path in journal.rglob("*") if path.is_dir() and ".git" not in path.parts)]
    for folder in folders:
        folder.chmod(0o555)
    try:
        if os.access(journal / "people", os.W_OK):
            pytest.skip("running as root: chmod does not make a folder read-only")
        result = pln("add", "person", "Tom Lee", "--no-commit")
        assert result.exit_code == 1
        assert result.stderr.startswith("pln: error: cannot write ") and "Permission denied" in result.stderr
        result = pln("rename", "jane-doe", "jane-d", "--no-commit")
        assert result.exit_code == 1 and "Permission denied" in result.stderr
        assert pln("check").exit_code == 0  # reading still works
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert (journal / "people/jane-doe.md").read_text(encoding="utf-8") == JANE


def test_a_file_where_a_folder_should_be(pln: Run, journal: Path) -> None:
    (journal / "tools").rmdir()
    write(journal / "tools", "not a folder\n")
    result = pln("add", "tool", "Wakelet", "--no-commit")
    assert result.exit_code == 1
    assert result.stderr == (
        f"pln: error: cannot write {journal}/tools/wakelet.md: {journal}/tools is a file, not a folder\n"
    )


def test_no_traceback_from_a_real_process_on_a_hostile_journal(journal: Path) -> None:
    (journal / "people/junk.md").write_bytes(b"\xff\xfe---\n\x00\x01")
    write(journal / "people/deep.md", "---\nname: x\nroles: " + "[" * 5000 + "\n---\n")
    write(journal / "entries/2026/2026-13-45-odd.md", "---\ndate: 2026-13-45\n---\n")
    for args in (("check",), ("show", "2026-13-45-odd")):
        result = run_pln("--journal", str(journal), *args)
        assert result.returncode in (0, 1, 2)
        assert no_traceback(result.stderr.decode())
