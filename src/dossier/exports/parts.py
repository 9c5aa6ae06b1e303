"""A JSON file assembled from parts encoded apart (and kept between the rebuilds of `dossier serve`,
pages/cache.py), byte for byte what `json.dumps` of the whole document gives: a `Parts` value in the
document stands for a list whose items are given already encoded, each part zero or more items."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any, Iterable


class Parts:
    """`texts`: the parts. `kept`: where the parts indented as the file holds them are kept between two
    `dumps` (an object with a dict `indented`, the PageCache that gives the same text objects again; one
    list per document): a file of 60 MB was indented afresh in each rebuild."""

    def __init__(self, texts: Iterable[str], kept=None) -> None:
        self.texts = [text for text in texts if text]  # a part without items adds nothing
        self.kept = kept


def _options(indent: int | None) -> dict[str, Any]:
    return {"ensure_ascii": False, **({"indent": indent} if indent is not None else {"separators": (",", ":")})}


def items(values: Iterable[Any], indent: int | None) -> str:
    """Items of a list encoded as one part, as they stand in the list at the top level of a document."""
    return ("," + ("\n" if indent is not None else "")).join(json.dumps(v, **_options(indent)) for v in values)


def dumps(document: Any, indent: int | None, start: str = "", end: str = "", escape=None) -> str:
    """`start`, json.dumps(document) with `indent` (None: compact), each Parts value encoded as the list it
    stands for, then `end`. The file is joined once from its pieces: a copy of 60 MB costs about what
    encoding it did. `escape`: applied to the text around the parts (the parts come escaped already)."""
    escape = escape or (lambda text: text)
    token = uuid.uuid4().hex  # marks where a list goes: 128 random bits no text contains by chance
    lists: list[Parts] = []

    def place(value):
        if not isinstance(value, Parts):
            raise TypeError(f"{type(value).__name__} is not JSON")
        lists.append(value)
        return f"{token}{len(lists) - 1}"

    text = json.dumps(document, default=place, **_options(indent))
    pieces, at = [start], 0
    kept: dict[int, tuple[Any, dict]] = {}  # id(kept) -> (kept, its parts indented for this file)
    for match in re.finditer(f'"{token}(\\d+)"', text):
        pieces.append(escape(text[at:match.start()]))
        at = match.end()
        value = lists[int(match.group(1))]
        if not value.texts:
            pieces.append("[]")
        elif indent is None:
            pieces += ["[", ",".join(value.texts), "]"]
        else:
            pieces += _indented(value, text, match.start(), indent, kept)
    pieces += [escape(text[at:]), end]
    for holder, indented in kept.values():
        holder.indented = indented  # only this file's parts: the others are gone
    return "".join(pieces)


def _indented(value: Parts, text: str, start: int, indent: int, kept: dict) -> list[str]:
    """The pieces of a list at `start` of `text`: its items one level deeper than the line that holds it,
    an item's own lines moved along."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    outer = line[: len(line) - len(line.lstrip(" "))]
    pad = outer + " " * indent
    last = value.kept.indented if value.kept is not None else {}
    now = kept.setdefault(id(value.kept), (value.kept, {}))[1] if value.kept is not None else {}
    pieces = ["[\n"]
    for part in value.texts:
        key = (pad, part)
        done = now.get(key) or last.get(key) or pad + part.replace("\n", "\n" + pad)
        now[key] = done
        pieces += [done, ",\n"]
    pieces[-1] = "\n" + outer + "]"
    return pieces
