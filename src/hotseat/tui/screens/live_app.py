"""LiveApp: the training app opened on one seat of a live call (host, trainee or projector).

It is the ordinary app — same look, help, keys, report screen — with the seat's
screen put over the home screen once it is up. The call itself was found (and,
for the trainee, the seat claimed) by the command line before the app started,
so a wrong code never opens a window.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from hotseat.i18n import t
from hotseat.tui import app as app_module
from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.tui.options import TuiOptions
    from hotseat.tui.screens.live_link import LiveLink

WAIT_POLL_SECONDS = 0.05


class LiveApp(HotseatApp):
    """The app on one seat of a live call."""

    CSS_PATH = str(Path(app_module.__file__).parent / "hotseat.tcss")  # the app's, not ours

    def __init__(self, options: TuiOptions, link: LiveLink, trainee: str = "") -> None:
        super().__init__(options)
        self.link = link
        self.seat_trainee = trainee

    def on_mount(self) -> None:
        self.call_after_refresh(self.open_seat)  # over the home screen the app has just pushed

    def on_unmount(self) -> None:
        self.link.stop()

    def open_seat(self) -> None:
        from hotseat.tui.screens.live_host import LiveHostScreen
        from hotseat.tui.screens.live_watch import LiveWatchScreen

        self._persona = self.link.call.session.scenario.persona
        self._trainee = self.seat_trainee
        if self.link.seat == "host":
            self.push_screen(LiveHostScreen(self.link, clock=self.options.clock))
        elif self.link.seat == "watch":
            self.push_screen(LiveWatchScreen(self.link))
        else:
            self.push_screen(LiveWaitScreen(self.link, self.seat_trainee))


class LiveWaitScreen(HotseatScreen[None]):
    """The trainee's seat until the customer's first line: then the drill screen takes over."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.quit", "key.quit")]

    def __init__(self, link: LiveLink, trainee: str) -> None:
        super().__init__(link.ui_lang)
        self.link = link
        self.trainee = trainee

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            t(
                "live.waiting_opening",
                self.lang,
                code=self.link.info.code,
                host=self.link.info.host,
            ),
            id="live-wait",
        )
        yield Footer()

    def on_mount(self) -> None:
        self._wait()

    @work(thread=True, exclusive=True, group="live-wait")
    def _wait(self) -> None:
        """Fold the log up to the opening line (a rejoining seat: up to where it began)."""
        link = self.link
        while not link.stopped:
            link.read(until=lambda applied: applied.said is not None or applied.ended is not None)
            if link.call.session.transcript or link.call.over:
                self.app.call_from_thread(self._opened)
                return
            time.sleep(WAIT_POLL_SECONDS)

    def _opened(self) -> None:
        from hotseat.tui.screens.live_trainee import LiveTraineeScreen

        if self.link.call.over:
            self.query_one("#live-wait", Static).update(t("live.code.expired", self.lang, code=""))
            return
        self.app.switch_screen(
            LiveTraineeScreen(self.link, trainee=self.trainee, clock=self.app.options.clock)  # type: ignore[attr-defined]
        )
