"""What the rebuilds of `dossier serve` keep from one load of the dossier to the next. An edit changes one
file; parsing, checking and building all the others again was most of a rebuild (about 2.5 s at 1,000
articles). Each memo holds two loads' worth, this one's and the last one's: what a load did not ask for
is gone after the next. Off unless the MkDocs adapter turns it on for `serve --dirty`: a plain build loads
once, and keeping would only cost memory."""

from __future__ import annotations

from typing import Any

_ON = False


def keep(on: bool) -> None:
    """Turn the memos on (under `dossier serve`) or off, which also forgets what they hold."""
    global _ON
    if on != _ON:
        _ON = on
        for memo in Generations.ALL:
            memo.current, memo.last = {}, {}


def on() -> bool:
    return _ON


class Generations:
    """A memo whose entries live two loads: `new()` starts a load; `get` finds an entry of this load or the
    last (and keeps it for the next); `put` stores one (nothing while the memos are off)."""

    ALL: list[Generations] = []

    def __init__(self) -> None:
        self.current: dict = {}
        self.last: dict = {}
        Generations.ALL.append(self)

    def new(self) -> None:
        self.last, self.current = self.current, {}

    def get(self, key) -> Any:
        if (found := self.current.get(key)) is None and (found := self.last.get(key)) is not None:
            self.current[key] = found
        return found

    def put(self, key, value) -> None:
        if _ON:
            self.current[key] = value


class Records(Generations):
    """The model's records of the last load, by kind and id: a record equal to the last one is that very
    object, so that the rebuild, comparing what the pages read (pages/reads.py), finds most of them
    unchanged by identity instead of field by field."""

    def same(self, kind: str, key, record):
        if not _ON:
            return record
        old = self.get((kind, key))
        if old is not None and old is not record and old == record:
            return old
        self.current[kind, key] = record
        return record


RECORDS = Records()
