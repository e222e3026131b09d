"""The bulk scorer: a transcript is judged as its replay would be, cache or no cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotseat.bulk import CallScorer, ScoredCall, Summary, batched, overall_bin, skipped_rules
from hotseat.conversation import Call, Reply
from hotseat.language import analyze
from hotseat.rules import RULES, Judge, Rulebook, score
from hotseat.transcripts import CallRecord, Turn

DATA = Path(__file__).resolve().parents[1] / "data"

ZH_CALL = CallRecord(
    "zh-1",
    "calls.jsonl:1",
    (
        Turn("customer", "你们凭什么多扣我180块？我从来没开通过这个流量包！"),
        Turn("agent", "对不起对不起，真的非常抱歉，实在对不起。"),
        Turn("customer", "道歉有什么用？"),
        Turn("agent", "这是您自己开通的，系统不会出错的。"),
        Turn("agent", "我保证今天一定给您退款。"),
    ),
)
EN_CALL = CallRecord(
    "en-1",
    "calls.jsonl:2",
    (
        Turn("customer", "You charged me twice and nobody told me!"),
        Turn("agent", "I understand how frustrating that is."),
        Turn("agent", "So, to confirm, you were charged twice this month, right?"),
        Turn("agent", "Thank you. I'll call you back within 24 hours with the refund status."),
    ),
)


def replayed(record: CallRecord) -> tuple[Call, list]:
    """The same call built by hand and judged with Judge.replay, the session's way."""
    lang = "zh" if record.id.startswith("zh") else "en"
    replies: list[Reply] = []
    before = ""
    for turn in record.turns:
        if turn.speaker == "customer":
            before = turn.text
            continue
        replies.append(
            Reply(len(replies) + 1, turn.text, analyze(turn.text, lang), customer_before=before)
        )
    call = Call(lang, tuple(replies), outcome="resolved", close_turn=len(replies))
    return call, Judge().replay(call)


@pytest.mark.parametrize("record", [ZH_CALL, EN_CALL], ids=["zh", "en"])
def test_a_transcript_is_judged_as_its_replay(record: CallRecord) -> None:
    call, findings = replayed(record)
    scored = CallScorer(Rulebook.default()).score(record)
    assert scored.error is None
    assert scored.lang == call.lang
    assert scored.replies == len(call.replies)
    assert list(scored.findings) == findings
    assert scored.scores == score(call, findings, Rulebook.default())


def test_bad_calls_say_so_and_a_customer_only_call_is_not_scored() -> None:
    scorer = CallScorer(Rulebook.default())
    broken = scorer.score(CallRecord("x", "f:3", error="invalid JSON: Expecting value"))
    assert broken.error == "invalid JSON: Expecting value" and broken.source == "f:3"
    lonely = scorer.score(CallRecord("y", "f:4", (Turn("customer", "hello?"), Turn("agent", " "))))
    assert lonely.error == "no agent replies to score"
    assert lonely.to_json() == {"id": "y", "source": "f:4", "error": "no agent replies to score"}


def test_the_language_is_detected_per_call_unless_fixed() -> None:
    rb = Rulebook.default()
    assert CallScorer(rb).score(ZH_CALL).lang == "zh"
    assert CallScorer(rb).score(EN_CALL).lang == "en"
    assert CallScorer(rb, lang="en").score(ZH_CALL).lang == "en"


def test_remembered_analyses_change_nothing() -> None:
    """Dev replies cycled twice, once through the cache and once without it."""
    rows = [json.loads(line) for line in (DATA / "dev_zh.jsonl").open(encoding="utf-8")]
    records = [
        CallRecord(
            f"c{i}",
            f"f:{i}",
            tuple(
                Turn(speaker, text)
                for row in rows[i % 40 : i % 40 + 3]
                for speaker, text in (("customer", row["context"]), ("agent", row["text"]))
            ),
        )
        for i in range(80)
    ]
    cached = CallScorer(Rulebook.default())
    uncached = CallScorer(Rulebook.default(), cached=0)
    assert [cached.score(r) for r in records] == [uncached.score(r) for r in records]


def test_ignored_rules_are_not_judged_and_not_named_as_skipped() -> None:
    rb = Rulebook.default().configured(ignore=("AP", "PR002"))
    scored = CallScorer(rb).score(ZH_CALL)
    assert scored.findings and not any(f.code.startswith("AP") for f in scored.findings)
    assert any(
        f.code.startswith("AP") for f in CallScorer(Rulebook.default()).score(ZH_CALL).findings
    )
    scenario_only = [r.code for r in RULES if r.needs_scenario]
    assert skipped_rules(Rulebook.default()) == scenario_only
    assert skipped_rules(rb) == [c for c in scenario_only if c != "PR002"]


def test_summary_counts_merge_like_one_pass() -> None:
    scorer = CallScorer(Rulebook.default())
    calls = [scorer.score(r) for r in (ZH_CALL, EN_CALL, ZH_CALL)]
    calls.append(ScoredCall("bad", "f:9", error="boom"))
    whole, first, rest = Summary(), Summary(), Summary()
    for c in calls:
        whole.add(c)
    for c in calls[:1]:
        first.add(c)
    for c in calls[1:]:
        rest.add(c)
    first.merge(rest)
    assert first == whole
    assert (whole.calls, whole.skipped) == (3, 1)
    assert whole.replies == 2 * 3 + 3
    codes = [f.code for c in calls for f in c.findings]
    assert whole.by_rule == {code: codes.count(code) for code in codes}
    assert sum(whole.distribution().values()) == 3
    assert whole.to_json(["CT001"])["rules_skipped_without_scenario"] == ["CT001"]


def test_score_bins_put_a_hundred_with_the_nineties() -> None:
    assert [overall_bin(s) for s in (0, 9, 10, 55, 89, 90, 100)] == [0, 0, 10, 50, 80, 90, 90]
    summary = Summary()
    summary.overall_bins[90] = 2
    assert summary.distribution()["90-100"] == 2 and len(summary.distribution()) == 10


def test_batched_keeps_order_and_the_remainder() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
