"""`hotseat tui` (and plain `hotseat`): the training app in the terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

TUI_OPTIONS = [
    click.option(
        "--lang", type=click.Choice(["zh", "en"]), help="Interface language (default: the locale)."
    ),
    click.option(
        "--db",
        metavar="URL",
        help="Training records database (default: $HOTSEAT_DB, else SQLite in your data folder).",
    ),
    click.option("--trainee", metavar="NAME", help="Who is training (default: the last name)."),
    click.option(
        "--mode",
        type=click.Choice(["onboarding", "drill", "practice"]),
        help="Mode preselected on the home screen (default: the last one used).",
    ),
    click.option(
        "--scenarios",
        "scenario_dirs",
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="An extra scenario folder, listed after the built-in ones (repeatable).",
    ),
    click.option(
        "--intensity",
        type=click.IntRange(1, 3),
        default=2,
        show_default=True,
        help="Drill intensity preselected on the home screen.",
    ),
    click.option(
        "--clock",
        "clock_seconds",
        type=click.FloatRange(min=1),
        default=30.0,
        show_default=True,
        help="Drill: seconds of silence before the customer reacts to the dead air.",
    ),
    click.option("--no-record", is_flag=True, help="Do not save calls to the training records."),
    click.option(
        "--export-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Where exported reports are written (default: 'hotseat reports' in your Documents).",
    ),
]


def tui_options(func: F) -> F:
    """The options of `hotseat tui`; `hotseat serve` takes the same and passes them on."""
    for option in reversed(TUI_OPTIONS):
        func = option(func)
    return func


@click.command("tui")
@tui_options
def command(
    lang: str | None,
    db: str | None,
    trainee: str | None,
    mode: str | None,
    scenario_dirs: tuple[Path, ...],
    intensity: int,
    clock_seconds: float,
    no_record: bool,
    export_dir: Path | None,
) -> None:
    """Open the training app: pick a scenario, take the call, read the report."""
    from hotseat.tui.app import make_app
    from hotseat.tui.options import TuiOptions

    app = make_app(
        TuiOptions(
            lang=lang,  # type: ignore[arg-type]
            db=db,
            trainee=trainee,
            mode=mode,  # type: ignore[arg-type]
            scenario_dirs=scenario_dirs,
            intensity=intensity,
            clock_seconds=clock_seconds,
            record=not no_record,
            export_dir=export_dir,
        )
    )
    app.run()
