"""Inline SVG charts for the HTML reports: no script, no fonts or files fetched, print-safe.

Every label goes through ``escape`` here, so a chart can never carry markup
from a trainee's name or a scenario title into the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

# Colour-blind-safe (Okabe-Ito) so the lines stay apart on paper too.
PALETTE = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2")

WIDTH = 640
HEIGHT = 220
PAD_LEFT = 36
PAD_RIGHT = 24
PAD_TOP = 14
PAD_BOTTOM = 28


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a chart; a None value is a gap (e.g. an unfinished call)."""

    label: str
    values: Sequence[int | None]


def _x(i: int, n: int) -> float:
    span = WIDTH - PAD_LEFT - PAD_RIGHT
    return PAD_LEFT + (span * i / (n - 1) if n > 1 else span / 2)


def _y(v: float, top: float) -> float:
    span = HEIGHT - PAD_TOP - PAD_BOTTOM
    return PAD_TOP + span * (1 - v / top)


def _frame(title: str, top: int, x_labels: Sequence[str], axis: str) -> list[str]:
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" class="chart"><title>{escape(title)}</title>'
    ]
    for v in (0, top // 2, top):
        y = _y(v, top)
        out.append(
            f'<line x1="{PAD_LEFT}" y1="{y:.1f}" x2="{WIDTH - PAD_RIGHT}" y2="{y:.1f}" '
            'stroke="#ccc" stroke-width="1"/>'
            f'<text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v}</text>'
        )
    n = len(x_labels)
    step = max(1, n // 12)
    for i in range(0, n, step):
        out.append(
            f'<text x="{_x(i, n):.1f}" y="{HEIGHT - PAD_BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11">{escape(x_labels[i])}</text>'
        )
    out.append(
        f'<text x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 2}" text-anchor="end" font-size="11" '
        f'fill="#555">{escape(axis)}</text>'
    )
    return out


def line_chart(
    title: str, series: Sequence[Series], x_labels: Sequence[str], axis: str, top: int = 100
) -> str:
    """Lines on a 0..top scale with a legend; one point per x label."""
    out = _frame(title, top, x_labels, axis)
    n = len(x_labels)
    for k, s in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        runs: list[list[str]] = [[]]
        for i, v in enumerate(s.values):
            if v is None:
                runs.append([])
                continue
            runs[-1].append(f"{_x(i, n):.1f},{_y(v, top):.1f}")
        for run in runs:
            if len(run) > 1:
                out.append(
                    f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                    f'points="{" ".join(run)}"/>'
                )
            for point in run if n <= 60 else ():
                cx, cy = point.split(",")
                out.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="{colour}"/>')
        if len(series) > 1:
            lx = PAD_LEFT + 8 + k * 92
            out.append(
                f'<rect x="{lx}" y="2" width="10" height="4" fill="{colour}"/>'
                f'<text x="{lx + 14}" y="9" font-size="10">{escape(s.label)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def bar_chart(title: str, bars: Sequence[tuple[str, int]], top: int = 100) -> str:
    """Horizontal bars, one per labelled value, on a 0..top scale."""
    row = 24
    label_w = 170
    height = PAD_TOP + row * len(bars) + 6
    span = WIDTH - label_w - PAD_RIGHT - 36
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" class="chart"><title>{escape(title)}</title>'
    ]
    for i, (name, value) in enumerate(bars):
        y = PAD_TOP + i * row
        w = span * max(0, min(value, top)) / top
        out.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end" font-size="12">'
            f"{escape(name)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{span}" height="14" fill="#eee"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="14" '
            f'fill="{PALETTE[6]}"/>'
            f'<text x="{label_w + span + 6}" y="{y + 14}" font-size="12">{value}</text>'
        )
    out.append("</svg>")
    return "".join(out)
