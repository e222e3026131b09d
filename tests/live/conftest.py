"""Live-call fixtures: the store tests' databases (SQLite, and PostgreSQL when a server is set)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from hotseat.live import LiveCall
from hotseat.scenario.library import content_hash, load_scenario, resolve
from hotseat.scenario.model import Scenario
from hotseat.store import Store, open_store
from hotseat.store.live import LiveInfo, LiveStore
from store.conftest import db_url, pg_url, sqlite_url  # noqa: F401  (fixtures, shared)

REF = "en/overcharged-data"


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return load_scenario(resolve(REF))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:  # noqa: F811
    opened = open_store(db_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def live(store: Store) -> LiveStore:
    return LiveStore(store)


def host_call(live: LiveStore, scenario: Scenario, **kw: object) -> LiveInfo:
    """A new live call on the built-in scenario, seed 3, hosted by Vera."""
    return live.create(
        scenario_ref=REF,
        scenario=scenario,
        scenario_hash=content_hash(resolve(REF)),
        host="Vera",
        seed=3,
        rng=random.Random(7),
        **kw,  # type: ignore[arg-type]
    )


def fold(live: LiveStore, info: LiveInfo, scenario: Scenario) -> LiveCall:
    call = LiveCall(scenario, seed=info.seed, trainee=info.trainee)
    call.replay(live.events(info.id))
    return call
