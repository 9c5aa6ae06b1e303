"""fork_map computes on two cores what a plain map computes, in the same order, and an error in the
child's half still raises, in the parent, with its traceback."""

from __future__ import annotations

import os

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
