"""Taiwan and Hong Kong Traditional read as their Simplified originals (issue 15.10).

A metamorphic test: every labeled Chinese reply in tests/data is converted with OpenCC's
s2tw and s2hk (character variants, the way a trainee in Taipei or Hong Kong would type
it) and must get exactly the moves, spans and flags of the original. t2s alone leaves
Taiwan's 著 (接著, 等著) and 想像 alone, and lost backchannels, empathy and rude moves.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import opencc
import pytest

from hotseat.language import analyze
from hotseat.moves import Move

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = sorted(DATA.glob("*_zh.jsonl"))
VARIANTS = ("s2tw", "s2hk")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _moves(text: str) -> tuple[Move, ...]:
    return analyze(text, "zh").moves


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_a_labeled_set_reads_the_same_in_taiwan_and_hong_kong_writing(
    path: Path, variant: str
) -> None:
    differ = []
    converted_any = False
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        variant_text = _converter(variant).convert(text)
        converted_any = converted_any or variant_text != text
        if _moves(variant_text) != _moves(text):
            differ.append((text, variant_text))
    assert converted_any, "the conversion changed nothing: the test would prove nothing"
    assert not differ, differ[:5]


@pytest.mark.parametrize(
    ("traditional", "move"),
    [
        ("嗯嗯，您接著說，我在聽。", "backchannel"),
        ("我能想像您當時有多著急。", "empathy"),
        ("說到底您就是衝著錢來的。", "rude"),
    ],
)
def test_taiwan_spellings_make_their_moves(traditional: str, move: str) -> None:
    assert move in [m.kind.value for m in _moves(traditional)]
