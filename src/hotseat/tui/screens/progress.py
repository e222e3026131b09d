"""ProgressScreen: a trainee's scores over time, the rules they break most, what to practise next.

Self-contained: it is handed the store's ``Progress`` and the recommendation,
and never touches the database itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Header, Static

from hotseat.report.labels import label
from hotseat.report.plot import COLORS, score_plot
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.report.recommend import Recommendation
    from hotseat.store.records import Progress, SessionRecord

ANSI_NAMES = {1: "ansi_red", 2: "ansi_green", 3: "ansi_yellow", 4: "ansi_blue", 6: "ansi_cyan"}
TOP_RULES = 10


class ScoreChart(Widget):
    """The plotext chart, redrawn to fit whenever the widget is resized."""

    DEFAULT_CSS = """
    ScoreChart { height: 18; min-height: 10; border: round $primary; padding: 0 1; }
    """

    def __init__(self, records: tuple[SessionRecord, ...], lang: Lang, title: str) -> None:
        super().__init__(id="score-chart")
        self.records = records
        self.lang: Lang = lang
        self.border_title = title
        self._drawn: tuple[tuple[int, int], Text] | None = None

    def render(self) -> Text:
        size = (self.content_size.width, self.content_size.height)
        if self._drawn is None or self._drawn[0] != size:
            plot = score_plot(self.records, size[0], size[1], self.lang)
            self._drawn = (size, Text.from_ansi(plot.text, no_wrap=True))
        return self._drawn[1]


def legend(lang: Lang) -> Content:
    parts: list[tuple[str, str] | str] = []
    for key, colour in COLORS.items():
        name = label("overall", lang) if key == "overall" else key
        style = ANSI_NAMES[colour] if colour is not None else "$foreground"
        parts += [("━━ ", style), (name, "bold" if colour is None else ""), "   "]
    return Content.assemble(*parts)


class ProgressScreen(HotseatScreen[None]):
    """Self-practice: how the trainee is doing, and the next scenario with the reason."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.close")]
    DEFAULT_CSS = """
    ProgressScreen #progress-summary { padding: 0 1; color: $text-muted; }
    ProgressScreen #legend { padding: 0 2; height: 1; }
    ProgressScreen #lower { height: auto; }
    ProgressScreen #top-rules { width: 3fr; height: auto; max-height: 14; }
    ProgressScreen #next { width: 2fr; height: auto; padding: 0 1; border: round $accent; }
    ProgressScreen #next-reason { color: $text; }
    """

    @dataclass
    class PractiseWanted(Message):
        """The trainee wants to play the recommended scenario (``LANG/ID``)."""

        scenario: str

    def __init__(
        self, progress: Progress, recommendation: Recommendation | None, lang: Lang
    ) -> None:
        super().__init__(lang)
        self.progress = progress
        self.recommendation = recommendation

    def compose(self) -> ComposeResult:
        lang, progress = self.lang, self.progress
        finished = progress.finished
        yield Header()
        with VerticalScroll():
            summary = [
                f"{label('trainee_name', lang)}: {progress.trainee}",
                f"{label('sessions', lang)}: {len(progress.sessions)}",
                f"{label('status.finished', lang)}: {len(finished)}",
            ]
            if finished:
                summary.append(f"{label('latest', lang)}: {finished[-1].overall}")
                summary.append(f"{label('best', lang)}: {max(s.overall or 0 for s in finished)}")
            yield Static("   ".join(summary), id="progress-summary")
            yield ScoreChart(progress.sessions, lang, label("over_time", lang))
            yield Static(legend(lang), id="legend")
            with Horizontal(id="lower"):
                table: DataTable[str] = DataTable(id="top-rules", cursor_type="row")
                table.border_title = label("top_rules", lang)
                yield table
                with Vertical(id="next"):
                    yield from self._next()
        yield Footer()

    def _next(self) -> ComposeResult:
        lang, advice = self.lang, self.recommendation
        if advice is None:
            yield Static(label("all_mastered", lang), id="next-title")
            return
        yield Static(Content.styled(f"{advice.title} ({advice.scenario})", "bold"), id="next-title")
        yield Static(advice.reason, id="next-reason")
        yield Button(label("practise", lang), id="practise", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#next").border_title = label("next", self.lang)
        table = self.query_one("#top-rules", DataTable)
        lang = self.lang
        table.add_columns(label("rule", lang), label("area", lang), label("times", lang))
        for rule in self.progress.rules[:TOP_RULES]:
            table.add_row(
                f"{rule.code} {rule.name}", label(f"area.{rule.area.value}", lang), str(rule.count)
            )

    @on(Button.Pressed, "#practise")
    def _practise(self) -> None:
        if self.recommendation is not None:
            self.post_message(self.PractiseWanted(self.recommendation.scenario))

    def action_close(self) -> None:
        self.dismiss()
