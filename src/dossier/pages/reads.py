"""What a page reads of the Dossier, so that a rebuild under `dossier serve` renders again only the pages
whose reads changed (pages/cache.py).

While the pages render for the cache, they see a `Tracked` Dossier instead of the Dossier: it answers as the
Dossier does and notes every read as a key (attribute, part), where part is ALL (the whole value: a tuple
iterated, a plain value), LEN (only its length) or ("key", k) (one entry of an index, or whether k is in a
set). Records come back as they are: a record's fields are part of the value the key stands for, so a
page that shows `dossier.event_by_id["x"]` depends on the whole of that event, and on nothing else. Sources,
large and named by many pages that never show their text, are read by field: ("field", id, field), and
their paragraphs one by one: ("block", id, i).

A value that pages share and work out once per build (a Context's memo, the periods of the timeline) hides
the reads it was made from from every page but the first: such values are kept with their reads (`capture`)
and each page that uses one takes its reads over (`replay`). A function of the whole Dossier whose parts
pages look up (the period of each event) is `derived`: its result is tracked like an index, by key.

`Diff(old, new)` says which reads see a different value in the new Dossier.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Set
from contextlib import contextmanager
from types import FunctionType, MappingProxyType, MethodType
from typing import Any, Callable

ALL, LEN = "#all", "#len"
_MISSING = object()

# name -> function of the real Dossier, for values that are not attributes of the Dossier.
DERIVED: dict[str, Callable[[Any], Any]] = {}


class Tracked:
    """The Dossier as pages see it when their reads are noted. Reads go to the innermost open log (`log`)."""

    __slots__ = ("_real", "log", "_logs", "_replayed", "_parts", "_records")
    _methods: dict[str, bool] = {}  # attribute name -> whether the Dossier's class defines it as a method

    def __init__(self, real) -> None:
        self._real = real
        self._parts: dict[str, Any] = {}  # attribute -> its tracked wrapper (they hold no state of a page)
        self._records: dict[tuple[str, str], _Record] = {}
        self.begin()

    def __getattr__(self, name: str):
        part = self._parts.get(name)
        if part is not None:
            return part
        real = self._real
        method = self._methods.get(name)
        if method is None:
            method = self._methods[name] = isinstance(inspect.getattr_static(type(real), name, None), FunctionType)
        if method:
            return MethodType(getattr(type(real), name), self)  # a method: its own reads go through here
        value = getattr(real, name)
        part = _wrap(self, name, value)
        if part is not value:
            self._parts[name] = part
        return part

    def record(self, index: str, id_: str, value) -> _Record:
        held = self._records.get((index, id_))
        if held is None or held._value is not value:
            held = self._records[(index, id_)] = _Record(self, index, id_, value)
        return held

    def begin(self) -> None:
        """A page starts: a fresh log."""
        self.log: set = set()
        self._logs: list[set] = [self.log]
        self._replayed: list[set[int]] = [set()]  # ids of the captures replayed into each log

    def end(self) -> frozenset:
        """The page is done: everything it read."""
        return frozenset(self._logs[0])


def real(dossier):
    """The Dossier itself, tracked or not."""
    return dossier._real if isinstance(dossier, Tracked) else dossier


def derived(name: str):
    """Registers a function of the Dossier whose result pages read by key (see the module's docstring)."""

    def register(function):
        DERIVED[name] = function
        return function

    return register


def view(dossier, name: str, value):
    """`value`, the result of the derived function `name` for the real `dossier`, as the pages should see it."""
    return _wrap(dossier, name, value) if isinstance(dossier, Tracked) else value


@contextmanager
def capture(dossier):
    """The reads made inside the block, as a set (also noted where the block runs)."""
    got: set = set()
    if not isinstance(dossier, Tracked):
        yield got
        return
    dossier._logs.append(got)
    dossier._replayed.append(set())
    dossier.log = got
    try:
        yield got
    finally:
        dossier._logs.pop()
        dossier._replayed.pop()
        dossier.log = dossier._logs[-1]
        dossier.log.update(got)


def replay(dossier, reads: frozenset) -> None:
    """Notes `reads` (captured earlier and kept) as read again here."""
    if isinstance(dossier, Tracked) and id(reads) not in dossier._replayed[-1]:
        # A page asks for the same memo many times (a topic's row per source): its reads go in once.
        dossier._replayed[-1].add(id(reads))
        dossier.log.update(reads)


# Sources are read by field: a page that names another source (its title, date, authors) does not depend on
# that source's text, which is what an edit of a source changes. attribute -> the index its records are
# noted under, by id.
_BY_FIELD = {"source_by_id": "source_by_id", "sources": "source_by_id"}
_IDS = {"sources": "source_ids"}  # iterating a tuple of records reads which records, in what order


@derived("source_ids")
def _source_ids(dossier) -> tuple[str, ...]:
    return tuple(s.id for s in dossier.sources)


# Which sources there are: what a pattern of their ids is made from (read by a note that names a source).
SOURCE_IDS = frozenset({("source_ids", ALL)})


def _wrap(tracked: Tracked, name: str, value):
    if isinstance(value, Mapping):
        return _Map(tracked, name, value)
    if isinstance(value, Set):
        return _Set(tracked, name, value)
    if isinstance(value, (tuple, list)):
        return _Seq(tracked, name, value)
    tracked.log.add((name, ALL))
    return value


class _Part:
    __slots__ = ("_tracked", "_name", "_value")

    def __init__(self, tracked: Tracked, name: str, value) -> None:
        self._tracked, self._name, self._value = tracked, name, value

    def _all(self):
        self._tracked.log.add((self._name, ALL))
        return self._value

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        self._tracked.log.add((self._name, LEN))
        return len(self._value)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __eq__(self, other) -> bool:
        return self._all() == other

    __hash__ = None


class _Seq(_Part):
    __slots__ = ("_records",)

    def _all(self):
        if self._name not in _IDS:
            return super()._all()
        self._tracked.log.add((_IDS[self._name], ALL))
        if getattr(self, "_records", None) is None:
            index, record = _BY_FIELD[self._name], self._tracked.record
            self._records = tuple(record(index, r.id, r) for r in self._value)
        return self._records

    def __getitem__(self, index):
        return self._all()[index]

    def __contains__(self, item) -> bool:
        return item in self._all()

    def __reversed__(self):
        return reversed(self._all())


class _Set(_Part):
    __slots__ = ()

    def __contains__(self, item) -> bool:
        self._tracked.log.add((self._name, ("key", item)))
        return item in self._value

    def __sub__(self, other):
        return self._all() - other


class _Map(_Part):
    __slots__ = ()

    def __getitem__(self, key):
        if self._name in _BY_FIELD and key in self._value:
            return self._tracked.record(self._name, key, self._value[key])
        self._tracked.log.add((self._name, ("key", key)))
        return self._value[key]

    def get(self, key, default=None):
        if self._name in _BY_FIELD and key in self._value:
            return self._tracked.record(self._name, key, self._value[key])
        self._tracked.log.add((self._name, ("key", key)))
        return self._value.get(key, default)

    def __contains__(self, key) -> bool:
        self._tracked.log.add((self._name, ("key", key)))
        return key in self._value

    def keys(self):
        return self._all().keys()

    def values(self):
        return self._all().values()

    def items(self):
        return self._all().items()


class _Record:
    """A record as a page sees it: each field read is noted as (index, ("field", id, field))."""

    __slots__ = ("_tracked", "_index", "_id", "_value")

    def __init__(self, tracked: Tracked, index: str, id_: str, value) -> None:
        self._tracked, self._index, self._id, self._value = tracked, index, id_, value

    def __getattr__(self, field: str):
        if field == "blocks":  # a source's paragraphs, each read apart (another page quotes one of them)
            return _Blocks(self._tracked, self._index, self._id, self._value.blocks)
        self._tracked.log.add((self._index, ("field", self._id, field)))
        return getattr(self._value, field)

    def __eq__(self, other) -> bool:
        self._tracked.log.add((self._index, ("key", self._id)))
        return self._value == (other._value if isinstance(other, _Record) else other)

    def __hash__(self) -> int:
        return hash(self._value)  # as the record itself: a dict may hold one and be asked with the other


class _Blocks:
    """A source's blocks: one taken by its index is noted as (index, ("block", id, i)); all of them
    (iterated, counted) as the field."""

    __slots__ = ("_tracked", "_index", "_id", "_value")

    def __init__(self, tracked: Tracked, index: str, id_: str, value: tuple) -> None:
        self._tracked, self._index, self._id, self._value = tracked, index, id_, value

    def __getitem__(self, i):
        if isinstance(i, int) and 0 <= i < len(self._value):
            self._tracked.log.add((self._index, ("block", self._id, i)))
            return self._value[i]
        return self._all()[i]

    def _all(self) -> tuple:
        self._tracked.log.add((self._index, ("field", self._id, "blocks")))
        return self._value

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __bool__(self) -> bool:
        return bool(self._all())

    def __eq__(self, other) -> bool:
        return self._all() == (other._value if isinstance(other, _Blocks) else other)

    __hash__ = None


def _resolve(dossier, name: str):
    return DERIVED[name](dossier) if name in DERIVED else getattr(dossier, name, _MISSING)


def _part(value, part):
    if value is _MISSING or part == ALL:
        return value
    if part == LEN:
        return len(value)
    if part[0] in ("field", "block"):
        record = value.get(part[1], _MISSING)
        if record is _MISSING:
            return _MISSING
        if part[0] == "field":
            return getattr(record, part[2])
        return record.blocks[part[2]] if part[2] < len(record.blocks) else _MISSING
    key = part[1]
    if isinstance(value, Mapping):
        return value.get(key, _MISSING)
    return key in value


class Diff:
    """What differs between the Dossiers `old` and `new`, worked out once per attribute and shared by every
    cache of a build (`diff`): which entries of an index differ (records compare by their fields; an index,
    a read-only view of a dict, as its dict, and in its order), so that a cache looks up only the readers of
    those entries instead of comparing each of its reads (hundreds of thousands at 1,000 articles)."""

    def __init__(self, old, new) -> None:
        self.old, self.new = old, new
        self._pairs: dict[str, tuple] = {}
        self._entries: dict[str, tuple[set, set] | None] = {}

    def pair(self, name: str) -> tuple:
        """(old value, new value) of the attribute."""
        pair = self._pairs.get(name)
        if pair is None:
            pair = self._pairs[name] = (_resolve(self.old, name), _resolve(self.new, name))
        return pair

    def entries(self, name: str) -> tuple[set, set] | None:
        """For two mappings: (the keys whose entries differ, the keys whose entries are not the same object: a
        record equal but not identical may differ in a field's order); for two sets: twice the keys in one
        of them only; None for other values (each read of them is compared on its own: `differs`)."""
        if name in self._entries:
            return self._entries[name]
        before, after = self.pair(name)
        found = None
        if before is after:
            found = (set(), set())
        elif isinstance(before, Mapping) and isinstance(after, Mapping):
            distinct = {key for key, value in after.items() if before.get(key, _MISSING) is not value}
            distinct.update(key for key in before if key not in after)
            found = ({key for key in distinct if not _same(before.get(key, _MISSING), after.get(key, _MISSING))},
                     distinct)
        elif isinstance(before, Set) and isinstance(after, Set):
            found = (set(before ^ after),) * 2
        self._entries[name] = found
        return found

    def differs(self, name: str, part) -> bool:
        """Whether the read (name, part) reads a different value in the new Dossier."""
        before, after = self.pair(name)
        return before is not after and not _same(_part(before, part), _part(after, part))


_LAST: list[Diff] = []


def diff(old, new) -> Diff:
    """The Diff of `old` and `new`, shared by the caches that compare the same two Dossiers (`forget` ends it)."""
    if not _LAST or _LAST[0].old is not old or _LAST[0].new is not new:
        _LAST[:] = [Diff(old, new)]
    return _LAST[0]


def forget() -> None:
    """Lets the last Diff go, and with it the older Dossier's indexes (a build calls this when its caches are
    done)."""
    _LAST.clear()


_ORDERED = (dict, MappingProxyType, frozenset, set)


def _same(a, b) -> bool:
    """Equal, and for a mapping or set also in the same order: the order reaches the output (an actor's
    mentions by source in dossier.json follow the sources' order, which a source's new date changes)."""
    if a is b:  # records kept from the last load (a dataclass's == would compare field by field)
        return True
    if type(a) in _ORDERED and type(b) in _ORDERED:
        if len(a) != len(b) or a != b:
            return False
        if isinstance(a, (frozenset, set)):
            return tuple(a) == tuple(b)
        return all(ka == kb and _same(a[ka], b[kb]) for ka, kb in zip(a, b))
    return a == b
