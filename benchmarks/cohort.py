"""`pln cohort` on 2,000 shares of 500 entries each (issue 20: under 30 s on this machine).

Each share is made the way `pln export --for-cohort` makes one (reports.cohort.share) from 500
generated entries over a school year, under its own teacher id; then `pln cohort DIR` runs as a
whole process, timed. Usage: python benchmarks/cohort.py [--teachers 2000] [--entries 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from plnjournal.model import DIMENSIONS, ENGAGEMENT_LEVELS, Entry, Space
from plnjournal.reports.cohort import share

KINDS = ("chat", "plc", "webinar", "conference", "podcast", "course")
PLATFORMS = ("Bluesky", "Zoom", None, "Spotify", None, "Coursera")


def entries_of(rng: random.Random, count: int) -> list[Entry]:
    start = dt.date(2025, 7, 1)
    return [
        Entry(
            id=f"e{n}",
            date=start + dt.timedelta(days=rng.randrange(365)),
            space=f"s{rng.randrange(len(KINDS))}",
            growth={d: None for d in rng.sample(DIMENSIONS, rng.randrange(3))},
            engagement=rng.choice(ENGAGEMENT_LEVELS),
            minutes=rng.choice((20, 30, 45, 60, 90)),
            next="x" if rng.random() < 0.3 else None,
            applied="y" if rng.random() < 0.15 else None,
            impact="z" if rng.random() < 0.05 else None,
        )
        for n in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teachers", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(2026)
    spaces = {
        f"s{i}": Space(id=f"s{i}", name=f"S{i}", kind_=k, platform=p)
        for i, (k, p) in enumerate(zip(KINDS, PLATFORMS, strict=True))
    }
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.teachers):
            data = share(entries_of(rng, args.entries), spaces, f"{n:016x}", dt.date(2026, 6, 30))
            Path(folder, f"teacher-{n}.json").write_text(json.dumps(data))
        began = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "plnjournal", "cohort", folder, "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - began
    teachers = json.loads(result.stdout)["teachers"]
    print(f"pln cohort: {teachers} shares of {args.entries} entries each in {seconds:.2f} s")


if __name__ == "__main__":
    main()
