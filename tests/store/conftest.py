"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from ``HOTSEAT_TEST_PG_URL`` (``.ci/run`` starts one; locally:
``export HOTSEAT_TEST_PG_URL=$(bash scripts/start-postgres)``). Each test gets
its own schema there, dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from hotseat.scenario.library import load_scenario, resolve
from hotseat.scenario.model import Scenario
from hotseat.store import Store, open_store

PG_ENV = "HOTSEAT_TEST_PG_URL"
PG_SKIP = f"PostgreSQL tests need a server: set {PG_ENV} (see scripts/start-postgres)"


class Ticker:
    """A clock that moves one minute per reading: stored times are predictable."""

    def __init__(self, start: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'records.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty schema on the test server, dropped after the test."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url, clock=Ticker())
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return load_scenario(resolve("zh/overcharged-data"))
