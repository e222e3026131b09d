"""ScoreCard: the overall score, one bar per area, and which key elements were captured."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from hotseat.i18n import t
from hotseat.tui.render import colon

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.scorecard import SessionResult

BAR_WIDTH = 20


def score_style(score: int) -> str:
    return "$success" if score >= 80 else "$warning" if score >= 60 else "$error"


class ScoreCard(Static):
    """Scores and key elements of one finished call, drawn from its SessionResult."""

    def __init__(self, result: SessionResult, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(self._content(result, lang), id=id)
        self.border_title = t("scores", lang)

    @staticmethod
    def _content(result: SessionResult, lang: Lang) -> Content:
        from hotseat.conversation import Area

        scores = result.scores
        names = {a: t(f"area.{a.value}", lang) for a in Area}
        width = max(cell_len(n) for n in names.values())
        parts: list[Content | tuple[str, str] | str] = [
            (f"{t('overall', lang)} ", "bold"),
            (f"{scores.overall}", f"bold {score_style(scores.overall)}"),
            ("/100", "$text-muted"),
        ]
        for area in Area:
            value = scores.areas[area]
            filled = round(BAR_WIDTH * value / 100)
            pad = " " * (width - cell_len(names[area]))
            parts += [
                f"\n{area.value} {names[area]}{pad} ",
                ("█" * filled, score_style(value)),
                ("░" * (BAR_WIDTH - filled), "$text-disabled"),
                (f" {value:3d}", "bold"),
            ]
        parts.append((f"\n\n{t('elements', lang)}", "bold"))
        for element, ok in result.elements.items():
            mark = ("✓ ", "bold $success") if ok else ("✗ ", "bold $error")
            state = t("captured" if ok else "missing", lang)
            parts += [
                "\n",
                mark,
                t(f"element.{element.value}", lang) + colon(lang),
                (state, "$text-muted"),
            ]
        return Content.assemble(*parts)
