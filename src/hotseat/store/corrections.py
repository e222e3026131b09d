"""The review queue: corrections to the judge, marked on a stored call, decided by a trainer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from hotseat.moves import MOVE_NAMES, Lang
from hotseat.store.db import StoreError
from hotseat.store.roster import clean_name
from hotseat.store.schema import CorrectionRow, FindingRow, SessionRow, TurnRow

Kind = Literal["wrong", "missed"]
Status = Literal["pending", "accepted", "rejected"]
STATUSES: tuple[Status, ...] = ("pending", "accepted", "rejected")
REASON_LENGTH = 500


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction as stored: what was said against the judge, where, and the verdict."""

    id: int
    session_id: int | None
    turn: int
    kind: Kind
    code: str | None
    move: str | None
    reason: str
    author: str
    lang: Lang
    text: str
    context: str
    status: Status
    reviewer: str | None
    created_at: datetime
    reviewed_at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "session": self.session_id,
            "turn": self.turn,
            "kind": self.kind,
            "code": self.code,
            "move": self.move,
            "reason": self.reason,
            "author": self.author,
            "lang": self.lang,
            "text": self.text,
            "context": self.context,
            "status": self.status,
            "reviewer": self.reviewer,
            "created_at": self.created_at.isoformat(),
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
        }


def _reason(reason: str) -> str:
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise StoreError("say briefly why (a reason is required)")
    if len(cleaned) > REASON_LENGTH:
        raise StoreError(f"keep the reason under {REASON_LENGTH} characters")
    return cleaned


def _reply(conn: Connection, session_id: int, turn: int) -> tuple[str, str, str]:
    """The reply's language, its text and the customer's line it answered."""
    row = conn.execute(
        select(SessionRow.lang, SessionRow.opening).where(SessionRow.id == session_id)
    ).first()
    if row is None:
        raise StoreError(f"no session {session_id} (see `hotseat history`)")
    lang, opening = row
    said = conn.execute(
        select(TurnRow.turn, TurnRow.text, TurnRow.customer_line)
        .where(TurnRow.session_id == session_id, TurnRow.turn.in_((turn - 1, turn)))
        .order_by(TurnRow.turn)
    ).all()
    by_turn = {t: (text, line) for t, text, line in said}
    if turn not in by_turn:
        raise StoreError(f"session {session_id} has no reply {turn}")
    context = by_turn[turn - 1][1] if turn - 1 in by_turn else opening
    return str(lang), by_turn[turn][0], context or ""


def mark(
    conn: Connection,
    session_id: int,
    turn: int,
    *,
    kind: Kind,
    reason: str,
    author: str,
    now: datetime,
    code: str | None = None,
    move: str | None = None,
) -> int:
    """Put a correction in the queue; checks it names a real finding or a real move."""
    if kind == "wrong":
        if code is None:
            raise StoreError("say which finding is wrong (its rule code)")
        code = code.strip().upper()
        found = conn.execute(
            select(func.count())
            .select_from(FindingRow)
            .where(FindingRow.session_id == session_id, FindingRow.code == code)
            .where(FindingRow.turn == turn)
        ).scalar_one()
        if not found:
            raise StoreError(f"session {session_id} has no {code} finding on turn {turn}")
    elif move not in MOVE_NAMES:
        raise StoreError(f"unknown move {move!r}: one of {', '.join(sorted(MOVE_NAMES))}")
    lang, text, context = _reply(conn, session_id, turn)
    inserted = conn.execute(
        insert(CorrectionRow).values(
            session_id=session_id,
            turn=turn,
            kind=kind,
            code=code,
            move=move,
            reason=_reason(reason),
            author=clean_name(author),
            lang=lang,
            text=text,
            context=context,
            status="pending",
            created_at=now,
        )
    )
    key = inserted.inserted_primary_key
    assert key is not None
    return int(key[0])


def listed(conn: Connection, status: Status | None = None) -> list[Correction]:
    """Corrections oldest first: the queue when ``status`` is "pending"."""
    query = select(*CorrectionRow.__table__.columns).order_by(CorrectionRow.id)
    if status is not None:
        query = query.where(CorrectionRow.status == status)
    return [_record(row._mapping) for row in conn.execute(query)]


def decide(
    conn: Connection, correction_id: int, *, accept: bool, reviewer: str, now: datetime
) -> None:
    """A trainer's verdict on a pending correction (a decided one stays as it was decided)."""
    status = conn.execute(
        select(CorrectionRow.status).where(CorrectionRow.id == correction_id)
    ).scalar()
    if status is None:
        raise StoreError(f"no correction {correction_id} (see `hotseat review list`)")
    if status != "pending":
        raise StoreError(f"correction {correction_id} was already {status}")
    conn.execute(
        update(CorrectionRow)
        .where(CorrectionRow.id == correction_id)
        .values(
            status="accepted" if accept else "rejected",
            reviewer=clean_name(reviewer),
            reviewed_at=now,
        )
    )


def _record(row: Mapping[Any, Any]) -> Correction:
    return Correction(
        id=int(row["id"]),
        session_id=row["session_id"],
        turn=int(row["turn"]),
        kind=cast(Kind, row["kind"]),
        code=row["code"],
        move=row["move"],
        reason=str(row["reason"]),
        author=str(row["author"]),
        lang=cast(Lang, row["lang"]),
        text=str(row["text"]),
        context=str(row["context"]),
        status=cast(Status, row["status"]),
        reviewer=row["reviewer"],
        created_at=row["created_at"],
        reviewed_at=row["reviewed_at"],
    )
