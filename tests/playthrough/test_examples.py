"""Every shipped scenario's example conversations are its test plan (as Yarn Spinner pairs scripts
with test plans): replay each and check what it promises. On top, two bad conversations every
scenario must punish, whatever its author wrote: apology spam and arguing."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scenario.model import Example, Scenario
from hotseat.session import Session

SCENARIO_FILES = sorted(builtin_dir().glob("*/*.yaml"))


def play(scenario: Scenario, replies: list[str], *, seed: int = 0, mode: str = "onboarding"):
    session = Session(scenario, seed=seed, mode=mode)  # type: ignore[arg-type]
    for text in replies:
        if session.ended:
            break
        session.reply(text)
    session.abandon()
    return session.result()


def examples() -> list[tuple[Path, Example]]:
    out = []
    for path in SCENARIO_FILES:
        for example in load_scenario(path).examples:
            out.append((path, example))
    return out


@pytest.mark.parametrize(
    ("path", "example"),
    examples(),
    ids=lambda v: v.name if isinstance(v, Example) else f"{v.parent.name}/{v.stem}",
)
def test_example_conversation(path: Path, example: Example) -> None:
    scenario = load_scenario(path)
    result = play(scenario, example.replies, seed=example.seed, mode=example.mode)
    expect = example.expect
    codes = {f.code for f in result.findings}
    report = f"outcome={result.outcome} overall={result.scores.overall} codes={sorted(codes)}"
    if expect.outcome:
        assert result.outcome in expect.outcome, report
    if expect.overall_at_least is not None:
        assert result.scores.overall >= expect.overall_at_least, report
    if expect.overall_at_most is not None:
        assert result.scores.overall <= expect.overall_at_most, report
    assert set(expect.codes) <= codes, report
    assert not set(expect.absent_codes) & codes, report


def test_every_scenario_has_a_model_and_a_failing_example() -> None:
    assert SCENARIO_FILES, "no built-in scenarios found"
    for path in SCENARIO_FILES:
        kinds = {e.kind for e in load_scenario(path).examples}
        assert kinds >= {"model", "failing"}, path


def test_model_examples_meet_the_bar() -> None:
    """A model conversation must resolve with overall >= 80 (the issue's bar, not the author's)."""
    for path, example in examples():
        if example.kind != "model":
            continue
        scenario = load_scenario(path)
        result = play(scenario, example.replies, seed=example.seed, mode=example.mode)
        assert result.outcome == "resolved", (path, example.name)
        # every reply is heard: a model call that closed early hides its last lines from the test
        trainee_lines = [text for speaker, text in result.transcript if speaker == "trainee"]
        assert trainee_lines == example.replies, (path, example.name, "ended early")
        assert result.scores.overall >= 80, (path, example.name, result.scores.overall)


APOLOGY_SPAM = {
    "zh": [
        "对不起对不起，真的非常抱歉！",
        "实在抱歉，给您添麻烦了，对不起。",
        "真的很抱歉，非常对不起，是我们不好。",
        "抱歉抱歉，对不起，请您原谅。",
        "非常抱歉，实在对不起。",
        "对不起，真的对不起。",
    ],
    "en": [
        "I'm so sorry, I really apologize!",
        "Sorry, sorry, I'm truly sorry about this.",
        "My apologies, I'm very sorry, we're so sorry.",
        "I'm sorry. I'm really, really sorry.",
        "Apologies again, I'm so sorry.",
        "Sorry. So sorry.",
    ],
}
DEFENSIVE = {
    "zh": [
        "我们的系统不会出错的，这是您自己开通的。",
        "这是公司规定，我也没办法，您自己没看清楚。",
        "我们都是按流程办的，不可能多扣您的钱。",
        "您自己没注意，怪不了我们。",
        "规定就是规定，谁来都一样。",
        "这个没什么好说的，系统记录清清楚楚。",
    ],
    "en": [
        "Our system doesn't make mistakes. You must have signed up yourself.",
        "That's our policy, there's nothing I can do. You should have read the terms.",
        "We followed the process. There's no way we overcharged you.",
        "That's on you for not checking.",
        "Rules are rules, it's the same for everyone.",
        "There's nothing to discuss, the records are clear.",
    ],
}


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("script", [APOLOGY_SPAM, DEFENSIVE], ids=["apology-spam", "defensive"])
def test_bad_conversations_fail_on_every_scenario(path: Path, script: dict[str, list[str]]) -> None:
    scenario = load_scenario(path)
    result = play(scenario, script[scenario.lang])
    assert result.outcome == "hung_up" or result.scores.overall <= 40, (
        result.outcome,
        result.scores.overall,
    )
