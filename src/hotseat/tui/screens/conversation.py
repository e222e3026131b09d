"""ConversationScreen: the call itself; every reply goes to the Session and its answer is drawn.

The screen holds no rule or scoring logic: it times replies, forwards them,
shows what comes back, and saves each exchange through the call log. In a drill
the Escape key ends everything at once, with no question asked. A resumed call
(a session already replayed to where it stopped) opens with what was said so far.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import SimpleCommand
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Footer, Header, Static

from hotseat.i18n import t
from hotseat.tui.render import stars
from hotseat.tui.screens.base import HotseatScreen
from hotseat.tui.screens.confirm import ConfirmScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.elapsed_time import ElapsedTime
from hotseat.tui.widgets.findings_panel import FindingsPanel
from hotseat.tui.widgets.mood_meter import MoodMeter
from hotseat.tui.widgets.reply_clock import ReplyClock
from hotseat.tui.widgets.reply_input import ReplyInput

if TYPE_CHECKING:
    from hotseat.conversation import Outcome, Reply
    from hotseat.moves import Lang
    from hotseat.scorecard import SessionResult
    from hotseat.session import Session, TurnResult
    from hotseat.tui.recording import CallLog


class ConversationScreen(HotseatScreen[None]):
    """One call between the trainee and a scenario's customer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "listen", "key.listen"),
        Binding("f3", "hint", "key.hint"),
        Binding("f4", "end_call", "key.end"),
        Binding("escape", "step_out", "key.step_out", priority=True),
    ]

    @dataclass
    class Exchanged(Message):
        """The customer's answer to one reply (or to a silence) is on screen."""

        result: TurnResult

    @dataclass
    class Ended(Message):
        """The call is over; ``stepped_out`` when the trainee walked out of a drill."""

        outcome: Outcome
        stepped_out: bool
        result: SessionResult

    @dataclass
    class ReportWanted(Message):
        """The trainee asked to see the report of the finished call."""

        result: SessionResult

    def __init__(
        self,
        session: Session,
        call_log: CallLog,
        *,
        lang: Lang,
        trainee: str,
        clock: Callable[[], float],
        typing_delay: float,
    ) -> None:
        super().__init__(lang)
        self.session = session
        self.call_log = call_log
        self.trainee = trainee
        self.clock = clock
        self.typing_delay = typing_delay
        self.drill = session.mode == "drill"
        self.coached = session.mode == "onboarding"
        self.locked = False
        self.result: SessionResult | None = None
        self._line_shown_at = clock()

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s, lang = self.session.scenario, self.lang
        persona = s.persona
        yield Header()
        with Horizontal(id="status"):
            yield Static(
                Content.assemble(
                    (persona.name, "bold"),
                    f" {stars(s.difficulty)} ",
                    (t(f"mode.{self.session.mode}", lang), "$text-accent"),
                ),
                id="caller",
            )
            yield MoodMeter(
                self.session.mood,
                label=t("mood", lang),
                settle_at=persona.settle_at,
                hang_up_at=persona.hang_up_at,
                id="mood",
            )
            # a resumed call goes on from the time its replies already took
            already = sum(r.seconds or 0.0 for r in self.session.replies)
            yield ElapsedTime(
                clock=self.clock, label=t("tui.elapsed", lang), already=already, id="elapsed"
            )
            if self.drill:
                yield ReplyClock(
                    self.session.clock_seconds,
                    clock=self.clock,
                    label=t("tui.clock", lang),
                    id="reply-clock",
                )
        yield Static(id="banner")
        with Horizontal(id="body"):
            yield ChatLog(id="chat")
            if self.coached:
                yield FindingsPanel(lang, id="feedback")
        with Horizontal(id="composer"):
            yield ReplyInput(placeholder=t("tui.reply_placeholder", lang), id="reply")
            yield Button(t("tui.see_report", lang), id="to-report", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        s = self.session.scenario
        self.title = s.title
        self.sub_title = self.trainee
        self.query_one("#banner").display = False
        self.query_one("#to-report").display = False
        chat = self.query_one(ChatLog)
        chat.note(
            Content.assemble(
                (s.persona.name, "bold"),
                "\n",
                s.persona.who,
                "\n",
                (t(f"mode.{self.session.mode}.about", self.lang), "$text-muted"),
            ),
            tag="scene",
        )
        chat.say("customer", s.persona.name, self.session.transcript[0].text)
        self._replay()
        self.query_one(ReplyInput).focus()
        if self.session.outcome is not None:  # it had ended before it could be saved as ended
            self._end(self.session.outcome)
        else:
            self._your_turn()

    def _replay(self) -> None:
        """A resumed call: every exchange already had, then a line saying where it goes on."""
        session = self.session
        if not session.replies:
            return
        chat = self.query_one(ChatLog)
        answers = [u.text for u in session.transcript if u.speaker == "customer"][1:]
        for reply, answer in zip(session.replies, answers, strict=True):
            self._show_reply(reply)
            chat.say("customer", session.scenario.persona.name, answer)
            if self.coached:
                found = [f for f in session.findings if f.turn == reply.turn]
                self.query_one(FindingsPanel).show_turn(reply.turn, found)
                chat.mark(reply.turn, found)
        chat.note(t("tui.resumed", self.lang), tag="resumed")

    # -- the exchange ------------------------------------------------------------------

    @on(ReplyInput.Sent)
    def _sent(self, event: ReplyInput.Sent) -> None:
        if not event.queued:
            event.input.taken()
        if self.locked and not self.session.ended:  # the customer has the turn again
            event.input.queue(event.text)
            return
        self.send(event.text)

    @on(ReplyInput.Changed, "#reply")
    def _typing(self, event: ReplyInput.Changed) -> None:
        """Typing is speaking: the drill's clock holds while the trainee writes."""
        if self.drill and not self.locked:
            countdown = self.query_one(ReplyClock)
            if event.value.strip():
                countdown.typed()
            else:
                countdown.resume()

    def send(self, text: str) -> None:
        """Give the session one reply, timed from the customer's last line."""
        if self.locked or self.session.ended:
            return
        seconds = self.clock() - self._line_shown_at
        self._take(self.session.reply(text, seconds))

    @on(ReplyClock.Expired)
    def _expired(self) -> None:
        if not self.locked and not self.session.ended:
            self._take([self.session.timeout()])

    def _take(self, results: Sequence[TurnResult]) -> None:
        """Save the exchanges, show what is already settled, let the customer type the rest."""
        for result in results:
            self.call_log.turn(result)
        *before, last = results
        for result in before:
            self._show_reply(result.reply)
            self._show_answer(result)
        self._show_reply(last.reply)
        self._lock()
        if self.typing_delay > 0:
            self._answer(last)
        else:  # no pause to show: the answer goes in the same frame as the reply
            self._answered(last)

    @work(exclusive=True, group="customer")
    async def _answer(self, result: TurnResult) -> None:
        chat = self.query_one(ChatLog)
        chat.typing(t("tui.typing", self.lang, name=self.session.scenario.persona.name))
        await asyncio.sleep(self.typing_delay)
        chat.typing(None)
        self._answered(result)

    def _answered(self, result: TurnResult) -> None:
        self._show_answer(result)
        if result.outcome is not None:
            self._end(result.outcome)
        else:
            self._your_turn()

    def _show_reply(self, reply: Reply) -> None:
        chat = self.query_one(ChatLog)
        if reply.silent:
            chat.silence(self.trainee, t("tui.silence", self.lang))
        else:
            chat.say("trainee", self.trainee, reply.text, turn=reply.turn)

    def _show_answer(self, result: TurnResult) -> None:
        chat = self.query_one(ChatLog)
        chat.say("customer", self.session.scenario.persona.name, result.customer.line)
        meter = self.query_one(MoodMeter)
        if result.customer.hung_up:
            meter.max_out()
        else:
            meter.show(result.customer.mood)
        if self.coached:
            self.query_one(FindingsPanel).show_turn(result.reply.turn, result.findings)
            chat.mark(result.reply.turn, result.findings)
        self.post_message(self.Exchanged(result))

    def _lock(self) -> None:
        self.locked = True
        reply = self.query_one(ReplyInput)
        reply.locked = True
        if self.typing_delay > 0:  # greyed out only when there is a pause to see it in
            reply.add_class("-locked")
        if self.drill:
            self.query_one(ReplyClock).stop()

    def _your_turn(self) -> None:
        self.locked = False
        reply = self.query_one(ReplyInput)
        reply.remove_class("-locked")
        self._line_shown_at = self.clock()
        if self.drill:
            countdown = self.query_one(ReplyClock)
            countdown.start()
            if reply.value.strip():  # written while the customer was typing: still writing
                countdown.typed()
        reply.unlock()

    # -- the end -----------------------------------------------------------------------

    def _interrupt(self) -> None:
        """Stop the customer mid-sentence: the trainee is ending the call."""
        self.workers.cancel_group(self, "customer")
        self.query_one(ChatLog).typing(None)

    def _end(self, outcome: Outcome, *, stepped_out: bool = False) -> None:
        self.locked = True
        self.query_one(ReplyInput).disabled = True
        self.query_one(ElapsedTime).stop()
        if self.drill:
            countdown = self.query_one(ReplyClock)
            countdown.stop()
            countdown.display = False  # no time left to count
        self.result = self.session.result()
        self.call_log.finish(self.result, stepped_out=stepped_out)
        self.post_message(self.Ended(outcome, stepped_out, self.result))
        if stepped_out:
            return
        name = self.session.scenario.persona.name
        banner = self.query_one("#banner", Static)
        banner.update(
            Content.assemble(
                (t(f"tui.banner.{outcome}", self.lang, name=name), "bold"),
                "\n",
                t("tui.banner.next", self.lang),
            )
        )
        banner.add_class(f"-{outcome.replace('_', '-')}")
        banner.display = True
        button = self.query_one("#to-report", Button)
        button.display = True
        button.focus()
        self.refresh_bindings()

    def action_end_call(self) -> None:
        """Ask first: ending a call on purpose is scored as ended by the trainee."""
        if self.session.ended:
            return

        def answered(yes: bool | None) -> None:
            if yes and not self.session.ended:
                self._interrupt()
                self.session.abandon()
                self._end("abandoned")

        self.app.push_screen(
            ConfirmScreen(
                t("tui.confirm_end", self.lang),
                yes=t("tui.yes_end", self.lang),
                no=t("tui.no_keep", self.lang),
                lang=self.lang,
            ),
            answered,
        )

    def action_step_out(self) -> None:
        """Leave the drill now: no question, no report on screen, the record says why."""
        if self.session.ended:
            return
        self._interrupt()
        self.session.abandon()
        self._end("abandoned", stepped_out=True)
        self.app.notify(t("tui.stepped_out", self.lang), timeout=8)
        self.dismiss()

    @on(Button.Pressed, "#to-report")
    def _to_report(self) -> None:
        if self.result is not None:
            self.post_message(self.ReportWanted(self.result))

    # -- help while talking ---------------------------------------------------------------

    def action_listen(self) -> None:
        """Say only that you are listening, in the scenario's language."""
        self.send(t("tui.listen_line", self.session.scenario.lang))

    def action_hint(self) -> None:
        if self.coached:
            self.query_one(FindingsPanel).show_hint(self.session.hint())
        else:
            self.notify(self.session.hint(), title=t("tui.hint", self.lang), timeout=15)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what this mode does not offer; dim what must wait for the customer."""
        live = not self.session.ended
        if action == "step_out":
            return self.drill and live
        if action == "hint":
            return False if self.drill else (live or None)
        if action == "listen":
            return None if self.locked or not live else True
        if action == "end_call":
            return live or None
        return True

    def palette_commands(self) -> list[SimpleCommand]:
        """What the command palette offers during a call."""
        lang = self.lang
        commands = []
        if not self.session.ended:
            commands.append(
                SimpleCommand(t("key.listen", lang), self.action_listen, t("tui.cmd.listen", lang))
            )
            if not self.drill:
                commands.append(
                    SimpleCommand(t("key.hint", lang), self.action_hint, t("tui.cmd.hint", lang))
                )
            commands.append(
                SimpleCommand(t("key.end", lang), self.action_end_call, t("tui.cmd.end", lang))
            )
            if self.drill:
                commands.append(
                    SimpleCommand(
                        t("key.step_out", lang), self.action_step_out, t("tui.cmd.step_out", lang)
                    )
                )
        return commands
