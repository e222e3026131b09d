"""Opening the database: where it lives, the SQLite settings for concurrent writers, migrations.

SQLite runs in WAL mode with a busy timeout, and every transaction starts with
BEGIN IMMEDIATE: a writer waits its turn for the lock instead of failing when two
trainees' calls are saved at once. Migrations run on open, under a lock, so
twenty processes opening a fresh database together upgrade it exactly once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

ENV_VAR = "HOTSEAT_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
PG_MIGRATION_LOCK = 0x686F7473  # "hots": one advisory lock key for hotseat's migrations
# Alembic keeps the running migration's context in module globals, so two threads
# migrating two databases at once would swap connections; taken only after the
# database's own lock, so it can never be held by someone waiting for that one.
_ALEMBIC = threading.Lock()


class StoreError(Exception):
    """A problem with the training records that the user can act on; never a traceback."""


def reason(exc: SQLAlchemyError) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump."""
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


@contextmanager
def failing_as(what: str) -> Iterator[None]:
    """Turn a database failure into a StoreError that says what could not be done."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"{what}: {reason(exc)}") from exc


def default_url() -> str:
    """``HOTSEAT_DB``, else an SQLite file in the user's data directory."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    return f"sqlite:///{Path(user_data_dir('hotseat', appauthor=False)) / 'hotseat.db'}"


def parse_url(url: str) -> URL:
    """A URL with PostgreSQL pointed at psycopg 3, the driver hotseat ships with."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy, not the driver, starts transactions
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    parsed = parse_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database in ("", ":memory:"):
                engine = create_engine(
                    parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
            else:
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _sqlite_settings(engine)
            return engine
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no driver for {shown(parsed)}: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"cannot create the database folder for {shown(parsed)}: {exc}") from exc


def _config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    """The newest migration this version of hotseat knows."""
    script = ScriptDirectory(str(MIGRATIONS))
    current = script.get_current_head()
    assert current is not None
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` under a lock; a no-op when it is already there."""
    target = head() if revision == "head" else revision
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Rebuilding a table in a migration drops it; with foreign keys on, that
            # drop would cascade into the turns it holds. The pragma only takes
            # effect outside a transaction, so set it on the raw connection.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
                current = MigrationContext.configure(conn).get_current_revision()
                if current == target:
                    return
                known = {s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
                if current is not None and current not in known:
                    raise StoreError(
                        f"the database is at revision {current}, newer than this hotseat "
                        f"knows (up to {head()}): upgrade hotseat to open it"
                    )
                with _ALEMBIC:
                    command.upgrade(_config(conn), revision)
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def open_engine(url: str | None = None) -> Engine:
    """An engine on ``url`` (default: ``default_url()``) with the schema at the newest revision."""
    engine = make_engine(url or default_url())
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(
            f"cannot open the training records at {shown(engine.url)}: {reason}"
        ) from exc
    except StoreError:
        engine.dispose()
        raise
    return engine
