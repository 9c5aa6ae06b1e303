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


_scalars = yaml.SafeLoader("")


def _convert(node: yaml.Node, line_offset: int, duplicates: list[DuplicateKeyError]) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = LocDict()
        result.pos = _pos(node, line_offset)
        result.key_pos, result.value_pos = {}, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, line_offset, duplicates)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                duplicates.append(DuplicateKeyError(key, _pos(key_node, line_offset), result.key_pos[key]))
                continue
            result[key] = _convert(value_node, line_offset, duplicates)
            result.key_pos[key] = _pos(key_node, line_offset)
            result.value_pos[key] = _pos(value_node, line_offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        result = LocList()
        result.pos = _pos(node, line_offset)
        result.item_pos = []
        for item in node.value:
            result.append(_convert(item, line_offset, duplicates))
            result.item_pos.append(_pos(item, line_offset))
        return result
    # Scalars: let PyYAML's safe constructor decide the type (null, bool, int, date, str).
    return _scalars.construct_object(node, deep=True)


def parse(text: str, line_offset: int = 0) -> tuple[Any, list[DuplicateKeyError]]:
    """Parse one YAML document. Raises YamlSyntaxError with the real position on bad syntax."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1 + line_offset, mark.column + 1) if mark else Pos(1 + line_offset, 1)
        message = " ".join(filter(None, [exc.context, exc.problem]))
        raise YamlSyntaxError(f"YAML syntax error: {message}", pos, _syntax_hint(exc)) from None
    except yaml.YAMLError as exc:  # e.g. a tab or a control character the reader refuses
        raise YamlSyntaxError(f"YAML syntax error: {exc}", Pos(1 + line_offset, 1), None) from None
    if node is None:
        return None, []
    duplicates: list[DuplicateKeyError] = []
    return _convert(node, line_offset, duplicates), duplicates


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. quote: \"Putin: ...\""
    if "found character '\\t'" in problem:
        return "YAML indents with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "each entry needs 'key: value'; check the indentation of the line above"
    return "check indentation and quoting on this line and the one above"
