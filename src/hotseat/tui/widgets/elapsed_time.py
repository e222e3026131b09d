"""ElapsedTime: how long the call has lasted, read from the app's clock (frozen in tests)."""

from __future__ import annotations

from collections.abc import Callable

from hotseat.tui.render import clock_text
from hotseat.tui.widgets.clock_label import ClockLabel


class ElapsedTime(ClockLabel):
    """A call timer that stops when the call ends; a resumed call goes on from ``already``."""

    def __init__(
        self,
        *,
        clock: Callable[[], float],
        label: str,
        already: float = 0.0,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self._clock = clock
        self._start = clock() - already
        self._stopped_at: float | None = None

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)
        self.tick()

    def seconds(self) -> float:
        end = self._stopped_at if self._stopped_at is not None else self._clock()
        return end - self._start

    def stop(self) -> None:
        self._stopped_at = self._clock()
        self.tick()

    def tick(self) -> None:
        self.show(f"{self.label} {clock_text(self.seconds())}")
