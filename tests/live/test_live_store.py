"""Live calls in the store, on SQLite and PostgreSQL: codes, the log, the claim, the record."""

from __future__ import annotations

import threading
import time

import pytest

from hotseat.live import Kind
from hotseat.scenario.model import Scenario
from hotseat.store import Store
from hotseat.store.live import LiveRefused, LiveStore

from .conftest import fold, host_call


def test_a_call_is_found_by_its_code_until_it_ends(live: LiveStore, scenario: Scenario) -> None:
    info = host_call(live, scenario)
    assert live.find(info.code.lower()).id == info.id
    live.append(info.id, "host", Kind.END, "resolved")
    with pytest.raises(LiveRefused) as expired:
        live.find(info.code)
    assert expired.value.key == "live.code.expired"
    assert live.find(info.code, open_only=False).state == "ended"
    with pytest.raises(LiveRefused) as unknown:
        live.find("ZZZZZZ" if info.code != "ZZZZZZ" else "YYYYYY")
    assert unknown.value.key == "live.code.unknown"
    with pytest.raises(LiveRefused) as bad:
        live.find("hello!")
    assert bad.value.key == "live.code.malformed"


def test_nothing_is_written_after_the_end(live: LiveStore, scenario: Scenario) -> None:
    info = host_call(live, scenario)
    live.append(info.id, "host", Kind.END, "resolved")
    with pytest.raises(LiveRefused):
        live.append(info.id, "host", Kind.SAY, "late")
    with pytest.raises(LiveRefused):
        live.append(info.id, "trainee", Kind.END, "abandoned", 1.0)
    assert [e.kind for e in live.events(info.id)] == [Kind.END]


def test_the_watch_seat_cannot_write(live: LiveStore, scenario: Scenario) -> None:
    info = host_call(live, scenario)
    for kind in Kind:
        with pytest.raises(LiveRefused):
            live.append(info.id, "watch", kind, "x")
    assert live.events(info.id) == []


def test_one_trainee_claims_the_seat(live: LiveStore, scenario: Scenario) -> None:
    info = host_call(live, scenario)
    live.append(info.id, "trainee", Kind.JOIN, "Tom")
    with pytest.raises(LiveRefused) as taken:
        live.append(info.id, "trainee", Kind.JOIN, "Ann")
    assert taken.value.values == {"name": "Tom"}
    live.append(info.id, "trainee", Kind.JOIN, "Tom")  # the same trainee, back after a drop
    assert live.get(info.id).trainee == "Tom"


def test_concurrent_writers_get_a_gapless_log(live: LiveStore, scenario: Scenario) -> None:
    info = host_call(live, scenario)

    def write(n: int) -> None:
        for i in range(5):
            live.append(info.id, "host", Kind.MOOD, value=float(n * 10 + i))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    events = live.events(info.id)
    assert [e.seq for e in events] == list(range(1, 16))
    assert live.events(info.id, after=10) == events[10:]


def test_a_waiting_seat_wakes_when_the_log_grows(live: LiveStore, scenario: Scenario) -> None:
    info = host_call(live, scenario)
    listener = live.listener()
    postgres = live.engine.dialect.name == "postgresql"
    assert (type(listener).__name__ == "_PgListener") == postgres  # LISTEN, not polling, on PG
    try:
        assert listener.wait(info.id, 0, timeout=0.05) == []
        timer = threading.Timer(0.2, lambda: live.append(info.id, "host", Kind.SAY, "Hello?!"))
        started = time.monotonic()
        timer.start()
        got = listener.wait(info.id, 0, timeout=5.0)
        waited = time.monotonic() - started
        timer.join()
    finally:
        listener.close()
    assert [e.text for e in got] == ["Hello?!"]
    assert 0.15 < waited < 1.0


def test_the_finished_call_is_recorded_with_its_host(
    live: LiveStore, store: Store, scenario: Scenario
) -> None:
    store.create_class("C1")
    store.add_members("C1", ["Tom"])
    info = host_call(live, scenario, trainee="Tom", class_name="C1")
    live.append(info.id, "trainee", Kind.JOIN, "Tom")
    live.append(info.id, "host", Kind.SAY, "Forty-two quid!", note="own")
    live.append(info.id, "trainee", Kind.REPLY, "I understand. Could you tell me your number?", 3.0)
    live.append(info.id, "host", Kind.SAY, "It's 0777 123 456.", note="own")
    live.append(info.id, "host", Kind.END, "resolved")
    call = fold(live, info, scenario)
    session_id = live.record(live.get(info.id), call)
    record = store.session(session_id)
    assert (record.trainee, record.class_name, record.outcome, record.turns) == (
        "Tom",
        "C1",
        "resolved",
        1,
    )
    assert [t.customer_line for t in store.turns(session_id)] == ["It's 0777 123 456."]
    assert store.opening(session_id) == "Forty-two quid!"
    assert store.result(session_id) == call.session.result()
    linked = live.for_session(session_id)
    assert linked is not None and linked.host == "Vera"
    (row,) = [r for r in store.class_board("C1", True).rows if r.rank is not None]
    assert (row.trainee, row.sessions, row.overall) == (
        "Tom",
        1,
        call.session.result().scores.overall,
    )
    assert live.record(live.get(info.id), call) is None  # saved once, whoever asks again
