"""LiveHostScreen: the instructor's seat — the customer's voice, with the judge at their elbow.

Each trainee reply arrives with what it does (moves), what the rules find, and
the mood the scripted customer would now have; the script's answer waits in the
line box, to send as it is (one key), edit, or replace. The harshest drill lines
and beats are one key away, the mood can be nudged, facts told are ticked, and
the call can be handed to the script and taken back at any moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from hotseat.i18n import t
from hotseat.live import Applied, Kind
from hotseat.tui.screens.base import HotseatScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.findings_panel import FindingsPanel
from hotseat.tui.widgets.mood_meter import MoodMeter
from hotseat.tui.widgets.reply_clock import ReplyClock

if TYPE_CHECKING:
    from collections.abc import Callable

    from hotseat.moves import Analysis, Lang
    from hotseat.scenario.model import Fact, Scenario
    from hotseat.session import TurnResult
    from hotseat.tui.screens.live_link import LiveLink

NUDGE = 10.0  # mood points per key press


def moves_line(analysis: Analysis, lang: Lang) -> str:
    """What a reply does, by move: "apology ×2 · promise (deadline, guarantee)"."""
    counts: dict[str, int] = {}
    flags: dict[str, set[str]] = {}
    for move in analysis.moves:
        name = move.kind.value
        counts[name] = counts.get(name, 0) + 1
        marks = flags.setdefault(name, set())
        marks.update(f for f in ("guarantee", "deadline", "compensation") if getattr(move, f))
    parts: list[str] = []
    for name, count in counts.items():
        text = t(f"live.move.{name}", lang) + (f" ×{count}" if count > 1 else "")
        if flags[name]:
            text += f" ({', '.join(t(f'live.flag.{f}', lang) for f in sorted(flags[name]))})"
        parts.append(text)
    return " · ".join(parts) or "—"


def fact_label(fact: Fact, lang: Lang) -> str:
    """The fact's id, and the key element it is, in the interface language."""
    if fact.element is None:
        return fact.id
    return f"{fact.id} · {t('element.' + fact.element, lang)}"


def harsh_lines(scenario: Scenario) -> list[str]:
    """The scenario's drill lines, then its beats' lines: the hardest things it can say."""
    out: list[str] = []
    for lines in scenario.drill_lines.values():
        out.extend(lines)
    for beat in scenario.beats:
        out.extend(beat.lines)
    return list(dict.fromkeys(line for line in out if "{quote}" not in line))


class LiveHostScreen(HotseatScreen[None]):
    """The instructor's seat on one live call."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send_suggestion", "live.key.send_script", priority=True),
        Binding("f5", "harsh", "live.key.harsh"),
        Binding("f6", "facts", "live.key.facts"),
        Binding("f7", "nudge(-1)", "live.key.calmer"),
        Binding("f8", "nudge(1)", "live.key.angrier"),
        Binding("f9", "control", "live.key.hand_over"),
        Binding("f10", "end('resolved')", "live.key.end"),
        Binding("f12", "end('hung_up')", "live.key.hang_up"),
    ]
    DEFAULT_CSS = """
    LiveHostScreen #live-status { height: 3; }
    LiveHostScreen #live-caller { width: 1fr; padding: 0 1; }
    LiveHostScreen #live-body { height: 1fr; }
    LiveHostScreen #chat { width: 3fr; }
    LiveHostScreen #live-side { width: 2fr; }
    LiveHostScreen #feedback { height: 1fr; }
    LiveHostScreen #facts { height: auto; max-height: 8; border: round $primary-muted; }
    LiveHostScreen #harsh { height: auto; max-height: 8; border: round $error-muted; }
    LiveHostScreen #live-suggest { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, link: LiveLink, *, clock: Callable[[], float]) -> None:
        super().__init__(link.ui_lang)
        self.link = link
        self.clock = clock
        self.session = link.call.session
        self.title = f"{self.session.scenario.title} · {t('live.host_title', self.lang)}"
        self.sub_title = f"{t('live.code', self.lang)} {self.link.info.code}"
        self.recorded: int | None = None
        self._offered: str | None = None  # the suggestion last put in the line box

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s, lang = self.session.scenario, self.lang
        yield Header()
        with Horizontal(id="live-status"):
            yield Static(id="live-caller")
            yield MoodMeter(
                self.session.mood,
                label=t("live.script_mood", lang),
                settle_at=s.persona.settle_at,
                hang_up_at=s.persona.hang_up_at,
                id="mood",
            )
            yield ReplyClock(
                self.session.clock_seconds,
                clock=self.clock,
                label=t("live.reply_due", lang),
                id="reply-clock",
            )
        with Horizontal(id="live-body"):
            yield ChatLog(id="chat")
            with Vertical(id="live-side"):
                yield FindingsPanel(lang, id="feedback")
                facts = SelectionList[str](
                    *[(fact_label(f, lang), f.id) for f in s.facts], id="facts"
                )
                facts.border_title = t("live.facts", lang)
                yield facts
                harsh = OptionList(*[Option(line) for line in harsh_lines(s)], id="harsh")
                harsh.border_title = t("live.harsh", lang)
                yield harsh
        yield Static(id="live-suggest")
        yield Input(placeholder=t("live.line_placeholder", lang), id="line")
        yield Footer()

    def on_mount(self) -> None:
        s = self.session.scenario
        self.query_one(ChatLog).note(
            Content.assemble((s.persona.name, "bold"), "\n", s.persona.who), tag="scene"
        )
        self._show_state()
        self.query_one("#line", Input).focus()
        self.link.follow_from(self, self.take)

    def on_unmount(self) -> None:
        self.link.stopped = True

    # -- what the log brings -------------------------------------------------------------

    def take(self, batch: list[Applied]) -> None:
        """Draw each new event; then offer the script's answer if one is due."""
        chat = self.query_one(ChatLog)
        call, name = self.link.call, self.session.scenario.persona.name
        for applied in batch:
            event = applied.event
            if applied.refused is not None:
                continue
            if event.kind is Kind.JOIN:
                chat.note(t("live.joined", self.lang, name=event.text), tag="joined")
            if applied.result is not None:
                self._show_reply(applied.result, call.trainee or "")
            if applied.said is not None:
                chat.say("customer", name, applied.said)
                self.query_one(ReplyClock).start()
            if event.kind in (Kind.HANDOVER, Kind.TAKEBACK):
                key = "live.handed_over" if event.kind is Kind.HANDOVER else "live.taken_back"
                chat.note(t(key, self.lang), tag="control")
            if applied.ended is not None:
                self._ended()
        self._show_state()
        self.link.finish_if_over()
        if call.closed is not None and self.recorded is None:
            self.link.record(self._recorded)

    def _show_reply(self, result: TurnResult, trainee: str) -> None:
        chat, reply = self.query_one(ChatLog), result.reply
        self.query_one(ReplyClock).stop()
        if reply.silent:
            chat.silence(trainee, t("tui.silence", self.lang))
        else:
            chat.say("trainee", trainee, reply.text, turn=reply.turn)
            chat.mark(reply.turn, result.findings)
        chat.note(
            f"{t('live.moves', self.lang)}: {moves_line(reply.analysis, self.lang)}"
            f" · {t('live.script_mood', self.lang)} {result.customer.mood}",
            tag="moves",
        )
        self.query_one(FindingsPanel).show_turn(reply.turn, result.findings)

    def _show_state(self) -> None:
        """The status line, the mood, the facts ticked and the suggestion, from the fold."""
        call, s, lang = self.link.call, self.session, self.lang
        control = t("live.you_speak" if s.host_holds else "live.script_speaks", lang)
        trainee = call.trainee or t("live.no_trainee", lang)
        self.query_one("#live-caller", Static).update(
            Content.assemble(
                (s.scenario.persona.name, "bold"),
                f" · {t('live.trainee', lang)}: {trainee}\n",
                (control, "$text-accent"),
                f" · {t('live.code', lang)} ",
                (self.link.info.code, "bold"),
            )
        )
        self.query_one(MoodMeter).show(s.mood)
        facts = self.query_one("#facts", SelectionList)
        revealed = s.customer.memory.revealed
        with facts.prevent(SelectionList.SelectedChanged, SelectionList.SelectionToggled):
            for fact in s.scenario.facts:
                if (fact.id in revealed) != (fact.id in facts.selected):
                    facts.toggle(fact.id)
        line = self.query_one("#line", Input)
        suggest = self.query_one("#live-suggest", Static)
        if call.over:
            suggest.update(t("live.over", lang))
            line.disabled = True
            return
        if s.customer_due and s.suggestion is not None:
            would = (
                f" · {t('live.script_would', lang, outcome=t('outcome.' + s.script_would, lang))}"
                if s.script_would
                else ""
            )
            suggest.update(f"{t('live.suggestion', lang)} (ctrl+s){would}")
            if s.suggestion != self._offered:  # a new answer is due: offer it, ready to edit
                line.value = self._offered = s.suggestion
                line.cursor_position = len(line.value)
        else:
            suggest.update(t("live.waiting_reply", lang))
            self._offered = None

    def _ended(self) -> None:
        session = self.session
        self.query_one(ReplyClock).stop()
        whole = [f for f in session.findings if f.turn == 0]
        self.query_one(FindingsPanel).show_turn(0, whole)
        result = session.result()
        self.query_one(ChatLog).note(
            f"{t('outcome.' + (session.outcome or 'ongoing'), self.lang)} · "
            f"{t('overall', self.lang)} {result.scores.overall}",
            tag="ended",
        )

    def _recorded(self, session_id: int | None) -> None:
        if session_id is not None:
            self.recorded = session_id
            self.notify(t("live.recorded", self.lang, id=session_id), timeout=8)

    # -- what the instructor writes -----------------------------------------------------------

    def _say(self, text: str, note: str) -> None:
        if text.strip() and not self.link.call.over:
            self.link.write(Kind.SAY, text.strip(), note=note, refused=self._refused)
            self.query_one("#line", Input).value = ""

    @on(Input.Submitted, "#line")
    def _line_sent(self, event: Input.Submitted) -> None:
        suggestion = self.session.suggestion
        text = event.value.strip()
        note = "script" if text == suggestion else "edited" if suggestion else "own"
        if text in harsh_lines(self.session.scenario):
            note = "drill"
        self._say(text, note)

    def action_send_suggestion(self) -> None:
        """Say the script's line as it is: one key."""
        if self.session.suggestion is not None:
            self._say(self.session.suggestion, "script")

    def action_harsh(self) -> None:
        self.query_one("#harsh", OptionList).focus()

    def action_facts(self) -> None:
        self.query_one("#facts", SelectionList).focus()

    @on(OptionList.OptionSelected, "#harsh")
    def _harsh_chosen(self, event: OptionList.OptionSelected) -> None:
        line = self.query_one("#line", Input)
        line.value = str(event.option.prompt)
        line.focus()

    @on(SelectionList.SelectionToggled, "#facts")
    def _fact_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        fact_id = event.selection.value
        told = fact_id in event.selection_list.selected
        self.link.write(Kind.FACT, fact_id, 1.0 if told else 0.0, refused=self._refused)

    def action_nudge(self, direction: int) -> None:
        if not self.link.call.over:
            self.link.write(Kind.MOOD, value=direction * NUDGE, refused=self._refused)

    def action_control(self) -> None:
        """Hand the call to the script, or take it back."""
        if not self.link.call.over:
            kind = Kind.HANDOVER if self.session.host_holds else Kind.TAKEBACK
            self.link.write(kind, refused=self._refused)

    def action_end(self, outcome: str) -> None:
        if not self.link.call.over:
            self.link.write(Kind.END, outcome, refused=self._refused)

    def _refused(self, why: str) -> None:
        self.notify(why, severity="warning", timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        over = self.link.call.over
        if action == "send_suggestion":
            return None if over or self.session.suggestion is None else True
        if action in ("nudge", "control", "end"):
            return None if over else True
        return True
