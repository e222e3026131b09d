"""`hotseat trainee`: the people whose calls are recorded."""

from __future__ import annotations

import click

from hotseat.cli.records import db_option, list_command, records
from hotseat.report.labels import label


@click.group("trainee")
def command() -> None:
    """Add, list or remove trainees."""


@command.command("add")
@click.argument("names", nargs=-1, required=True)
@db_option
def add(names: tuple[str, ...], db_url: str | None) -> None:
    """Add one or more trainees by NAME."""
    with records(db_url) as store:
        for name in names:
            if store.add_trainee(name):
                click.echo(f"added {name.strip()}")
            else:
                click.echo(f"{name.strip()} is already a trainee")


command.add_command(
    list_command(
        "List trainees with their number of recorded calls and their classes.",
        lambda store: store.trainees(),
        lambda ui: [label("trainee_name", ui), label("sessions", ui), label("class", ui)],
        lambda t: [t.name, str(t.sessions), ", ".join(t.classes)],
    )
)


@command.command("remove")
@click.argument("name")
@click.option("--purge", is_flag=True, help="Also delete the trainee's recorded calls.")
@db_option
def remove(name: str, purge: bool, db_url: str | None) -> None:
    """Remove a trainee (refused while they have recorded calls, unless --purge)."""
    with records(db_url) as store:
        calls = store.remove_trainee(name, purge=purge)
    click.echo(f"removed {name.strip()}" + (f" and {calls} call(s)" if calls else ""))
