"""Tags written by hand read the way `--tag` and the importers read them (issue 15, item 21):
`tags: edchat, grading` is two tags, `tags: ["#edchat"]` is `edchat`, and `tags: #edchat` (a YAML
comment: the tag is gone) is named in one line by every command and by `pln check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, write


def entry(journal: Path, day: int, tags_line: str) -> None:
    write(
        journal / "entries" / "2026" / f"2026-01-0{day}-chat.md",
        f"---\ndate: 2026-01-0{day}\ntitle: Chat {day}\n{tags_line}\n---\n",
    )


def tags_of(pln: Run, *filters: str) -> dict[str, list[str]]:
    listed = json.loads(pln("list", "entries", *filters, "--format", "json").stdout)
    return {item["title"]: item["tags"] for item in listed}


def test_hand_written_tags_read_like_the_tag_option(pln: Run, journal: Path) -> None:
    entry(journal, 1, "tags: edchat, grading")
    entry(journal, 2, 'tags: ["#edchat"]')
    entry(journal, 3, "tags: [EdChat, edchat, '#Grading']")
    logged = pln("log", "Chat 4", "--date", "2026-01-04", "--tag", "#edchat", "-m", "")
    assert logged.exit_code == 0, logged.stderr
    assert "tags: [edchat]\n" in (journal / logged.stdout.strip()).read_text()
    assert tags_of(pln) == {
        "Chat 1": ["edchat", "grading"],
        "Chat 2": ["edchat"],
        "Chat 3": ["EdChat", "Grading"],
        "Chat 4": ["edchat"],
    }
    assert list(tags_of(pln, "--tag", "edchat")) == ["Chat 1", "Chat 2", "Chat 3", "Chat 4"]
    assert list(tags_of(pln, "--tag", "#grading")) == ["Chat 1", "Chat 3"]
    assert pln("check", "--strict").exit_code == 0


COMMENT_WARNING = (
    "entries/2026/2026-01-01-chat.md:4: tags: '#edchat' is a YAML comment, so tags is empty; "
    "write tags: [edchat]"
)


@pytest.mark.parametrize(
    "command",
    [("list", "entries"), ("report", "--growth"), ("export", "--format", "json"), ("status",)],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_tag_lost_to_a_yaml_comment_is_named_by_every_command(
    pln: Run, journal: Path, command: tuple[str, ...]
) -> None:
    entry(journal, 1, "tags: #edchat")
    result = pln(*command)
    assert result.exit_code == 0, result.stderr
    assert f"pln: warning: ignored {COMMENT_WARNING} (see 'pln check')\n" in result.stderr


def test_check_names_a_value_lost_to_a_yaml_comment(pln: Run, journal: Path) -> None:
    entry(journal, 1, "tags: #edchat")
    write(journal / "spaces" / "sschat.md", "---\nname: sschat\nhashtag: #sschat\n---\n")
    check = pln("check")
    assert check.exit_code == 0  # a warning: the file reads, one value is empty
    assert check.stdout.splitlines() == [
        f"{COMMENT_WARNING.replace(': tags:', ': warning: tags:', 1)}",
        "spaces/sschat.md:3: warning: hashtag: '#sschat' is a YAML comment, so hashtag is empty; "
        'write hashtag: "#sschat"',
    ]


def test_a_csv_import_reads_tags_the_same_way(pln: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "log.csv", "Date,Title,Tags\n2026-01-05,Workshop,#edchat; Grading\n")
    assert pln("import", "--from", "csv", str(source)).exit_code == 0
    assert tags_of(pln) == {"Workshop": ["edchat", "Grading"]}
