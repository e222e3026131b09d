"""ClassBoardScreen: a class ranked for drill day, per area, with each trainee's worst rule.

Self-contained: it shows the ``ClassBoard`` it is given; the same rows as
`hotseat class show` prints. The highlighted trainee's worst rule and step-outs
are also spelled out under the table, which is wider than an 80-column terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from hotseat.i18n import rule_label
from hotseat.report.board import board_cells, board_header
from hotseat.report.labels import label
from hotseat.tui.render import colon
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.store.records import ClassBoard


class ClassBoardScreen(HotseatScreen[None]):
    """The class board: rank, calls, overall and per-area averages, worst rule, step-outs."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.close")]
    DEFAULT_CSS = """
    ClassBoardScreen #board-title { padding: 0 1; text-style: bold; }
    ClassBoardScreen #board { height: 1fr; }
    ClassBoardScreen #board-empty { padding: 1 2; color: $text-muted; }
    ClassBoardScreen #board-detail { padding: 0 1; height: auto; background: $boost; }
    """

    def __init__(self, board: ClassBoard, lang: Lang) -> None:
        super().__init__(lang)
        self.board = board

    def compose(self) -> ComposeResult:
        yield Header()
        title = f"{label('board', self.lang)}{colon(self.lang)}{self.board.name}"
        yield Static(title, id="board-title", markup=False)
        if not any(row.rank is not None for row in self.board.rows):
            yield Static(label("no_sessions", self.lang), id="board-empty")
        yield DataTable(id="board", cursor_type="row", zebra_stripes=True)
        yield Static(id="board-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#board", DataTable)
        table.add_columns(*board_header(self.lang))
        for row in self.board.rows:
            table.add_row(*board_cells(row, self.lang), key=row.trainee)

    @on(DataTable.RowHighlighted, "#board")
    def _detail(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted trainee's worst rule in full, and how often they stepped out."""
        row = self.board.rows[event.cursor_row]
        lang, sep = self.lang, colon(self.lang)
        worst = (
            f"{rule_label(row.worst.code, row.worst.name, self.lang)} ×{row.worst.count}"
            if row.worst
            else "-"
        )
        self.query_one("#board-detail", Static).update(
            f"{row.trainee} · {label('worst_rule', lang)}{sep}{worst} · "
            f"{label('stepped_out', lang)}{sep}{row.stepped_out}"
        )

    def action_close(self) -> None:
        self.dismiss()
