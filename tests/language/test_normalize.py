"""Folding and language detection: what the lexicons see, and how spans find their way back."""

from __future__ import annotations

import pytest

from hotseat.language import detect_lang, normalize


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("非常抱歉！", "非常抱歉!"),  # full-width punctuation
        ("ＯＫ，２４小时", "ok,24小时"),  # full-width letters and digits
        ("對不起，我們會盡快處理", "对不起,我们会尽快处理"),  # Traditional to Simplified
        ("I'M SORRY", "i'm sorry"),  # case
        ("I’m sorry", "i'm sorry"),  # typographic apostrophe
        ("頭髮乾了", "头发干了"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert normalize(raw).text == folded
    assert normalize(raw).original == raw


def test_one_to_one_folds_keep_positions() -> None:
    norm = normalize("這個方案我立刻幫您退掉")
    assert len(norm.text) == len(norm.original)
    assert norm.to_original(5, 7) == (5, 7)


@pytest.mark.parametrize(
    ("raw", "word"), [("ﬁne… sorry", "sorry"), ("①②③ 抱歉…", "抱歉"), ("㈱ ok", "ok")]
)
def test_length_changing_folds_map_back(raw: str, word: str) -> None:
    norm = normalize(raw)
    assert len(norm.text) > len(norm.original)
    # every folded character maps into the original, in order
    spans = [norm.to_original(i, i + 1) for i in range(len(norm.text))]
    assert all(0 <= s < e <= len(raw) for s, e in spans)
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)
    # a folded word quotes back to the original characters
    start = norm.text.index(word)
    s, e = norm.to_original(start, start + len(word))
    assert raw[s:e] == word


def test_to_original_clamps_out_of_range_spans() -> None:
    norm = normalize("ﬁx")
    assert norm.to_original(-5, 100) == (0, 2)
    assert norm.to_original(3, 3) == (2, 2)


def test_lone_surrogates_and_control_characters_fold_without_error() -> None:
    norm = normalize("a\ud800b\x00對")
    assert norm.text == "a\ufffdb\x00对"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("非常抱歉", "zh"),
        ("I'm so sorry", "en"),
        ("sorry sorry，真的对不起，我们一定改进", "zh"),
        ("我先帮您check一下前三次的来电记录", "zh"),
        ("Your order 王 was shipped yesterday", "en"),
        ("", "en"),
        ("12345 !!!", "en"),
        ("唔好意思，真係好對唔住", "zh"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang
