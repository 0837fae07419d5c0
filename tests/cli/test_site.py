"""Issue 20, item 4: `pln site DIR`, a static site of the journal: an index, every report's page, a
page per person, space, tool, goal and entry, linked; private entries left out; written only
inside DIR; checked in headless Chromium (every link resolves, no request leaves the folder, a
hostile title runs nothing)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.helpers import Run, invoke, write
from tests.helpers.pages import HOSTILE, IMG, assert_self_contained_and_escaped, need_chromium

BREAKOUT = '"><img src=x onerror="document.body.dataset.x=1">'
SECRET = "Vented about my principal"
TODAY = {"PLN_TODAY": "2025-10-01"}


@pytest.fixture
def hostile_journal(pln: Run, journal: Path) -> Run:
    """Names and notes that try to break out of HTML; a private entry with a person of its own."""
    for args in (
        ("add", "space", f"#chat {HOSTILE}", "--kind", "chat", "--url", "https://example.org/chat"),
        ("add", "person", f"Jane {BREAKOUT}"),
        ("add", "person", "Confidant Carla"),
        ("add", "tool", f"Tool {HOSTILE}"),
        ("add", "goal", f"Goal {BREAKOUT}"),
    ):
        assert pln(*args, "--no-commit").exit_code == 0, args
    ids = {
        folder: sorted(p.stem for p in (journal / folder).glob("*.md"))
        for folder in ("spaces", "people", "tools", "goals")
    }
    jane = next(i for i in ids["people"] if i.startswith("jane"))
    public = ("log", HOSTILE, "--date", "2025-09-08", "--space", ids["spaces"][0], "--with", jane,
              "--tool", ids["tools"][0], "--goal", ids["goals"][0], "--minutes", "60",
              "--engagement", "contributed", "--cognitive", BREAKOUT, "-m", f"Body {HOSTILE}")  # fmt: skip
    second = ("log", "Second chat", "--date", "2025-09-15", "--space", ids["spaces"][0], "--with", jane,
              "--minutes", "30", "--engagement", "read", "-m", "")  # fmt: skip
    secret = ("log", SECRET, "--date", "2025-09-20", "--private", "--with", "confidant-carla",
              "--minutes", "40", "-m", "Hard week.")  # fmt: skip
    for args in (public, second, secret):
        result = pln(*args, "--no-commit")
        assert result.exit_code == 0, result.stderr
    return pln


def build(pln: Run, folder: Path, *args: str) -> dict:
    result = pln("site", str(folder), "--format", "json", *args, env=TODAY)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def html_files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name == "href" and value]


def links_of(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_the_site_has_every_page(hostile_journal: Run, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    summary = build(hostile_journal, folder)
    assert summary["pages"] == {"reports": 6, "people": 2, "spaces": 1, "tools": 1, "goals": 1, "entries": 2}
    assert summary["private_left_out"] == 1
    files = html_files(folder)
    reports = {
        f"reports/{name}.html"
        for name in ("status", "growth", "network", "engagement", "impact", "portfolio")
    }
    assert reports <= files and "index.html" in files and "entries/index.html" in files
    assert len([f for f in files if f.startswith("entries/")]) == 3  # two entries and the list
    assert set(summary["written"]) == files  # a first build writes every page
    for relative in files:
        page = (folder / relative).read_text(encoding="utf-8")
        assert_self_contained_and_escaped(page, hostile=False)
        assert SECRET not in page and "Hard week" not in page
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="people/confidant-carla.html"' in index  # a person is a record, not private
    carla = (folder / "people/confidant-carla.html").read_text(encoding="utf-8")
    assert "0 entries" in carla  # the private entry that names her is not counted


def test_a_rule_pack_of_its_own_adds_the_credits_page(hostile_journal: Run, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    without = hostile_journal("site", str(folder), env=TODAY)
    assert "no credits page: the journal has no rule pack of its own" in without.stderr
    assert hostile_journal("credits", "init", "va", "--no-commit").exit_code == 0
    summary = build(hostile_journal, folder)
    assert summary["pages"]["reports"] == 7
    page = (folder / "reports/credits.html").read_text(encoding="utf-8")
    assert_self_contained_and_escaped(page, hostile=False)
    assert '<a href="credits.html">credits</a>' in page  # in the bar of links, as on every page
    assert '<a href="reports/credits.html">' in (folder / "index.html").read_text(encoding="utf-8")


def test_every_link_in_the_folder_resolves(hostile_journal: Run, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    build(hostile_journal, folder)
    outside = set()
    for relative in html_files(folder):
        for target in links_of(folder / relative):
            if target.startswith(("https://", "http://")):
                outside.add(target)
                continue
            assert not urlparse(target).scheme, f"{relative}: {target}"
            resolved = ((folder / relative).parent / unquote(target)).resolve()
            assert resolved.is_file(), f"{relative} links to {target}, which is not there"
            assert folder.resolve() in resolved.parents
    assert outside == {"https://example.org/chat"}  # the space's own address, a link to click


def test_a_rebuild_removes_what_became_private(hostile_journal: Run, journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    build(hostile_journal, folder)
    entry = next((journal / "entries").rglob("*second-chat.md"))
    page = f"entries/{entry.stem}.html"
    assert (folder / page).is_file()
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("---\n", "---\nprivate: true\n", 1), encoding="utf-8"
    )
    again = build(hostile_journal, folder)
    assert again["removed"] == [page]
    assert not (folder / page).exists()
    assert "Second chat" not in "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.html"))
    assert "people/confidant-carla.html" not in again["written"]  # unchanged pages are left as they are


def test_it_writes_only_in_a_folder_of_its_own(hostile_journal: Run, journal: Path, tmp_path: Path) -> None:
    mine = tmp_path / "notes"
    write(mine / "todo.txt", "mine")
    refused = hostile_journal("site", str(mine))
    assert refused.exit_code == 1
    assert "not empty, and not a site pln made" in refused.stderr
    assert sorted(p.name for p in mine.iterdir()) == ["todo.txt"]
    inside = hostile_journal("site", str(journal / "public"))
    assert (
        inside.exit_code == 1 and "inside the journal" in inside.stderr and "Traceback" not in inside.stderr
    )
    assert not (journal / "public").exists()
    with (journal / ".gitignore").open("a", encoding="utf-8") as ignore:
        ignore.write("public/\n")
    assert build(hostile_journal, journal / "public")["pages"]["entries"] == 2
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=journal, capture_output=True, text=True
    ).stdout
    assert "public" not in status
    assert hostile_journal("site", str(journal)).exit_code == 1
    file = write(tmp_path / "site.txt", "")
    assert "is a file" in hostile_journal("site", str(file)).stderr


def test_site_from_a_real_process(hostile_journal: Run, journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "real"
    done = subprocess.run(
        [sys.executable, "-m", "plnjournal", "--journal", str(journal), "site", str(folder)],
        capture_output=True, text=True, timeout=120, check=False, env={**__import__("os").environ, **TODAY},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"open {folder}/index.html" in done.stdout
    assert re.search(r"^entries\s+2$", done.stdout, re.M)
    assert "left out 1 private entry" in done.stderr


def crawl(folder: Path, tmp_path: Path):
    """Open index.html in Chromium and every page it links to, in turn: {page: Visit}."""
    from tests.helpers.chromium import Browser

    root = folder.resolve()
    visits = {}
    queue = [root / "index.html"]
    with Browser(need_chromium(), tmp_path / "profile") as browser:
        while queue:
            page = queue.pop()
            if page in visits:
                continue
            visit = visits[page] = browser.open(page)
            for link in visit.facts["links"]:
                parsed = urlparse(link)
                if parsed.scheme == "file":
                    target = Path(unquote(parsed.path))
                    assert target.is_file(), f"{page.name} links to {link}, which is not there"
                    assert root in target.parents, f"{page.name} links out of the folder: {link}"
                    queue.append(target)
    return visits


def test_the_site_in_a_browser(hostile_journal: Run, tmp_path: Path) -> None:
    need_chromium()
    folder = tmp_path / "site"
    build(hostile_journal, folder)
    visits = crawl(folder, tmp_path)
    assert {p.relative_to(folder.resolve()).as_posix() for p in visits} == html_files(folder)  # all linked
    root = folder.resolve().as_uri() + "/"
    for page, visit in visits.items():
        assert [url for url in visit.requests if not url.startswith(root)] == [], page
        facts = visit.facts
        assert (facts["scripts"], facts["images"], facts["frames"], facts["handlers"], facts["marked"]) == (
            0,
            0,
            0,
            0,
            None,
        ), page
        assert facts["title"] != "pwned" and visit.messages == [], (page, visit.messages)
    entry = next(
        v
        for p, v in visits.items()
        if p.parent.name == "entries" and p.name != "index.html" and "Body" in v.facts["text"]
    )
    assert HOSTILE in entry.facts["text"] and BREAKOUT in entry.facts["text"]  # shown, as text
    assert visits[folder.resolve() / "reports/network.html"].facts["svgs"] >= 1


def test_the_browser_check_would_see_a_page_that_reaches_out(tmp_path: Path) -> None:
    """The check above can fail: a page that loads an image from elsewhere and runs a script."""
    from tests.helpers.chromium import Browser

    page = write(
        tmp_path / "bad.html",
        f'<p>{IMG}</p><img src="http://127.0.0.1:9/x.png"><script>document.title="pwned"</script>',
    )
    with Browser(need_chromium(), tmp_path / "profile") as browser:
        visit = browser.open(page)
    assert "http://127.0.0.1:9/x.png" in visit.requests
    assert visit.facts["title"] == "pwned" and visit.facts["marked"] == "1"


def test_examples_site_in_a_browser(example_journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    result = invoke("--journal", str(example_journal), "site", str(folder), env={"PLN_TODAY": "2026-06-30"})
    assert result.exit_code == 0, result.stderr
    assert re.search(r"^entries\s+94$", result.stdout, re.M)  # 96 less the 2 private ones
    assert re.search(r"^people\s+17$", result.stdout, re.M)
    need_chromium()
    visits = crawl(folder, tmp_path)
    assert len(visits) == len(html_files(folder)) == 141  # 6 reports, 39 records, 94 entries, 2 lists
    root = folder.resolve().as_uri() + "/"
    assert [url for visit in visits.values() for url in visit.requests if not url.startswith(root)] == []
