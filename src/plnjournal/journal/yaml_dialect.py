"""The YAML dialect of pln's files (see fileformat.py): libyaml's parser with YAML 1.2 core-schema
scalars and duplicate keys refused, oversized or too deeply nested front-matter refused before
the parser sees it, and a writer that quotes every string any YAML 1.1 reader could misread.
Imported only to parse what `simple_yaml` cannot, and to write."""

from __future__ import annotations

import re
from typing import Any

import yaml

from plnjournal.errors import FormatError
from plnjournal.journal.simple_yaml import Quoted

MAX_NESTING = 24
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """libyaml's parser with YAML 1.2 core-schema scalars and duplicate keys refused."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - replaces PyYAML's class-level table

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key_node, yaml.ScalarNode):
                raise FormatError(
                    "a key must be plain text, not a list or mapping",
                    line=text_line(self.text, key_node.start_mark) + 1,
                    code="yaml-syntax",
                )
            if key in seen:
                raise FormatError(
                    f"duplicate key {key!r}",
                    line=text_line(self.text, key_node.start_mark) + 1,
                    code="duplicate-key",
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def text_line(text: str, mark: Any) -> int:
    """The 0-based line of a YAML position as an editor counts lines. libyaml also breaks lines at
    U+0085, U+2028 and U+2029, which editors (and git) show inside a line, so its own line number
    would point below the real one: count the newlines before the position instead."""
    return text.count("\n", 0, mark.index)


Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper (YAML 1.1 resolvers, so it quotes every ambiguous string), in Python:
    libyaml's emitter escapes every character outside the Basic Multilingual Plane (`\\U0001F469`
    for an emoji), and a file must read as typed in any editor, Obsidian and GitHub."""

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        """Escape only what YAML cannot hold literally (PyYAML's own also escapes emoji); pln
        never folds long lines, so `split` is moot."""
        self.write_indicator('"', True)
        data = "".join(_escaped(self.ESCAPE_REPLACEMENTS, char) for char in text)
        self.column += len(data)
        self.stream.write(data)
        self.write_indicator('"', False)


_FOLDED_BREAKS = re.compile("[\x85\u2028\u2029]")
_ALWAYS_ESCAPED = '"\\\x85\u2028\u2029\ufeff'  # line breaks YAML would fold, the BOM, the quote itself


def _escaped(replacements: dict[str, str], char: str) -> str:
    """One character of a double-quoted YAML string: literal when YAML allows it printed."""
    if char not in _ALWAYS_ESCAPED and is_printable(char):
        return char
    if char in replacements:
        return "\\" + replacements[char]
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def is_printable(char: str) -> bool:
    """YAML's printable set (spec 1.2, 5.1), tab and line breaks aside: emoji and every other
    character outside the BMP included."""
    return " " <= char <= "~" or "\xa0" <= char <= "\ud7ff" or "\ue000" <= char <= "\ufffd" or char > "\uffff"


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(item, (str, int, float, bool)) or item is None for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """`|` for several lines; double quotes (so `\\N`, `\\L`) for the other line breaks, which a
    YAML 1.1 reader folds in any other style, and for text ending in a line break, which a reader
    that cuts the front-matter before the closing `---` line (python-frontmatter does) would lose
    from a `|` block."""
    style = '"' if _FOLDED_BREAKS.search(data) or data.endswith("\n") else "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_quoted(dumper: yaml.SafeDumper, data: Quoted) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="'")


Dumper.add_representer(Quoted, _represent_quoted)
Dumper.add_representer(list, _represent_list)
Dumper.add_representer(tuple, _represent_list)
Dumper.add_representer(dict, _represent_dict)
Dumper.add_representer(str, _represent_str)


def read_yaml(front: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    """`parse_front_matter` by the YAML parser, whatever the front-matter's shape."""
    loader = Loader(front)
    try:
        _refuse_deep_or_aliased(front)
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise FormatError("front-matter is not a mapping of keys to values", line=1, code="not-a-mapping")
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (text_line(front, mark) if mark else 0)
        raise FormatError(f"YAML: {error.problem or error.context}", line=line, code="yaml-syntax") from None
    except yaml.YAMLError as error:
        raise FormatError(f"YAML: {error}", line=first_line, code="yaml-syntax") from None
    except FormatError as error:
        raise FormatError(error.message, line=first_line + (error.line or 1) - 1, code=error.code) from None
    finally:
        loader.dispose()
    lines = {str(key.value): first_line + text_line(front, key.start_mark) for key, _ in node.value}
    return data, lines


def _refuse_deep_or_aliased(front: str) -> None:
    """Refuse what would exhaust memory or the stack (libyaml's composer recurses in C), by reading
    the parser's events, which needs no recursion. Lines are relative to the front-matter."""
    depth = 0
    for event in yaml.parse(front, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):  # `*name` can multiply a value a billion times
            line = text_line(front, event.start_mark) + 1
            raise FormatError("YAML aliases (*name) are not supported", line=line, code="yaml-syntax")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                line = text_line(front, event.start_mark) + 1
                raise FormatError("front-matter is nested too deeply", line=line, code="too-deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def dump_front_matter(data: dict[str, Any]) -> str:
    return yaml.dump(
        data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=2**31 - 1, default_flow_style=False
    )
