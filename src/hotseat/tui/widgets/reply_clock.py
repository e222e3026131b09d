"""ReplyClock: the drill's countdown; when it runs out the silence itself becomes the reply.

Typing is speaking: the countdown holds while the trainee writes (slow typists and
IME users compose for a while), and runs on only once they have stopped typing for
`TYPING_PAUSE_SECONDS` or emptied the box. Only real silence becomes dead air.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from hotseat.tui.render import clock_text
from hotseat.tui.widgets.clock_label import ClockLabel

TICK_SECONDS = 0.2
URGENT_SECONDS = 10
TYPING_PAUSE_SECONDS = 10.0  # a stop this long while writing counts as silence again


class ReplyClock(ClockLabel):
    """Counts down from the customer's last line; posts Expired once when it reaches zero."""

    class Expired(Message):
        """The trainee said nothing in time."""

    def __init__(
        self, limit: float, *, clock: Callable[[], float], label: str, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.limit = limit
        self.label = label
        self._clock = clock
        self._started: float | None = None
        self._held: float | None = None  # seconds already waited when the typing began
        self._last_key = 0.0

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.check)
        self._count_down(self.limit)

    @property
    def running(self) -> bool:
        return self._started is not None

    @property
    def held(self) -> bool:
        """The trainee is writing: the countdown waits for them."""
        return self._held is not None

    def start(self) -> None:
        """The customer has spoken: the trainee's time starts now."""
        self._started = self._clock()
        self._held = None
        self._count_down(self.limit)

    def stop(self) -> None:
        """The customer is typing or the call is over: the clock is not the trainee's."""
        self._started = None
        self._held = None
        self.remove_class("-urgent")
        self.remove_class("-held")

    def typed(self) -> None:
        """A keystroke in the reply box: hold the countdown where it is."""
        now = self._clock()
        if self._started is not None:
            self._held = now - self._started
            self._started = None
            self.add_class("-held")
            self._count_down(self.limit - self._held)
        if self._held is not None:
            self._last_key = now

    def resume(self) -> None:
        """The trainee stopped writing: the countdown goes on from where it was held."""
        held = self._held
        if held is not None:
            self._started = self._clock() - held
            self._held = None
            self.remove_class("-held")
            self._count_down(self.limit - held)

    def waited(self) -> float | None:
        """Seconds since the clock started, or None when it is not running."""
        return None if self._started is None else self._clock() - self._started

    def check(self) -> None:
        """Refresh the countdown; post Expired the moment it reaches zero."""
        if self._held is not None and self._clock() - self._last_key >= TYPING_PAUSE_SECONDS:
            self.resume()
        waited = self.waited()
        if waited is None:
            return
        left = self.limit - waited
        self._count_down(left)
        if left <= 0:
            self.stop()
            self.post_message(self.Expired())

    def _count_down(self, left: float) -> None:
        self.set_class(0 < left <= URGENT_SECONDS, "-urgent")
        held = " ✎" if self._held is not None else ""
        self.show(f"{self.label} {clock_text(left + 0.999)}{held}")
