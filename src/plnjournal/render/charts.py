"""Text charts for report tables: a horizontal bar and a sparkline, plain characters that read
the same on a terminal and in a pipe."""

from __future__ import annotations

from collections.abc import Sequence

_EIGHTHS = " ▏▎▍▌▋▊▉"
_SPARKS = "▁▂▃▄▅▆▇█"


def bar(value: float, maximum: float, width: int = 20) -> str:
    """A bar `width` characters long at `maximum`, in eighths of a character."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / maximum * width * 8))
    return "█" * (eighths // 8) + _EIGHTHS[eighths % 8].strip()


def sparkline(values: Sequence[float]) -> str:
    """One character per value, its height relative to the largest; '·' for zero."""
    top = max(values, default=0)
    return "".join(
        "·" if value <= 0 else _SPARKS[min(len(_SPARKS) - 1, int(value / top * (len(_SPARKS) - 1) + 0.5))]
        for value in values
    )
