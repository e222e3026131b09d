"""`hotseat play`: a whole conversation from a file of replies, without the TUI."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hotseat.cli.output import tolerant_output
from hotseat.cli.rulebook_options import rulebook_from_options, split_codes

if TYPE_CHECKING:
    from hotseat.scorecard import SessionResult


@click.command("play")
@click.argument("scenario", required=False)
@click.option(
    "--replies",
    "replies_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    required=True,
    help='One reply a line, or JSON Lines with "text" and optional "seconds"; - for stdin.',
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed for the customer's lines."
)
@click.option(
    "--mode",
    type=click.Choice(["onboarding", "drill", "practice"]),
    default="onboarding",
    show_default=True,
)
@click.option(
    "--intensity",
    type=click.IntRange(1, 3),
    default=2,
    show_default=True,
    help="Drill only: how abusive the customer may get.",
)
@click.option(
    "--clock",
    "clock_seconds",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    help="Drill only: seconds before silence counts as dead air.",
)
@click.option(
    "--rulebook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A rulebook file overriding thresholds, weights, severities or lexicons.",
)
@click.option("--select", default="", help="Comma-separated rule codes, prefixes or names to use.")
@click.option("--ignore", default="", help="Comma-separated rule codes, prefixes or names to skip.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of text.")
@click.option("--trainee", help="Record the call under this trainee's name, turn by turn.")
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Where to record (default: $HOTSEAT_DB, else an SQLite file in your data folder).",
)
@click.option(
    "--resume",
    "resume_id",
    type=int,
    help="Continue an interrupted recorded call (its seed, mode and scenario are reused).",
)
def command(
    scenario: str | None,
    replies_path: str,
    seed: int,
    mode: str,
    intensity: int,
    clock_seconds: float,
    rulebook: Path | None,
    select: str,
    ignore: str,
    as_json: bool,
    trainee: str | None,
    db_url: str | None,
    resume_id: int | None,
) -> None:
    """Play SCENARIO (LANG/ID or a file) with the replies in a file; print transcript and scorecard.

    When the replies run out before the call ends, the trainee is taken to have
    left the call: the session ends as abandoned.

    With --trainee (or --resume ID) the call is recorded as it is played, each
    turn committed before the next reply is read; an interrupted call is listed
    by `hotseat history` and continues with --resume.
    """
    from hotseat.replies import read_lines
    from hotseat.scenario.library import load_scenario, resolve
    from hotseat.scenario.loader import ScenarioError
    from hotseat.session import Session

    tolerant_output()
    book = rulebook_from_options(rulebook, split_codes(select), split_codes(ignore))
    if trainee is not None or resume_id is not None:
        from hotseat.cli.recorded import Recording, play_recorded

        how = Recording(db_url, trainee, resume_id, scenario, seed, mode, intensity, clock_seconds)  # type: ignore[arg-type]
        _print(play_recorded(how, replies_path, book), as_json)
        return
    if db_url is not None:
        raise click.UsageError("--db records a call: give --trainee NAME (or --resume ID)")
    if scenario is None:
        raise click.UsageError("missing argument SCENARIO (or give --resume ID)")
    try:
        loaded = load_scenario(resolve(scenario))
    except (ScenarioError, FileNotFoundError, LookupError) as exc:
        raise click.ClickException(str(exc)) from exc

    with click.open_file(replies_path, "rb") as handle:
        lines = list(read_lines(handle))
    bad = [ln for ln in lines if ln.error]
    for ln in bad:
        click.echo(f"{replies_path}:{ln.lineno}: {ln.error}", err=True)
    if bad:
        sys.exit(2)

    session = Session(
        loaded,
        seed=seed,
        mode=mode,  # type: ignore[arg-type]
        intensity=intensity,
        rulebook=book,
        clock_seconds=clock_seconds,
    )
    for ln in lines:
        if session.ended:
            break
        try:
            session.reply(ln.text, ln.seconds)
        except Exception as exc:  # the command's one boundary: name the line, never a traceback
            reason = f"cannot play this reply ({type(exc).__name__}: {exc})"
            raise click.ClickException(f"{replies_path}:{ln.lineno}: {reason}") from exc
    session.abandon()
    _print(session.result(), as_json)


def _print(result: SessionResult, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.render_text())
