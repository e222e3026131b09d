"""The tables of the training records (the latest revision; migrations build up to it).

Times are stored in UTC. Per-area scores are columns rather than JSON so progress
and class boards are plain indexed SQL on SQLite and PostgreSQL alike; the full
scorecard is kept, in its own table, as its public JSON so a stored call
reports exactly as scored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
NAME_LENGTH = 100


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; SQLite, which has no time zones, keeps naive UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime}


class Trainee(Base):
    __tablename__ = "trainees"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    created_at: Mapped[datetime]


class Klass(Base):
    """A named roster of trainees (``class`` is a Python keyword)."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    created_at: Mapped[datetime]
    pass_mark: Mapped[int | None] = mapped_column(Integer)  # None: the rulebook's


class ClassMember(Base):
    __tablename__ = "class_members"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="CASCADE"), primary_key=True
    )


class Draw(Base):
    """One lot drawn: nobody is drawn twice in a round, and a round ends when all have gone."""

    __tablename__ = "draws"
    __table_args__ = (UniqueConstraint("class_id", "round", "trainee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    drawn_at: Mapped[datetime]


class SessionRow(Base):
    """One call. ``ended_at`` is NULL until it is finished: a NULL later means interrupted."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_trainee_started", "trainee_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="CASCADE"))
    class_id: Mapped[int | None] = mapped_column(ForeignKey("classes.id", ondelete="SET NULL"))
    scenario: Mapped[str] = mapped_column(String(200))
    scenario_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8))
    mode: Mapped[str] = mapped_column(String(16))
    seed: Mapped[int] = mapped_column(BigInteger)
    intensity: Mapped[int] = mapped_column(Integer)
    clock_seconds: Mapped[float] = mapped_column(Float)
    opening: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))
    stepped_out: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    turns: Mapped[int] = mapped_column(Integer, default=0)
    overall: Mapped[int | None] = mapped_column(Integer)
    score_ap: Mapped[int | None] = mapped_column(Integer)
    score_pr: Mapped[int | None] = mapped_column(Integer)
    score_ct: Mapped[int | None] = mapped_column(Integer)
    score_et: Mapped[int | None] = mapped_column(Integer)
    score_em: Mapped[int | None] = mapped_column(Integer)
    mood_start: Mapped[int | None] = mapped_column(Integer)


class Scorecard(Base):
    """A finished call's scorecard, as its public JSON (kept apart: it is the bulky part)."""

    __tablename__ = "scorecards"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class TurnRow(Base):
    """One exchange, written (and committed) the moment it happens."""

    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("session_id", "turn"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    turn: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    seconds: Mapped[float | None] = mapped_column(Float)
    customer_line: Mapped[str] = mapped_column(Text)
    reaction: Mapped[str] = mapped_column(String(32))
    mood: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]


class FindingRow(Base):
    """A rule broken in a call: written per turn, replaced by the final list when the call ends."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    turn: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    area: Mapped[str] = mapped_column(String(2))
    severity: Mapped[str] = mapped_column(String(8))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    tip: Mapped[str] = mapped_column(Text)


class CorrectionRow(Base):
    """A trainee's or trainer's word against the judge on one reply, and the trainer's verdict.

    ``kind`` is "wrong" (the finding ``code`` should not be there) or "missed" (the
    reply makes ``move`` and no rule said so). The reply and the customer's line
    before it are copied in, so an accepted correction exports as a labeled reply
    even after the call itself is purged.
    """

    __tablename__ = "corrections"
    __table_args__ = (Index("ix_corrections_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    turn: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    code: Mapped[str | None] = mapped_column(String(16))
    move: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(NAME_LENGTH))
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    reviewer: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    created_at: Mapped[datetime]
    reviewed_at: Mapped[datetime | None]


SCORE_COLUMNS = {
    "AP": SessionRow.score_ap,
    "PR": SessionRow.score_pr,
    "CT": SessionRow.score_ct,
    "ET": SessionRow.score_et,
    "EM": SessionRow.score_em,
}

from hotseat.store import live_schema as _live_schema  # noqa: E402,F401  (its tables join Base)
