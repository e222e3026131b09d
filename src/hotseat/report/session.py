"""One call's report: the scorecard a trainee takes home, as Markdown, HTML or JSON."""

from __future__ import annotations

import json
from typing import Literal

from hotseat.conversation import Area
from hotseat.i18n import colon, rule_label, turn_label
from hotseat.moves import Lang
from hotseat.report.document import (
    Bars,
    Block,
    Document,
    Facts,
    Heading,
    Item,
    Items,
    LineChart,
    Para,
    Table,
    Transcript,
    Utter,
)
from hotseat.report.html import render_html
from hotseat.report.labels import label
from hotseat.report.markdown import render_markdown
from hotseat.report.svg import Series
from hotseat.rules.docs import texts
from hotseat.scorecard import SessionResult
from hotseat.store.records import SessionRecord

SessionFormat = Literal["md", "html", "json"]
SESSION_FORMATS: tuple[SessionFormat, ...] = ("md", "html", "json")


def when(record: SessionRecord) -> str:
    return record.started_at.strftime("%Y-%m-%d %H:%M UTC")


def outcome_text(outcome: str | None, lang: Lang) -> str:
    return label(f"outcome.{outcome or 'ongoing'}", lang)


def area_bars(areas: dict[Area, int], lang: Lang) -> Bars:
    return Bars(
        label("area_scores", lang), [(label(f"area.{a.value}", lang), areas[a]) for a in Area]
    )


def band_text(result: SessionResult, lang: Lang) -> str:
    """ "pass (pass mark 70)": the band and the mark it was judged against."""
    words = texts(lang).labels
    scores = result.scores
    return f"{words['band_' + scores.band]} ({words['pass_mark']} {scores.pass_mark})"


def score_table(result: SessionResult, lang: Lang) -> Table:
    """Every point lost or gained, one line each: the explanation the JSON holds."""
    words = texts(lang).labels
    rows = [
        [
            label(f"area.{line.area.value}", lang) if line.area else words["overall_line"],
            f"{line.points:+d}",
            " ".join(x for x in (line.code, line.reason) if x),
            turn_label(line.turn, lang) if line.turn else "",
        ]
        for line in result.scores.lines
    ]
    return Table([words["area"], words["points"], words["reason"], label("turn_axis", lang)], rows)


def session_blocks(
    result: SessionResult,
    record: SessionRecord | None,
    lang: Lang,
    level: int = 2,
    trainee: str | None = None,
) -> list[Block]:
    """The body of a call report; ``level`` lets a trainee report nest calls under a heading.

    ``trainee`` names who made a call that has no stored record (a record names its own).
    """
    words = texts(lang)
    facts: list[tuple[str, str]] = []
    name = record.trainee if record is not None else trainee
    if name:
        facts.append((label("trainee_name", lang), name))
    if record is not None:
        if record.class_name:
            facts.append((label("class", lang), record.class_name))
        facts.append((label("started", lang), when(record)))
    facts += [
        (label("scenario", lang), f"{result.title} ({result.scenario})"),
        (label("mode", lang), label(f"mode.{result.mode}", lang)),
        (label("seed", lang), str(result.seed)),
        (label("outcome", lang), outcome_text(result.outcome, lang)),
        (label("overall", lang), str(result.scores.overall)),
        (words.labels["band"], band_text(result, lang)),
    ]
    blocks: list[Block] = [Facts(facts)]
    if record is not None and record.stepped_out:
        blocks.append(Para(label("stepped_out_note", lang)))
    blocks.append(area_bars(result.scores.areas, lang))
    moods: list[int | None] = [result.mood_start, *result.moods]
    blocks.append(
        LineChart(
            label("mood_curve", lang),
            [Series(label("mood_axis", lang), moods)],
            [str(i) for i in range(len(moods))],
            label("turn_axis", lang),
        )
    )
    if result.elements:
        blocks.append(Heading(label("elements", lang), level))
        blocks.append(
            Table(
                [label("elements", lang), label("status", lang)],
                [
                    [
                        label(f"element.{e.value}", lang),
                        label("captured" if ok else "missing", lang),
                    ]
                    for e, ok in result.elements.items()
                ],
            )
        )
    blocks.append(Heading(words.labels["good_moves"], level))
    if result.praise:
        blocks.append(
            Items(
                [Item(f"{turn_label(p.turn, lang)}: {p.text}", (), "good") for p in result.praise]
            )
        )
    else:
        blocks.append(Para(words.labels["no_good_moves"]))
    blocks.append(Heading(label("findings", lang), level))
    if result.findings:
        blocks.append(
            Items(
                [
                    Item(
                        f"{rule_label(f.code, f.name, lang)} ({turn_label(f.turn, lang)})",
                        [f.message]
                        + ([f"{label('quote', lang)}{colon(lang)}“{f.quote}”"] if f.quote else [])
                        + [f"{label('tip', lang)}{colon(lang)}{f.tip}"],
                        f.severity,
                    )
                    for f in result.findings
                ]
            )
        )
    else:
        blocks.append(Para(label("no_findings", lang)))
    blocks.append(Heading(words.labels["score_lines"], level))
    blocks.append(score_table(result, lang))
    blocks.append(Heading(label("transcript", lang), level))
    speaker = name or label("trainee", lang)
    blocks.append(
        Transcript(
            [
                Utter(speaker if s == "trainee" else label("customer", lang), text, s)  # type: ignore[arg-type]
                for s, text in result.transcript
            ]
        )
    )
    return blocks


def session_document(
    result: SessionResult,
    record: SessionRecord | None = None,
    lang: Lang | None = None,
    trainee: str | None = None,
) -> Document:
    lang = lang or result.lang
    title = f"{label('call_report', lang)}{colon(lang)}{result.title}"
    return Document(title, lang, session_blocks(result, record, lang, trainee=trainee))


def session_json(
    result: SessionResult, record: SessionRecord | None = None, trainee: str | None = None
) -> dict[str, object]:
    """The scorecard's public JSON, with the stored record alongside when there is one."""
    data = result.to_json()
    if trainee:
        data["trainee"] = trainee
    if record is not None:
        data["record"] = record.to_json()
    return data


def export_session(
    result: SessionResult,
    fmt: SessionFormat,
    *,
    record: SessionRecord | None = None,
    lang: Lang | None = None,
    trainee: str | None = None,
) -> str:
    """One call as a Markdown, HTML or JSON document (the TUI's export button calls this).

    ``trainee`` names who made the call when there is no ``record`` to say so.
    """
    if fmt == "json":
        data = session_json(result, record, trainee)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    doc = session_document(result, record, lang, trainee)
    if fmt == "md":
        return render_markdown(doc)
    if fmt == "html":
        return render_html(doc)
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(SESSION_FORMATS)}")
