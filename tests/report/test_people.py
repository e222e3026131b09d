"""Trainee and class reports, CSV and xAPI: same facts in every format, hostile text kept inert."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import datetime

from markdown_it import MarkdownIt

from hotseat.report.html import render_html
from hotseat.report.markdown import render_markdown
from hotseat.report.people import class_document, class_json, trainee_document, trainee_json
from hotseat.report.recommend import Recommendation
from hotseat.report.tabular import COLUMNS, sessions_csv
from hotseat.report.xapi import ADL, statement, statements
from hotseat.store.records import ClassBoard, Progress, SessionRecord

from .conftest import HOSTILE, make_record
from .test_export_session import parse

ADVICE = Recommendation("en/for-kicks", "Just for kicks " + HOSTILE, ("ET001",), "Because.")


def test_trainee_report_in_html_and_markdown(
    progress: Progress, calls: tuple[SessionRecord, ...]
) -> None:
    doc = trainee_document(progress, calls, "en", ADVICE)
    page = render_html(doc)
    tags = parse(page)
    assert "script" not in tags.tags and not any(a.startswith("on") for a in tags.attrs)
    text = "".join(tags.text)
    assert HOSTILE in text  # name and titles shown, as text
    assert "ET001 rude-language" in text and "Just for kicks" in text
    assert page.count("<svg") == 1 and page.count("<polyline") == 6  # overall + 5 areas
    md = render_markdown(doc)
    rendered = parse(MarkdownIt("commonmark").enable("table").render(md))
    assert "script" not in rendered.tags
    assert "interrupted" in md and "| 3 | 2026-03-03 09:00 |" in md


def test_trainee_json_carries_records_rules_and_advice(
    progress: Progress, calls: tuple[SessionRecord, ...]
) -> None:
    data = json.loads(json.dumps(trainee_json(progress, calls, ADVICE), ensure_ascii=False))
    assert [s["status"] for s in data["sessions"]] == ["interrupted", "finished", "finished"]
    assert (data["calls"], data["finished"]) == (3, 2)
    assert data["scores"][-1] == {"overall": 65, "AP": 65, "PR": 65, "CT": 65, "ET": 65, "EM": 65}
    assert data["rules"] == [
        {"code": "ET001", "name": "rude-language", "area": "ET", "count": 4, "sessions": 2}
    ]
    assert data["recommendation"]["scenario"] == "en/for-kicks"


def test_class_report_ranks_and_escapes(board: ClassBoard) -> None:
    page = render_html(class_document(board, "zh"))
    tags = parse(page)
    assert "script" not in tags.tags and HOSTILE in "".join(tags.text)
    assert "班级排行榜" in page and "PR001 打包票 ×3" in page  # the rule named in Chinese
    assert "guarantee" not in page  # not its English slug (issue 14.6)
    data = class_json(board, [make_record(7, HOSTILE, 81, "resolved")])
    assert [r["rank"] for r in data["rows"]] == [1, None]  # type: ignore[index]
    assert data["sessions"][0]["id"] == 7  # type: ignore[index]


def test_csv_has_one_row_a_call_and_defuses_formulas() -> None:
    records = [
        make_record(1, '=HYPERLINK("http://x")', 70, "resolved", class_name="@cls"),
        make_record(2, "王芳", None, None),
    ]
    rows = list(csv.reader(io.StringIO(sessions_csv(records))))
    assert rows[0] == COLUMNS
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["trainee"] == '\'=HYPERLINK("http://x")' and first["class"] == "'@cls"
    assert (first["status"], first["overall"], first["AP"]) == ("finished", "70", "70")
    second = dict(zip(COLUMNS, rows[2], strict=True))
    assert (second["trainee"], second["status"], second["overall"]) == ("王芳", "interrupted", "")


IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s]+$")
DURATION = re.compile(r"^P(?:\d+D)?T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?$")


def check_statement(s: dict[str, object]) -> None:
    """The xAPI 1.0.3 requirements a learning-record store enforces on these fields."""
    assert uuid.UUID(str(s["id"]))
    actor = s["actor"]
    assert isinstance(actor, dict) and actor["objectType"] == "Agent"
    assert IRI.match(actor["account"]["homePage"]) and actor["account"]["name"]
    verb = s["verb"]
    assert isinstance(verb, dict) and verb["id"].startswith(ADL) and verb["display"]["en-US"]
    obj = s["object"]
    assert isinstance(obj, dict) and obj["objectType"] == "Activity" and IRI.match(obj["id"])
    assert IRI.match(obj["definition"]["type"])
    result = s["result"]
    assert isinstance(result, dict)
    if "score" in result:
        score = result["score"]
        assert -1 <= score["scaled"] <= 1 and score["min"] <= score["raw"] <= score["max"]
    if "duration" in result:
        assert DURATION.match(result["duration"])
    context = s["context"]
    assert isinstance(context, dict) and uuid.UUID(context["registration"])
    for key in context.get("extensions", {}):
        assert IRI.match(key)
    for key in result.get("extensions", {}):
        assert IRI.match(key)
    assert datetime.fromisoformat(str(s["timestamp"]).replace("Z", "+00:00")).tzinfo is not None


def test_xapi_verbs_follow_how_the_call_went() -> None:
    cases = {
        "passed": make_record(1, overall=75, outcome="resolved"),
        "failed": make_record(2, overall=45, outcome="resolved"),
        "exited": make_record(3, overall=20, outcome="abandoned", stepped_out=True),
        "suspended": make_record(4, overall=None, outcome=None),
    }
    for verb, record in cases.items():
        s = statement(record, "https://academy.example.com/hotseat")
        check_statement(s)
        assert s["verb"] == {"id": ADL + verb, "display": {"en-US": verb}}  # type: ignore[index]
    passed = statement(cases["passed"])
    assert passed["result"]["score"]["scaled"] == 0.75  # type: ignore[index]
    assert passed["result"]["success"] is True  # type: ignore[index]
    assert passed["result"]["duration"] == "PT0H4M5.50S"  # type: ignore[index]
    assert "score" not in statement(cases["suspended"])["result"]  # type: ignore[operator]


def test_xapi_ids_are_stable_and_classes_are_grouped() -> None:
    record = make_record(9, "王芳", 70, "resolved", class_name="一班 A")
    first, again = statements([record, record])
    assert first == again  # re-exporting sends the same statement id
    check_statement(first)
    grouping = first["context"]["contextActivities"]["grouping"][0]  # type: ignore[index]
    assert grouping["id"] == "https://hotseat.invalid/classes/%E4%B8%80%E7%8F%AD%20A"
    assert first["actor"]["name"] == "王芳"  # type: ignore[index]
    assert first["object"]["definition"]["name"] == {"en": record.title}  # type: ignore[index]
