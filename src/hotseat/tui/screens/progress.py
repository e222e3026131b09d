"""ProgressScreen: a trainee's scores over time, the rules they break most, what to practise next.

Self-contained: it is handed the store's ``Progress`` and the recommendation,
and never touches the database itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Static

from hotseat.i18n import colon, rule_label
from hotseat.report.labels import label
from hotseat.report.people import calls_table
from hotseat.report.plot import COLORS, score_plot
from hotseat.report.text import cells, fit, table
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.report.recommend import Recommendation
    from hotseat.store.records import Progress, ScorePoint

ANSI_NAMES = {1: "ansi_red", 2: "ansi_green", 3: "ansi_yellow", 4: "ansi_blue", 6: "ansi_cyan"}
TOP_RULES = 10
MIN_COLUMN = 6  # a cut text column keeps at least this many cells


class ScoreChart(Widget):
    """The plotext chart, redrawn to fit whenever the widget is resized."""

    DEFAULT_CSS = """
    ScoreChart { height: 18; min-height: 10; border: round $primary; padding: 0 1; }
    """

    def __init__(self, scores: tuple[ScorePoint, ...], lang: Lang, title: str) -> None:
        super().__init__(id="score-chart")
        self.scores = scores
        self.lang: Lang = lang
        self.border_title = title
        self._drawn: tuple[tuple[int, int], Text] | None = None

    def render(self) -> Text:
        size = (self.content_size.width, self.content_size.height)
        if self._drawn is None or self._drawn[0] != size:
            plot = score_plot(self.scores, size[0], size[1], self.lang)
            self._drawn = (size, Text.from_ansi(plot.text, no_wrap=True))
        return self._drawn[1]


def narrowed(rows: Sequence[Sequence[str]], width: int, shrink: Sequence[int]) -> list[list[str]]:
    """The rows with the widest of the ``shrink`` columns cut (…) a cell at a time, until the
    table with its two-space gaps fits in ``width`` cells, or they are down to the header's."""
    columns = [max(cells(row[i]) for row in rows) for i in range(len(rows[0]))]
    floor = {i: max(cells(rows[0][i]), MIN_COLUMN) for i in shrink}
    excess = sum(columns) + 2 * (len(columns) - 1) - width
    while excess > 0:
        widest = max(shrink, key=lambda i: columns[i] - floor[i])
        if columns[widest] <= floor[widest]:
            break
        columns[widest] -= 1
        excess -= 1
    return [[fit(c, columns[i]) for i, c in enumerate(row)] for row in rows]


class CallList(Widget, can_focus=True):
    """The latest calls as a table cut to the width it is drawn at, so no row wraps; ↑↓
    move a cursor over the calls (their ids are the first column), Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
    ]
    cursor: reactive[int] = reactive(0)

    def __init__(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], cuttable: Sequence[int]
    ) -> None:
        super().__init__(id="recent")
        self.header = list(header)
        self.rows = [list(row) for row in rows]
        self.cuttable = cuttable

    @property
    def chosen(self) -> int | None:
        """The id of the call under the cursor."""
        return int(self.rows[self.cursor][0]) if self.rows else None

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def render(self) -> Content:
        cut = narrowed([self.header, *self.rows], self.content_size.width, self.cuttable)
        lines = [Content(line) for line in table(cut[0], cut[1:]).rstrip("\n").split("\n")]
        if self.has_focus and self.rows:
            row = self.cursor + 2  # under the header and its rule
            lines[row] = lines[row].stylize("reverse")
        return Content("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) + 2  # the header and its rule: one line each at any width


def legend(lang: Lang) -> Content:
    parts: list[tuple[str, str] | str] = []
    for key, colour in COLORS.items():
        name = label("overall", lang) if key == "overall" else key
        style = ANSI_NAMES[colour] if colour is not None else "$foreground"
        parts += [("━━ ", style), (name, "bold" if colour is None else ""), "   "]
    return Content.assemble(*parts)


class ProgressScreen(HotseatScreen[None]):
    """Self-practice: how the trainee is doing, and the next scenario with the reason."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_call", "key.open_call"),
        Binding("escape", "close", "key.close"),
    ]
    # below 120 columns the rule table and the advice stack, so neither wraps mid-row
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (Textual's type)
    DEFAULT_CSS = """
    ProgressScreen > VerticalScroll { scrollbar-gutter: stable; }
    ProgressScreen #progress-summary { padding: 0 1; color: $text-muted; }
    ProgressScreen #legend { padding: 0 2; height: 1; }
    ProgressScreen #lower { height: auto; }
    ProgressScreen #top-rules { width: 3fr; height: auto; border: round $primary; padding: 0 1; }
    ProgressScreen #next { width: 2fr; height: auto; padding: 0 1; border: round $accent; }
    ProgressScreen #next-reason { color: $text; }
    ProgressScreen #recent {
        height: auto; border: round $primary; padding: 0 1; text-wrap: nowrap;
    }
    ProgressScreen.-narrow #lower { layout: vertical; }
    ProgressScreen.-narrow #top-rules, ProgressScreen.-narrow #next { width: 1fr; }
    """

    @dataclass
    class CallWanted(Message):
        """The trainee wants the report of one of their past calls again."""

        call_id: int

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
        yield Header()
        with VerticalScroll():
            summary = [
                f"{label('trainee_name', lang)}{colon(lang)}{progress.trainee}",
                f"{label('sessions', lang)}{colon(lang)}{progress.calls}",
                f"{label('finished_calls', lang)}{colon(lang)}{progress.finished}",
            ]
            if progress.scores:
                summary.append(f"{label('latest', lang)}{colon(lang)}{progress.scores[-1].overall}")
                summary.append(
                    f"{label('best', lang)}{colon(lang)}{max(p.overall for p in progress.scores)}"
                )
            yield Static("   ".join(summary), id="progress-summary")
            yield ScoreChart(progress.scores, lang, label("over_time", lang))
            yield Static(legend(lang), id="legend")
            with Horizontal(id="lower"):
                rules = [
                    [
                        rule_label(r.code, r.name, lang),
                        label(f"area.{r.area.value}", lang),
                        str(r.count),
                    ]
                    for r in progress.rules[:TOP_RULES]
                ]
                header = [label("rule", lang), label("area", lang), label("times", lang)]
                yield Static(table(header, rules), id="top-rules")
                with Vertical(id="next"):
                    yield from self._next()
            calls = calls_table(progress.recent, lang)
            texts = [calls.header.index(label(k, lang)) for k in ("scenario", "mode", "outcome")]
            yield CallList(calls.header, calls.rows, cuttable=texts)
        yield Footer()

    def _next(self) -> ComposeResult:
        lang, advice = self.lang, self.recommendation
        if advice is None:
            yield Static(label("all_mastered", lang), id="next-title")
            return
        yield Static(Content.styled(f"{advice.title} ({advice.scenario})", "bold"), id="next-title")
        yield Static(advice.reason, id="next-reason")
        yield Button(label("practise", lang), id="practise", variant="primary")

    def action_open_call(self) -> None:
        """Enter on the list of calls: that call's report again."""
        calls = self.query_one(CallList)
        if calls.has_focus and calls.chosen is not None:
            self.post_message(self.CallWanted(calls.chosen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_call":
            return self.query_one(CallList).has_focus  # elsewhere Enter is the button's
        return True

    def on_mount(self) -> None:
        self.query_one("#top-rules").border_title = label("top_rules", self.lang)
        self.query_one("#next").border_title = label("next", self.lang)
        self.query_one("#recent").border_title = label("call_list", self.lang)

    @on(Button.Pressed, "#practise")
    def _practise(self) -> None:
        if self.recommendation is not None:
            self.post_message(self.PractiseWanted(self.recommendation.scenario))

    def action_close(self) -> None:
        self.dismiss()
