"""The `pln` command: global options and the command groups, each in a module of its own.

Start-up: building typer's command for every module costs more than most commands' own work, so
`pln CMD` (the `main` entry point) registers only the module that provides CMD, found in
`COMMANDS`; shell completion and a word pln does not know get every command. `pln --help` (and
`pln`, `pln --version`: no command word) gets every command's name and first sentence from a
table (cli/listed.py), since that list is all it shows, and builds no command at all. `app`
(what tests and completion import) is the whole app, built on first use.
"""

from __future__ import annotations

import gc

_COLLECTING = gc.isenabled()
gc.disable()  # while typer and this module load: see the end of the module

from pathlib import Path  # noqa: E402
from typing import Annotated  # noqa: E402

import typer  # noqa: E402

from plnjournal.cli.context import Context  # noqa: E402
from plnjournal.cli.group import PlnGroup  # noqa: E402

HELP = """A journal for an educator's professional learning network (PLN): the people, spaces and
tools you learn with, and what you learn from them, as Markdown files under git.

Start with `pln init DIR`; then `pln add person`, `pln log` right after a chat or an Edcamp,
and `pln report --growth` at the end of a term."""


def _new_app() -> typer.Typer:
    made = typer.Typer(
        cls=PlnGroup,
        help=HELP,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(main_options)
    return made


def _show_version(value: bool) -> None:
    if value:
        from plnjournal import __version__

        typer.echo(f"pln {__version__}")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            "-J",
            show_default=False,
            help="The journal folder (default: $PLN_JOURNAL, else the nearest pln.yaml upward).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Parse every file again; neither read nor write the cache in .pln/."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=_show_version, help="Show pln's version and exit."),
    ] = False,
) -> None:
    ctx.obj = Context.detect(journal, use_cache=not no_cache)


COMMANDS: dict[str, tuple[str, ...]] = {
    "init": ("init",),
    "add": ("add",),
    "log": ("log",),
    "templates": ("templates",),
    "browse": ("list", "show", "edit"),
    "rename": ("rename", "rm"),
    "set": ("set",),
    "merge": ("merge",),
    "tag": ("tag",),
    "undo": ("undo",),
    "report": ("report",),
    "next": ("next",),
    "goal": ("goal",),
    "check": ("check",),
    "sync": ("sync",),
    "reflect": ("reflect",),
    "graph": ("graph",),
    "status": ("status",),
    "upcoming": ("upcoming",),
    "config": ("config",),
    "cache": ("cache",),
    "export_import": ("export", "import"),
    "cohort": ("cohort",),
    "portfolio": ("portfolio", "attach"),
    "search": ("search",),
    "credits": ("credits",),
    "site": ("site",),
}  # modules of this package, each with register(app), and the commands it adds (a test checks them)
VALUE_OPTIONS = ("-J", "--journal")  # global options that take a value


def build(command: str | None = None) -> typer.Typer:
    """The app with every command, or only the module that provides `command` when one does."""
    import importlib

    _adapt_typer()
    made = _new_app()
    modules = [module for module, names in COMMANDS.items() if command in names]
    for name in modules or COMMANDS:
        importlib.import_module(f"{__package__}.{name}").register(made)
    _evaluate_annotations(made)
    return made


def _adapt_typer() -> None:
    """What pln changes in typer before any app is made: plain values skip its pydantic coercion
    (coercion.py), and help names values in words, not Python's types (typenames.py)."""
    from plnjournal.cli import coercion, typenames

    coercion.install()
    typenames.install()


def _evaluate_annotations(made: typer.Typer) -> None:
    """Each callback's annotations made values once, here: typer reads a command's signature two
    to four times, compiling and evaluating every annotation written as text (these modules use
    `from __future__ import annotations`) each time; 2 ms of a `pln next`. A callback whose
    annotations do not evaluate is left as it is, for typer to say what is wrong."""
    import typing

    callbacks = [made.registered_callback.callback if made.registered_callback else None]
    for group in made.registered_groups:
        instance = group.typer_instance
        if instance is not None:
            callbacks.append(instance.registered_callback.callback if instance.registered_callback else None)
            callbacks += [info.callback for info in instance.registered_commands]
    callbacks += [info.callback for info in made.registered_commands]
    for callback in callbacks:
        if callback is not None and any(isinstance(a, str) for a in callback.__annotations__.values()):
            try:
                callback.__annotations__ = typing.get_type_hints(callback, include_extras=True)
            except Exception:  # typer reports it, as it would have
                continue


def command_word(args: list[str]) -> str | None:
    """The command a command line runs (`pln -J dir status --format json` -> status)."""
    words = iter(args)
    for word in words:
        if word in VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


_whole: list[typer.Typer] = []


def __getattr__(name: str) -> typer.Typer:
    """`app`: the whole app, made once, when first imported."""
    if name != "app":
        raise AttributeError(name)
    if not _whole:
        _whole.append(build())
    return _whole[0]


def main() -> None:
    import os
    import sys

    completing = any(name.endswith("_COMPLETE") for name in os.environ)
    try:
        word = None if completing else command_word(sys.argv[1:])
        if word is None and not completing:
            from plnjournal.cli.listed import listing

            _adapt_typer()
            listing(_new_app())()
        else:
            build(word)()
    except Exception as problem:  # only a bug in building the CLI gets here; never a traceback
        if os.environ.get("PLN_DEBUG"):
            raise
        sys.stderr.write(f"pln: error: internal error: {type(problem).__name__}: {problem}\n")
        sys.exit(1)
    finally:
        # The process ends here: what is left is freed as it exits, and the collection Python
        # runs on the way out would only walk it all once more (10-30 ms after a command).
        gc.freeze()


# Importing typer and this module made some 17,000 objects that live as long as the process, and
# no garbage; the collector would have walked them some thirty times as they were made (6-8 ms of
# a 100 ms `pln status`). Frozen, they stay out of every later collection's way.
gc.freeze()
if _COLLECTING:  # (an importer that turned the collector off keeps it off)
    gc.enable()
