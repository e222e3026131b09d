"""Scores over time as a terminal plot (plotext), for the progress screen and `hotseat history`.

Pure apart from plotext's own figure, which is module state: a lock keeps two
renders from mixing. Thousands of calls are averaged into as many points as
the plot has room for, so the picture and its cost stay the same size.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import plotext as plt

from hotseat.moves import Lang
from hotseat.report.labels import label
from hotseat.store.records import ScorePoint

# Standard ANSI colours (the terminal's or Textual's theme decides the exact shade);
# None is the default foreground, so the overall line reads on light and dark alike.
COLORS: dict[str, int | None] = {"overall": None, "AP": 1, "PR": 2, "CT": 3, "ET": 4, "EM": 6}
MIN_WIDTH = 30
MIN_HEIGHT = 8
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class ScorePlot:
    """The plot as ANSI text, its legend (label, ANSI colour) and how many calls it covers."""

    text: str
    legend: tuple[tuple[str, int | None], ...]
    calls: int


def averaged(values: Sequence[int], room: int) -> tuple[list[float], list[float]]:
    """(x, y) with x the call number; more calls than ``room`` are averaged in equal runs."""
    n = len(values)
    if n <= room:
        return [float(i) for i in range(1, n + 1)], [float(v) for v in values]
    xs, ys = [], []
    for k in range(room):
        lo, hi = k * n // room, (k + 1) * n // room
        xs.append((lo + 1 + hi) / 2)
        ys.append(sum(values[lo:hi]) / (hi - lo))
    return xs, ys


def score_plot(points: Sequence[ScorePoint], width: int, height: int, lang: Lang) -> ScorePlot:
    """Overall and per-area scores of finished calls (oldest first), to fit width x height."""
    done = points
    legend = tuple((label("overall", lang) if k == "overall" else k, c) for k, c in COLORS.items())
    if not done:
        return ScorePlot(label("no_sessions", lang), legend, 0)
    width, height = max(width, MIN_WIDTH), max(height, MIN_HEIGHT)
    room = max(2, width - 8)  # a point a column is as fine as the eye can follow
    series = dict(zip(ScorePoint._fields, zip(*done, strict=True), strict=True))
    with _LOCK:
        plt.terminal.limit(False, False)  # the caller's widget, not the terminal, sets the size
        fig = plt.figure
        fig.clear()
        fig.plot_size(width, height)
        fig.theme("colorless")
        fig.canvas("default")
        for key, values in series.items():
            xs, ys = averaged(values, room)
            pixel = plt.pixel() if COLORS[key] is None else plt.pixel(foreground=COLORS[key])
            fig.draw(fig.signal(xs, ys, marker=plt.marker("braille", pixel)).lines())
        fig.ruler(1).lim(0, 100)
        ticks = sorted({1, len(done), *range(1, len(done) + 1, max(1, len(done) // 5))})
        fig.ruler(0).ticks(ticks, [str(t) for t in ticks])
        fig.label(label("session", lang), 0)
        text = fig.build().string()
        fig.clear()
    return ScorePlot(text, legend, len(done))
