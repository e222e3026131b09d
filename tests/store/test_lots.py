"""The pure draw: a round is a permutation of the roster, whatever the seed and roster."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hotseat.store.lots import draw_lot, lot_rng


@given(
    st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=12, unique=True),
    st.integers(min_value=0, max_value=2**32),
)
def test_each_round_draws_everyone_exactly_once(members: list[str], seed: int) -> None:
    drawn: list[str] = []
    for position in range(len(members)):
        name, new_round, waiting = draw_lot(members, drawn, lot_rng(seed, "c", 1, position))
        assert not new_round and name not in drawn
        drawn.append(name)
        assert set(waiting) == set(members) - set(drawn)
    name, new_round, waiting = draw_lot(members, drawn, lot_rng(seed, "c", 1, len(members)))
    assert new_round and name in members and len(waiting) == len(members) - 1
    assert sorted(drawn) == sorted(members)


def test_seeded_generators_are_reproducible_and_distinct() -> None:
    roll = [lot_rng(7, "一班", 1, p).random() for p in range(3)]
    assert roll == [lot_rng(7, "一班", 1, p).random() for p in range(3)]
    assert len(set(roll)) == 3
    assert lot_rng(7, "一班", 1, 0).random() != lot_rng(7, "二班", 1, 0).random()
