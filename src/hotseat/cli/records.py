"""What the record-keeping commands share: --db, --lang and --json, and opening the store."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol, TypeVar

import click

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.store import Store

db_option = click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Database URL (default: $HOTSEAT_DB, else an SQLite file in your data folder).",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    help="Language of the output (default: from the locale).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def json_text(data: object) -> str:
    """Indented JSON that leaves Chinese readable, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def echo_json(data: object) -> None:
    click.echo(json_text(data), nl=False)


class Listed(Protocol):
    def to_json(self) -> dict[str, object]: ...


L = TypeVar("L", bound=Listed)


def list_command(
    doc: str,
    fetch: Callable[[Store], Sequence[L]],
    header: Callable[[Lang], list[str]],
    row: Callable[[L], list[str]],
    *,
    max_width: int = 40,
) -> click.Command:
    """A ``list`` subcommand: what ``fetch`` reads, as JSON or as a table in the output language."""

    @click.command("list", help=doc)
    @json_option
    @lang_option
    @db_option
    def list_(as_json: bool, lang: str | None, db_url: str | None) -> None:
        with records(db_url) as store:
            items = fetch(store)
        if as_json:
            echo_json([item.to_json() for item in items])
            return
        from hotseat.i18n import ui_lang
        from hotseat.report.text import table

        rows = [row(item) for item in items]
        click.echo(table(header(ui_lang(lang)), rows, max_width=max_width))

    return list_


@contextmanager
def records(url: str | None) -> Iterator[Store]:
    """The open store; any store problem becomes a one-line error, never a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from hotseat.store import StoreError, open_store
    from hotseat.store.db import reason

    try:
        store = open_store(url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    except SQLAlchemyError as exc:  # e.g. the server went away in the middle of a command
        raise click.ClickException(f"the training records at {store.url}: {reason(exc)}") from exc
    finally:
        store.close()
