"""`hotseat trainee`: the people whose calls are recorded."""

from __future__ import annotations

import click

from hotseat.cli.records import db_option, echo_listing, json_option, lang_option, records


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


@command.command("list")
@json_option
@lang_option
@db_option
def list_(as_json: bool, lang: str | None, db_url: str | None) -> None:
    """List trainees with their number of recorded calls and their classes."""
    from hotseat.report.labels import label

    with records(db_url) as store:
        trainees = store.trainees()
    echo_listing(
        trainees,
        as_json,
        lang,
        lambda ui: [label("trainee_name", ui), label("sessions", ui), label("class", ui)],
        lambda t: [t.name, str(t.sessions), ", ".join(t.classes)],
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
