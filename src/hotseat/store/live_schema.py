"""The tables of live calls: one row per call, and its event log, one row per event.

Kept apart from ``schema.py`` (which imports this module at its end, so the
metadata and the migrations stay one); the log is append-only, ordered by
``seq`` within a call, which the unique key keeps gapless under concurrent writers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hotseat.store.schema import NAME_LENGTH, Base


class LiveCallRow(Base):
    """One live call: ``state`` is open, then ended (the code has expired), saving, recorded."""

    __tablename__ = "live_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    scenario: Mapped[str] = mapped_column(Text)  # the reference the host opened it by
    scenario_key: Mapped[str] = mapped_column(String(200))
    scenario_hash: Mapped[str] = mapped_column(String(64))
    seed: Mapped[int] = mapped_column(Integer)
    intensity: Mapped[int] = mapped_column(Integer)
    clock_seconds: Mapped[float] = mapped_column(Float)
    host: Mapped[str] = mapped_column(String(NAME_LENGTH))
    trainee: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    class_name: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    state: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"))


class LiveEventRow(Base):
    """One event of a live call's log (``hotseat.live.events.Event``)."""

    __tablename__ = "live_events"
    __table_args__ = (UniqueConstraint("call_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("live_calls.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    seat: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
