"""LiveTraineeScreen: the ordinary drill screen, with a person speaking in the customer's place.

It is the drill screen (no feedback during the call, the clock, the step-out
key, then the report); only where a reply goes changes: into the live call's log
instead of a local session. Every line on screen, the trainee's own included,
is drawn from the log as it comes back, so a seat that rejoins shows the same call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from hotseat.i18n import t
from hotseat.live import Applied, Kind
from hotseat.tui.recording import CallLog, Records
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.mood_meter import MoodMeter
from hotseat.tui.widgets.reply_clock import ReplyClock

if TYPE_CHECKING:
    from collections.abc import Callable

    from hotseat.conversation import Outcome
    from hotseat.tui.screens.live_link import LiveLink


def unrecorded() -> CallLog:
    """The seat's own call log writes nothing: the live call is saved from its log, once."""
    return CallLog(Records(enabled=False, post=lambda job: job(), on_error=lambda _: None))


class LiveTraineeScreen(ConversationScreen):
    """The trainee's seat on a live call that has started (its opening said)."""

    def __init__(self, link: LiveLink, *, trainee: str, clock: Callable[[], float]) -> None:
        super().__init__(
            link.call.session,
            unrecorded(),
            lang=link.ui_lang,
            trainee=trainee,
            clock=clock,
            typing_delay=0.0,
        )
        self.link = link

    def on_mount(self) -> None:
        self.link.follow_from(self, self.take)

    def on_unmount(self) -> None:
        self.link.stopped = True

    # -- what the log brings -----------------------------------------------------------------

    def take(self, batch: list[Applied]) -> None:
        """Draw each event of the call that came back from the log."""
        chat = self.query_one(ChatLog)
        name = self.session.scenario.persona.name
        for applied in batch:
            if applied.refused is not None or self.result is not None:
                continue
            kind = applied.event.kind
            if applied.result is not None:
                self._show_reply(applied.result.reply)
                self._lock()
            if applied.said is not None:
                chat.say("customer", name, applied.said)
                self.query_one(MoodMeter).show(self.session.mood)
                if applied.ended is None:
                    self._your_turn()
            elif kind is Kind.MOOD:
                self.query_one(MoodMeter).show(self.session.mood)
            if applied.ended is not None:
                self._ended(applied.ended)
        self.link.finish_if_over()
        if self.link.call.closed is not None:
            self.link.record()

    # -- what the trainee writes -------------------------------------------------------------

    def send(self, text: str) -> None:
        """The reply goes into the log; it shows when it comes back, as on every seat."""
        if self.locked or not self.link.call.trainee_due:
            return
        seconds = self.clock() - self._line_shown_at
        self._lock()
        self.link.write(Kind.REPLY, text, seconds, refused=self._refused)

    @on(ReplyClock.Expired)
    def _clock_ran_out(self, event: ReplyClock.Expired) -> None:
        event.prevent_default()  # dead air is the log's to judge, not the local session's
        if not self.locked and self.link.call.trainee_due:
            self._lock()
            self.link.write(Kind.TIMEOUT, refused=self._refused)

    def action_step_out(self) -> None:
        """Leave: the call ends for every seat, marked as stepped out, once the log has it."""
        if self.link.call.over:
            return
        self._lock()
        self.link.write(Kind.END, "abandoned", 1.0, refused=self._refused)

    def action_end_call(self) -> None:
        """A live call is ended by the instructor, or by stepping out."""
        self.notify(t("live.trainee.end_by_host", self.lang), timeout=6)

    def _refused(self, why: str) -> None:
        self.notify(why, severity="warning", timeout=8)
        if self.link.call.trainee_due:
            self._your_turn()

    def _ended(self, outcome: Outcome) -> None:
        if not self.link.call.stepped_out:
            self._end(outcome)
            return
        self._interrupt()
        self._end(outcome, stepped_out=True)
        self.app.notify(t("tui.stepped_out", self.lang), timeout=8)
        self.dismiss()
