"""The floor: read every .md under DIR and parse its front-matter with libyaml, in one process.

    python benchmarks/floor.py DIR

This is the least any tool must do to know a journal's records from scratch; `pln` cold is
measured against it.
"""

from __future__ import annotations

import os
import sys

import yaml


def main(root: str) -> None:
    count = 0
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            if text.startswith("---\n"):
                end = text.find("\n---\n", 3)
                yaml.load(text[4:end], Loader=yaml.CSafeLoader)
                count += 1
    print(count)


if __name__ == "__main__":
    main(sys.argv[1])
