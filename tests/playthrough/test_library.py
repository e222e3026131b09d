"""The shipped library: required ids, no recycled lines, difficulty that means something."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scenario.model import Scenario
from hotseat.session import Session

REQUIRED = [
    "overcharged-data",
    "unsolicited-package",
    "public-figure",
    "hotline-donation",
    "for-kicks",
    "shock-drill",
]


def library() -> list[Scenario]:
    return [load_scenario(p) for p in sorted(builtin_dir().glob("*/*.yaml"))]


def test_required_ids_exist_in_both_languages_and_at_least_twelve_pairs() -> None:
    by_lang = {lang: {s.id for s in library() if s.lang == lang} for lang in ("zh", "en")}
    for scenario_id in REQUIRED:
        assert scenario_id in by_lang["zh"] and scenario_id in by_lang["en"], scenario_id
    assert by_lang["zh"] == by_lang["en"], "every scenario exists in both languages"
    assert len(by_lang["zh"]) >= 12


def customer_lines(s: Scenario) -> list[str]:
    out = [line for lines in s.lines.values() for line in lines]
    out += [line for lines in s.drill_lines.values() for line in lines]
    out += [line for fact in s.facts for line in fact.lines]
    out += [line for beat in s.beats for line in beat.lines]
    return out


def test_no_customer_line_is_used_twice_anywhere() -> None:
    counts = Counter(line.strip() for s in library() for line in customer_lines(s))
    reused = sorted(line for line, n in counts.items() if n > 1)
    assert not reused, reused[:10]


MEDIOCRE = {
    "zh": [
        "哦。",
        "这个我得查一下。",
        "嗯，然后呢？",
        "我们这边也不太清楚。",
        "好的好的。",
        "您别急。",
        "这个我也说不好。",
        "嗯。",
    ],
    "en": [
        "Okay.",
        "I'd have to look into that.",
        "Uh-huh, and then?",
        "We're not really sure.",
        "Right, right.",
        "Don't worry.",
        "I can't really say.",
        "Hmm.",
    ],
}


def mediocre(scenario: Scenario) -> tuple[int, int]:
    """(turns before the customer hung up, or 99 if they never did; final mood)."""
    session = Session(scenario, seed=1)
    for text in MEDIOCRE[scenario.lang]:
        if session.ended:
            break
        session.reply(text)
    hung_at = session.turn if session.outcome == "hung_up" else 99
    return hung_at, session.mood


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_difficulty_five_punishes_a_mediocre_call_harder_than_difficulty_one(lang: str) -> None:
    scenarios = [s for s in library() if s.lang == lang]
    easy = min(scenarios, key=lambda s: (s.difficulty, s.id))
    hard = max(scenarios, key=lambda s: (s.difficulty, s.id))
    assert easy.difficulty == 1 and hard.difficulty == 5
    easy_hung, easy_mood = mediocre(easy)
    hard_hung, hard_mood = mediocre(hard)
    assert hard_hung < easy_hung or (hard_hung == easy_hung and hard_mood > easy_mood), (
        (easy.id, easy_hung, easy_mood),
        (hard.id, hard_hung, hard_mood),
    )


# Calling the agent 姑娘 or "young man" guesses their sex and age; the customer addresses
# whoever answers the phone neutrally (issue 14.6). Third parties may still be described.
GENDERED_ADDRESS = {
    "zh": re.compile(r"(姑娘|小伙子|美女|帅哥|小妹妹)[，。！？]"),
    "en": re.compile(r"\b(young man|young lady|sweetheart)\b|,\s*(son|lad|missy)\b", re.IGNORECASE),
}


def test_the_customer_never_addresses_the_agent_by_a_guess_at_their_sex() -> None:
    found = [
        (s.key, line)
        for s in library()
        for line in customer_lines(s)
        if GENDERED_ADDRESS[s.lang].search(line)
    ]
    assert not found, found[:5]


def test_the_gendered_address_check_catches_the_old_lines() -> None:
    assert GENDERED_ADDRESS["zh"].search("哎哟姑娘，你可算接了。")
    assert GENDERED_ADDRESS["en"].search("Asked and answered, son. Check what you wrote.")
    assert not GENDERED_ADDRESS["zh"].search("营业厅的小姑娘五分钟就办完了")
    assert not GENDERED_ADDRESS["en"].search("I just want to ring my son.")
