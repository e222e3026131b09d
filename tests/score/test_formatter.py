"""JSON Lines are ScoredCall.to_json() encoded, whatever the formatter remembers of past calls."""

from __future__ import annotations

import json

from hotseat.bulk import CallScorer, ScoredCall
from hotseat.cli.score import FINDINGS_KEPT, Formatter
from hotseat.conversation import Area, Finding, Scores
from hotseat.rules import Rulebook
from hotseat.transcripts import CallRecord, Turn

SCORES = Scores(dict.fromkeys(Area, 80), 80)


def plain(calls: list[ScoredCall]) -> str:
    """The line format as documented: one JSON object a call, errors left to stderr."""
    return "".join(
        json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in calls if c.error is None
    )


def finding(turn: int, message: str = '“引号”\n\\ and "quotes"') -> Finding:
    return Finding("AP002", "stacked-apology", Area.AP, "warning", turn, 0, 3, message, "tip")


def test_lines_are_the_calls_json_when_findings_repeat_across_calls() -> None:
    scorer = CallScorer(Rulebook.default())
    records = [
        CallRecord(
            f"c{i}",
            f"f:{i}",
            (
                Turn("customer", "你们凭什么多扣我钱？"),
                Turn("agent", "对不起对不起，真的非常抱歉。"),
                Turn("agent", "这是您自己开通的。" if i % 2 else "我理解您的心情。"),
            ),
        )
        for i in range(6)
    ]
    calls = [scorer.score(r) for r in records]
    calls.append(ScoredCall("bad", "f:9", error="invalid JSON"))
    calls.append(ScoredCall("empty", "f:10", "en", 1, (), SCORES))
    shared = {id(f) for c in calls for f in c.findings}
    assert len(shared) < sum(len(c.findings) for c in calls)  # the judge shared some findings
    formatter = Formatter("jsonl")
    assert formatter.rows(calls) == plain(calls)
    assert formatter.rows(calls) == plain(calls)  # again, every finding remembered


def test_findings_that_are_equal_but_distinct_are_each_encoded_and_memory_stays_bounded() -> None:
    formatter = Formatter("jsonl")
    calls = [
        ScoredCall(f"c{i}", "f:1", "zh", 1, (finding(i), finding(i), finding(0, "x")), SCORES)
        for i in range(FINDINGS_KEPT + 100)
    ]
    assert formatter.rows(calls) == plain(calls)
    assert len(formatter._findings) <= FINDINGS_KEPT
