"""Twenty calls saved at the same moment: every turn lands, nobody sees an error."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from hotseat.scenario.model import Scenario
from hotseat.store import open_store
from hotseat.store.schema import FindingRow, TurnRow

from .calls import finding, result, turn

CALLS = 20
TURNS = 12


def _play_all(urls: list[str], scenario: Scenario) -> None:
    """CALLS threads per database, each with its own store (as separate processes would be)."""
    start = threading.Barrier(CALLS * len(urls))

    def one_call(job: tuple[str, int]) -> int:
        url, k = job
        store = open_store(url)
        try:
            start.wait(timeout=60)
            rec = store.begin(f"trainee-{k % 7}", scenario, "h", "drill", k)
            for n in range(1, TURNS + 1):
                rec.turn(turn(n, f"call {k} turn {n}", mood=n, findings=(finding("AP001", n),)))
            rec.finish(result(overall=k, findings=(finding("AP001", 1), finding("ET001", 2))))
            return rec.session_id
        finally:
            store.close()

    jobs = [(url, k) for url in urls for k in range(CALLS)]
    with ThreadPoolExecutor(len(jobs)) as pool:
        ids = list(pool.map(one_call, jobs))
    assert len(ids) == len(jobs)

    for url in urls:
        with open_store(url) as store:
            history = store.history()
            assert len(history) == CALLS
            assert all(r.status == "finished" and r.turns == TURNS for r in history)
            assert sorted(r.overall or 0 for r in history) == list(range(CALLS))
            for record in history:
                k = record.seed
                assert store.replies(record.id) == [
                    (f"call {k} turn {n}", None) for n in range(1, TURNS + 1)
                ]
            with store.engine.connect() as conn:
                assert conn.execute(select(func.count()).select_from(TurnRow)).scalar() == (
                    CALLS * TURNS
                )
                assert conn.execute(select(func.count()).select_from(FindingRow)).scalar() == (
                    CALLS * 2
                )


def test_twenty_concurrent_calls_lose_nothing(db_url: str, scenario: Scenario) -> None:
    _play_all([db_url], scenario)


@pytest.mark.postgres
def test_sqlite_and_postgresql_written_at_once(
    sqlite_url: str, pg_url: str, scenario: Scenario
) -> None:
    _play_all([sqlite_url, pg_url], scenario)
