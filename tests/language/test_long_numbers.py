"""A flood of digits or numerals before a time unit is read, never crashes the reader.

Regression for issue 15.1: 309+ digits before 小时/hours overflowed a float
(``count * hours``) and 4,301+ digits broke ``int()``, killing the TUI on that reply,
``hotseat analyze`` at that line and ``hotseat score`` altogether.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from helpers.fixture_scenario import make_scenario
from hotseat.cli import main
from hotseat.language.analyzer import analyze
from hotseat.moves import MoveKind
from hotseat.session import Session

FLOODS = [
    ("zh", "我会在" + "9" * 400 + "小时内给您回复"),
    ("zh", "我们会在" + "9" * 5000 + "个小时内处理好"),
    ("zh", "我会在" + "三" * 600 + "天内给您答复"),
    ("zh", "我会在" + "１" * 5000 + "小时内回电"),  # full-width digits, folded by NFKC
    ("en", "I will call you back within " + "9" * 400 + " hours"),
    ("en", "We'll refund you in " + "7" * 5000 + " days"),
]


@pytest.mark.parametrize(("lang", "text"), FLOODS, ids=[f"{lang}-{len(t)}" for lang, t in FLOODS])
def test_a_digit_flood_is_still_a_promise_without_a_time(lang: str, text: str) -> None:
    promises = [m for m in analyze(text, lang).moves if m.kind is MoveKind.PROMISE]
    assert promises, "the commitment is still read"
    assert all(m.hours is None for m in promises)  # no time is taken from a flood


@pytest.mark.parametrize(
    ("lang", "text", "hours"),
    [
        ("zh", "我会在24小时内给您回复", 24.0),
        ("zh", "三个工作日内给您答复", 72.0),
        ("en", "I'll ring you back within 48 hours", 48.0),
        ("zh", "我会在123456小时内回复", 123456.0),
    ],
)
def test_ordinary_times_are_still_read(lang: str, text: str, hours: float) -> None:
    (promise,) = [m for m in analyze(text, lang).moves if m.kind is MoveKind.PROMISE]
    assert promise.deadline and promise.hours == hours


def test_a_digit_flood_goes_through_a_whole_session_and_the_cli() -> None:
    session = Session(make_scenario(), seed=1)
    session.reply(FLOODS[1][1])
    assert session.transcript[-1].speaker == "customer"  # the call goes on
    lines = "\n".join(json.dumps({"text": t, "lang": lang}) for lang, t in FLOODS) + "\n"
    result = CliRunner().invoke(main, ["analyze"], input=lines)
    assert result.exit_code == 0 and not result.stderr
    assert len(result.stdout.splitlines()) == len(FLOODS)
