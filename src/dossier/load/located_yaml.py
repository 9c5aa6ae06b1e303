"""YAML parsing that remembers where every value stands (file, line, column).

`yaml.compose` gives nodes with start marks; we turn them into plain dicts, lists and scalars and keep the
positions beside them, so a validator can say `annotations/events.yml:12:11` about any value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Pos:
    line: int  # 1-based
    col: int  # 1-based


class LocDict(dict):
    """A mapping that knows its own position, each key's position and each value's position."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]


class LocList(list):
    """A sequence that knows its own position and each item's position."""

    pos: Pos
    item_pos: list[Pos]


class YamlSyntaxError(Exception):
    def __init__(self, message: str, pos: Pos, hint: str | None):
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.hint = hint


class DuplicateKeyError(Exception):
    def __init__(self, key: str, pos: Pos, first: Pos):
        super().__init__(key)
        self.key, self.pos, self.first = key, pos, first


def _pos(node: yaml.Node, line_offset: int) -> Pos:
    return Pos(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_STR = "tag:yaml.org,2002:str"


def _implicit(node: yaml.ScalarNode, loader: yaml.SafeLoader) -> bool:
    """A plain scalar whose type was only inferred (no explicit tag). Plain: style None from PyYAML's
    parser, "" from libyaml's."""
    return not node.style and node.tag == loader.resolve(yaml.ScalarNode, node.value, (True, False))


def _scalar(node: yaml.ScalarNode, line_offset: int, loader: yaml.SafeLoader) -> Any:
    """PyYAML's safe constructor decides the type (null, bool, date, str), except for numbers: an unquoted
    number stays the text as written (`010` is not 8, `1.50` not 1.5; dates.coerce_date_text reads `2024`).
    Where the constructor cannot build a value, a plain scalar it only took for a date (`2024-02-30`) stays
    the text too, for the validator to judge; an explicit tag (`!foo x`) is reported at its place."""
    if node.tag == _STR:
        return node.value  # what the constructor would return, without its detour (most values are text)
    if node.tag in _NUMBERS and _implicit(node, loader):
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        if _implicit(node, loader):
            return node.value
        raise YamlSyntaxError(f"YAML syntax error: cannot read {node.value!r} as {node.tag}", _pos(node, line_offset),
                              "dossier reads plain YAML: remove the tag before the value") from None


def _convert(node: yaml.Node, line_offset: int, duplicates: list[DuplicateKeyError], loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = LocDict()
        result.pos = _pos(node, line_offset)
        result.key_pos, result.value_pos = {}, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, line_offset, duplicates, loader)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                duplicates.append(DuplicateKeyError(key, _pos(key_node, line_offset), result.key_pos[key]))
                continue
            result[key] = _convert(value_node, line_offset, duplicates, loader)
            result.key_pos[key] = _pos(key_node, line_offset)
            result.value_pos[key] = _pos(value_node, line_offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        result = LocList()
        result.pos = _pos(node, line_offset)
        result.item_pos = []
        for item in node.value:
            result.append(_convert(item, line_offset, duplicates, loader))
            result.item_pos.append(_pos(item, line_offset))
        return result
    return _scalar(node, line_offset, loader)


def parse(text: str, line_offset: int = 0) -> tuple[Any, list[DuplicateKeyError]]:
    """Parse one YAML document. Raises YamlSyntaxError with the real position on bad syntax."""
    try:
        node = yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError:
        node = _compose_slowly(text, line_offset)  # the messages and hints of PyYAML's own parser
    if node is None:
        return None, []
    duplicates: list[DuplicateKeyError] = []
    # A loader per document: a loader keeps every node it constructed (and with it the file's text), so a
    # shared one would grow with every rebuild under `mkdocs serve`.
    return _convert(node, line_offset, duplicates, yaml.SafeLoader("")), duplicates


# libyaml's parser (C) gives the same nodes and positions as PyYAML's (Python) and is 6-7x faster: 1,000
# articles' annotations are 20 MB of YAML. A file it refuses is parsed again in Python, for the message.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_slowly(text: str, line_offset: int) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1 + line_offset, mark.column + 1) if mark else Pos(1 + line_offset, 1)
        message = " ".join(filter(None, [exc.context, exc.problem]))
        raise YamlSyntaxError(f"YAML syntax error: {message}", pos, _syntax_hint(exc)) from None
    except yaml.reader.ReaderError as exc:  # a control character, invisible in most editors
        before = text[:exc.position]
        pos = Pos(before.count("\n") + 1 + line_offset, len(before) - before.rfind("\n"))
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlSyntaxError(f"YAML syntax error: the control character {char} is not allowed", pos,
                              "delete it (it may have come with text copied from a PDF)") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML syntax error: {exc}", Pos(1 + line_offset, 1), None) from None


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. quote: \"Putin: ...\""
    if "found character '\\t'" in problem:
        return "YAML indents with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "each entry needs 'key: value'; check the indentation of the line above"
    return "check indentation and quoting on this line and the one above"
