"""Plain terminal tables that stay aligned with Chinese names (two cells per wide character)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide and full-width characters take two."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def fit(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` cells, marking the cut with an ellipsis."""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        w = cells(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 40) -> str:
    """Columns padded by display width; numbers (all-digit cells) are right-aligned."""
    text_rows = [[fit(" ".join(c.split()), max_width) for c in row] for row in rows]
    widths = [cells(h) for h in header]
    for row in text_rows:
        widths = [max(w, cells(c)) for w, c in zip(widths, row, strict=True)]

    def line(row: Sequence[str]) -> str:
        parts = []
        for c, w in zip(row, widths, strict=True):
            pad = " " * (w - cells(c))
            parts.append(pad + c if c.lstrip("-").isdigit() else c + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in text_rows)]) + "\n"
