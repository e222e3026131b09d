"""`hotseat review`: correct the judge on a stored call, decide the queue, export the labels."""

from __future__ import annotations

from pathlib import Path

import click

from hotseat.cli.records import db_option, echo_json, json_option, records


@click.group("review", short_help="Correct the judge: mark, review, export.")
def command() -> None:
    """Mark findings as wrong or faults as missed, accept or reject them, export the accepted."""


@command.command("mark")
@click.argument("session_id", metavar="SESSION", type=int)
@click.argument("turn", type=click.IntRange(min=1))
@click.option("--wrong", "code", metavar="CODE", help="The finding on this reply that is wrong.")
@click.option(
    "--missed", "move", metavar="MOVE", help="A move the reply makes that went unflagged."
)
@click.option("--reason", required=True, help="Briefly, why.")
@click.option("--by", "author", required=True, help="Who marks it (trainee or trainer).")
@db_option
def mark(
    session_id: int,
    turn: int,
    code: str | None,
    move: str | None,
    reason: str,
    author: str,
    db_url: str | None,
) -> None:
    """Mark a finding on reply TURN of SESSION as wrong, or a fault the judge missed there."""
    if (code is None) == (move is None):
        raise click.UsageError("give either --wrong CODE or --missed MOVE")
    with records(db_url) as store:
        if code is not None:
            cid = store.mark(
                session_id, turn, kind="wrong", code=code, reason=reason, author=author
            )
        else:
            cid = store.mark(
                session_id,
                turn,
                kind="missed",
                move=(move or "").strip().lower(),
                reason=reason,
                author=author,
            )
    click.echo(f"correction {cid} is waiting for a trainer (hotseat review list)")


@command.command("list")
@click.option(
    "--status",
    type=click.Choice(["pending", "accepted", "rejected", "all"]),
    default="pending",
    show_default=True,
)
@json_option
@db_option
def list_(status: str, as_json: bool, db_url: str | None) -> None:
    """The review queue (pending corrections), or the decided ones."""
    from hotseat.report.text import table

    with records(db_url) as store:
        found = store.corrections(None if status == "all" else status)  # type: ignore[arg-type]
    if as_json:
        echo_json([c.to_json() for c in found])
        return
    if not found:
        click.echo("no corrections")
        return
    rows = [
        [
            str(c.id),
            str(c.session_id or "-"),
            str(c.turn),
            f"{c.code} wrong" if c.kind == "wrong" else f"missed {c.move}",
            c.text,
            c.reason,
            c.author,
            c.status,
        ]
        for c in found
    ]
    header = ["id", "session", "turn", "correction", "reply", "reason", "by", "status"]
    click.echo(table(header, rows, max_width=36), nl=False)


def _decide(correction_id: int, reviewer: str, db_url: str | None, *, accept: bool) -> None:
    with records(db_url) as store:
        store.review(correction_id, accept=accept, reviewer=reviewer)
    click.echo(f"correction {correction_id} {'accepted' if accept else 'rejected'}")


@command.command("accept")
@click.argument("correction_id", metavar="ID", type=int)
@click.option("--by", "reviewer", required=True, help="The trainer deciding.")
@db_option
def accept(correction_id: int, reviewer: str, db_url: str | None) -> None:
    """Accept correction ID: the judge was wrong, and the reply joins the labeled set."""
    _decide(correction_id, reviewer, db_url, accept=True)


@command.command("reject")
@click.argument("correction_id", metavar="ID", type=int)
@click.option("--by", "reviewer", required=True, help="The trainer deciding.")
@db_option
def reject(correction_id: int, reviewer: str, db_url: str | None) -> None:
    """Reject correction ID: the judge was right."""
    _decide(correction_id, reviewer, db_url, accept=False)


@command.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write here instead of standard output.",
)
@db_option
def export(output: Path | None, db_url: str | None) -> None:
    """Accepted corrections as labeled replies (JSON Lines, the labeling guide's format)."""
    import json

    from hotseat.language import analyze
    from hotseat.rules.labels import Verdict, exportable, labeled

    with records(db_url) as store:
        accepted = store.corrections("accepted")
    lines: list[str] = []
    skipped = 0
    for c in accepted:
        verdict = Verdict(c.id, c.lang, c.text, c.context, c.kind, c.code, c.move, c.reason)
        if not exportable(verdict):
            skipped += 1
            continue
        line = labeled(verdict, analyze(c.text, c.lang))
        lines.append(json.dumps(line, ensure_ascii=False))
    text = "".join(f"{line}\n" for line in lines)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    if skipped:
        click.echo(f"{skipped} accepted correction(s) name no move and were left out", err=True)
