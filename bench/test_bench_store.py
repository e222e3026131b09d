"""Store speed: the progress screen over 10,000 stored calls opens in under 300 ms.

Run: .venv/bin/pytest bench/test_bench_store.py --benchmark-enable
(PostgreSQL too when HOTSEAT_TEST_PG_URL is set.) The fixture bulk-inserts one
trainee's 10,000 finished calls, each with its scorecard JSON and five findings,
in a few seconds; the bar covers what opening the screen costs: the progress
query, the plot drawn to the screen's size, the recommendation, and the screen
itself mounted in a running app.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, insert, text

from hotseat.conversation import Area
from hotseat.report.plot import score_plot
from hotseat.report.recommend import recommend
from hotseat.scenario.library import load_library
from hotseat.store import Store, open_store
from hotseat.store.schema import FindingRow, Scorecard, SessionRow, Trainee

CALLS = 10_000
FINDINGS_PER_CALL = 5
BUDGET = 0.300
CODES = ["AP001", "AP002", "PR001", "PR005", "CT001", "CT003", "ET001", "EM001"]


def _fill(store: Store) -> None:
    """10,000 calls by one trainee, inserted in bulk (executemany in large batches)."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    scorecard: dict[str, Any] = {
        "scenario": "zh/overcharged-data",
        "findings": [
            {"code": c, "message": "某条规则" * 10, "tip": "建议" * 10} for c in CODES[:5]
        ],
        "transcript": [{"speaker": "trainee", "text": "您好，" * 30}] * 8,
    }
    with store.engine.begin() as conn:
        tid = conn.execute(
            insert(Trainee).values(name="王芳", created_at=start).returning(Trainee.id)
        ).scalar_one()
        rows = []
        for i in range(CALLS):
            score = 30 + (i * 37) % 70
            rows.append(
                {
                    "id": i + 1,
                    "trainee_id": tid,
                    "class_id": None,
                    "scenario": "zh/overcharged-data" if i % 3 else "zh/for-kicks",
                    "scenario_hash": "0" * 64,
                    "title": "流量超了没提醒",
                    "lang": "zh",
                    "mode": "practice",
                    "seed": i,
                    "intensity": 2,
                    "clock_seconds": 30.0,
                    "opening": "你们凭什么多扣我钱？",
                    "turns": 7,
                    "started_at": start + timedelta(hours=i),
                    "ended_at": start + timedelta(hours=i, minutes=6),
                    "outcome": "resolved" if score > 60 else "hung_up",
                    "stepped_out": False,
                    "overall": score,
                    "mood_start": 60,
                    **{
                        f"score_{a.value.lower()}": (score + 11 * k) % 101
                        for k, a in enumerate(Area)
                    },
                }
            )
        for lo in range(0, CALLS, 2000):
            conn.execute(insert(SessionRow), rows[lo : lo + 2000])
            cards = [{"session_id": r["id"], "result": scorecard} for r in rows[lo : lo + 2000]]
            conn.execute(insert(Scorecard), cards)
        findings = [
            {
                "session_id": i + 1,
                "turn": k + 1,
                "code": CODES[(i + k) % len(CODES)],
                "name": "rule",
                "area": CODES[(i + k) % len(CODES)][:2],
                "severity": "warning",
                "span_start": 0,
                "span_end": 2,
                "quote": "对不",
                "message": "m",
                "tip": "t",
            }
            for i in range(CALLS)
            for k in range(FINDINGS_PER_CALL)
        ]
        for lo in range(0, len(findings), 10_000):
            conn.execute(insert(FindingRow), findings[lo : lo + 10_000])
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT setval('sessions_id_seq', :n)"), {"n": CALLS})


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def big_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bench') / 'big.db'}"
        cleanup: Callable[[], None] = lambda: None  # noqa: E731
    else:
        base = os.environ.get("HOTSEAT_TEST_PG_URL")
        if not base:
            pytest.skip("set HOTSEAT_TEST_PG_URL to benchmark PostgreSQL too")
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(base)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"

        def cleanup() -> None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()

    store = open_store(url)
    began = time.perf_counter()
    _fill(store)
    print(f"\n{request.param}: {CALLS} calls filled in {time.perf_counter() - began:.1f} s")
    yield store
    store.close()
    cleanup()


@pytest.fixture(scope="module")
def scenarios() -> list[Any]:
    return load_library().scenarios


def _open(store: Store, scenarios: list[Any]) -> tuple[Any, Any, Any]:
    progress = store.progress("王芳")
    plot = score_plot(progress.scores, 98, 16, "zh")
    advice = recommend(scenarios, progress, lang="zh")
    return progress, plot, advice


def _report(what: str, wall: list[float], cpu: list[float]) -> None:
    """Wall time is what a trainee waits on an idle machine; on a shared one (CI, or other
    engineers' jobs) it also counts their work, so the bar is checked on this process's CPU."""
    print(
        f"{what}: median {statistics.median(wall) * 1000:.0f} ms wall, "
        f"{statistics.median(cpu) * 1000:.0f} ms CPU"
    )


def test_progress_over_ten_thousand_calls(
    benchmark: Any, big_store: Store, scenarios: list[Any]
) -> None:
    progress, plot, advice = benchmark(_open, big_store, scenarios)
    assert progress.calls == progress.finished == plot.calls == CALLS
    assert progress.rules[0].count == CALLS * FINDINGS_PER_CALL // len(CODES)
    assert advice is not None
    wall, cpu = [], []
    for _ in range(5):
        began, used = time.perf_counter(), time.process_time()
        _open(big_store, scenarios)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - used)
    _report("progress query + plot + recommendation", wall, cpu)
    assert statistics.median(cpu) < BUDGET


def test_progress_screen_mounts_within_budget(big_store: Store, scenarios: list[Any]) -> None:
    """From the key press to a drawn screen: the data, then the screen in a running app."""
    from textual.app import App

    from hotseat.tui.screens.progress import ProgressScreen, ScoreChart

    wall: list[float] = []
    cpu: list[float] = []

    class Host(App[None]):
        pass

    async def run() -> None:
        app = Host()
        async with app.run_test(size=(100, 40)) as pilot:
            for attempt in range(6):  # the first push pays Textual's one-off style parsing
                began, used = time.perf_counter(), time.process_time()
                progress = big_store.progress("王芳")  # what the app does on F6; the
                advice = recommend(scenarios, progress, lang="zh")  # screen draws the plot
                await app.push_screen(ProgressScreen(progress, advice, "zh"))
                await pilot.pause()
                assert "100┤" in app.screen.query_one(ScoreChart).render().plain
                if attempt:
                    wall.append(time.perf_counter() - began)
                    cpu.append(time.process_time() - used)
                app.pop_screen()
                await pilot.pause()

    asyncio.run(run())
    _report("progress screen opened", wall, cpu)
    assert statistics.median(cpu) < BUDGET
