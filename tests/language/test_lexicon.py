"""The lexicon files load and validate, and a rulebook can add phrases without code."""

from __future__ import annotations

from typing import Any, cast

import pytest

from hotseat.language import Analyzer
from hotseat.language.lexicon import CATEGORIES, LexiconError, builtin_lexicon, parse_lexicon
from hotseat.language.matcher import Matcher
from hotseat.moves import LANGS, MoveKind


@pytest.mark.parametrize("lang", LANGS)
def test_builtin_lexicons_load_and_fill_every_category_they_use(lang: str) -> None:
    lexicon = builtin_lexicon(lang)
    assert lexicon.lang == lang
    for name, phrases in lexicon.phrases.items():
        assert name in CATEGORIES
        assert phrases, f"{lang}.{name} is empty"
        assert all(p == p.strip() and p for p in phrases)
    assert Matcher(lexicon).size > 500


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_phrases_are_already_folded(lang: str) -> None:
    # Traditional or full-width entries are folded on load, so they can still match.
    lexicon = builtin_lexicon(lang)
    for phrases in lexicon.phrases.values():
        for phrase in phrases:
            assert phrase == phrase.casefold()
            assert "們" not in phrase and "這" not in phrase


def test_overrides_add_phrases_per_category() -> None:
    plain = Analyzer()
    extended = Analyzer(
        overrides={"zh": {"apology": ["失敬失敬"]}, "en": {"thanks": ["ta muchly"]}}
    )
    assert not plain.analyze("失敬失敬").has(MoveKind.APOLOGY)
    assert extended.analyze("失敬失敬").count(MoveKind.APOLOGY) == 1
    assert extended.analyze("ta muchly").count(MoveKind.THANKS) == 1
    # the built-in phrases are still there
    assert extended.analyze("非常抱歉").count(MoveKind.APOLOGY) == 1


def test_override_phrases_are_folded_like_the_builtin_ones() -> None:
    extended = Analyzer(overrides={"zh": {"apology": ["萬分過意不去"]}})
    assert extended.analyze("万分过意不去").count(MoveKind.APOLOGY) == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"fr": {"apology": ["désolé"]}}, "unknown language"),
        ({"zh": {"apologies": ["x"]}}, "unknown lexicon category 'apologies'"),
        ({"zh": {"apology": "对不起"}}, "expected a list of phrases"),
        ({"zh": {"apology": [""]}}, "non-empty string"),
        ({"zh": {"apology": [3]}}, "non-empty string"),
    ],
)
def test_bad_overrides_are_rejected_with_a_reason(
    overrides: dict[str, dict[str, object]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Analyzer(overrides=cast(Any, overrides))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "mapping at the top level"),
        ({"lang": "fr", "lexicon": {}}, "lang must be"),
        ({"lang": "zh"}, "missing the 'lexicon'"),
        ({"lang": "zh", "lexicon": {"sorry": ["x"]}}, "unknown category 'sorry'"),
        ({"lang": "en", "lexicon": {"backchannel": [True]}}, "non-empty string"),  # YAML yes/no
        ({"lang": "zh", "lexicon": {}, "deadline": {"soon": ["马上"]}}, "not a number of hours"),
        ({"lang": "zh", "lexicon": {}, "numbers": {"一": "one"}}, "numbers must map"),
        ({"lang": "zh", "lexicon": {}, "words": {"verbs": ["x"]}}, "words may only hold"),
    ],
)
def test_bad_lexicon_files_are_rejected_with_a_reason(raw: object, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(raw, "test.yaml")


def test_every_category_is_documented() -> None:
    assert all(doc and doc[0].islower() for doc in CATEGORIES.values())
