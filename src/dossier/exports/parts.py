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


def dumps(document: Any, indent: int | None) -> str:
    """json.dumps(document) with `indent` (None: compact), each Parts value encoded as the list it stands for."""
    token = uuid.uuid4().hex  # marks where a list goes: 128 random bits no text contains by chance
    lists: list[Parts] = []

    def place(value):
        if not isinstance(value, Parts):
            raise TypeError(f"{type(value).__name__} is not JSON")
        lists.append(value)
        return f"{token}{len(lists) - 1}"

    text = json.dumps(document, default=place, **_options(indent))

    def expand(match: re.Match) -> str:
        value = lists[int(match.group(1))]
        parts = value.texts
        if not parts:
            return "[]"
        if indent is None:
            return "[" + ",".join(parts) + "]"
        # The list's items are one level deeper than the line that holds it; an item's own lines move along.
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        outer = line[: len(line) - len(line.lstrip(" "))]
        pad = outer + " " * indent
        last = value.kept.indented if value.kept is not None else {}
        indented = {(pad, part): last.get((pad, part)) or pad + part.replace("\n", "\n" + pad) for part in parts}
        if value.kept is not None:
            value.kept.indented = indented  # only this list's parts: the others are gone
        return "[\n" + ",\n".join(indented[pad, part] for part in parts) + "\n" + outer + "]"

    return re.sub(f'"{token}(\\d+)"', expand, text)
