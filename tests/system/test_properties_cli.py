"""Property tests: any Unicode a teacher types survives the round trip through the files."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import Run, invoke

# Any text but surrogates (not encodable) and NUL (argv cannot carry it).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
NAMES = TEXT.filter(lambda text: text.strip() != "" and not text.startswith("-"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=NAMES, body=TEXT, note=NAMES)
def test_any_title_body_and_note_survive_log_then_show(
    journal: Path, title: str, body: str, note: str
) -> None:
    result = invoke(
        "--journal",
        str(journal),
        "log",
        title,
        "--date",
        "2026-03-01",
        "--cognitive",
        note,
        "-m",
        body,
        "--no-commit",
    )
    assert result.exit_code == 0, result.stderr
    path = journal / result.stdout.strip()
    shown = json.loads(invoke("--journal", str(journal), "show", path.stem, "--format", "json").stdout)
    expected_body = body if not body or body.endswith("\n") else body + "\n"
    assert (shown["title"], shown["growth"], shown["body"]) == (title, {"cognitive": note}, expected_body)
    path.unlink()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES)
def test_any_person_name_survives_add_then_show(journal: Path, name: str) -> None:
    result = invoke("--journal", str(journal), "add", "person", name, "--no-commit")
    assert result.exit_code == 0, result.stderr
    path = journal / result.stdout.strip()
    assert path.parent == journal / "people"
    shown = json.loads(
        invoke("--journal", str(journal), "show", f"person:{path.stem}", "--format", "json").stdout
    )
    assert shown["name"] == name
    shutil.rmtree(journal / "people")


# What a terminal shows as it is: no control or bidirectional-override characters (those `pln show`
# prints as visible escapes, by design) and no line breaks (a table cell is one line).
SHOWN_AS_IS = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "" and not text.startswith("-"))
EMOJI = st.sampled_from(["👩‍🏫 Ms. Ruiz", "🧑🏽‍🔬 lab day", "𝔐𝔞𝔱𝔥 club", "🇺🇸 civics", "日本語の授業 🎌"])


def front_matter_read_independently(path: Path) -> dict:
    """The front-matter as another program reads it: PyYAML's pure-Python BaseLoader, all text."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.load(text[4 : text.index("\n---\n", 3) + 1], Loader=yaml.BaseLoader)  # with its last newline


def shown(journal: Path, ref: str) -> str:
    result = invoke("--journal", str(journal), "show", ref)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.one_of(EMOJI, SHOWN_AS_IS, NAMES), note=st.one_of(EMOJI, NAMES), intention=NAMES)
def test_log_writes_any_text_that_another_yaml_reader_reads_back(
    journal: Path, title: str, note: str, intention: str
) -> None:
    args = ("log", title, "--date", "2026-03-01", "--social", note, "--next", intention, "-m", "x")
    result = invoke("--journal", str(journal), *args, "--no-commit")
    assert result.exit_code == 0, result.stderr
    path = journal / result.stdout.strip()
    data = front_matter_read_independently(path)
    assert (data["title"], data["growth"], data["next"]) == (title, {"social": note}, intention)
    if title.isprintable():  # (a table pads its cells: spaces around a title do not show)
        title_row = next(line for line in shown(journal, path.stem).splitlines() if line.startswith("title "))
        assert title_row.removeprefix("title").strip() == title.strip()
    path.unlink()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["person", "space", "tool", "goal"]), name=st.one_of(EMOJI, SHOWN_AS_IS))
def test_add_writes_any_name_literally_and_show_prints_it(journal: Path, kind: str, name: str) -> None:
    result = invoke("--journal", str(journal), "add", kind, name, "--no-commit")
    assert result.exit_code == 0, result.stderr
    path = journal / result.stdout.strip()
    assert front_matter_read_independently(path)["name"] == name
    if name.isprintable():
        assert name in path.read_text(encoding="utf-8")  # as typed, never `\U0001F469`
        assert name.strip() in shown(journal, f"{kind}:{path.stem}")
    path.unlink()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(EMOJI, SHOWN_AS_IS))
def test_rename_writes_any_new_name_that_another_yaml_reader_reads_back(journal: Path, name: str) -> None:
    invoke("--journal", str(journal), "add", "tool", "Padlet", "--no-commit")
    args = ("rename", "padlet", "new-padlet", "--name", name, "--no-commit")
    result = invoke("--journal", str(journal), *args)
    assert result.exit_code == 0, result.stderr
    path = journal / "tools" / "new-padlet.md"
    assert front_matter_read_independently(path)["name"] == name
    if name.isprintable():
        assert name.strip() in shown(journal, "tool:new-padlet")
    path.unlink()


def test_an_emoji_title_is_written_as_typed_not_escaped(pln: Run, journal: Path) -> None:
    title = "👩‍🏫 Teacher talk: 🧑🏽‍🔬 science night"
    result = pln("log", title, "--cognitive", "🎉 new idea", "--date", "2026-03-01", "-m", "x")
    assert result.exit_code == 0, result.stderr
    text = (journal / result.stdout.strip()).read_text(encoding="utf-8")
    assert f"title: '{title}'\n" in text
    assert "growth:\n  cognitive: 🎉 new idea\n" in text
    assert "\\U" not in text


TRIMMED = st.one_of(EMOJI, SHOWN_AS_IS).map(str.strip).filter(lambda text: text and not text.startswith("-"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TRIMMED, applied=TRIMMED)
def test_import_and_next_done_write_any_text_that_another_yaml_reader_reads_back(
    journal: Path, tmp_path_factory: pytest.TempPathFactory, title: str, applied: str
) -> None:
    sheet = tmp_path_factory.mktemp("csv") / "pd-log.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Date", "Title", "Minutes"], ["2026-03-02", title, "30"]])
    result = invoke("--journal", str(journal), "import", "--from", "csv", str(sheet), "--no-commit")
    assert result.exit_code == 0, result.stderr
    [path] = (journal / "entries").rglob("*.md")
    assert front_matter_read_independently(path)["title"] == title
    invoke(
        "--journal",
        str(journal),
        "log",
        "x",
        "--date",
        "2026-03-03",
        "--next",
        "Try it",
        "-m",
        "",
        "--no-commit",
    )
    [logged] = (journal / "entries").rglob("2026-03-03-*.md")
    done = invoke("--journal", str(journal), "next", "--done", logged.stem, applied, "--no-commit")
    assert done.exit_code == 0, done.stderr
    assert front_matter_read_independently(logged)["applied"] == applied
    path.unlink()
    logged.unlink()
