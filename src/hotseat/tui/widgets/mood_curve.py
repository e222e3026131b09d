"""MoodCurve: the customer's anger turn by turn, on a fixed 0-100 scale so calls compare."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
COLUMN = 3  # cells per turn: a two-cell bar and a gap


class MoodCurve(Widget):
    """One bar per turn, starting with the mood the customer called in with."""

    def __init__(
        self,
        moods: Sequence[int],
        *,
        settle_at: int,
        hang_up_at: int,
        title: str,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.moods = list(moods)
        self.settle_at = settle_at
        self.hang_up_at = hang_up_at
        self.border_title = title

    def _style(self, mood: int) -> str:
        if mood >= self.hang_up_at - 15:
            return "$error"
        return "$success" if mood <= self.settle_at else "$warning"

    def render(self) -> Content:
        rows = max(1, self.size.height - 1)
        room = max(1, (self.size.width - 4) // COLUMN)
        moods = self.moods[-room:]
        lines: list[Content] = []
        for row in range(rows, 0, -1):
            axis = "100 " if row == rows else "  0 " if row == 1 else "    "
            parts: list[tuple[str, str] | str] = [(axis, "$text-muted")]
            for mood in moods:
                eighths = round(mood / 100 * rows * 8) - (row - 1) * 8
                block = BLOCKS[max(0, min(8, eighths))]
                parts += [(block * (COLUMN - 1), self._style(mood)), " "]
            lines.append(Content.assemble(*parts))
        turns = "".join(
            f"{i:<{COLUMN}d}" for i in range(len(self.moods) - len(moods), len(self.moods))
        )
        lines.append(Content.assemble(("    " + turns, "$text-muted")))
        return Content("\n").join(lines)
