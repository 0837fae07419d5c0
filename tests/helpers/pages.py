"""HTML pages under test: hostile text to put where users write, the checks every page passes
(self-contained, escaped), and headless Chromium (Debian's `chromium`) to open a page: a test
that needs it skips, saying why, when none is installed (`.ci/run` installs it when it can)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

SCRIPT = "<script>document.title='pwned'</script>"
IMG = '<img src=x onerror="document.body.dataset.x=1">'
HOSTILE = f"Chat {SCRIPT} and {IMG}"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)  # without the networking flags, Chromium tries to reach Google's hosts at every start


def assert_self_contained_and_escaped(page: str, *, hostile: bool = True) -> None:
    """No script, handler, frame or fetched resource; the hostile text shown as text."""
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)  # escaped text holds no literal '<'
    assert not [tag for tag in tags if re.match(r"<(script|img|link|iframe|object)\b", tag)]
    assert not [tag for tag in tags if re.search(r"\s(on\w+|src)=", tag)]  # no handler, nothing to fetch
    assert not re.search(r"@import|url\(", page)
    if hostile:
        assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=&quot;document.body.dataset.x=1&quot;&gt;" in page
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "@media print" in page


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def need_chromium() -> str:
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no chromium on PATH (apt-get install chromium): the pages were not checked in a browser")
    return binary


def chromium_runner(profile: Path) -> Callable[..., str]:
    """`run(page, *options)`: headless Chromium on a file, with a fresh profile in `profile`;
    returns its output (the DOM with --dump-dom). Skips the test without Chromium."""
    binary = need_chromium()

    def run(page: Path, *options: str) -> str:
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *options]
        done = subprocess.run(
            [*command, page.as_uri()], capture_output=True, text=True, timeout=120, check=True
        )
        return done.stdout

    return run


def assert_nothing_ran(dom: str) -> None:
    assert "<title>pwned</title>" not in dom
    assert re.search(r"<body[^>]*data-x", dom) is None
    assert "<img" not in dom and "<script" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
