"""The event log of a live call: every line said and every control, in the order written.

The log is the call: a seat that drops replays it and is exactly where the others
are. Events are plain values so the store keeps them as rows and any seat can fold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Seat = Literal["host", "trainee", "watch"]
SEATS: tuple[Seat, ...] = ("host", "trainee", "watch")


class Kind(StrEnum):
    JOIN = "join"  # text: the trainee's name
    SAY = "say"  # text: a customer line; note: script | edited | own | drill
    REPLY = "reply"  # text: the trainee's reply; value: seconds taken
    TIMEOUT = "timeout"  # the trainee's reply clock ran out
    MOOD = "mood"  # value: the instructor's nudge, in mood points
    FACT = "fact"  # text: a fact id; value: 1 revealed, 0 taken back
    HANDOVER = "handover"  # the script answers from now on
    TAKEBACK = "takeback"  # the instructor answers again
    END = "end"  # text: the outcome; value: 1 when the trainee stepped out


# What each seat may ever write; the projector seat writes nothing.
WRITES: dict[Seat, frozenset[Kind]] = {
    "host": frozenset({Kind.SAY, Kind.MOOD, Kind.FACT, Kind.HANDOVER, Kind.TAKEBACK, Kind.END}),
    "trainee": frozenset({Kind.JOIN, Kind.REPLY, Kind.TIMEOUT, Kind.END}),
    "watch": frozenset(),
}

SayNote = Literal["script", "edited", "own", "drill"]


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the log; ``seq`` counts from 1 within the call."""

    seq: int
    seat: Seat
    kind: Kind
    text: str = ""
    value: float | None = None
    note: str = ""
