"""The store side of live calls: create one, find it by code, append to its log, read it back.

Appends are atomic: the call's row is locked (PostgreSQL) or the database is
(SQLite's BEGIN IMMEDIATE), the state and the seat's claim are checked, and the
event gets the next ``seq``. Nothing here knows the rules of turns: every seat
folds the log with ``hotseat.live.LiveCall``, which ignores an event out of turn.

Prompt delivery: on PostgreSQL each append sends a NOTIFY and a waiting seat
LISTENs (polling if it cannot); on SQLite a waiting seat polls, every 20 ms.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from hotseat.live.codes import new_code, normal_code
from hotseat.live.events import WRITES, Event, Kind, Seat
from hotseat.store.db import failing_as
from hotseat.store.live_schema import LiveCallRow, LiveEventRow

if TYPE_CHECKING:
    from hotseat.live import LiveCall
    from hotseat.scenario.model import Scenario
    from hotseat.store import Store

CHANNEL = "hotseat_live"
POLL_SECONDS = 0.02
CODE_TRIES = 20


class LiveRefused(Exception):
    """A seat asked for something the call does not allow; ``key`` is the i18n message."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True, slots=True)
class LiveInfo:
    """A live call's settings, as a seat needs them to fold its log."""

    id: int
    code: str
    scenario: str
    scenario_key: str
    scenario_hash: str
    seed: int
    intensity: int
    clock_seconds: float
    host: str
    trainee: str | None
    class_name: str | None
    state: str
    session_id: int | None

    @property
    def open(self) -> bool:
        return self.state == "open"


class LiveStore:
    """Live calls on one training store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self._clock: Callable[[], datetime] = store._clock
        self._postgres = self.engine.dialect.name == "postgresql"

    # -- calls ------------------------------------------------------------------------

    def create(
        self,
        *,
        scenario_ref: str,
        scenario: Scenario,
        scenario_hash: str,
        host: str,
        seed: int,
        intensity: int = 2,
        clock_seconds: float = 30.0,
        trainee: str | None = None,
        class_name: str | None = None,
        rng: random.Random | None = None,
    ) -> LiveInfo:
        """A new open call with a fresh join code."""
        rng = rng or random.Random()
        values = {
            "scenario": scenario_ref,
            "scenario_key": scenario.key,
            "scenario_hash": scenario_hash,
            "seed": seed,
            "intensity": intensity,
            "clock_seconds": clock_seconds,
            "host": host,
            "trainee": trainee,
            "class_name": class_name,
            "state": "open",
            "created_at": self._clock(),
        }
        for _ in range(CODE_TRIES):
            code = new_code(rng)
            try:
                with failing_as("could not open a live call"), self.engine.begin() as conn:
                    conn.execute(insert(LiveCallRow).values(code=code, **values))
            except IntegrityError:  # that code is taken (by a call, perhaps long over)
                continue
            return self.find(code, open_only=False)
        raise RuntimeError("no free join code after many tries")

    def find(self, raw_code: str, *, open_only: bool = True) -> LiveInfo:
        """The call with this code; LiveRefused when there is none, or (open_only) it is over."""
        code = normal_code(raw_code)
        if code is None:
            raise LiveRefused("live.code.malformed", code=raw_code.strip())
        with self.engine.connect() as conn:
            row = conn.execute(
                select(LiveCallRow.__table__).where(LiveCallRow.code == code)
            ).first()
        if row is None:
            raise LiveRefused("live.code.unknown", code=code)
        info = _info(row)
        if open_only and not info.open:
            raise LiveRefused("live.code.expired", code=code)
        return info

    def get(self, call_id: int) -> LiveInfo:
        with self.engine.connect() as conn:
            row = conn.execute(select(LiveCallRow.__table__).where(LiveCallRow.id == call_id)).one()
        return _info(row)

    def for_session(self, session_id: int) -> LiveInfo | None:
        """The live call a recorded call came from, if it was one."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(LiveCallRow.__table__).where(LiveCallRow.session_id == session_id)
            ).first()
        return _info(row) if row is not None else None

    # -- the log ----------------------------------------------------------------------------

    def events(self, call_id: int, after: int = 0) -> list[Event]:
        """The log from ``seq`` ``after + 1`` on."""
        table = LiveEventRow.__table__
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(table)
                .where(table.c.call_id == call_id, table.c.seq > after)
                .order_by(table.c.seq)
            ).all()
        return [Event(r.seq, r.seat, Kind(r.kind), r.text, r.value, r.note) for r in rows]

    def append(
        self,
        call_id: int,
        seat: Seat,
        kind: Kind,
        text_: str = "",
        value: float | None = None,
        note: str = "",
    ) -> Event:
        """Write one event at the end of the log; LiveRefused when this seat may not."""
        if kind not in WRITES[seat]:
            raise LiveRefused("live.refused.seat")
        calls = LiveCallRow.__table__
        events = LiveEventRow.__table__
        with failing_as("could not write to the live call"), self.engine.begin() as conn:
            row = conn.execute(
                select(calls.c.state, calls.c.trainee)
                .where(calls.c.id == call_id)
                .with_for_update()
            ).one()
            if row.state != "open":
                raise LiveRefused("live.code.expired", code="")
            if kind is Kind.JOIN:
                if row.trainee is not None and row.trainee != text_:
                    raise LiveRefused("live.refused.taken", name=row.trainee)
                conn.execute(update(LiveCallRow).where(calls.c.id == call_id).values(trainee=text_))
            last = conn.execute(
                select(func.max(events.c.seq)).where(events.c.call_id == call_id)
            ).scalar()
            seq = int(last or 0) + 1
            now = self._clock()
            conn.execute(
                insert(LiveEventRow).values(
                    call_id=call_id,
                    seq=seq,
                    seat=seat,
                    kind=kind.value,
                    text=text_,
                    value=value,
                    note=note,
                    at=now,
                )
            )
            if kind is Kind.END:
                conn.execute(
                    update(LiveCallRow)
                    .where(calls.c.id == call_id)
                    .values(state="ended", ended_at=now)
                )
            if self._postgres:
                conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": str(call_id)})
        return Event(seq, seat, kind, text_, value, note)

    def listener(self) -> Listener:
        """Something to wait on for new events: LISTEN on PostgreSQL, polling otherwise."""
        if self._postgres:
            try:
                return _PgListener(self)
            except Exception:  # no LISTEN (a pooler in the way): poll like SQLite
                pass
        return Listener(self)

    # -- the record -------------------------------------------------------------------------

    def record(self, info: LiveInfo, call: LiveCall) -> int | None:
        """Save the ended call like any other, for its trainee and class; returns its id.

        Every seat that sees the end may ask; the first to claim the call saves it,
        the others get None.
        """
        calls = LiveCallRow.__table__
        with failing_as("could not claim the live call's record"), self.engine.begin() as conn:
            claimed = conn.execute(
                update(LiveCallRow)
                .where(calls.c.id == info.id, calls.c.state == "ended")
                .values(state="saving")
            ).rowcount
        if not claimed:
            return None
        session = call.session
        recorder = self.store.begin(
            call.trainee or info.trainee or "?",
            session.scenario,
            info.scenario_hash,
            "drill",
            info.seed,
            intensity=info.intensity,
            clock_seconds=info.clock_seconds,
            class_name=info.class_name,
        )
        for result in session.exchanges:
            recorder.turn(result)
        recorder.finish(session.result(), stepped_out=call.stepped_out)
        with failing_as("could not link the live call to its record"), self.engine.begin() as conn:
            conn.execute(
                update(LiveCallRow)
                .where(LiveCallRow.id == info.id)
                .values(session_id=recorder.session_id, state="recorded")
            )
        return recorder.session_id


class Listener:
    """Waits for a call's log to grow past a known ``seq``, by polling."""

    def __init__(self, live: LiveStore) -> None:
        self.live = live

    def wait(self, call_id: int, after: int, timeout: float) -> list[Event]:
        """New events, or an empty list when ``timeout`` seconds pass with none."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.live.events(call_id, after)
            if found or time.monotonic() >= deadline:
                return found
            self._pause(max(0.0, deadline - time.monotonic()))

    def _pause(self, left: float) -> None:
        time.sleep(min(POLL_SECONDS, left))

    def close(self) -> None:
        return None


class _PgListener(Listener):
    """LISTEN on a connection of its own; a NOTIFY (any call's) wakes it to read the log."""

    def __init__(self, live: LiveStore) -> None:
        super().__init__(live)
        raw = live.engine.raw_connection()
        conn: Any = raw.driver_connection
        raw.detach()  # ours alone, outside the pool, in autocommit for LISTEN
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def _pause(self, left: float) -> None:
        # Woken by the first notification (one already queued counts): then the log is re-read.
        for _ in self._conn.notifies(timeout=max(left, 0.001), stop_after=1):
            break

    def close(self) -> None:
        self._conn.close()


def _info(row: Any) -> LiveInfo:
    return LiveInfo(
        id=row.id,
        code=row.code,
        scenario=row.scenario,
        scenario_key=row.scenario_key,
        scenario_hash=row.scenario_hash,
        seed=row.seed,
        intensity=row.intensity,
        clock_seconds=row.clock_seconds,
        host=row.host,
        trainee=row.trainee,
        class_name=row.class_name,
        state=row.state,
        session_id=row.session_id,
    )
