"""The --rulebook, --select and --ignore options that `play` and `score` share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from hotseat.rules import Rulebook


def split_codes(value: str) -> tuple[str, ...]:
    """ "AP001, CT" -> ("AP001", "CT")."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def load_rulebook(
    path: str | Path | None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
) -> Rulebook:
    """The rulebook for a run; RulebookError or ValueError when it cannot be used."""
    from hotseat.rules import Rulebook

    book = Rulebook.load(path) if path else Rulebook.default()
    if select or ignore:
        book = book.configured(select=select, ignore=ignore)
    return book


def rulebook_from_options(
    path: str | Path | None, select: tuple[str, ...], ignore: tuple[str, ...]
) -> Rulebook:
    """As ``load_rulebook``, but a bad file or selector is a usage error, not a traceback."""
    from hotseat.rules.rulebook import RulebookError

    try:
        return load_rulebook(path, select, ignore)
    except RulebookError as exc:
        raise click.BadParameter(str(exc), param_hint="--rulebook") from exc
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--select/--ignore") from exc
