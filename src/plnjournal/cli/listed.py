"""What `pln --help` (and `pln`, `pln --version`: no command word) lists: each command's name and
the first sentence of its help, from a table, as pip lists its commands from one. Building the
list from the commands themselves would import every module that makes one (27 of them: 17 ms of
a 90 ms `pln --help`), for a name and a sentence each. A test checks the table against the
commands' own help, and the page against the whole app's, so an edited docstring cannot drift.
"""

from __future__ import annotations

import typer

# (name, the first sentence of its help, whether it is a group of commands), in the order the
# whole app lists them: its commands as registered (cli/main.py COMMANDS), then its groups.
LISTED: tuple[tuple[str, str, bool], ...] = (
    (
        "init",
        "Make a new journal: folders, pln.yaml, a README and .gitignore; `git init` unless --no-git.",
        False,
    ),
    ("log", "Log what happened, with whom, where, how it made you grow, and what you will try next.", False),
    (
        "templates",
        "List the entry templates for `pln log --template NAME` (edit them in the journal's templates/).",
        False,
    ),
    ("list", "List people, spaces, tools, goals, entries or reflections; filters apply to entries.", False),
    (
        "show",
        "Show one record: its keys and its notes; for a person, space, tool or goal, also the entries "
        "that name it, newest first, with the first and last day seen.",
        False,
    ),
    (
        "edit",
        "Open a record in $EDITOR, even one that does not read; checked after you save, never lost.",
        False,
    ),
    ("rename", "Rename a record's file and every reference to it.", False),
    (
        "rm",
        "Remove a record: says what goes and asks first (--yes does not ask); refused while other "
        "records name it, unless --force.",
        False,
    ),
    ("set", "Change fields of a record, checked like `pln log`; a new date moves an entry's file.", False),
    (
        "merge",
        "Merge DROP into KEEP: references to DROP name KEEP, DROP's keys fill KEEP's missing ones, lists "
        "are joined, DROP's notes follow KEEP's, and DROP's file goes.",
        False,
    ),
    (
        "undo",
        "Undo the last change pln committed here (when it is the last commit): says which, and the "
        "files it puts back, then asks (--yes does not).",
        False,
    ),
    ("report", "A report over the entries in a range (default: all); -o writes it to a file.", False),
    (
        "next",
        "Open intentions (an entry's `next` neither applied nor dropped, and the newest reflection's), "
        "oldest first, numbered for --done and --drop.",
        False,
    ),
    ("check", "Check every file of the journal, like a compiler: exit 1 when there is an error.", False),
    ("sync", "Commit the journal's pending files, `git pull --rebase`, then `git push`.", False),
    (
        "reflect",
        "Write reflections/DATE-enrichment.md: your people, spaces and tools, what supports your "
        "growth, what is missing, and intentions (its `next:` list) to keep or change.",
        False,
    ),
    ("graph", "The network as a graph: people, spaces and tools, linked by the entries they share.", False),
    ("status", "Where your PLN stands today, at a glance.", False),
    ("upcoming", "The next sessions of your spaces, from their `schedule` and dated `sessions`.", False),
    (
        "export",
        "Export entries (people, spaces, tools and goal named, ids kept); private ones stay home.",
        False,
    ),
    (
        "import",
        "Import entries (pln's own export: the whole journal) from pln, Markdown notes, Day One, an "
        "Open Badge, jrnl or a CSV PD log; a file imported twice adds nothing the second time.",
        False,
    ),
    (
        "cohort",
        "Add up the cohort shares of many teachers: totals, how many teachers each rests on, medians.",
        False,
    ),
    (
        "portfolio",
        "Evidence of professional learning for recertification: clock hours, providers, evidence, what "
        "you learned and applied.",
        False,
    ),
    ("attach", "Copy FILE into evidence/ and add it to the entry's evidence list.", False),
    (
        "search",
        "Entries whose title, growth notes, next, applied, impact or notes hold every word of TEXT (a "
        'word also finds longer ones: "assess" finds "assessment"), best first.',
        False,
    ),
    (
        "site",
        "A static site of the journal: an index, every report's page, a page per person, space, tool, "
        "goal and entry, linked.",
        False,
    ),
    ("add", "Add a person, space, tool or goal to your network.", True),
    ("tag", "Rename a tag, or join several into one, in every record that has it.", True),
    ("goal", "Mark a goal done or dropped (its `status`); `pln list goals` shows them.", True),
    ("config", "Your own settings, such as the default journal.", True),
    (
        "cache",
        "The index in .pln/index.sqlite: never the source of truth; deleting it changes no output.",
        True,
    ),
    ("credits", "Credit toward recertification, by a state's rule pack.", True),
)


def listing(app: typer.Typer) -> typer.Typer:
    """`app` (the global options, no command yet) with every command of `LISTED` as its name and
    sentence, and a callback that never runs: no command word was given."""
    for name, sentence, group in LISTED:
        if group:
            app.add_typer(typer.Typer(help=sentence), name=name)
        else:
            app.command(name, help=sentence)(_listed_only)
    return app


def _listed_only() -> None:
    """The callback of a command in `listing`: never run, since no command word was given."""
