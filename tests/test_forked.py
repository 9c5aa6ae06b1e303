"""fork_map computes on two cores what a plain map computes, in the same order, and an error in the
child's half still raises, in the parent, with its traceback."""

from __future__ import annotations

import os
import time

import pytest

from dossier import forked
from dossier.forked import fork_map, halves


def test_same_results_in_the_same_order_and_the_child_did_half():
    assert forked.cores() >= 2, "the machine has one core: the split is not exercised"
    items = list(range(200))
    results = fork_map(lambda i: (i * i, os.getpid()), items)
    assert [r for r, _ in results] == [i * i for i in items]
    pids = {pid for _, pid in results}
    assert len(pids) == 2 and os.getpid() in pids  # the parent and one child each did a share


def test_an_error_in_the_childs_half_raises_in_the_parent():
    def fails_on_7(i):
        if i == 7:
            raise ValueError("item 7")
        return i

    with pytest.raises(ValueError, match="item 7"):
        fork_map(fails_on_7, list(range(40)))


def test_halves_balance_the_weights():
    weights = [100, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 1, 1]
    mine, theirs = halves(weights)
    assert sorted(mine + theirs) == list(range(len(weights)))
    assert abs(sum(weights[i] for i in mine) - sum(weights[i] for i in theirs)) <= 10


def test_few_items_are_computed_here():
    assert {pid for pid in fork_map(lambda i: os.getpid(), list(range(forked.MIN_ITEMS - 1)))} == {os.getpid()}


def test_two_large_items_may_be_worth_a_fork():
    pids = fork_map(lambda i: os.getpid(), [1, 2], min_items=2)
    assert len(set(pids)) == 2


def test_background_computes_in_a_child_while_this_process_goes_on():
    with forked.Background(lambda: ([i * i for i in range(100)], os.getpid())) as background:
        here = sum(range(100))  # this process's own work meanwhile
        squares, pid = background.result()
    assert here == 4950 and squares == [i * i for i in range(100)]
    assert pid != os.getpid()


def test_background_without_a_fork_computes_here():
    with forked.Background(os.getpid, fork=False) as background:
        assert background.result() == os.getpid()


def test_an_error_in_the_background_raises_in_the_parent():
    def fails():
        raise ValueError("in the child")

    with pytest.raises(ValueError, match="in the child"), forked.Background(fails) as background:
        background.result()


def test_a_background_child_whose_value_is_not_wanted_is_ended_and_reaped():
    started = time.perf_counter()
    with forked.Background(lambda: time.sleep(30)) as background:
        child = background._child
    assert time.perf_counter() - started < 5
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(child, os.WNOHANG)
