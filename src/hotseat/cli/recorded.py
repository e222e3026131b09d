"""`hotseat play --trainee/--resume`: the same headless call, saved turn by turn as it goes.

Replies are read and played one line at a time, and each turn is committed
before the next line is read, so killing the process loses nothing already said.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click

from hotseat.cli.records import records
from hotseat.rules import Rulebook
from hotseat.scenario.model import Mode
from hotseat.scorecard import SessionResult
from hotseat.session import Session
from hotseat.store.clean import storable
from hotseat.store.recorder import Recorder
from hotseat.store.store import Store


@dataclass(frozen=True, slots=True)
class Recording:
    """Where to save the call and how to set it up (ignored on resume: stored values win)."""

    db_url: str | None
    trainee: str | None
    resume_id: int | None
    scenario_ref: str | None
    seed: int
    mode: Mode
    intensity: int
    clock_seconds: float


def _start(store: Store, how: Recording, book: Rulebook) -> tuple[Session, Recorder]:
    from hotseat.scenario.library import content_hash, load_scenario, resolve
    from hotseat.scenario.loader import ScenarioError
    from hotseat.store.resume import rebuild, start_session

    if how.resume_id is not None:
        rebuilt = rebuild(store, how.resume_id, how.scenario_ref, book)
        if not rebuilt.faithful:
            click.echo(
                f"warning: replaying session {how.resume_id} gave different customer lines "
                "(hotseat or the rulebook changed since); continuing from the replay",
                err=True,
            )
        return rebuilt.session, store.reopen(how.resume_id)
    assert how.trainee is not None and how.scenario_ref is not None
    try:
        path = resolve(how.scenario_ref)
        scenario = load_scenario(path)
    except (ScenarioError, FileNotFoundError, LookupError) as exc:
        raise click.ClickException(str(exc)) from exc
    session = start_session(scenario, how, book)
    recorder = store.begin(
        how.trainee,
        scenario,
        content_hash(path),
        how.mode,
        how.seed,
        intensity=how.intensity,
        clock_seconds=how.clock_seconds,
    )
    return session, recorder


def play_recorded(how: Recording, replies_path: str, book: Rulebook) -> SessionResult:
    """Play and record; a bad line or Ctrl+C leaves the call interrupted, and resumable."""
    from hotseat.replies import read_lines

    if how.trainee is not None and how.resume_id is not None:
        raise click.UsageError("--resume continues the call of whoever made it; drop --trainee")
    if how.scenario_ref is None and how.resume_id is None:
        raise click.UsageError("missing argument SCENARIO (or give --resume ID)")

    with records(how.db_url) as store:
        session, recorder = _start(store, how, book)
        sid = recorder.session_id
        click.echo(f"recording session {sid} in {store.url}", err=True)
        resume_hint = f"resume with: hotseat play --resume {sid} --replies FILE"
        try:
            with click.open_file(replies_path, "rb") as handle:
                for ln in read_lines(handle):
                    if session.ended:
                        break
                    if ln.error:
                        click.echo(f"{replies_path}:{ln.lineno}: {ln.error}", err=True)
                        click.echo(f"session {sid} left interrupted; {resume_hint}", err=True)
                        sys.exit(2)
                    # cleaned before it is played: the call shown is the call stored
                    try:
                        exchanges = session.reply(storable(ln.text), ln.seconds)
                    except Exception as exc:  # one boundary: the call stays resumable
                        reason = f"cannot play this reply ({type(exc).__name__}: {exc})"
                        click.echo(f"{replies_path}:{ln.lineno}: {reason}", err=True)
                        click.echo(f"session {sid} left interrupted; {resume_hint}", err=True)
                        sys.exit(1)
                    for exchange in exchanges:
                        recorder.turn(exchange)
        except KeyboardInterrupt:
            click.echo(f"\ninterrupted: session {sid} keeps {session.turn} turn(s); {resume_hint}")
            sys.exit(130)
        session.abandon()
        result = session.result()
        recorder.finish(result)
    return result
