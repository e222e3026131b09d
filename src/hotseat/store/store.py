"""The store the shells talk to: open it once, begin a recorder per call, ask it questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from hotseat.scenario.model import Mode, Scenario
from hotseat.scorecard import SessionResult
from hotseat.store import corrections, queries, roster
from hotseat.store.corrections import Correction, Kind, Status
from hotseat.store.db import StoreError, failing_as, open_engine
from hotseat.store.recorder import Clock, Recorder
from hotseat.store.records import (
    ClassBoard,
    ClassInfo,
    Lot,
    Progress,
    SessionRecord,
    StoredTurn,
    TraineeInfo,
)
from hotseat.store.schema import SessionRow


def utcnow() -> datetime:
    return datetime.now(UTC)


class Store:
    """Training records on one database. Thread-safe: every call takes its own connection."""

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self._clock = clock

    @property
    def url(self) -> str:
        """The database URL with any password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- recording --------------------------------------------------------------

    def begin(
        self,
        trainee: str,
        scenario: Scenario,
        scenario_hash: str,
        mode: Mode,
        seed: int,
        *,
        intensity: int = 2,
        clock_seconds: float = 30.0,
        class_name: str | None = None,
    ) -> Recorder:
        """Start recording a call; the session row is committed before the first reply."""
        now = self._clock()
        with failing_as(f"could not start recording for {trainee!r}"), self.engine.begin() as conn:
            tid = roster.trainee_id(conn, trainee, now)
            cid = roster.known_class(conn, class_name) if class_name is not None else None
            inserted = conn.execute(
                insert(SessionRow).values(
                    trainee_id=tid,
                    class_id=cid,
                    scenario=scenario.key,
                    scenario_hash=scenario_hash,
                    title=scenario.title,
                    lang=scenario.lang,
                    mode=mode,
                    seed=seed,
                    intensity=intensity,
                    clock_seconds=clock_seconds,
                    opening="",
                    started_at=now,
                    turns=0,
                )
            )
            key = inserted.inserted_primary_key
            assert key is not None
            session_id = int(key[0])
        return Recorder(self.engine, session_id, self._clock)

    def reopen(self, session_id: int) -> Recorder:
        """Continue recording an interrupted call (after ``Session.restore``)."""
        with self.engine.connect() as conn:
            record = queries.session(conn, session_id)
        if record.status == "finished":
            raise StoreError(f"session {session_id} is already finished; nothing to resume")
        return Recorder(self.engine, session_id, self._clock)

    # -- reading ----------------------------------------------------------------

    def session(self, session_id: int) -> SessionRecord:
        with self.engine.connect() as conn:
            return queries.session(conn, session_id)

    def turns(self, session_id: int) -> list[StoredTurn]:
        with self.engine.connect() as conn:
            return queries.turns(conn, session_id)

    def replies(self, session_id: int) -> list[tuple[str, float | None]]:
        """What ``Session.restore`` needs to rebuild the call exactly."""
        return [(t.text, t.seconds) for t in self.turns(session_id)]

    def opening(self, session_id: int) -> str:
        with self.engine.connect() as conn:
            return queries.opening(conn, session_id)

    def result(self, session_id: int) -> SessionResult | None:
        with self.engine.connect() as conn:
            return queries.result(conn, session_id)

    def history(self, trainee: str | None = None, limit: int | None = None) -> list[SessionRecord]:
        with self.engine.connect() as conn:
            return queries.history(conn, trainee, limit)

    def progress(self, trainee: str, recent: int = queries.RECENT) -> Progress:
        with self.engine.connect() as conn:
            return queries.progress(conn, trainee, recent)

    def class_board(self, class_name: str, class_only: bool = False) -> ClassBoard:
        with self.engine.connect() as conn:
            return queries.class_board(conn, class_name, class_only)

    def class_sessions(self, class_name: str, class_only: bool = False) -> list[SessionRecord]:
        with self.engine.connect() as conn:
            return queries.class_sessions(conn, class_name, class_only)

    # -- trainees and classes -----------------------------------------------------

    def add_trainee(self, name: str) -> bool:
        with self.engine.begin() as conn:
            return roster.add_trainee(conn, name, self._clock())

    def trainees(self) -> list[TraineeInfo]:
        with self.engine.connect() as conn:
            return roster.list_trainees(conn)

    def remove_trainee(self, name: str, purge: bool = False) -> int:
        with self.engine.begin() as conn:
            return roster.remove_trainee(conn, name, purge)

    def create_class(self, name: str) -> bool:
        with self.engine.begin() as conn:
            return roster.create_class(conn, name, self._clock())

    def add_members(self, class_name: str, names: Iterable[str]) -> list[str]:
        with self.engine.begin() as conn:
            return roster.add_members(conn, class_name, names, self._clock())

    def classes(self) -> list[ClassInfo]:
        with self.engine.connect() as conn:
            return roster.list_classes(conn)

    def class_info(self, name: str) -> ClassInfo:
        with self.engine.connect() as conn:
            return roster.class_info(conn, name)

    def set_pass_mark(self, class_name: str, pass_mark: int | None) -> None:
        """The class's own pass mark (None: back to the rulebook's)."""
        if pass_mark is not None and not 1 <= pass_mark <= 100:
            raise StoreError("a pass mark is between 1 and 100")
        with failing_as(f"could not set the pass mark of {class_name!r}"), self.engine.begin() as c:
            roster.set_pass_mark(c, class_name, pass_mark)

    # -- the review queue ---------------------------------------------------------

    def mark(
        self,
        session_id: int,
        turn: int,
        *,
        kind: Kind,
        reason: str,
        author: str,
        code: str | None = None,
        move: str | None = None,
    ) -> int:
        """A finding marked wrong, or a missed fault marked, on one reply; returns its id."""
        now = self._clock()
        with failing_as("could not save the correction"), self.engine.begin() as conn:
            return corrections.mark(
                conn,
                session_id,
                turn,
                kind=kind,
                reason=reason,
                author=author,
                now=now,
                code=code,
                move=move,
            )

    def corrections(self, status: Status | None = None) -> list[Correction]:
        with self.engine.connect() as conn:
            return corrections.listed(conn, status)

    def review(self, correction_id: int, *, accept: bool, reviewer: str) -> None:
        now = self._clock()
        with failing_as("could not record the verdict"), self.engine.begin() as conn:
            corrections.decide(conn, correction_id, accept=accept, reviewer=reviewer, now=now)

    def draw(self, class_name: str, seed: int | None = None) -> Lot:
        with self.engine.begin() as conn:
            return roster.draw(conn, class_name, seed, self._clock())


def open_store(url: str | None = None, clock: Callable[[], datetime] = utcnow) -> Store:
    """Open (creating and migrating as needed) the training records at ``url``.

    ``url`` defaults to ``HOTSEAT_DB``, else an SQLite file in the user's data
    directory. Raises ``StoreError`` with a readable reason when it cannot.
    """
    return Store(open_engine(url), clock)
