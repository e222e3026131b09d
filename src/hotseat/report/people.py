"""Reports on a trainee's progress and on a class, as documents (Markdown/HTML) and JSON."""

from __future__ import annotations

from collections.abc import Sequence

from hotseat.conversation import Area
from hotseat.moves import Lang
from hotseat.report.board import board_cells, board_header
from hotseat.report.document import Bars, Block, Document, Facts, Heading, LineChart, Para, Table
from hotseat.report.labels import label
from hotseat.report.recommend import Recommendation
from hotseat.report.svg import Series
from hotseat.store.records import ClassBoard, Progress, SessionRecord

CHART_CALLS = 100  # the trend chart shows the latest calls; the table lists them all


def status_text(record: SessionRecord, lang: Lang) -> str:
    if record.outcome is not None:
        return label(f"outcome.{record.outcome}", lang)
    return label("status.interrupted", lang)


def calls_table(records: Sequence[SessionRecord], lang: Lang, who: bool = False) -> Table:
    header = ["ID", label("started", lang)]
    header += [label("trainee_name", lang)] if who else []
    header += [label("scenario", lang), label("mode", lang), label("outcome", lang)]
    header += [label("overall", lang), label("turns", lang)]
    rows = []
    for r in records:
        row = [str(r.id), r.started_at.strftime("%Y-%m-%d %H:%M")]
        row += [r.trainee] if who else []
        row += [r.scenario, label(f"mode.{r.mode}", lang), status_text(r, lang)]
        row += [str(r.overall) if r.overall is not None else "-", str(r.turns)]
        rows.append(row)
    return Table(header, rows)


def trend_chart(records: Sequence[SessionRecord], lang: Lang) -> LineChart:
    """Overall and per-area scores over the latest finished calls, numbered from the first."""
    finished = [r for r in records if r.areas is not None]
    done = finished[-CHART_CALLS:]
    first = len(finished) - len(done) + 1
    series = [Series(label("overall", lang), [r.overall for r in done])]
    series += [Series(a.value, [r.areas[a] if r.areas else None for r in done]) for a in Area]
    return LineChart(
        label("over_time", lang),
        series,
        [str(n) for n in range(first, first + len(done))],
        label("session", lang),
    )


def rules_table(progress: Progress, lang: Lang, top: int = 10) -> Table:
    header = [label("rule", lang), label("area", lang), label("times", lang)]
    header.append(label("in_calls", lang))
    rows = [
        [f"{r.code} {r.name}", label(f"area.{r.area.value}", lang), str(r.count), str(r.sessions)]
        for r in progress.rules[:top]
    ]
    return Table(header, rows)


def trainee_document(
    progress: Progress, lang: Lang, recommendation: Recommendation | None = None
) -> Document:
    finished = progress.finished
    facts = [
        (label("trainee_name", lang), progress.trainee),
        (label("sessions", lang), str(len(progress.sessions))),
        (label("status.finished", lang), str(len(finished))),
        (label("status.interrupted", lang), str(len(progress.sessions) - len(finished))),
    ]
    if finished:
        facts.append((label("latest", lang), str(finished[-1].overall)))
        facts.append((label("best", lang), str(max(s.overall or 0 for s in finished))))
    blocks: list[Block] = [Facts(facts)]
    if not progress.sessions:
        blocks.append(Para(label("no_sessions", lang)))
    if finished:
        blocks.append(trend_chart(finished, lang))
    if progress.rules:
        blocks += [Heading(label("top_rules", lang)), rules_table(progress, lang)]
    if recommendation is not None:
        blocks.append(Heading(label("next", lang)))
        blocks.append(Para(f"{recommendation.title} ({recommendation.scenario})"))
        blocks.append(Para(recommendation.reason))
    if progress.sessions:
        blocks += [Heading(label("call_list", lang)), calls_table(progress.sessions[::-1], lang)]
    title = f"{label('trainee_report', lang)}: {progress.trainee}"
    return Document(title, lang, blocks)


def class_document(board: ClassBoard, lang: Lang) -> Document:
    ranked = [r for r in board.rows if r.overall is not None]
    blocks: list[Block] = [
        Facts([(label("class", lang), board.name), (label("members", lang), str(len(board.rows)))])
    ]
    if ranked:
        blocks.append(Bars(label("overall", lang), [(r.trainee, r.overall or 0) for r in ranked]))
    else:
        blocks.append(Para(label("no_sessions", lang)))
    blocks.append(Heading(label("board", lang)))
    blocks.append(Table(board_header(lang), [board_cells(r) for r in board.rows]))
    return Document(f"{label('class_report', lang)}: {board.name}", lang, blocks)


def trainee_json(
    progress: Progress, recommendation: Recommendation | None = None
) -> dict[str, object]:
    return {
        "trainee": progress.trainee,
        "sessions": [s.to_json() for s in progress.sessions],
        "rules": [r.to_json() for r in progress.rules],
        "best": progress.best,
        "recommendation": recommendation.to_json() if recommendation else None,
    }


def class_json(board: ClassBoard, sessions: Sequence[SessionRecord]) -> dict[str, object]:
    return {**board.to_json(), "sessions": [s.to_json() for s in sessions]}
