"""LotScreen: a class drill between calls: the name drawn, big, then how it went and what next.

Drawing a lot, starting the call and reading the board are the app's work (it
owns the store); this screen only shows where the drill stands and asks for them.
It stays under the calls it starts, so the drill comes back to it after each one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Static

from hotseat.i18n import t
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.conversation import Outcome
    from hotseat.moves import Lang
    from hotseat.store.records import Lot


def spaced(name: str) -> str:
    """A Chinese name with room between its characters, so it reads from the back of the room."""
    if all(unicodedata.east_asian_width(c) in ("W", "F") for c in name):
        return " ".join(name)
    return name


class LotScreen(HotseatScreen[None]):
    """Up next: the drawn trainee; after their call, the next draw or the class board."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "begin", "key.start"),
        Binding("n", "draw", "key.next_draw"),
        Binding("b", "board", "key.class_board"),
        Binding("escape", "close", "key.home"),
    ]

    @dataclass
    class DrawWanted(Message):
        """Draw the next trainee of the class."""

        class_name: str

    @dataclass
    class BeginWanted(Message):
        """The drawn trainee faces the customer now."""

        lot: Lot

    @dataclass
    class BoardWanted(Message):
        """Show the class board of this drill."""

        class_name: str

    def __init__(self, class_name: str, scenario_title: str, lang: Lang) -> None:
        super().__init__(lang)
        self.class_name = class_name
        self.scenario_title = scenario_title
        self.lot: Lot | None = None
        self.played = False
        self._board_due = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="lot"):
            # names are shown as typed, never read as markup
            yield Static(f"{self.class_name} · {self.scenario_title}", id="lot-class", markup=False)
            yield Static(t("tui.drawing", self.lang), id="lot-label", markup=False)
            with Center():
                yield Static(id="lot-name", markup=False)
            yield Static(id="lot-detail", markup=False)
            yield Static(id="lot-keys", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.class", self.lang)
        self.sub_title = self.class_name
        self.query_one("#lot-name").display = False

    # -- what the app tells it ------------------------------------------------------------

    def show_lot(self, lot: Lot) -> None:
        """The name is drawn: show it, big, and wait for Enter."""
        lang = self.lang
        self.lot, self.played, self._board_due = lot, False, False
        self.query_one("#lot-label", Static).update(t("tui.up_next", lang))
        name = self.query_one("#lot-name", Static)
        name.update(spaced(lot.trainee))
        name.display = True
        sep = "、" if lang == "zh" else ", "
        still = (
            t("tui.lot_waiting", lang, names=sep.join(lot.waiting))
            if lot.waiting
            else t("tui.lot_last", lang)
        )
        detail = self.query_one("#lot-detail", Static)
        detail.update(f"{t('tui.lot_round', lang, n=lot.round)} · {still}")
        self.query_one("#lot-keys", Static).update(t("tui.lot_begin", lang))
        self.refresh_bindings()

    def call_ended(self, outcome: Outcome, stepped_out: bool) -> None:
        """The drawn trainee's call is over; when the round is done, the board comes next."""
        if self.lot is None:
            return
        lang, name = self.lang, self.lot.trainee
        self.played = True
        self._board_due = not self.lot.waiting
        went = (
            t("tui.lot_stepped_out", lang, name=name)
            if stepped_out
            else t("tui.lot_went", lang, name=name, outcome=t(f"outcome.{outcome}", lang))
        )
        self.query_one("#lot-label", Static).update(went)
        self.query_one("#lot-name").display = False
        self.query_one("#lot-detail", Static).update(
            t("tui.lot_everyone", lang) if self._board_due else ""
        )
        self.query_one("#lot-keys", Static).update(t("tui.lot_next", lang))
        self.refresh_bindings()
        if self.is_active:  # a step-out can be off the screen before the news arrives
            self._back_from_call()

    @on(events.ScreenResume)
    def _back_from_call(self) -> None:
        """Everyone has gone: once the last call is off the screen, the board is next."""
        if self._board_due:
            self._board_due = False
            self.post_message(self.BoardWanted(self.class_name))

    # -- keys --------------------------------------------------------------------------------

    def action_begin(self) -> None:
        if self.lot is not None and not self.played:
            self.post_message(self.BeginWanted(self.lot))

    def action_draw(self) -> None:
        if self.played:
            self.post_message(self.DrawWanted(self.class_name))

    def action_board(self) -> None:
        self.post_message(self.BoardWanted(self.class_name))

    def action_close(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter only while a drawn name waits; the next draw only after their call."""
        if action == "begin":
            return self.lot is not None and not self.played
        if action == "draw":
            return self.played
        return True
