"""`fork_map`: a pure function over many items on both cores, for the build's work that MkDocs leaves on one
(rendering a page per source and per actor). A forked child computes about half of the items and sends
its results back through a pipe; no pool, no re-import, nothing to start up: the child shares the
parent's memory (the loaded dossier) copy-on-write. Where there is one core, no fork (Windows), few items,
or the child fails, the parent computes everything itself, so a bug still raises here with its traceback.
"""

from __future__ import annotations

import gc
import os
import pickle
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 16  # small items: below this a fork costs more than it saves


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def halves(weights: Sequence[float]) -> tuple[list[int], list[int]]:
    """The indices of the items split in two halves of about equal weight (heaviest first, each to the
    lighter half)."""
    parts: tuple[list[int], list[int]] = ([], [])
    load = [0.0, 0.0]
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        lighter = 0 if load[0] <= load[1] else 1
        parts[lighter].append(index)
        load[lighter] += weights[index]
    return parts


def fork_map(func: Callable[[T], R], items: Sequence[T], weight: Callable[[T], float] | None = None,
             min_items: int = MIN_ITEMS) -> list[R]:
    """[func(item) for item in items], the second half computed in a forked child. `func` must be pure
    (what it changes in the child is lost) and its results picklable. `min_items`: fewer are computed
    here (a few large items are worth a fork, many small ones only in numbers)."""
    if cores() < 2 or len(items) < max(min_items, 2) or not hasattr(os, "fork"):
        return [func(item) for item in items]
    mine, theirs = halves([weight(item) if weight else 1 for item in items])
    read, write = os.pipe()
    # The child shares the parent's memory until it writes to it; a collection in the child would visit,
    # and so copy, every object of the heap (gigabytes at 1,000 articles). Frozen objects are not visited.
    gc.freeze()
    child = os.fork()
    if child == 0:  # the child: compute its half, send it, and leave without running the parent's cleanup
        os.close(read)
        try:
            results = {i: func(items[i]) for i in theirs}
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(results, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    gc.unfreeze()
    os.close(write)
    results = {i: func(items[i]) for i in mine}
    with os.fdopen(read, "rb") as pipe:
        try:
            results.update(pickle.load(pipe))
        except (EOFError, pickle.UnpicklingError):
            pass  # the child failed: its items are computed below, here, where an error shows
    os.waitpid(child, 0)
    return [results[i] if i in results else func(items[i]) for i in range(len(items))]
