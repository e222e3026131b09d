"""Schema upgrades: a database made by the first migration keeps its data at the latest one."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from hotseat.conversation import Area
from hotseat.store import StoreError, open_store
from hotseat.store.db import _config, head, make_engine, upgrade
from hotseat.store.schema import Base

from .calls import finding, result

STARTED = datetime(2025, 12, 1, 8, 30, tzinfo=UTC)


def _fill_first_revision(url: str) -> dict[str, object]:
    """Write one finished call the way hotseat's first schema stored it."""
    engine = make_engine(url)
    upgrade(engine, "0001")
    scored = result(
        overall=58,
        areas=(40, 50, 60, 70, 80),
        findings=(finding("AP002", 1), finding("CT003", 0)),
        replies=("对不起对不起", "我保证马上退款"),
        moods=(66, 71),
    )
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO trainees (id, name, created_at) VALUES (1, '李雷', :t)"),
            {"t": STARTED},
        )
        conn.execute(
            text(
                "INSERT INTO sessions (id, trainee_id, scenario, scenario_hash, title, lang, mode,"
                " seed, intensity, clock_seconds, opening, started_at, ended_at, outcome, turns,"
                " overall, score_ap, score_pr, score_ct, score_et, score_em, mood_start, result)"
                " VALUES (1, 1, 'zh/overcharged-data', 'abc', '流量超了没提醒', 'zh', 'drill', 5,"
                " 3, 30.0, '开场白', :s, :e, 'resolved', 2, 58, 40, 50, 60, 70, 80, 60, :r)"
            ),
            {"s": STARTED, "e": STARTED, "r": json.dumps(scored.to_json(), ensure_ascii=False)},
        )
        for n, reply in enumerate(("对不起对不起", "我保证马上退款"), start=1):
            conn.execute(
                text(
                    "INSERT INTO turns (session_id, turn, text, seconds, customer_line, reaction,"
                    " mood, at) VALUES (1, :n, :x, NULL, :c, 'apology', :m, :t)"
                ),
                {"n": n, "x": reply, "c": f"customer line {n}", "m": 65 + n, "t": STARTED},
            )
        for f in scored.findings:
            conn.execute(
                text(
                    "INSERT INTO findings (session_id, turn, code, name, area, severity,"
                    " span_start, span_end, quote, message, tip)"
                    " VALUES (1, :turn, :code, :name, :area, 'warning', 0, 2, '', 'm', 't')"
                ),
                {"turn": f.turn, "code": f.code, "name": f.name, "area": f.area.value},
            )
        assert MigrationContext.configure(conn).get_current_revision() == "0001"
    engine.dispose()
    return {"result": scored}


def test_first_revision_data_is_intact_at_head(db_url: str) -> None:
    filled = _fill_first_revision(db_url)
    with open_store(db_url) as store:
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head()
        (record,) = store.history()
        assert (record.id, record.trainee, record.scenario, record.mode) == (
            1,
            "李雷",
            "zh/overcharged-data",
            "drill",
        )
        assert record.started_at == STARTED and record.status == "finished"
        assert record.areas == dict(zip(Area, (40, 50, 60, 70, 80), strict=True))
        assert (record.class_name, record.stepped_out) == (None, False)  # the new columns
        assert store.replies(1) == [("对不起对不起", None), ("我保证马上退款", None)]
        assert store.opening(1) == "开场白"
        assert store.result(1) == filled["result"]
        assert [r.code for r in store.progress("李雷").rules] == ["AP002", "CT003"]
        # the second revision's tables work on the old data
        store.create_class("一班")
        store.add_members("一班", ["李雷"])
        board = store.class_board("一班")
        assert [(r.trainee, r.overall, r.worst and r.worst.code) for r in board.rows] == [
            ("李雷", 58, "AP002")
        ]


def test_downgrade_and_upgrade_again_keep_the_calls(db_url: str) -> None:
    filled = _fill_first_revision(db_url)
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        with conn.begin():
            command.downgrade(_config(conn), "0001")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM turns")).scalar_one() == 2
        assert conn.execute(text("SELECT count(*) FROM findings")).scalar_one() == 2
    engine.dispose()
    with open_store(db_url) as store:
        assert store.result(1) == filled["result"]  # the scorecard went down and back up


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    """No drift: what the migrations create is what the ORM models describe."""
    with open_store(db_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_newer_database_is_refused_with_a_reason(db_url: str) -> None:
    open_store(db_url).close()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="revision 9999, newer than this hotseat"):
        open_store(db_url)


def test_many_first_opens_at_once_migrate_once(db_url: str) -> None:
    def opener(_: int) -> str:
        with open_store(db_url) as store, store.engine.connect() as conn:
            return str(MigrationContext.configure(conn).get_current_revision())

    with ThreadPoolExecutor(8) as pool:
        revisions = list(pool.map(opener, range(8)))
    assert revisions == [head()] * 8
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    engine.dispose()
