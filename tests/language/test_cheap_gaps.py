"""Words the lexicons missed or read in the wrong sense: chat and Cantonese spellings of time
and certainty, shop-chat commitment verbs, "back" with no money coming back, and "understand"
in a comprehension check. Each is paired with a look-alike that must stay as it was."""

from __future__ import annotations

import pytest

from hotseat.language.analyzer import Analyzer
from hotseat.moves import Lang, MoveKind

LEXICONS = Analyzer(reader=False)


def _promise(text: str, lang: Lang) -> tuple[bool, bool, bool] | None:
    promises = LEXICONS.analyze(text, lang).of(MoveKind.PROMISE)
    if not promises:
        return None
    return (
        any(p.guarantee for p in promises),
        any(p.deadline for p in promises),
        any(p.compensation for p in promises),
    )


@pytest.mark.parametrize(
    ("text", "lang", "flags"),
    [
        ("亲，立马给您补发", "zh", (False, True, False)),
        ("我哋聽晚之前覆你", "zh", (False, True, False)),
        ("明儿给您发出", "zh", (False, True, False)),
        ("梗系会帮你搞掂", "zh", (True, False, False)),
        ("我这边给您改价", "zh", (False, False, False)),
        ("帮您催单", "zh", (False, False, False)),
        ("给您退差价", "zh", (False, False, True)),
        ("I will call u back tmrw", "en", (False, True, False)),
        ("will refund u 2day itself", "en", (False, True, True)),
        ("we'll sort it tonite", "en", (False, True, False)),
        ("I gurantee it will be fixed", "en", (True, False, False)),
        ("I'll get your money back today", "en", (False, True, True)),
    ],
)
def test_commitments_in_chat_and_regional_spellings(
    text: str, lang: Lang, flags: tuple[bool, bool, bool]
) -> None:
    assert _promise(text, lang) == flags


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("您发货了吗？", "zh"),  # asks, commits to nothing
        ("商品已经发出了", "zh"),  # reports what was done
        ("Please go back to the home screen", "en"),
        ("It was back in stock on Monday", "en"),
    ],
)
def test_look_alikes_commit_to_nothing(text: str, lang: Lang) -> None:
    assert _promise(text, lang) is None


def test_call_back_brings_no_money_back() -> None:
    assert _promise("I'll call you back tomorrow", "en") == (False, True, False)
    assert _promise("I'll call u back", "en") == (False, False, False)


def test_understand_in_a_comprehension_check_is_no_empathy() -> None:
    check = LEXICONS.analyze("Do you understand how to reset it?", "en")
    assert not check.has(MoveKind.EMPATHY) and check.has(MoveKind.QUESTION)
    assert LEXICONS.analyze("I understand how frustrating this is.", "en").has(MoveKind.EMPATHY)
