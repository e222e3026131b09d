"""Rebuilding a stored call from its replies: to resume it, or to report one that never finished.

The scenario file must be byte for byte the one the call was played on (its
content hash is stored), or the replayed customer would not be the same person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hotseat.rules import Rulebook
from hotseat.scenario.library import content_hash, load_scenario, resolve
from hotseat.scenario.loader import ScenarioError
from hotseat.scenario.model import Mode, Scenario
from hotseat.session import Session
from hotseat.store.db import StoreError
from hotseat.store.records import SessionRecord
from hotseat.store.store import Store


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """A call replayed to where it stopped; ``faithful`` is False if the customer said otherwise."""

    session: Session
    record: SessionRecord
    faithful: bool


class Setup(Protocol):
    """What decides which customer a call meets, besides the scenario and the rulebook."""

    @property
    def seed(self) -> int: ...
    @property
    def mode(self) -> Mode: ...
    @property
    def intensity(self) -> int: ...
    @property
    def clock_seconds(self) -> float: ...


def start_session(scenario: Scenario, setup: Setup, rulebook: Rulebook | None) -> Session:
    """A new call set up as ``setup`` says: a recorded call's record replays the same customer."""
    return Session(
        scenario,
        seed=setup.seed,
        mode=setup.mode,
        intensity=setup.intensity,
        rulebook=rulebook,
        clock_seconds=setup.clock_seconds,
    )


def rebuild(
    store: Store,
    session_id: int,
    scenario_ref: str | None = None,
    rulebook: Rulebook | None = None,
) -> Rebuilt:
    """Replay a stored call's replies on its scenario (``scenario_ref``, else its LANG/ID)."""
    record = store.session(session_id)
    ref = scenario_ref or record.scenario
    try:
        path = resolve(ref)
        if content_hash(path) != record.scenario_hash:
            raise StoreError(
                f"{path} has changed since session {session_id} was played on it, so the call "
                "cannot be replayed exactly; pass the original scenario file"
            )
        scenario = load_scenario(path)
    except (ScenarioError, FileNotFoundError, LookupError) as exc:
        raise StoreError(f"cannot load scenario {ref!r} for session {session_id}: {exc}") from exc
    session = start_session(scenario, record, rulebook)
    stored = store.turns(session_id)
    session.restore([(t.text, t.seconds) for t in stored])
    said = [u.text for u in session.transcript if u.speaker == "customer"][1:]
    return Rebuilt(session, record, said == [t.customer_line for t in stored])
