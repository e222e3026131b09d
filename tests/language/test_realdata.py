"""Real helpdesk replies (shared/realdata, read in place, never copied): the analyzer copes.

They carry no labels, so these checks are sanity floors rather than accuracy
bars: every reply is analysed without error, replies that say sorry / 抱歉 are
heard apologising, and replies that end with a question mark are heard asking.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotseat.language import analyze
from hotseat.moves import Lang, MoveKind

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"


def _utterances(lang: str) -> list[str]:
    path = REALDATA / f"{lang}_agent_utts.jsonl"
    if not path.exists():
        pytest.skip(f"real data not available at {path}")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


@pytest.mark.parametrize(
    ("lang", "apology_words"),
    [("zh", ("抱歉", "对不起", "不好意思")), ("en", ("sorry", "apologi"))],
)
def test_real_replies(lang: Lang, apology_words: tuple[str, ...]) -> None:
    texts = _utterances(lang)
    apologetic = asked = heard_apology = heard_question = 0
    for text in texts:
        analysis = analyze(text, lang)
        assert all(0 <= m.start < m.end <= len(text) for m in analysis.moves)
        if any(word in text.lower() for word in apology_words):
            apologetic += 1
            heard_apology += analysis.has(MoveKind.APOLOGY)
        if text.rstrip().endswith(("?", "？")):
            asked += 1
            heard_question += analysis.has(MoveKind.QUESTION)
    assert apologetic > 20 and asked > 20
    assert heard_apology / apologetic >= 0.9
    assert heard_question / asked >= 0.95
