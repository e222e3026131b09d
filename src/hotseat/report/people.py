"""Reports on a trainee's progress and on a class, as documents (Markdown/HTML) and JSON."""

from __future__ import annotations

from collections.abc import Sequence

from hotseat.conversation import Area
from hotseat.i18n import colon, rule_label
from hotseat.moves import Lang
from hotseat.report.board import board_cells, board_header
from hotseat.report.document import Bars, Block, Document, Facts, Heading, LineChart, Para, Table
from hotseat.report.labels import label
from hotseat.report.recommend import Recommendation
from hotseat.report.svg import Series
from hotseat.store.records import ClassBoard, Progress, ScorePoint, SessionRecord

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


def trend_chart(scores: Sequence[ScorePoint], lang: Lang) -> LineChart:
    """Overall and per-area scores over the latest finished calls, numbered from the first."""
    shown = scores[-CHART_CALLS:]
    first = len(scores) - len(shown) + 1
    series = [Series(label("overall", lang), [p.overall for p in shown])]
    series += [Series(a.value, [getattr(p, a.value) for p in shown]) for a in Area]
    return LineChart(
        label("over_time", lang),
        series,
        [str(n) for n in range(first, first + len(shown))],
        label("session", lang),
    )


def rules_table(progress: Progress, lang: Lang, top: int = 10) -> Table:
    header = [label("rule", lang), label("area", lang), label("times", lang)]
    header.append(label("in_calls", lang))
    rows = [
        [
            rule_label(r.code, r.name, lang),
            label(f"area.{r.area.value}", lang),
            str(r.count),
            str(r.sessions),
        ]
        for r in progress.rules[:top]
    ]
    return Table(header, rows)


def trainee_document(
    progress: Progress,
    calls: Sequence[SessionRecord],
    lang: Lang,
    recommendation: Recommendation | None = None,
) -> Document:
    """A trainee's report: totals, the trend, the rules broken most, advice, every call."""
    facts = [
        (label("trainee_name", lang), progress.trainee),
        (label("sessions", lang), str(progress.calls)),
        (label("finished_calls", lang), str(progress.finished)),
        (label("interrupted_calls", lang), str(progress.interrupted)),
    ]
    if progress.scores:
        facts.append((label("latest", lang), str(progress.scores[-1].overall)))
        facts.append((label("best", lang), str(max(p.overall for p in progress.scores))))
    blocks: list[Block] = [Facts(facts)]
    if not calls:
        blocks.append(Para(label("no_sessions", lang)))
    if progress.scores:
        blocks.append(trend_chart(progress.scores, lang))
    if progress.rules:
        blocks += [Heading(label("top_rules", lang)), rules_table(progress, lang)]
    if recommendation is not None:
        blocks.append(Heading(label("next", lang)))
        blocks.append(Para(f"{recommendation.title} ({recommendation.scenario})"))
        blocks.append(Para(recommendation.reason))
    if calls:
        blocks += [Heading(label("call_list", lang)), calls_table(calls, lang)]
    title = f"{label('trainee_report', lang)}{colon(lang)}{progress.trainee}"
    return Document(title, lang, blocks)


def class_document(board: ClassBoard, lang: Lang, calls: Sequence[SessionRecord] = ()) -> Document:
    """A class's report: the ranked board, then every call it counts (``calls``)."""
    ranked = [r for r in board.rows if r.overall is not None]
    blocks: list[Block] = [
        Facts([(label("class", lang), board.name), (label("members", lang), str(len(board.rows)))])
    ]
    if ranked:
        blocks.append(Bars(label("overall", lang), [(r.trainee, r.overall or 0) for r in ranked]))
    else:
        blocks.append(Para(label("no_sessions", lang)))
    blocks.append(Heading(label("board", lang)))
    blocks.append(Table(board_header(lang), [board_cells(r, lang) for r in board.rows]))
    if calls:
        blocks += [Heading(label("call_list", lang)), calls_table(calls, lang, who=True)]
    return Document(f"{label('class_report', lang)}{colon(lang)}{board.name}", lang, blocks)


def trainee_json(
    progress: Progress,
    calls: Sequence[SessionRecord],
    recommendation: Recommendation | None = None,
) -> dict[str, object]:
    return {
        **progress.to_json(),
        "sessions": [s.to_json() for s in calls],
        "recommendation": recommendation.to_json() if recommendation else None,
    }


def class_json(board: ClassBoard, sessions: Sequence[SessionRecord]) -> dict[str, object]:
    return {**board.to_json(), "sessions": [s.to_json() for s in sessions]}
