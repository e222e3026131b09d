"""Writing a call as it happens: one committed transaction per turn, the scorecard at the end.

A crash or Ctrl+C between turns loses nothing already said: the turns are on
disk, the session has no end time, and it lists as interrupted until it is
resumed (``Session.restore`` replays the stored replies) and finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Connection, Engine

from hotseat.conversation import Area, Finding
from hotseat.scorecard import SessionResult
from hotseat.store.clean import storable, storable_json
from hotseat.store.db import StoreError, failing_as
from hotseat.store.schema import SCORE_COLUMNS, FindingRow, Scorecard, SessionRow, TurnRow

if TYPE_CHECKING:
    from hotseat.session import TurnResult

Clock = Callable[[], datetime]


def finding_values(session_id: int, findings: Iterable[Finding]) -> list[dict[str, object]]:
    return [
        {
            "session_id": session_id,
            "turn": f.turn,
            "code": f.code,
            "name": f.name,
            "area": f.area.value,
            "severity": f.severity,
            "span_start": f.start,
            "span_end": f.end,
            "quote": storable(f.quote),
            "message": storable(f.message),
            "tip": storable(f.tip),
        }
        for f in findings
    ]


def score_values(result: SessionResult) -> dict[str, object]:
    values: dict[str, object] = {
        col.key: result.scores.areas[Area(area)] for area, col in SCORE_COLUMNS.items()
    }
    values["overall"] = result.scores.overall
    return values


class Recorder:
    """Saves one call turn by turn; obtained from ``Store.begin`` or ``Store.reopen``."""

    def __init__(self, engine: Engine, session_id: int, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock
        self.session_id = session_id
        self.finished = False

    def turn(self, result: TurnResult) -> None:
        """Write one exchange and its findings, and commit, before the trainee sees the reply."""
        if self.finished:
            raise StoreError(f"session {self.session_id} is already finished")
        reply, customer = result.reply, result.customer
        saving = f"could not save turn {reply.turn} of session {self.session_id}"
        with failing_as(saving), self._engine.begin() as conn:
            conn.execute(
                insert(TurnRow).values(
                    session_id=self.session_id,
                    turn=reply.turn,
                    text=storable(reply.text),
                    seconds=reply.seconds,
                    customer_line=storable(customer.line),
                    reaction=customer.reaction.value,
                    mood=customer.mood,
                    at=self._clock(),
                )
            )
            if result.findings:
                conn.execute(insert(FindingRow), finding_values(self.session_id, result.findings))
            changes: dict[str, object] = {"turns": reply.turn}
            if reply.turn == 1:
                changes["opening"] = storable(reply.customer_before)
            self._update(conn, changes)

    def finish(self, result: SessionResult, stepped_out: bool = False) -> None:
        """Store the scorecard and mark the call finished.

        The scorecard's findings replace the per-turn ones: they include the
        whole-call findings judged at the close.
        """
        if self.finished:
            raise StoreError(f"session {self.session_id} is already finished")
        saving = f"could not save the scorecard of session {self.session_id}"
        with failing_as(saving), self._engine.begin() as conn:
            conn.execute(delete(FindingRow).where(FindingRow.session_id == self.session_id))
            if result.findings:
                conn.execute(insert(FindingRow), finding_values(self.session_id, result.findings))
            self._update(
                conn,
                {
                    "ended_at": self._clock(),
                    "outcome": result.outcome,
                    "stepped_out": stepped_out,
                    "mood_start": result.mood_start,
                    **score_values(result),
                },
            )
            conn.execute(
                insert(Scorecard).values(
                    session_id=self.session_id, result=storable_json(result.to_json())
                )
            )
        self.finished = True

    def _update(self, conn: Connection, values: dict[str, object]) -> None:
        conn.execute(update(SessionRow).where(SessionRow.id == self.session_id).values(**values))
