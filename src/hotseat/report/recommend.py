"""What to practise next: a scenario that exercises the trainee's weakest rules, not yet mastered.

Pure: it reads the trainee's progress and the scenarios, nothing else. A
scenario exercises the rule codes its examples name: a failing example's
``expect.codes`` are what it provokes (weighted double), a model example's
``absent_codes`` are what it tests the trainee can avoid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hotseat.i18n import rule_label
from hotseat.moves import Lang
from hotseat.scenario.model import Scenario
from hotseat.store.records import Progress, RuleCount

MASTERY = 80  # a resolved call at or above this overall score masters a scenario
WEAKEST = 5  # how many of the most-broken rules steer the choice
PROVOKES = 2
TESTS = 1
SAME_AREA = 0.25  # a scenario that exercises the area, if not the very rule


@dataclass(frozen=True, slots=True)
class Recommendation:
    scenario: str
    title: str
    codes: tuple[str, ...]
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "title": self.title,
            "codes": list(self.codes),
            "reason": self.reason,
        }


def exercised(scenario: Scenario) -> Counter[str]:
    """Rule code -> how strongly the scenario's examples exercise it."""
    weights: Counter[str] = Counter()
    for example in scenario.examples:
        for code in example.expect.codes:
            weights[code] += PROVOKES
        for code in example.expect.absent_codes:
            weights[code] += TESTS
    return weights


def mastered(progress: Progress) -> set[str]:
    return {
        key
        for key, stats in progress.scenarios.items()
        if stats.best_resolved is not None and stats.best_resolved >= MASTERY
    }


def _lang_of(progress: Progress, default: Lang) -> Lang:
    played: Counter[Lang] = Counter()
    for stats in progress.scenarios.values():
        played[stats.lang] += stats.calls
    return played.most_common(1)[0][0] if played else default


def _fit(scenario: Scenario, weak: Sequence[RuleCount]) -> tuple[float, tuple[str, ...]]:
    weights = exercised(scenario)
    areas = {code[:2] for code in weights}
    fit = 0.0
    hits: list[str] = []
    for rule in weak:
        if weights[rule.code]:
            fit += rule.count * weights[rule.code]
            hits.append(rule.code)
        elif rule.area.value in areas:
            fit += rule.count * SAME_AREA
    return fit, tuple(hits)


def _reason(scenario: Scenario, hits: Sequence[RuleCount], best: int | None, lang: Lang) -> str:
    zh = lang == "zh"
    if hits:
        rules = ("、" if zh else ", ").join(
            f"{rule_label(r.code, r.name, lang)} (×{r.count})" for r in hits
        )
        why = (
            f"这个场景专练你最常犯的规则：{rules}。"
            if zh
            else f"It exercises the rules you break most: {rules}."
        )
    else:
        why = (
            f"难度 {scenario.difficulty}，正适合作为下一步。"
            if zh
            else f"Difficulty {scenario.difficulty}: the right next step up."
        )
    if best is None:
        seen = "你还没练过这个场景。" if zh else "You have not played it yet."
    else:
        seen = (
            f"你在这里的最好成绩是 {best} 分，还没达到 {MASTERY} 分的熟练线。"
            if zh
            else f"Your best here is {best}, short of the {MASTERY} that masters it."
        )
    return f"{why} {seen}" if not zh else why + seen


def _twin(
    scenarios: Sequence[Scenario], choice: Scenario, lang: Lang, done: set[str]
) -> Scenario | None:
    """The same scenario in ``lang``, if there is one the trainee can still practise."""
    return next(
        (
            s
            for s in scenarios
            if s.id == choice.id and s.lang == lang and "practice" in s.modes and s.key not in done
        ),
        None,
    )


def recommend(
    scenarios: Sequence[Scenario],
    progress: Progress,
    lang: Lang = "en",
    practice_lang: Lang | None = None,
) -> Recommendation | None:
    """The scenario to practise next, with the reason in ``lang``; None when all are mastered.

    Scenarios are taken in ``practice_lang``, else the language the trainee
    plays most (``lang`` for a newcomer), and must suit self-practice. The best
    fit to the weakest rules wins; ties go to a scenario not yet played, then the
    easier one, then by id. Unless ``practice_lang`` says otherwise, a choice that
    has a twin in ``lang`` (the same id, the interface language), practisable and
    not mastered, is given as that twin: a Chinese interface sends no one to the
    English version of a scenario that exists in Chinese.
    """
    plays = practice_lang or _lang_of(progress, lang)
    done = mastered(progress)
    candidates = [
        s for s in scenarios if s.lang == plays and "practice" in s.modes and s.key not in done
    ]
    if not candidates:
        return None
    weak = progress.rules[:WEAKEST]

    def rank(s: Scenario) -> tuple[float, bool, int, str]:
        fit, _ = _fit(s, weak)
        return (-fit, s.key in progress.scenarios, s.difficulty, s.key)

    choice = min(candidates, key=rank)
    if practice_lang is None:
        choice = _twin(scenarios, choice, lang, done) or choice
    _, codes = _fit(choice, weak)
    hits = [r for r in weak if r.code in codes]
    return Recommendation(
        scenario=choice.key,
        title=choice.title,
        codes=codes,
        reason=_reason(choice, hits, progress.best(choice.key), lang),
    )
