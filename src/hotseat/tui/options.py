"""TuiOptions: everything the app factory can be told, so the CLI and the tests run the same app."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core stays unimported until a call starts: cold start is the budget
    from hotseat.moves import Lang
    from hotseat.scenario.model import Mode

DEFAULT_INTENSITY = 2  # what a call is stored with when it is not a drill
DEFAULT_CLOCK_SECONDS = 30.0  # hotseat.session.DEFAULT_CLOCK_SECONDS, without importing the core


@dataclass(frozen=True, slots=True)
class TuiOptions:
    """How one run of the app is set up; the defaults are what a trainee gets from `hotseat`."""

    lang: Lang | None = None
    """Interface language; None follows the locale (`hotseat.i18n.ui_lang`)."""

    trainee: str | None = None
    """Who is training; None uses the name remembered from the last run."""

    mode: Mode | None = None
    """The mode preselected on the home screen; None uses the remembered one."""

    scenario_dirs: tuple[Path, ...] = ()
    """Extra scenario folders, listed after the built-in scenarios."""

    builtin_scenarios: bool = True
    """List the scenarios shipped with hotseat; tests turn this off to use fixtures only."""

    db: str | None = None
    """Database URL for the training records; None means the store's default SQLite file."""

    record: bool = True
    """Save every call turn by turn; off in tests that do not exercise the store."""

    store: object | None = None
    """A store already opened (anything with `begin(...)`); used instead of opening `db`."""

    intensity: int = DEFAULT_INTENSITY
    """Drill intensity preselected on the home screen, 1 (firm) to 3 (abusive)."""

    clock_seconds: float = DEFAULT_CLOCK_SECONDS
    """Drill reply clock: seconds of silence before the customer reacts to the dead air."""

    seed: int | None = None
    """Seed for the customer's choice of words; None draws a fresh one for every call."""

    typing_delay: float = 0.8
    """Seconds the customer seems to type before a line appears; 0 in tests."""

    clock: Callable[[], float] = field(default=time.monotonic)
    """Where elapsed time and the reply clock read the time; tests pass a frozen clock."""

    export_dir: Path | None = None
    """Folder for exported reports; None means `default_export_dir()`."""

    catalog_cache: Path | None = None
    """Where the last scenario list is kept so the next start draws it at once; None: user cache."""

    settings_path: Path | None = None
    """File remembering the trainee's name, mode and theme; None uses the user's config dir."""

    steady: bool = False
    """No cursor blink and no animation, so pilot tests and snapshots are repeatable."""


def default_export_dir() -> Path:
    """Reports go where a trainer looks for documents, not into whatever folder (often a
    source checkout) the app was started from."""
    from platformdirs import user_documents_path

    return user_documents_path() / "hotseat reports"
