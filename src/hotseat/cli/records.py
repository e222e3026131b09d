"""What the record-keeping commands share: the --db and --lang options and opening the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
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
