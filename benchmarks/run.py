"""Time pln against its baselines, side by side, and print a Markdown table of medians and ratios.

    python benchmarks/run.py [--sizes 1000,10000,50000] [--repeat 5]

For each size a journal is generated once (kept in benchmarks/.data/, ignored by git). Every
round runs every command once, in turn, so a busy machine slows a command and its baseline
alike; the table gives each one's median time, its ratio to its baseline's median, and its peak
memory (the largest process, from getrusage in a fresh wrapper process per run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
BIN = Path(sys.executable).parent
PLN = [str(BIN / "pln")]
PYTHON = sys.executable
TYPER_RICH = 'python -c "import typer, rich"'
# Runs one command and reports its wall time and the peak RSS of its largest process.
WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


@dataclass
class Bench:
    """One timed command; `before` runs untimed ahead of each run (to change a file, say)."""

    name: str
    command: list[str]
    baselines: tuple[str, ...] = ()
    before: Callable[[], None] | None = None
    after: Callable[[], None] | None = None
    times: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)
    failed: bool = False


def journal_for(size: int) -> Path:
    """The generated journal of `size` entries (and its jrnl twin), made once and reused."""
    root = DATA / f"journal-{size}"
    if not (root / "pln.yaml").exists():
        sys.path.insert(0, str(HERE))
        from generate import generate, jrnl_text

        shutil.rmtree(root, ignore_errors=True)
        made = generate(root, size)
        (DATA / f"jrnl-{size}.txt").write_text(jrnl_text(made))
        time.sleep(0.5)  # let the files age past pln's racy-timestamp window
    return root


def empty_journal() -> Path:
    root = DATA / "journal-empty"
    if not (root / "pln.yaml").exists():
        subprocess.run([*PLN, "init", str(root), "--no-git"], check=True, capture_output=True)
    return root


def jrnl_config(size: int) -> Path | None:
    """A jrnl config for the same entries, or None when jrnl is not installed."""
    if not (BIN / "jrnl").exists() and not shutil.which("jrnl"):
        return None
    config = DATA / f"jrnl-{size}.yaml"
    if config.exists():
        return config
    import yaml  # jrnl takes a JSON config for a jrnl 1.x one and offers to upgrade it

    config.write_text(
        yaml.safe_dump(
            {
                "colors": {"body": "none", "date": "none", "tags": "none", "title": "none"},
                "default_hour": 9,
                "default_minute": 0,
                "editor": "",
                "encrypt": False,
                "highlight": False,
                "indent_character": "|",
                "journals": {"default": {"journal": str(DATA / f"jrnl-{size}.txt")}},
                "linewrap": 79,
                "tagsymbols": "#@",
                "template": False,
                "timeformat": "%Y-%m-%d %H:%M",
                "version": "v4.6",
            }
        )
    )
    jrnl = str(BIN / "jrnl") if (BIN / "jrnl").exists() else "jrnl"
    subprocess.run([jrnl, "--config-file", str(config), "-n", "1"], capture_output=True)  # it adopts it
    return config


def benches_for(size: int) -> list[Bench]:
    root = journal_for(size)
    pln = [*PLN, "--journal", str(root)]
    changed = next((root / "entries").glob("*/*.md"))
    original = changed.read_text()
    flip = {"count": 0}

    def change_one_file() -> None:
        flip["count"] += 1
        changed.write_text(original + f"Edited {flip['count']} times.\n")
        time.sleep(0.3)  # older than the racy window: the cache is rewritten, as after a real edit

    def restore() -> None:
        changed.write_text(original)
        time.sleep(0.3)

    def warmed(name: str, command: list[str], baselines: tuple[str, ...]) -> Bench:
        """A warm run: the command runs once untimed first, so the index is fresh for it whatever
        ran before in the round (the cold runs clear it, "1 file changed" edits an old entry)."""

        def warm_up() -> None:
            subprocess.run(command, capture_output=True, check=False)

        return Bench(name, command, baselines, before=warm_up)

    def clear_cache() -> None:
        shutil.rmtree(root / ".pln", ignore_errors=True)

    def remove_logged() -> None:
        for path in (root / "entries").glob("*/*-benchmark-log*.md"):
            path.unlink()

    growth = [*pln, "report", "--growth", "--format", "json"]
    first = [TYPER_RICH, "jrnl 4.6 -n 10"]  # the 1k targets: each warm command against both
    benches = [
        Bench(TYPER_RICH, [PYTHON, "-c", "import typer, rich"]),
        Bench("floor: read + libyaml, 1 process", [PYTHON, str(HERE / "floor.py"), str(root)]),
        Bench("report --growth json, cold (--no-cache)", [*pln, "--no-cache", *growth[3:]], ("floor",)),
        Bench("report --growth json, no .pln/", growth, ("floor",), before=clear_cache),
        warmed("report --growth json, warm", growth, (*first, "jrnl 4.6 --export json")),
        Bench(
            "report --growth json, 1 file changed", growth, ("floor",), before=change_one_file, after=restore
        ),
        warmed("list entries json, warm", [*pln, "list", "entries", "--format", "json"], tuple(first)),
        Bench(
            "list entries json, cold (--no-cache)",
            [*pln, "--no-cache", "list", "entries", "--format", "json"],
            ("floor",),
        ),
        Bench("check, cold (--no-cache)", [*pln, "--no-cache", "check"], ("floor",)),
        warmed("check, warm", [*pln, "check"], ("floor",)),
        warmed("status, warm", [*pln, "status"], tuple(first)),
        warmed("next, warm", [*pln, "next"], tuple(first)),
        warmed("search, warm", [*pln, "search", "rubric", "feedback"], tuple(first)),
        Bench(
            "log on an empty journal",
            [*PLN, "--journal", str(empty_journal()), "log", "benchmark log", "-m", "x", "--no-commit"],
            after=lambda: [p.unlink() for p in (empty_journal() / "entries").glob("*/*.md")],
        ),
        Bench(
            "log",
            [*pln, "log", "benchmark log", "-m", "x", "--no-commit"],
            ("log on an empty journal",),
            after=remove_logged,
        ),
    ]
    config = jrnl_config(size)
    if config is not None:
        jrnl = [str(BIN / "jrnl") if (BIN / "jrnl").exists() else "jrnl", "--config-file", str(config)]
        benches += [
            Bench("jrnl 4.6 --export json", [*jrnl, "--export", "json"]),
            Bench("jrnl 4.6 -n 10", [*jrnl, "-n", "10"]),
        ]
    return benches


def startup_benches() -> list[Bench]:
    return [
        Bench(TYPER_RICH, [PYTHON, "-c", "import typer, rich"]),
        Bench("pln --help", [*PLN, "--help"], (TYPER_RICH,)),
        Bench("pln --version", [*PLN, "--version"], (TYPER_RICH,)),
    ]


def run_once(bench: Bench) -> None:
    if bench.before:
        bench.before()
    result = subprocess.run([PYTHON, "-c", WRAPPER, *bench.command], capture_output=True, text=True)
    if bench.after:
        bench.after()
    elapsed, peak_kib, code = result.stdout.split()
    if code != "0":
        bench.failed = True
        return
    bench.times.append(float(elapsed))
    bench.memory.append(int(peak_kib))


def median(bench: Bench) -> float | None:
    return statistics.median(bench.times) if bench.times and not bench.failed else None


def by_name(benches: list[Bench]) -> dict[str, Bench]:
    return {bench.name.split(":")[0]: bench for bench in benches} | {b.name: b for b in benches}


def ratio(groups: dict[str, list[Bench]], label: str, name: str, baseline: str) -> float | None:
    found = by_name(groups.get(label, []))
    mine, theirs = found.get(name), found.get(baseline)
    if mine is None or theirs is None or median(mine) is None or not median(theirs):
        return None
    return median(mine) / median(theirs)  # type: ignore[operator]


def table(groups: dict[str, list[Bench]]) -> str:
    lines = [
        "| journal | command | median s | ratio to baseline | peak MB |",
        "| --- | --- | ---: | --- | ---: |",
    ]
    for label, benches in groups.items():
        for bench in benches:
            mine = median(bench)
            if mine is None:
                lines.append(f"| {label} | {bench.name} | not available | | |")
                continue
            ratios = [
                f"{found:.2f}× {base}"
                for base in bench.baselines
                if (found := ratio(groups, label, bench.name, base)) is not None
            ]
            peak = max(bench.memory) / 1024
            lines.append(f"| {label} | {bench.name} | {mine:.3f} | {'; '.join(ratios)} | {peak:.0f} |")
    return "\n".join(lines)


def targets(groups: dict[str, list[Bench]]) -> str:
    """Issue 16's targets, each with the figure measured and whether it is met."""
    rows = ["| target | measured | met |", "| --- | --- | --- |"]

    def add(target: str, value: float | None, limit: float, unit: str = "×", lower: bool = True) -> None:
        if value is None:
            rows.append(f"| {target} | not measured | |")
            return
        met = value <= limit if lower else value >= limit
        rows.append(f"| {target} | {value:.2f}{unit} | {'yes' if met else 'no'} |")

    small, big = "1,000", "50,000"
    for name in (
        "report --growth json, warm",
        "list entries json, warm",
        "status, warm",
        "next, warm",
        "search, warm",
    ):
        add(f"1k {name} ≤ 1.5× typer+rich", ratio(groups, small, name, TYPER_RICH), 1.5)
        add(f"1k {name} faster than jrnl -n 10", ratio(groups, small, name, "jrnl 4.6 -n 10"), 1.0)
    seconds = {name: median(bench) for name, bench in by_name(groups.get(big, [])).items()}
    memory = {bench.name: max(bench.memory) / 1024 for bench in groups.get(big, []) if bench.memory}
    add("50k report --growth warm ≤ 0.5 s", seconds.get("report --growth json, warm"), 0.5, " s")
    jrnl = ratio(groups, big, "jrnl 4.6 --export json", "report --growth json, warm")
    add("50k report --growth warm ≥ 5× faster than jrnl --export json", jrnl, 5.0, "× faster", lower=False)
    add("50k one file changed ≤ 0.6 s", seconds.get("report --growth json, 1 file changed"), 0.6, " s")
    add("50k status ≤ 0.4 s", seconds.get("status, warm"), 0.4, " s")
    add("50k search ≤ 0.5 s", seconds.get("search, warm"), 0.5, " s")
    warm = [memory.get(name) for name in ("report --growth json, warm", "status, warm", "search, warm")]
    add("50k warm peak memory ≤ 150 MB", max((m for m in warm if m), default=None), 150, " MB")
    add(
        "50k cold (no .pln/) report --growth ≤ 1.0× floor",
        ratio(groups, big, "report --growth json, no .pln/", "floor"),
        1.0,
    )
    add("50k cold peak memory ≤ 200 MB", memory.get("report --growth json, no .pln/"), 200, " MB")
    add("50k log ≤ 1.1× log on an empty journal", ratio(groups, big, "log", "log on an empty journal"), 1.1)
    add("pln --help ≤ 1.3× typer+rich", ratio(groups, "start-up", "pln --help", TYPER_RICH), 1.3)
    return "\n".join(rows)


def compile_pln() -> None:
    """Write pln's bytecode first, as `pip install` does: with $PYTHONDONTWRITEBYTECODE set (as on
    the machine of the first runs) an editable install would compile every module on every run,
    a cost no installed pln pays (typer and rich, installed by pip, never paid it)."""
    import compileall

    import plnjournal

    compileall.compile_dir(Path(plnjournal.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    compile_pln()
    groups = {f"{int(size):,}": benches_for(int(size)) for size in args.sizes.split(",")}
    groups["start-up"] = startup_benches()
    for round_number in range(args.repeat):
        for benches in groups.values():
            for bench in benches:
                if not bench.failed:
                    run_once(bench)
        print(f"round {round_number + 1}/{args.repeat} done", file=sys.stderr)
    print(f"{os.cpu_count()} cores, {args.repeat} runs each, medians; ratio = median / baseline's median\n")
    print(table(groups))
    print("\nTargets (issue 16):\n")
    print(targets(groups))
    if not any(bench.name.startswith("jrnl") for bench in groups[next(iter(groups))]):
        print("\njrnl is not installed: `pip install 'jrnl==4.*'` to compare with it.")


if __name__ == "__main__":
    main()
