"""The slow tests head each xdist worker's slice (tests/ordering.py)."""

from __future__ import annotations

from tests.ordering import slices_with_slow_first


def test_each_worker_slice_starts_with_its_share_of_the_slow_tests():
    items = [f"t{n}" for n in range(10)]
    slow = {6, 7, 8, 9}  # at the end of the collection, as tests/plan is

    ordered = slices_with_slow_first(items, slow, 2)

    assert sorted(ordered) == sorted(items)
    first, second = ordered[:5], ordered[5:]  # xdist's slices: 10 // 2, then the rest
    assert first[:2] == ["t6", "t8"]
    assert second[:2] == ["t7", "t9"]
    assert [t for t in ordered if t not in {"t6", "t7", "t8", "t9"}] == [f"t{n}" for n in range(6)]


def test_uneven_slices_and_more_slow_tests_than_a_slice_holds():
    items = [f"t{n}" for n in range(7)]
    ordered = slices_with_slow_first(items, {0, 1, 2, 3, 4, 5}, 3)
    # slices of 2, 2 and 3; each starts with its round-robin share of the slow ones
    assert ordered[:2] == ["t0", "t3"]
    assert sorted(ordered) == sorted(items)
    assert len(ordered) == 7
