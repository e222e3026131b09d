"""ReportScreen: how the call went, what to fix with the trainee's own words marked, and export."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import SimpleCommand
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Static

from hotseat.i18n import t
from hotseat.report import files
from hotseat.tui.keys import relabel
from hotseat.tui.render import colon, finding_block, group_by_rule
from hotseat.tui.screens.base import HotseatScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.mood_curve import MoodCurve
from hotseat.tui.widgets.score_card import ScoreCard

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.scenario.model import Persona
    from hotseat.scorecard import SessionResult

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON"}


def export_path(folder: Path, trainee: str, result: SessionResult, fmt: str) -> Path:
    """A new file name that never overwrites an earlier export: name-lang-id-N.ext."""
    return files.export_path(folder, trainee, result.scenario, fmt)


class ReportScreen(HotseatScreen[None]):
    """The scorecard of one finished call; Esc goes back to whatever started the call."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "export('md')", "key.export_md"),
        Binding("h", "export('html')", "key.export_html"),
        Binding("j", "export('json')", "key.export_json"),
        Binding("escape", "back", "key.back"),
    ]

    @dataclass
    class Exported(Message):
        """A report file was written."""

        fmt: str
        path: Path

    def __init__(
        self,
        result: SessionResult,
        *,
        lang: Lang,
        trainee: str,
        persona: Persona,
        export_dir: Path,
        back_to_draw: bool = False,
    ) -> None:
        """``back_to_draw``: the call was a class drill's, so Esc returns to the lot screen."""
        super().__init__(lang)
        relabel(self, "escape", t("key.back_to_draw" if back_to_draw else "key.home", lang))
        self.result = result
        self.trainee = trainee
        self.persona = persona
        self.export_dir = export_dir

    def compose(self) -> ComposeResult:
        r, lang = self.result, self.lang
        yield Header()
        with VerticalScroll(id="report"):
            outcome = r.outcome or "ongoing"
            yield Static(
                Content.assemble(
                    (t("outcome", lang) + colon(lang), "bold"),
                    (t(f"outcome.{outcome}", lang), "bold"),
                    ("  ·  " + t(f"mode.{r.mode}", lang), "$text-muted"),
                ),
                id="outcome",
                classes=f"-{outcome.replace('_', '-')}",
            )
            with Horizontal(id="summary"):
                yield ScoreCard(r, lang, id="scores")
                yield MoodCurve(
                    (r.mood_start, *r.moods),
                    settle_at=self.persona.settle_at,
                    hang_up_at=self.persona.hang_up_at,
                    title=t("tui.mood_curve", lang),
                    id="curve",
                )
            yield Static(
                f"{t('findings', lang)} ({len(r.findings)})", classes="heading", id="findings-head"
            )
            groups = group_by_rule(r.findings)
            if not groups:
                yield Static(t("no_findings", lang), classes="finding -clean")
            for code, items in groups.items():
                yield Static(
                    finding_block(code, items, lang),
                    classes=f"finding -{items[0].severity}",
                    id=f"rule-{code}",
                )
            yield Static(t("transcript", lang), classes="heading")
            yield ChatLog(id="transcript")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.result.title
        self.sub_title = t("tui.report", self.lang)
        chat = self.query_one("#transcript", ChatLog)
        turn = 0
        for speaker, text in self.result.transcript:
            if speaker == "customer":
                chat.say("customer", self.persona.name, text)
                continue
            turn += 1
            if text.strip():
                chat.say("trainee", self.trainee, text, turn=turn)
                chat.mark(turn, self.result.findings)
            else:
                chat.silence(self.trainee, t("tui.silence", self.lang))
        self.query_one("#report").focus()

    def action_export(self, fmt: str) -> None:
        """Write the report as Markdown, HTML or JSON and say where it went."""
        try:
            from hotseat.report import export_session

            text = export_session(self.result, fmt, trainee=self.trainee)  # type: ignore[arg-type]
            self.export_dir.mkdir(parents=True, exist_ok=True)
            path = export_path(self.export_dir, self.trainee, self.result, fmt)
            files.write_atomic(path, text)
        except (OSError, ValueError) as exc:
            self.notify(t("tui.export_failed", self.lang, error=exc), severity="error")
            return
        self.notify(
            str(path.resolve()), title=t("tui.exported", self.lang, fmt=FORMATS[fmt]), timeout=10
        )
        self.post_message(self.Exported(fmt, path))

    def action_back(self) -> None:
        """Back to the screen under the call: home, or the draw of a class drill."""
        self.dismiss()

    def palette_commands(self) -> list[SimpleCommand]:
        """Export from the command palette too."""
        return [
            SimpleCommand(
                t("tui.export_as", self.lang, fmt=name),
                partial(self.action_export, fmt),
                t("tui.cmd.export", self.lang),
            )
            for fmt, name in FORMATS.items()
        ]
