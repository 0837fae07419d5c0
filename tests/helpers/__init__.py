"""Helpers the tests share, imported as a package (`from tests.helpers import invoke`).

- this module: `invoke` (pln in-process, as a user types it), `write` (a file by hand), `EXAMPLES`;
- `gitrepo`: git run on a test's repository; `terminal`: pln on a real pseudo-terminal;
- `reports`: entries and report JSON for report tests, and `scope_of` (literal records -> a Scope,
  for a report tested as a pure function); `network_journal`: records built by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner, Result

from plnjournal.cli.main import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "journal"

Run = Callable[..., Result]


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run `pln ARGS...` in-process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    """Write a file by hand, as a user in an editor would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def same_settings(source: Path, target: Path) -> None:
    """Give `target` the keep-in-touch rules of `source`'s pln.yaml: settings are not records, so
    no export carries them; a teacher moving journals sets them by hand."""
    settings = (source / "pln.yaml").read_text(encoding="utf-8")
    start = settings.index("cadence:")
    end = settings.find("\ngit:", start)
    rules = settings[start : end + 1 if end != -1 else len(settings)]
    (target / "pln.yaml").write_text(
        (target / "pln.yaml").read_text(encoding="utf-8") + rules, encoding="utf-8"
    )
