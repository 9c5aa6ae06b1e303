"""YAML parsing that remembers where every value stands (file, line, column).

`yaml.compose` gives nodes with start marks; we turn them into plain dicts, lists and scalars and keep the
positions beside them, so a validator can say `annotations/events.yml:12:11` about any value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .limits import CONTROL, CONTROL_HINT, MAX_ALIAS_VALUES, MAX_DEPTH, char_name


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
    """The file cannot be read as a whole: bad syntax, or over one of the limits (load/limits.py)."""

    def __init__(self, message: str, pos: Pos, hint: str | None, code: str = "yaml-syntax"):
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.hint = hint
        self.code = code


@dataclass(frozen=True)
class ValueProblem:
    """A value that was read but must not be used (a control character in it)."""

    pos: Pos
    code: str
    message: str
    hint: str


class DuplicateKeyError(Exception):
    def __init__(self, key: str, pos: Pos, first: Pos):
        super().__init__(key)
        self.key, self.pos, self.first = key, pos, first


def _pos(node: yaml.Node, line_offset: int) -> Pos:
    return Pos(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


_TOO_DEEP_HINT = (f"annotation files need 4 levels (a list of entries, their fields, a list in a field); "
                  f"dossier stops at {MAX_DEPTH}")


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with a bound on nesting: its composer recurses once per level, so thousands
    of '[' would end in a RecursionError instead of a diagnostic."""

    def __init__(self, stream: str, line_offset: int):
        super().__init__(stream)
        self.depth = 0
        self.line_offset = line_offset

    def fetch_flow_collection_start(self, token_class):
        # Checked already where the scanner meets '[' or '{': it looks ahead over every open bracket before
        # it hands out the first token, which takes quadratic time (seconds for 5,000 brackets).
        if self.flow_level >= MAX_DEPTH:
            mark = self.get_mark()
            raise YamlSyntaxError(f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                                  Pos(mark.line + 1 + self.line_offset, mark.column + 1), _TOO_DEEP_HINT, "yaml-too-deep")
        super().fetch_flow_collection_start(token_class)

    def compose_node(self, parent, index):
        if self.depth >= MAX_DEPTH and self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            mark = self.peek_event().start_mark
            raise YamlSyntaxError(f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                                  Pos(mark.line + 1 + self.line_offset, mark.column + 1), _TOO_DEEP_HINT, "yaml-too-deep")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


@dataclass
class _Reading:
    """State of turning one document's nodes into values: what was found, how much was made."""

    line_offset: int
    loader: yaml.SafeLoader
    duplicates: list[DuplicateKeyError]
    problems: list[ValueProblem]
    # Whether the text can hold an alias at all: without a '*' there is none, and no node to count
    # (counting a million nodes is a tenth of reading 1,000 articles' annotations).
    aliases: bool = True
    seen: set[int] = field(default_factory=set)  # the nodes made so far; meeting one again is an alias's copy
    copies: int = 0

    def count(self, node: yaml.Node) -> None:
        """An alias (`*name`) makes a copy of what its anchor holds: aliases of aliases multiply, and an
        alias inside its own anchor never ends. Both are stopped here, at a bound no honest file reaches."""
        if id(node) in self.seen:
            self.copies += 1
        else:
            self.seen.add(id(node))
        if self.copies > MAX_ALIAS_VALUES:
            raise YamlSyntaxError(f"aliases copy more than {MAX_ALIAS_VALUES:,} values into the file",
                                  _pos(node, self.line_offset),
                                  "write the entries out instead of repeating them with aliases ('&name', '*name')",
                                  "yaml-too-large")

    def too_deep(self, node: yaml.Node) -> YamlSyntaxError:
        # The same bound as _Loader's: libyaml's parser, which composes most files, stops only at 1,000, and
        # an alias inside its own anchor makes any depth.
        return YamlSyntaxError(f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                               _pos(node, self.line_offset), _TOO_DEEP_HINT, "yaml-too-deep")


_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_STR = "tag:yaml.org,2002:str"


def _implicit(node: yaml.ScalarNode, loader: yaml.SafeLoader) -> bool:
    """A plain scalar whose type was only inferred (no explicit tag). Plain: style None from PyYAML's
    parser, "" from libyaml's."""
    return not node.style and node.tag == loader.resolve(yaml.ScalarNode, node.value, (True, False))


def _scalar(node: yaml.ScalarNode, reading: _Reading) -> Any:
    """PyYAML's safe constructor decides the type (null, bool, date, str), except for numbers: an unquoted
    number stays the text as written (`010` is not 8, `1.50` not 1.5; dates.coerce_date_text reads `2024`).
    Where the constructor cannot build a value, a plain scalar it only took for a date (`2024-02-30`) stays
    the text too, for the validator to judge; an explicit tag (`!foo x`) is reported at its place."""
    loader, line_offset = reading.loader, reading.line_offset
    if node.tag == _STR:
        value = node.value  # what the constructor would return, without its detour (most values are text)
    elif node.tag in _NUMBERS and _implicit(node, loader):
        return node.value
    else:
        try:
            value = loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            if _implicit(node, loader):
                return node.value
            raise YamlSyntaxError(f"YAML syntax error: cannot read {node.value!r} as {node.tag}",
                                  _pos(node, line_offset),
                                  "dossier reads plain YAML: remove the tag before the value") from None
    # The reader refuses raw control characters; an escape in a quoted value ("\e", "\x00") makes them.
    if isinstance(value, str) and (control := CONTROL.search(value)):
        reading.problems.append(ValueProblem(_pos(node, line_offset), "control-character",
                                             f"the value contains the control character {char_name(control.group())}",
                                             CONTROL_HINT + "; here it is written as an escape such as \\e or \\x1b"))
    return value


_MAPPING, _SEQUENCE = yaml.MappingNode, yaml.SequenceNode


def _convert(node: yaml.Node, reading: _Reading, depth: int, pos: Pos) -> Any:
    """The value of `node`, which stands at `pos` (its parent made that already). This runs once per
    value of every file (a million at 1,000 articles), hence the inlined positions and text values."""
    if reading.aliases:
        reading.count(node)
    kind = type(node)
    if kind is not _MAPPING and kind is not _SEQUENCE:
        if node.tag == _STR and not CONTROL.search(node.value):
            return node.value  # what _scalar returns for text without control characters, the most of all
        return _scalar(node, reading)
    if depth >= MAX_DEPTH:
        raise reading.too_deep(node)
    line_offset = reading.line_offset + 1
    if kind is _MAPPING:
        result = LocDict()
        result.pos = pos
        result.key_pos, result.value_pos = key_pos, value_pos = {}, {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            at = Pos(mark.line + line_offset, mark.column + 1)
            key = _convert(key_node, reading, depth + 1, at)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                reading.duplicates.append(DuplicateKeyError(key, at, key_pos[key]))
                continue
            mark = value_node.start_mark
            value_at = Pos(mark.line + line_offset, mark.column + 1)
            result[key] = _convert(value_node, reading, depth + 1, value_at)
            key_pos[key] = at
            value_pos[key] = value_at
        return result
    result = LocList()
    result.pos = pos
    result.item_pos = item_pos = []
    for item in node.value:
        mark = item.start_mark
        at = Pos(mark.line + line_offset, mark.column + 1)
        result.append(_convert(item, reading, depth + 1, at))
        item_pos.append(at)
    return result


def parse(text: str, line_offset: int = 0) -> tuple[Any, list[DuplicateKeyError | ValueProblem]]:
    """Parse one YAML document. Raises YamlSyntaxError with the real position on bad syntax or a file over
    the limits; returns the values and the problems found in them (duplicate keys, control characters)."""
    try:
        node = yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError:  # also libyaml's own nesting bound (1,000 levels)
        node = _compose_slowly(text, line_offset)  # the messages and hints of PyYAML's own parser
    if node is None:
        return None, []
    # A loader per document: a loader keeps every node it constructed (and with it the file's text), so a
    # shared one would grow with every rebuild under `mkdocs serve`.
    reading = _Reading(line_offset, yaml.SafeLoader(""), [], [], aliases="*" in text)
    data = _convert(node, reading, 0, _pos(node, line_offset))
    return data, [*reading.duplicates, *dict.fromkeys(reading.problems)]


# libyaml's parser (C) gives the same nodes and positions as PyYAML's (Python) and is 6-7x faster: 1,000
# articles' annotations are 20 MB of YAML. A file it refuses is parsed again in Python, for the message.
# Nesting is bounded in both: libyaml stops at 1,000 levels (without recursing in Python), _convert at
# MAX_DEPTH; the Python parser at MAX_DEPTH already (_Loader).
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_slowly(text: str, line_offset: int) -> yaml.Node | None:
    loader = None
    try:
        loader = _Loader(text, line_offset)  # the reader checks for control characters right here
        return loader.get_single_node()
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
        raise YamlSyntaxError(f"YAML syntax error: {exc}", Pos(1 + line_offset, 1),
                              "check indentation and quoting near the top of the file") from None
    finally:
        if loader is not None:
            loader.dispose()


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. quote: \"Putin: ...\""
    if "found character '\\t'" in problem:
        return "YAML indents with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "each entry needs 'key: value'; check the indentation of the line above"
    return "check indentation and quoting on this line and the one above"
