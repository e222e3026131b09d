"""Trainees, classes and drawing lots, as the class commands and the drill screen use them."""

from __future__ import annotations

from collections import Counter

import pytest

from hotseat.scenario.model import Scenario
from hotseat.store import Store, StoreError, open_store

from .calls import result
from .conftest import Ticker


def test_trainees_are_added_once_and_listed_with_classes(store: Store, scenario: Scenario) -> None:
    assert store.add_trainee(" 王芳 ") is True
    assert store.add_trainee("王芳") is False
    store.create_class("一班")
    store.add_members("一班", ["王芳", "Bob"])
    store.begin("王芳", scenario, "h", "practice", 0)
    listed = {t.name: t for t in store.trainees()}
    assert set(listed) == {"王芳", "Bob"}
    assert (listed["王芳"].sessions, listed["王芳"].classes) == (1, ("一班",))
    assert (listed["Bob"].sessions, listed["Bob"].classes) == (0, ("一班",))


@pytest.mark.parametrize(
    ("name", "message"),
    [("   ", "cannot be empty"), ("x" * 101, "at most 100"), ("a\x1bb", "control characters")],
)
def test_bad_names_are_refused(store: Store, name: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.add_trainee(name)


def test_removing_a_trainee_with_calls_needs_purge(store: Store, scenario: Scenario) -> None:
    rec = store.begin("Ann", scenario, "h", "practice", 0)
    rec.finish(result())
    store.begin("Bob", scenario, "h", "practice", 0)
    with pytest.raises(StoreError, match="has 1 recorded call"):
        store.remove_trainee("Ann")
    assert store.remove_trainee("Ann", purge=True) == 1
    assert [t.name for t in store.trainees()] == ["Bob"]
    assert [r.trainee for r in store.history()] == ["Bob"]
    with pytest.raises(StoreError, match="no trainee named 'Ann'"):
        store.remove_trainee("Ann")


def test_classes_are_rosters(store: Store) -> None:
    assert store.create_class("B") is True
    assert store.create_class("B") is False
    store.create_class("A")
    assert store.add_members("B", ["Zed", "Amy", "Zed"]) == ["Zed", "Amy"]
    assert store.add_members("B", ["Amy"]) == []
    assert [(c.name, c.members) for c in store.classes()] == [("A", ()), ("B", ("Amy", "Zed"))]
    assert store.class_info("B").members == ("Amy", "Zed")
    with pytest.raises(StoreError, match="no class named 'C'"):
        store.add_members("C", ["Amy"])


def test_nobody_is_drawn_twice_until_everyone_has_gone(store: Store) -> None:
    names = [f"t{i}" for i in range(5)]
    store.create_class("drill")
    store.add_members("drill", names)
    lots = [store.draw("drill") for _ in range(15)]  # unseeded: the system's randomness
    for r in range(3):
        one_round = lots[r * 5 : (r + 1) * 5]
        assert sorted(lot.trainee for lot in one_round) == names
        assert [lot.round for lot in one_round] == [r + 1] * 5
        assert [lot.position for lot in one_round] == [1, 2, 3, 4, 5]
        assert [len(lot.waiting) for lot in one_round] == [4, 3, 2, 1, 0]


def test_a_newcomer_joins_the_current_round(store: Store) -> None:
    store.create_class("c")
    store.add_members("c", ["a", "b"])
    first = store.draw("c", seed=1)
    store.add_members("c", ["n"])
    rest = [store.draw("c", seed=1) for _ in range(2)]
    assert {first.trainee, *(lot.trainee for lot in rest)} == {"a", "b", "n"}
    assert all(lot.round == 1 for lot in rest)


def test_seeded_draws_repeat_exactly(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The same seed on the same class history draws the same names, on any database."""
    other = f"sqlite:///{tmp_path_factory.mktemp('again') / 'again.db'}"
    sequences = []
    for url in (db_url, other):
        with open_store(url, clock=Ticker()) as store:
            store.create_class("一班")
            store.add_members("一班", ["王芳", "李雷", "韩梅梅", "Bob", "Amy", "Cy"])
            sequences.append([store.draw("一班", seed=42).trainee for _ in range(12)])
    assert sequences[0] == sequences[1]
    assert Counter(sequences[0]) == Counter(dict.fromkeys(sequences[0], 2))


def test_drawing_from_an_empty_class_is_a_clear_error(store: Store) -> None:
    store.create_class("empty")
    with pytest.raises(StoreError, match="has no members"):
        store.draw("empty")
