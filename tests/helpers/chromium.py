"""Headless Chromium driven over the DevTools protocol, through a pipe (`--remote-debugging-pipe`:
JSON messages ending in a NUL byte, on the browser's file descriptors 3 and 4), with nothing but
the standard library: no websocket client, no Selenium or Playwright (each would bring a driver
or a browser download of its own, which this network cannot fetch, to do what a page test needs
here: open a page, hear every request it makes, and read its DOM).

    with Browser(binary, profile) as browser:
        visit = browser.open(path)   # Visit: requests, console/log messages, the page's facts
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers.pages import CHROMIUM_FLAGS

PAGE_FACTS = """JSON.stringify({
  title: document.title,
  links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
  scripts: document.scripts.length,
  images: document.images.length,
  frames: document.querySelectorAll('iframe, object, embed, link').length,
  handlers: Array.from(document.querySelectorAll('*')).filter(
    e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
  marked: document.body.dataset.x || null,
  svgs: document.querySelectorAll('svg').length,
  text: document.body.innerText,
})"""


@dataclass
class Visit:
    """What one page did: every request it made, every message logged, and `facts` (PAGE_FACTS)."""

    url: str
    requests: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


class Browser:
    def __init__(self, binary: str, profile: Path, timeout: float = 30) -> None:
        self.timeout = timeout
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def wire() -> None:  # in the child: our pipe ends become its fds 3 (in) and 4 (out)
            high_in, high_out = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser))
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        command = [
            binary,
            *CHROMIUM_FLAGS,
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "about:blank",
        ]
        self.process = subprocess.Popen(
            command, preexec_fn=wire, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session = self._attach()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.call("Browser.close", session=False)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)

    def _attach(self) -> str:
        targets = self.call("Target.getTargets", session=False)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        session = self.call(
            "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}, session=False
        )
        self.session = session["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        return self.session

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = True
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _wait_for(self, method: str) -> None:
        while True:
            for event in self._events:
                if event.get("method") == method:
                    return
            self._events.append(self._receive())

    def open(self, page: Path) -> Visit:
        """Load the page, wait for its load event (and a moment for late requests), and tell."""
        self._events.clear()
        visit = Visit(page.as_uri())
        self.call("Page.navigate", {"url": visit.url})
        self._wait_for("Page.loadEventFired")
        self.call(
            "Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 50))", "awaitPromise": True}
        )
        result = self.call("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True})
        visit.facts = json.loads(result["result"]["value"])
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                visit.requests.append(params["request"]["url"])
            elif method == "Log.entryAdded":
                visit.messages.append(params["entry"].get("text", ""))
            elif method in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown"):
                visit.messages.append(json.dumps(params)[:300])
        return visit
