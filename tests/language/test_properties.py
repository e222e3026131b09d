"""Properties that hold for any input: no exception, spans inside the text, same answer twice.

Random Unicode alone rarely reaches the grammar, so one strategy also stitches
lexicon phrases, punctuation and odd characters together.
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from hotseat.language import analyze, normalize
from hotseat.language.lexicon import builtin_lexicon
from hotseat.moves import Lang, MoveKind

LANG_CHOICES: tuple[Lang | None, ...] = (None, "zh", "en")
# Every code point, lone surrogates included.
ANY_CHAR = st.characters(exclude_categories=())
PIECES = [
    "对不起", "我会", "不能保证", "一定", "今天", "24小时内", "给您", "退款", "吗", "？",
    "，", "。", "您说", "“", "”", "「", "」", "'", '"', "对吧", "请问", "什么", "嗯", "已经",
    "了", "为了",
    "sorry", "I'll", "can't promise", "definitely", "today", "refund", "?", ",", ".", " and ",
    " but ", "you said", "is that right", "let me check", "within 3 days", "ok", "…", "ﬁ",
    "\ud800", "\x00", "\u202e", "😀", "ｓｏｒｒｙ", "對不起", "係咪", " - ", "\n",
]  # fmt: skip
STITCHED = st.lists(st.one_of(st.sampled_from(PIECES), st.text(ANY_CHAR, max_size=3)), max_size=25)


def _check(text: str) -> None:
    for lang in LANG_CHOICES:
        analysis = analyze(text, lang)
        for move in analysis.moves:
            assert 0 <= move.start < move.end <= len(text)
            if move.kind is not MoveKind.PROMISE:
                assert not (move.guarantee or move.deadline or move.compensation)
            if move.hours is not None:
                assert move.deadline and move.hours >= 0
        for span in analysis.refusals:
            assert 0 <= span.start <= span.end <= len(text)
        assert [m.start for m in analysis.moves] == sorted(m.start for m in analysis.moves)
        assert analyze(text, lang) == analysis


@settings(max_examples=300, deadline=None)
@given(st.text(ANY_CHAR, max_size=200))
def test_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None)
@given(STITCHED)
def test_stitched_phrases(pieces: list[str]) -> None:
    _check("".join(pieces))


@settings(max_examples=300, deadline=None)
@given(st.text(ANY_CHAR, max_size=60), st.integers(-5, 70), st.integers(-5, 70))
def test_to_original_stays_inside(text: str, start: int, end: int) -> None:
    norm = normalize(text)
    s, e = norm.to_original(start, end)
    assert 0 <= s <= e <= len(text)


def test_huge_and_degenerate_inputs() -> None:
    for text in [
        "",
        " ",
        "?" * 1000,
        "对不起" * 30_000,
        ("I'm sorry, I'll call you back today. " * 3000)[:100_000],
        "\ud800" * 50,
        "\u202e\u202d" + "مرحبا" * 100,
        "\x00\x01\x02" * 100,
    ]:
        _check(text)


def test_long_repetitive_inputs_stay_linear() -> None:
    """Every phrase repeated tens of thousands of times, with and without separators:
    a rule that looks back over the whole reply per clause would take minutes here."""
    for lang in ("zh", "en"):
        lexicon = builtin_lexicon(lang)
        for phrases in lexicon.phrases.values():
            for sep in ("", ", " if lang == "en" else "，", "? " if lang == "en" else "？"):
                unit = phrases[0] + sep
                text = unit * (20_000 // len(unit))
                start = time.process_time()
                analyze(text, lang)
                assert time.process_time() - start < 2.0, (lang, phrases[0], sep)
