"""MoodCurve: the customer's anger turn by turn, on a fixed 0-100 scale so calls compare."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
COLUMN = 3  # cells per turn: a two-cell bar and a gap, while the turns fit
AXIS = 4  # cells of the scale on the left


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
        column, shown = fit_columns(len(self.moods), self.size.width - AXIS)
        moods = self.moods[len(self.moods) - shown :]
        bar = max(1, column - 1)
        lines: list[Content] = []
        for row in range(rows, 0, -1):
            axis = "100 " if row == rows else "  0 " if row == 1 else "    "
            parts: list[tuple[str, str] | str] = [(axis, "$text-muted")]
            for mood in moods:
                eighths = round(mood / 100 * rows * 8) - (row - 1) * 8
                block = BLOCKS[max(0, min(8, eighths))]
                parts += [(block * bar, self._style(mood)), " " * (column - bar)]
            lines.append(Content.assemble(*parts))
        first = len(self.moods) - shown
        lead = "  … " if first else "    "  # earlier turns did not fit: say so
        lines.append(Content.assemble((lead + turn_labels(first, shown, column), "$text-muted")))
        return Content("\n").join(lines)


def fit_columns(turns: int, room: int) -> tuple[int, int]:
    """Cells per turn and how many turns are drawn: three cells (a two-cell bar and a gap)
    while they fit, then two, then one; only when one cell each is too wide are the
    earliest turns left out, and the chart marks that."""
    for column in (COLUMN, 2, 1):
        if turns * column <= room:
            return column, turns
    return 1, max(1, room - 1)


def turn_labels(first: int, shown: int, column: int) -> str:
    """Turn numbers under their bars; where bars are narrow, every fifth turn's."""
    line = [" "] * (shown * column + 4)
    for i in range(shown):
        turn, x = first + i, i * column
        label = str(turn)
        if column < COLUMN and turn % 5:
            continue
        if all(c == " " for c in line[max(0, x - 1) : x + len(label)]):
            line[x : x + len(label)] = label
    return "".join(line).rstrip()
