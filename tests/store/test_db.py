"""Where the records live and what the user is told when they cannot be opened."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from hotseat.scenario.model import Scenario
from hotseat.store import StoreError, open_store
from hotseat.store.db import default_url, parse_url

from .calls import turn


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME steers platformdirs on Linux")
def test_default_is_an_sqlite_file_in_the_user_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HOTSEAT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = default_url()
    assert url == f"sqlite:///{tmp_path / 'hotseat' / 'hotseat.db'}"
    with open_store() as store:
        store.add_trainee("Ann")
    assert (tmp_path / "hotseat" / "hotseat.db").is_file()


def test_hotseat_db_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTSEAT_DB", "postgresql://u@db.example/records")
    assert default_url() == "postgresql://u@db.example/records"


def test_postgresql_urls_use_psycopg3() -> None:
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("sqlite:///x.db").drivername == "sqlite"


def test_unreachable_server_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://me:s3cret@127.0.0.1:1/nowhere?connect_timeout=2")
    message = str(caught.value)
    assert message.startswith("cannot open the training records at postgresql+psycopg://me:***@")
    assert "s3cret" not in message


@pytest.mark.parametrize(
    ("url", "message"),
    [("not a url", "not a database URL"), ("mysql+nodriver://x/y", "no driver for")],
)
def test_bad_urls_are_clear_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_in_memory_store_is_shared_across_threads(scenario: Scenario) -> None:
    """The TUI records from worker threads; an in-memory store must be one database."""
    with open_store("sqlite://") as store:
        rec = store.begin("Ann", scenario, "h", "practice", 0)
        worker = threading.Thread(target=rec.turn, args=(turn(1),))
        worker.start()
        worker.join()
        assert store.replies(rec.session_id) == [("非常抱歉，我理解您的心情。", None)]
