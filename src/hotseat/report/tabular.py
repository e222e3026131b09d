"""Calls as CSV, one row a call, for spreadsheets; text a spreadsheet would run is defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from hotseat.conversation import Area
from hotseat.store.records import SessionRecord

COLUMNS = [
    "id",
    "trainee",
    "class",
    "scenario",
    "title",
    "lang",
    "mode",
    "seed",
    "intensity",
    "started_at",
    "ended_at",
    "status",
    "outcome",
    "stepped_out",
    "turns",
    "overall",
    *(a.value for a in Area),
]
# What makes a spreadsheet read a cell as a formula, full-width forms included: some
# spreadsheets fold ＝＋－＠ to their ASCII forms before they parse a cell.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def defused(text: str) -> str:
    """A name like ``=HYPERLINK(...)`` is text, not a formula (OWASP's CSV injection advice)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def sessions_csv(records: Sequence[SessionRecord]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in records:
        scores = [r.areas[a] if r.areas else "" for a in Area]
        writer.writerow(
            [
                r.id,
                defused(r.trainee),
                defused(r.class_name or ""),
                r.scenario,
                defused(r.title),
                r.lang,
                r.mode,
                r.seed,
                r.intensity,
                r.started_at.isoformat(),
                r.ended_at.isoformat() if r.ended_at else "",
                r.status,
                r.outcome or "",
                int(r.stepped_out),
                r.turns,
                "" if r.overall is None else r.overall,
                *scores,
            ]
        )
    return out.getvalue()
