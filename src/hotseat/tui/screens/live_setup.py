"""Hosting a live drill from the home screen: the highlighted scenario, a join code, the seat.

The home screen's name box names who is at the keyboard — here the instructor;
the trainee is whoever joins first with the code (``hotseat live join CODE``).
A drill for a class (drill mode with a class chosen) is recorded for that class.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from hotseat.i18n import t
from hotseat.tui.catalog import OpenFailed, open_entry

if TYPE_CHECKING:
    from hotseat.store import Store
    from hotseat.store.live import LiveInfo, LiveStore
    from hotseat.tui.catalog import Entry, Opened
    from hotseat.tui.screens.base import HotseatScreen


def scenario_ref(opened: Opened, entry: Entry) -> str:
    """LANG/ID for a built-in scenario (any machine has it), else the file's path."""
    from hotseat.scenario.library import builtin_dir

    inside = entry.path.resolve().is_relative_to(builtin_dir().resolve())
    return opened.scenario.key if inside else str(entry.path.resolve())


def host_live(
    screen: HotseatScreen[None], entry: Entry | None, *, instructor: str, class_name: str | None
) -> None:
    """Open a live call on ``entry`` and put the instructor's seat on screen."""
    from hotseat.tui.app import HotseatApp

    app, lang = screen.app, screen.lang
    assert isinstance(app, HotseatApp)
    if entry is None:
        screen.notify(t("tui.pick_scenario", lang), severity="warning")
        return
    try:
        opened = open_entry(entry)
    except OpenFailed as exc:
        screen.notify(str(exc), title=t("tui.scenario_failed", lang), severity="error")
        return
    ref = scenario_ref(opened, entry)

    def create(store: Store) -> tuple[LiveStore, LiveInfo]:
        import getpass

        from hotseat.store.live import LiveStore

        live = LiveStore(store)
        info = live.create(
            scenario_ref=ref,
            scenario=opened.scenario,
            scenario_hash=opened.content_hash,
            host=instructor or getpass.getuser(),
            seed=random.randrange(2**31),
            clock_seconds=app.options.clock_seconds,
            intensity=app.options.intensity,
            class_name=class_name,
        )
        return live, info

    def opened_call(made: tuple[LiveStore, LiveInfo]) -> None:
        from hotseat.tui.screens.live_host import LiveHostScreen
        from hotseat.tui.screens.live_link import LiveLink

        live, info = made
        link = LiveLink(live, info, opened.scenario, "host", lang)
        app.push_screen(LiveHostScreen(link, clock=app.options.clock))
        app.notify(t("live.cli.code", lang, code=info.code, scenario=ref), timeout=30)

    def failed(reason: str) -> None:
        screen.notify(reason, severity="error", timeout=12)

    if not app.records.query(create, opened_call, failed):
        screen.notify(t("tui.records_failed", lang), severity="error")
