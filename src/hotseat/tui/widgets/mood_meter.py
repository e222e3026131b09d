"""MoodMeter: the customer's anger as a bar that fills, changes colour and shows the last change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

THREAT_MARGIN = 15  # the persona starts threatening this far below the hang-up point


class MoodMeter(Widget):
    """Anger 0-100: calm at or below where the customer settles, red near where they hang up."""

    mood: reactive[float] = reactive(0.0)
    change: reactive[int] = reactive(0)

    def __init__(
        self, mood: int, *, label: str, settle_at: int, hang_up_at: int, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.settle_at = settle_at
        self.hang_up_at = hang_up_at
        self.set_reactive(MoodMeter.mood, float(mood))
        self.target = mood

    def show(self, mood: int) -> None:
        """Move to a new mood, animated unless the app runs steady."""
        self.change = mood - self.target
        self.target = mood
        self.animate("mood", float(mood), duration=0.4, level="basic")
        self._set_level(mood)

    def max_out(self) -> None:
        """The customer hung up: the bar is full whatever the number says."""
        self.change = 100 - self.target
        self.target = 100
        self.mood = 100.0
        self.add_class("-maxed")
        self._set_level(100)

    def on_mount(self) -> None:
        self._set_level(self.target)

    def _set_level(self, mood: int) -> None:
        self.set_class(mood <= self.settle_at, "-calm")
        self.set_class(self.settle_at < mood < self.hang_up_at - THREAT_MARGIN, "-tense")
        self.set_class(mood >= self.hang_up_at - THREAT_MARGIN, "-furious")

    def render(self) -> Content:
        value = round(self.mood)
        number = f" {value:3d}"
        delta = f" {'▲' if self.change > 0 else '▼'}{abs(self.change)}" if self.change else ""
        width = max(4, self.size.width - cell_len(self.label) - 1 - len(number) - 4)
        filled = round(width * value / 100)
        return Content.assemble(
            (self.label + " ", "bold $foreground"),
            "█" * filled,  # in the widget's colour, set by its level class
            ("░" * (width - filled), "$text-disabled"),
            (number, "bold $foreground"),
            (delta.ljust(4), "$error" if self.change > 0 else "$success"),
        )
