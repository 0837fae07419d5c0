"""`pln search TEXT`: every word found (as a word's beginning), best first, in context; the same
with the index's FTS5 table, without the index, and right after files changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from plnjournal.model import Entry
from plnjournal.search import search, words
from tests.helpers import invoke, write
from tests.journal.test_cache import settle

BLOG = "2026-03-07-published-my-first-blog-post-on-single-point-rubrics"


def run(root: Path, *args: str, cache: bool = True):
    flags = () if cache else ("--no-cache",)
    return invoke("--journal", str(root), *flags, "search", *args)


def found_ids(root: Path, *args: str, cache: bool = True) -> list[str]:
    result = run(root, *args, "--format", "json", cache=cache)
    assert result.exit_code == 0, result.stderr
    return [hit["id"] for hit in json.loads(result.stdout)]


def test_search_shows_the_best_entries_first_with_their_words_in_context(example_journal: Path) -> None:
    result = run(example_journal, "single-point", "rubric")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "entry", "in", "context"]
    assert lines[1].startswith("2025-10-06  2025-10-06-sschat-on-dbqs-for-middle-school")
    assert "growth  *Single*-*point* *rubrics* give feedback without a *points*" in lines[1]
    blog = next(line for line in lines if BLOG in line)
    assert blog.split(BLOG)[1].split() == [
        "title",
        "Published",
        "my",
        "first",
        "blog",
        "post,",
        "on",
        "*single*-*point*",
        "*rubrics*",
    ]
    assert lines.index(blog) == 2


def test_json_gives_score_field_context_and_the_matches_inside_it(example_journal: Path) -> None:
    result = run(example_journal, "rubric", "--format", "json")
    hits = json.loads(result.stdout)
    first = hits[0]
    assert set(first) == {"id", "date", "title", "path", "score", "field", "context", "matches"}
    start, end = first["matches"][0]
    assert first["context"][start:end].lower().startswith("rubric")
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)


def test_the_index_the_scan_and_a_stale_index_agree(example_journal: Path) -> None:
    settle()
    for query in (("rubric",), ("grading", "pilot"), ("Feedback",), ("zzznothing",)):
        assert found_ids(example_journal, *query) == found_ids(example_journal, *query, cache=False)
    settle()
    path = example_journal / "entries" / "2026" / "2026-03-09-new.md"
    write(path, "---\ndate: 2026-03-09\ntitle: Zqfresh rubric idea\n---\nNothing else.\n")
    assert found_ids(example_journal, "zqfresh")[0] == "2026-03-09-new"  # not yet in the index
    settle()
    found_ids(example_journal, "rubric")  # now it is
    path.write_text("---\ndate: 2026-03-09\ntitle: Renamed idea\n---\nNothing else.\n")
    assert found_ids(example_journal, "zqfresh") == []
    assert found_ids(example_journal, "renamed") == ["2026-03-09-new"]


def test_entry_filters_narrow_a_search(example_journal: Path) -> None:
    everywhere = found_ids(example_journal, "rubric")
    this_year = found_ids(example_journal, "rubric", "--from", "2026-01-01")
    assert BLOG in this_year and len(this_year) < len(everywhere)
    assert all(hit.startswith("2026") for hit in this_year)


def test_no_match_says_so_and_no_words_is_a_usage_error(example_journal: Path) -> None:
    result = run(example_journal, "zzznothing")
    assert result.exit_code == 0 and "no entry holds every word" in result.stderr
    bad = run(example_journal, "--", "!!")
    assert bad.exit_code == 2 and "give at least one word" in bad.stderr


def test_limit_keeps_the_best_and_says_how_many_matched(example_journal: Path) -> None:
    result = run(example_journal, "rubric", "--limit", "1", "--format", "json")
    assert len(json.loads(result.stdout)) == 1
    assert "showing the best 1" in result.stderr


def entry(id: str, title: str, body: str = "", date: str = "2026-01-01") -> Entry:
    return Entry(id=id, date=dt.date.fromisoformat(date), title=title, body=body)


def test_words_begin_words_case_is_ignored_and_a_title_weighs_most() -> None:
    entries = [
        entry("a", "Notes", "We spoke of assessment and assessing, and café talk."),
        entry("b", "Assessment ideas"),
        entry("c", "Reading", "no match here"),
    ]
    assert [hit.entry.id for hit in search(entries, words("ASSESS"))] == ["b", "a"]
    assert [hit.entry.id for hit in search(entries, words("café assess"))] == ["a"]
    assert search(entries, words("ssess")) == []


def test_words_beyond_ascii_are_found_by_the_scan(example_journal: Path) -> None:
    settle()
    found = found_ids(example_journal, "JOSÉ", "rubrics")
    assert "2025-10-06-sschat-on-dbqs-for-middle-school" in found
    assert found == found_ids(example_journal, "josé", "rubrics", cache=False)


def test_people_spaces_tools_and_goals_are_read_only_for_a_filter_naming_one(example_journal: Path) -> None:
    """A search reads the entries; a filter naming a person reads the people too, and then tells
    of a person's file it cannot read, as every command that reads one does."""
    write(example_journal / "people" / "unreadable.md", "---\nname: [Ines\n---\n")
    plain = run(example_journal, "rubric")
    assert plain.exit_code == 0, plain.stderr
    assert "unreadable" not in plain.stderr
    named = run(example_journal, "rubric", "--with", "dana-whitfield")
    assert named.exit_code == 0, named.stderr
    assert "pln: warning: skipped people/unreadable.md:3:" in named.stderr
    assert named.stdout == run(example_journal, "rubric", "--with", "dana-whitfield", cache=False).stdout
    with_dana = found_ids(example_journal, "rubric", "--with", "dana-whitfield")
    assert with_dana and set(with_dana) < set(found_ids(example_journal, "rubric", "--limit", "100"))
