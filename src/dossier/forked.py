"""`fork_map`: a pure function over many items on both cores, for the build's work that MkDocs leaves on one
(rendering a page per source and per actor). A forked child computes about half of the items and sends
its results back through a pipe; no pool, no re-import, nothing to start up: the child shares the
parent's memory (the loaded dossier) copy-on-write. Where there is one core, no fork (Windows), few items,
or the child fails, the parent computes everything itself, so a bug still raises here with its traceback.
`Background` is the same for one computation that a child does while the parent does something else.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from typing import BinaryIO, Callable, Sequence, TypeVar

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
    child, pipe = _fork(lambda: {i: func(items[i]) for i in theirs}, whole=False)
    results = {i: func(items[i]) for i in mine}
    with pipe:
        try:
            results.update(pickle.load(pipe))
        except (EOFError, pickle.UnpicklingError):
            pass  # the child failed: its items are computed below, here, where an error shows
    os.waitpid(child, 0)
    return [results[i] if i in results else func(items[i]) for i in range(len(items))]


def _fork(compute: Callable[[], R], whole: bool) -> tuple[int, BinaryIO]:
    """A child that computes `compute()` and sends it pickled: (its pid, the pipe to read it from). `whole`:
    pickled before it is sent, so that a child done before the parent reads only waits instead of pickling
    the rest then, while the parent unpickles (for a small value; a large one is streamed, not held twice)."""
    read, write = os.pipe()
    # The child shares the parent's memory until it writes to it; a collection in the child would visit,
    # and so copy, every object of the heap (gigabytes at 1,000 articles). Frozen objects are not visited.
    gc.freeze()
    child = os.fork()
    if child == 0:  # the child: compute, send, and leave without running the parent's cleanup
        os.close(read)
        try:
            value = compute()
            with os.fdopen(write, "wb") as pipe:
                if whole:
                    pipe.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                else:
                    pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    gc.unfreeze()
    os.close(write)
    return child, os.fdopen(read, "rb")


class Background:
    """`func()` computed in a forked child while this process goes on with other work (`dossier check`
    finds the actors' mentions, a sixth of its time at 1,000 articles, while it checks the annotations).
    Use it as a context manager: `result()` waits for the child's value; leaving the block ends a child
    whose value is not wanted (the dossier had errors). Where there is one core, no fork, or the child
    fails, `result()` computes `func()` here, so a bug still raises with its traceback."""

    def __init__(self, func: Callable[[], R], fork: bool = True):
        self._func = func
        self._child: int | None = None
        self._pipe = None
        if not fork or cores() < 2 or not hasattr(os, "fork"):
            return
        self._child, self._pipe = _fork(func, whole=True)

    def result(self) -> R:
        if self._pipe is not None:
            try:
                return pickle.load(self._pipe)
            except (EOFError, pickle.UnpicklingError):
                pass  # the child failed: computed below, here, where an error shows
            finally:
                self._end()
        return self._func()

    def _end(self, kill: bool = False) -> None:
        if self._child is not None:
            if kill:
                os.kill(self._child, signal.SIGKILL)
            self._pipe.close()
            os.waitpid(self._child, 0)
            self._child = self._pipe = None

    def __enter__(self) -> "Background":
        return self

    def __exit__(self, *exc) -> None:
        self._end(kill=True)
