"""`hotseat class`: named rosters, drawing lots for who is next, and the class board."""

from __future__ import annotations

import click

from hotseat.cli.records import (
    db_option,
    echo_json,
    json_option,
    lang_option,
    list_command,
    records,
)
from hotseat.i18n import ui_lang
from hotseat.report.labels import label


@click.group("class")
def command() -> None:
    """Create classes, fill their rosters, draw lots and show the board."""


@command.command("create")
@click.argument("name")
@db_option
def create(name: str, db_url: str | None) -> None:
    """Create a class called NAME."""
    with records(db_url) as store:
        created = store.create_class(name)
    click.echo(f"created class {name.strip()}" if created else f"{name.strip()} already exists")


@command.command("add")
@click.argument("class_name", metavar="CLASS")
@click.argument("names", nargs=-1, required=True)
@db_option
def add(class_name: str, names: tuple[str, ...], db_url: str | None) -> None:
    """Put trainees on the CLASS roster (new names become trainees)."""
    with records(db_url) as store:
        joined = store.add_members(class_name, names)
    for name in joined:
        click.echo(f"{name} joined {class_name.strip()}")
    for name in sorted({n.strip() for n in names} - set(joined)):
        click.echo(f"{name} was already in {class_name.strip()}")


command.add_command(
    list_command(
        "List classes and their members.",
        lambda store: store.classes(),
        lambda ui: [label("class", ui), "#", label("members", ui)],
        lambda c: [c.name, str(len(c.members)), ", ".join(c.members)],
        max_width=60,
    )
)


@command.command("pass-mark")
@click.argument("class_name", metavar="CLASS")
@click.argument("mark", type=click.IntRange(1, 100), required=False)
@db_option
def pass_mark(class_name: str, mark: int | None, db_url: str | None) -> None:
    """Set the CLASS pass mark (1-100) the board bands by; without MARK, back to the default."""
    with records(db_url) as store:
        store.set_pass_mark(class_name, mark)
    click.echo(f"{class_name.strip()}: pass mark {mark if mark is not None else 'default'}")


@command.command("show")
@click.argument("class_name", metavar="CLASS")
@click.option(
    "--class-only", is_flag=True, help="Count only calls recorded for this class (e.g. a drill)."
)
@json_option
@lang_option
@db_option
def show(
    class_name: str, class_only: bool, as_json: bool, lang: str | None, db_url: str | None
) -> None:
    """Show the CLASS board: members ranked, per-area scores, each one's worst rule."""
    from hotseat.report.board import board_text

    with records(db_url) as store:
        board = store.class_board(class_name, class_only=class_only)
    if as_json:
        echo_json(board.to_json())
    else:
        click.echo(board_text(board, ui_lang(lang)), nl=False)


@command.command("draw")
@click.argument("class_name", metavar="CLASS")
@click.option("--seed", type=int, help="Draw reproducibly (the same seed and history, same name).")
@lang_option
@db_option
def draw(class_name: str, seed: int | None, lang: str | None, db_url: str | None) -> None:
    """Draw who faces the customer next: nobody twice until everyone has gone."""
    ui = ui_lang(lang)
    with records(db_url) as store:
        lot = store.draw(class_name, seed=seed)
    click.echo(f"{label('drawn', ui)}: {lot.trainee}  ({label('round', ui, n=lot.round)})")
    if lot.waiting:
        click.echo(f"{label('waiting', ui)}: {', '.join(lot.waiting)}")
