"""The command palette in the interface language, down to its "No matches found" line.

Textual writes that line in English from inside a private method; this subclass
takes over the same countdown and adds the line in the app's language instead.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option


class LocalizedPalette(CommandPalette):
    """Textual's palette, with its search placeholder and no-match line given."""

    def __init__(self, *, placeholder: str, no_matches: str) -> None:
        super().__init__(id="--command-palette", placeholder=placeholder)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        super()._start_no_matches_countdown(search_value)  # Textual's own bookkeeping first
        if self._no_matches_timer is not None:
            self._no_matches_timer.stop()

        def show() -> None:
            self._list_visible = bool(search_value)
            if search_value:
                notice = Align.center(Text(self.no_matches, style="not bold"))
                self.query_one(CommandList).add_option(
                    Option(notice, disabled=True, id=self._NO_MATCHES)
                )

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)
