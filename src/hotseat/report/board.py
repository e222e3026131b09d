"""A class board as terminal text: what `hotseat class show` prints and the board screen mirrors."""

from __future__ import annotations

from hotseat.conversation import Area
from hotseat.i18n import colon, rule_label
from hotseat.moves import Lang
from hotseat.report.labels import label
from hotseat.report.text import table
from hotseat.rules.docs import texts
from hotseat.store.records import BoardRow, ClassBoard


def board_header(lang: Lang) -> list[str]:
    return [
        label("rank", lang),
        label("trainee_name", lang),
        label("sessions", lang),
        label("overall", lang),
        texts(lang).labels["band"],
        *(a.value for a in Area),
        label("worst_rule", lang),
        label("stepped_out", lang),
    ]


def board_cells(row: BoardRow, lang: Lang) -> list[str]:
    """One row as strings; a dash where there is nothing yet (or only stepped-out drills)."""
    band = row.band
    areas = [str(row.areas[a]) if row.areas else "-" for a in Area]
    worst = (
        f"{rule_label(row.worst.code, row.worst.name, lang)} ×{row.worst.count}"
        if row.worst
        else "-"
    )
    return [
        str(row.rank) if row.rank is not None else "-",
        row.trainee,
        str(row.sessions),
        str(row.overall) if row.overall is not None else "-",
        texts(lang).labels[f"band_{band}"] if band else "-",
        *areas,
        worst,
        str(row.stepped_out),
    ]


def board_text(board: ClassBoard, lang: Lang) -> str:
    mark = f"{texts(lang).labels['pass_mark']} {board.pass_mark}"
    title = f"{label('board', lang)}{colon(lang)}{board.name} ({mark})\n\n"
    if not board.rows:
        return title + label("no_sessions", lang) + "\n"
    return title + table(board_header(lang), [board_cells(r, lang) for r in board.rows])
