"""Checking one YAML mapping against a field spec: required, unknown and mistyped fields, ids, dates.

Returns plain cleaned values plus diagnostics that point at the offending value's line and column.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..dates import SUPPORTED_FORMS, DateError, EdtfDate, coerce_date_text, parse_date
from ..diagnostics import Diagnostic, did_you_mean
from ..load.located_yaml import LocDict, LocList, Pos
from ..memo import Generations
from . import formats

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids that would collide with a generated page: quellen/index.md and akteure/index.md are the lists.
RESERVED_IDS = frozenset({"index"})


def slug_hint(value: str) -> str:
    from ..slugs import slugify

    suggestion = slugify(value)
    return f"ids use a-z, 0-9 and '-' only, e.g. '{suggestion}'" if suggestion else "ids use a-z, 0-9 and '-' only"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "id" | "text" | "bool" | "date" | "texts" | "ids" | "list" | "marker" | "choice"
    required: bool = False  # must be present (it may still be null where nullable)
    nullable: bool = True
    choices: tuple[str, ...] = ()
    example: str = ""
    format: str = ""  # "url" | "doi" | "language" | "wikidata": checked by validate/formats.py


_KIND_NAMES = {"id": "an id", "text": "text", "bool": "true or false", "date": "an EDTF date",
               "texts": "a list of texts", "ids": "a list of ids", "list": "a list", "marker": "a footnote marker",
               "choice": "an answer (or a list of answers)"}
# What YAML made of a value, in an editor's words.
_TYPE_NAMES = {"LocDict": "a mapping", "LocList": "a list", "str": "text", "int": "a number", "float": "a number",
               "bool": "true or false", "date": "a date", "datetime": "a date and time"}


@functools.cache
def _entry(name: str, kind: str) -> Field:
    """The spec of one entry of a list field (made once: a dossier of 1,000 articles has 200,000 entries)."""
    return Field(name, kind, nullable=False)


# Checked mappings (memo.py): the parsed YAML of a file that did not change is the very object of the last
# load, and checking its fields again was a third of loading (about 1 s at 1,000 articles). Checking a
# mapping is a pure function of it, its fields, its name and its file; what the check reported is reported
# again. Keyed by the objects' ids, so an entry holds the objects too: an id may be used again by another.
CHECKED = Generations()


class Checker:
    """Collects diagnostics for one file."""

    def __init__(self, path: str):
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def error(self, pos: Pos, code: str, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.path, pos.line, pos.col, code, message, hint))

    def warning(self, pos: Pos, code: str, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.path, pos.line, pos.col, code, message, hint, "warning"))

    def mapping(self, data: Any, fields: tuple[Field, ...], what: str, pos: Pos) -> dict[str, Any] | None:
        """Check `data` is a mapping with these fields; return the cleaned values (None if unusable)."""
        if not isinstance(data, LocDict):
            self.error(getattr(data, "pos", pos), "bad-type", f"{what} must be a mapping of fields",
                       "write one 'field: value' per line, e.g. " + ", ".join(f.name for f in fields[:3]))
            return None
        key = (id(data), id(fields), what, self.path)  # `pos` only places the error above
        held = CHECKED.get(key)
        if held is None or held[0] is not data or held[1] is not fields:
            start = len(self.diagnostics)
            clean = self._mapping(data, fields, what)
            held = (data, fields, clean, tuple(self.diagnostics[start:]))
            CHECKED.put(key, held)
        else:
            self.diagnostics.extend(held[3])
        return dict(held[2])  # a copy: the caller may change it ("repeats" of a bad "Ibid.")

    def _mapping(self, data: LocDict, fields: tuple[Field, ...], what: str) -> dict[str, Any]:
        known = {f.name: f for f in fields}
        for key in data:
            if key not in known:
                self.error(data.key_pos[key], "unknown-field", f"unknown field '{key}' in {what}",
                           did_you_mean(key, known) or "allowed fields: " + ", ".join(known))
        clean: dict[str, Any] = {}
        for spec in fields:
            if spec.name not in data:
                if spec.required:
                    example = f", e.g. '{spec.name}: {spec.example}'" if spec.example else ""
                    self.error(data.pos, "missing-field", f"{what} has no '{spec.name}'",
                               f"add '{spec.name}:'{example}" + (" (null if unknown)" if spec.nullable else ""))
                clean[spec.name] = [] if spec.kind in ("texts", "ids", "list") else None
                continue
            clean[spec.name] = self.value(data[spec.name], spec, what, data.value_pos[spec.name])
        return clean

    def value(self, value: Any, spec: Field, what: str, pos: Pos) -> Any:
        if value is None:
            if not spec.nullable:
                self.error(pos, "missing-value", f"'{spec.name}' of {what} must not be empty",
                           f"give {_KIND_NAMES[spec.kind]}" + (f", e.g. {spec.example}" if spec.example else ""))
            return [] if spec.kind in ("texts", "ids", "list") else None
        check: Callable[[Any, Field, str, Pos], Any] = getattr(self, "_" + spec.kind)
        return check(value, spec, what, pos)

    def _wrong(self, value: Any, spec: Field, what: str, pos: Pos) -> None:
        if value is None:  # only a list's entry gets here: "[a, null]", or a '-' with nothing after it
            self.error(pos, "missing-value", f"'{spec.name}' of {what} has an empty entry",
                       "remove it, or write what is missing")
            return None
        got = _TYPE_NAMES.get(type(value).__name__, type(value).__name__)
        self.error(pos, "bad-type", f"'{spec.name}' of {what} must be {_KIND_NAMES[spec.kind]}, not {got}",
                   f"e.g. {spec.name}: {spec.example}" if spec.example else f"write {_KIND_NAMES[spec.kind]}"
                   + (" (in quotes if it contains ': ')" if spec.kind == "text" else ""))

    def _text(self, value, spec, what, pos):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self._wrong(value, spec, what, pos)
        value = value.strip()
        if spec.choices and value not in spec.choices:
            self.error(pos, "bad-value", f"'{value}' is not a valid {spec.name} of {what}",
                       did_you_mean(value, spec.choices) or "one of: " + ", ".join(spec.choices))
            return None
        if not value and not spec.nullable:
            self.error(pos, "missing-value", f"'{spec.name}' of {what} must not be empty",
                       f"give {_KIND_NAMES[spec.kind]}" + (f", e.g. {spec.example}" if spec.example else ""))
        if value and spec.format and (problem := formats.CHECKS[spec.format](value)):
            self.error(pos, *problem)
            return None
        return value or None

    def _marker(self, value, spec, what, pos):
        value = self._text(value, spec, what, pos)
        if value is not None and not re.fullmatch(r"[0-9]+|\*+", value):
            self.error(pos, "bad-value", f"footnote marker '{value}' is neither a number nor '*'",
                       "write the footnote number as printed, e.g. marker: \"2\"")
            return None
        return value

    def _id(self, value, spec, what, pos):
        value = self._text(value, spec, what, pos)
        if value is not None and not SLUG.match(value):
            self.error(pos, "bad-id", f"'{value}' is not a valid id", slug_hint(value))
            return None
        return value

    def _bool(self, value, spec, what, pos):
        if not isinstance(value, bool):
            return self._wrong(value, spec, what, pos)
        return value

    def _date(self, value, spec, what, pos) -> EdtfDate | None:
        text = coerce_date_text(value)
        if text is None:
            return self._wrong(value, spec, what, pos)
        try:
            return parse_date(text)
        except DateError:
            shown = text.replace("\n", "\\n").replace("\t", "\\t")  # one diagnostic, one line
            foreign = "".join(sorted({c for c in text if c.isdigit() and not c.isascii()}))
            self.error(pos, "bad-date", f"'{shown}' is not an EDTF date dossier understands",
                       f"write the digits as 0-9 (these are digits of another script: {foreign})" if foreign else
                       f"write the date as precise as the source says it: {SUPPORTED_FORMS}")
            return None

    def _list(self, value, spec, what, pos):
        if not isinstance(value, LocList):
            self._wrong(value, spec, what, pos)
            return []
        return value

    def _texts(self, value, spec, what, pos):
        if isinstance(value, str):
            self.error(pos, "bad-type", f"'{spec.name}' of {what} must be a list",
                       f"write {spec.name}: [{value}]")
            return []
        items = self._list(value, spec, what, pos)
        result = []
        for item, item_pos in zip(items, getattr(items, "item_pos", [])):
            checked = self._text(item, _entry(spec.name, "text"), what, item_pos)
            if checked:
                result.append(checked)
        return result

    def _choice(self, value, spec, what, pos):
        """One answer id, or a list of them: [(id, position)]."""
        if isinstance(value, LocList):
            return self._ids(value, spec, what, pos)
        checked = self._id(value, spec, what, pos)
        return [(checked, pos)] if checked else []

    def _ids(self, value, spec, what, pos):
        if isinstance(value, str):
            self.error(pos, "bad-type", f"'{spec.name}' of {what} must be a list of ids",
                       f"write {spec.name}: [{value}]")
            return []
        items = self._list(value, spec, what, pos)
        return [(checked, item_pos) for item, item_pos in zip(items, getattr(items, "item_pos", []))
                if (checked := self._id(item, _entry(spec.name, "id"), what, item_pos))]
