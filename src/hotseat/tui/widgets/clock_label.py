"""ClockLabel: a one-line label that ticks, redrawn only when its text changes.

A Static redraws and lays out the whole screen on every update; a clock updates
several times a second with the same width (and mostly the same text), so it
asks for neither unless its text, or its width, changed.
"""

from __future__ import annotations

from textual.widgets import Static


class ClockLabel(Static):
    """A Static for text that ticks: "通话 03:07"."""

    def show(self, text: str) -> None:
        shown = str(self.content)
        if text != shown:
            self.update(text, layout=len(text) != len(shown))
