"""Start-up: typer 0.29 turns every parameter's text into its type through a pydantic TypeAdapter,
and importing pydantic for that costs about as much as all of typer and rich (see README
"Performance", measured with `python -X importtime`).

pln's parameters are simple (text, lists of text, a choice, a path, a bounded int), so a value that
is already plainly right (text for `str`, one of the choices for a `Literal`, digits within bounds
for an `int`) is taken as it is, with the very result typer's adapter gives. Anything else, a wrong
value most of all, goes to typer's own coercion, so its error messages are unchanged; pydantic is
imported only then. `install` does nothing if typer's internals are not the ones this was written
for (typer is pinned below 0.30 in pyproject.toml), and pln is then as slow as before, not broken.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from plnjournal.frozen import frozen

_DIGITS = re.compile(r"[+-]?[0-9]+")
_SLOW = object()  # the value needs typer's own coercion


def install() -> None:
    """Make typer's parameters try the plain coercion first."""
    try:
        from typer import _coercion, core
        from typer._param_types import coerce_cli_path
    except ImportError:
        return
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or not hasattr(parameter, "get_runtime_param"):
        return

    @frozen(slots=False)
    class PlainFirst(_coercion.RuntimeParam):
        """typer's runtime parameter, with plain values coerced before pydantic is asked."""

        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            found = _plain(self.annotation, self.parameter_info, value)
            if found is _PATH:
                # typer's path adapter, less its TypeAdapter(Path): given a Path, it skips that
                path = Path(value)
                return coerce_cli_path(path, self.parameter_info, path_type=Path, param=param, ctx=ctx)
            if found is not _SLOW:
                return found
            slow = _coercion.build_runtime_param(self.descriptor)
            return slow._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            if descriptor.file_annotation is not None or descriptor.parameter_info.parser is not None:
                self._runtime_param = _coercion.build_runtime_param(descriptor)
            else:
                self._runtime_param = PlainFirst(
                    parameter_info=descriptor.parameter_info,
                    annotation=descriptor.annotation,
                    descriptor=descriptor,
                )
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param


_PATH = object()  # a path: typer's own path coercion, which needs no pydantic


def _plain(annotation: Any, info: Any, value: Any) -> Any:
    """The coerced value when it is plainly right, `_PATH` for a path, else `_SLOW`."""
    if annotation is str:
        return value if isinstance(value, str) else _SLOW
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        items = list(value) if isinstance(value, (list, tuple)) else None
        return items if items is not None and all(isinstance(item, str) for item in items) else _SLOW
    if get_origin(annotation) is Literal:
        return value if isinstance(value, str) and value in get_args(annotation) else _SLOW
    if annotation is int and not getattr(info, "clamp", False):
        return _plain_int(value, info)
    if annotation is Path and isinstance(value, str) and getattr(info, "path_type", None) in (None, Path):
        return _PATH
    return _SLOW


def _plain_int(value: Any, info: Any) -> Any:
    digits = isinstance(value, str) and _DIGITS.fullmatch(value)
    if isinstance(value, bool) or not (isinstance(value, int) or digits):
        return _SLOW
    number = int(value)
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if (low is not None and number < low) or (high is not None and number > high):
        return _SLOW
    return number
