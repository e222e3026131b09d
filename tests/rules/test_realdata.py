"""Real helpdesk dialogues (no scenario): the judge never crashes and skips what it cannot judge.

Reads ``../shared/realdata`` beside the repository (licensed data, never copied
here) and skips cleanly when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotseat.conversation import Call, Reply
from hotseat.language import analyze
from hotseat.moves import Lang
from hotseat.rules import Judge, score

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"


def dialogues(lang: Lang) -> list[Call]:
    path = REALDATA / f"dialogues_{lang}.jsonl"
    if not path.exists():
        pytest.skip(f"real data not available at {path}")
    calls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        turns = json.loads(line)["turns"]
        replies: list[Reply] = []
        before = ""
        for turn in turns:
            if turn["speaker"] == "customer":
                before = turn["text"]
                continue
            text = turn["text"]
            replies.append(
                Reply(len(replies) + 1, text, analyze(text, lang), customer_before=before)
            )
        calls.append(Call(lang, tuple(replies), outcome="resolved", close_turn=len(replies)))
    return calls


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_dialogues_are_judged_without_a_scenario(lang: Lang) -> None:
    judge = Judge()
    for call in dialogues(lang):
        findings = judge.replay(call)
        assert not {f.code for f in findings} & {r.code for r in judge.skipped(call)}
        for f in findings:
            if f.turn:
                assert f.quote == call.replies[f.turn - 1].text[f.start : f.end]
        scores = score(call, findings)
        assert 0 <= scores.overall <= 100
