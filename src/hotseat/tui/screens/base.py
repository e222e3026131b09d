"""HotseatScreen: what every full screen shares, e.g. footer keys in the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import events, on
from textual.screen import Screen
from textual.widgets import Input

from hotseat.tui.keys import localize_bindings

if TYPE_CHECKING:
    from hotseat.moves import Lang

ResultT = TypeVar("ResultT")


class HotseatScreen(Screen[ResultT]):
    """A screen built for one interface language."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        localize_bindings(self, lang)
        self.lang: Lang = lang

    @on(events.Mount)
    def _steady_cursors(self) -> None:
        """With animation off (tests, or a trainee who asked), text cursors stop blinking too."""
        if self.app.animation_level == "none":
            for box in self.query(Input):
                box.cursor_blink = False
