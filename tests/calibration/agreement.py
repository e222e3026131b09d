"""How far the scorecard agrees with an expert trainer on the calibration calls (issue 12).

The expert scored the stored ``transcript`` of each call, so that is what is judged:
the trainee's replies are replayed through a real session (same scenario, seed and
mode) whose customer says the stored lines (``Session.say``), so every reply is read
against the line the trainee was answering, and the call ends as the stored call
ended. Run ``.venv/bin/python tests/calibration/agreement.py`` (``-v`` lists every
call, ``--holdout`` reads the held-out set instead) to print the figures;
``test_agreement.py`` holds them at the level reached.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hotseat.conversation import Area, Outcome, band_of
from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scenario.model import Reaction, Scenario
from hotseat.scorecard import SessionResult
from hotseat.session import Session

CALLS = Path(__file__).resolve().parent / "calls.jsonl"
HOLDOUT = Path(__file__).resolve().parent / "holdout.jsonl"


@dataclass(frozen=True, slots=True)
class Judged:
    """One calibration call: the trainer's verdict beside hotseat's."""

    id: str
    style: str
    expert: int
    expert_band: str
    must_flag: frozenset[str]
    must_not_flag: frozenset[str]
    score: int
    band: str
    flagged: frozenset[str]
    outcome: str | None
    codes: tuple[str, ...]
    diverged: bool = False  # today's customer would have said or done otherwise


@dataclass(frozen=True, slots=True)
class Agreement:
    """The figures the issue's bars are set on."""

    calls: int
    spearman: float
    spearman_without_excellent: float
    band_agreement: float
    fail_to_pass: int
    mean_gap: float
    missed: dict[str, tuple[int, int]] = field(default_factory=dict)  # area -> (missed, required)
    false_flags: dict[str, tuple[int, int]] = field(default_factory=dict)  # (raised, forbidden)

    def missed_rate(self, area: str) -> float:
        missed, required = self.missed.get(area, (0, 0))
        return missed / required if required else 0.0

    def false_rate(self, area: str) -> float:
        raised, forbidden = self.false_flags.get(area, (0, 0))
        return raised / forbidden if forbidden else 0.0


def load_calls(path: Path = CALLS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class StoredCall(Session):
    """A session that says the stored customer lines and ends only where the stored call did.

    Today's customer still reacts to every reply (mood, facts it gave, a close it
    accepted), but may end the call at another turn than the customer the expert
    read; its ending is kept as ``script_would`` and the stored end decides.
    """

    def __init__(self, scenario: Scenario, *, seed: int, mode: str) -> None:
        super().__init__(scenario, seed=seed, mode=mode)  # type: ignore[arg-type]
        self.script_would: Outcome | None = None
        self.script_turn: int | None = None
        self.diverged = False  # today's customer said or did something the stored one did not

    def _end(self, outcome: Outcome) -> None:
        if self.script_would is None:
            self.script_would, self.script_turn = outcome, self.turn

    def finish(self, outcome: Outcome) -> None:
        if self.close_turn is None and outcome == "resolved":
            self.close_turn = self.turn
        super()._end(outcome)


def _customer_lines(transcript: Sequence[dict[str, str]]) -> list[str]:
    """The stored customer's words: the opening, then what followed each trainee reply."""
    lines = [""]
    for utterance in transcript:
        if utterance["speaker"] == "trainee":
            lines.append("")
        else:
            sep = "" if not lines[-1] else " "
            lines[-1] = f"{lines[-1]}{sep}{utterance['text']}"
    return lines


def _stored_end(session: StoredCall, last_line: str) -> Outcome:
    """How the stored call ended, read from its last customer line.

    While today's customer said what the stored one said, its ending is the stored
    one. Otherwise the last stored line tells: one of the scenario's hang-up lines
    (or today's customer hanging up on that very reply) is a hang-up; one of its
    accepting lines (or today's customer accepting that reply) settles the call;
    any other line means the trainee said goodbye.
    """
    turn = session.turn
    own = session.script_would if session.script_turn == turn else None
    if not session.diverged and own is not None:
        return own
    scenario = session.scenario
    for reaction, outcome in ((Reaction.HANG_UP, "hung_up"), (Reaction.CLOSE, "resolved")):
        pool = [*scenario.lines.get(reaction, []), *scenario.drill_lines.get(reaction, [])]
        if last_line in pool or own == outcome:
            return outcome  # type: ignore[return-value]
    return "unresolved" if session.close_refused else "abandoned"


def play(call: dict[str, object]) -> tuple[SessionResult, bool]:
    """The stored call as the expert read it, and whether today's customer diverged from it."""
    lang, name = str(call["scenario"]).split("/")
    scenario = load_scenario(builtin_dir() / lang / f"{name}.yaml")
    session = StoredCall(scenario, seed=int(call["seed"]), mode=str(call.get("mode", "onboarding")))
    stored = _customer_lines(call["transcript"])  # type: ignore[arg-type]
    session.diverged = session.transcript[0].text != stored[0]
    session.say(stored[0])
    for index, text in enumerate(call["replies"], start=1):  # type: ignore[attr-defined]
        ended_before = session.script_would is not None
        session.reply(str(text))
        line = stored[index] if index < len(stored) else ""
        if ended_before or session.transcript[-1].text != line:
            session.diverged = True
        session.say(line)
    session.finish(_stored_end(session, stored[-1]))
    return session.result(), session.diverged


def judge(call: dict[str, object]) -> Judged:
    result, diverged = play(call)
    expert: dict[str, object] = call["expert"]  # type: ignore[assignment]
    return Judged(
        id=str(call["id"]),
        style=str(call.get("style", "")),
        expert=int(expert["score"]),  # type: ignore[call-overload]
        expert_band=str(expert["band"]),
        must_flag=frozenset(expert.get("must_flag", {})),  # type: ignore[arg-type]
        must_not_flag=frozenset(expert.get("must_not_flag", {})),  # type: ignore[arg-type]
        score=result.scores.overall,
        band=result.scores.band,
        flagged=frozenset(f.area.value for f in result.findings),
        outcome=result.outcome,
        codes=tuple(f.code for f in result.findings),
        diverged=diverged,
    )


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank (as Spearman's rho needs)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation: Pearson's r on the ranks."""
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def agreement(judged: Iterable[Judged]) -> Agreement:
    rows = list(judged)
    plain = [r for r in rows if not r.style.startswith("excellent")]
    missed: dict[str, tuple[int, int]] = {}
    false_flags: dict[str, tuple[int, int]] = {}
    for area in (a.value for a in Area):
        required = [r for r in rows if area in r.must_flag]
        forbidden = [r for r in rows if area in r.must_not_flag]
        missed[area] = (sum(area not in r.flagged for r in required), len(required))
        false_flags[area] = (sum(area in r.flagged for r in forbidden), len(forbidden))
    return Agreement(
        calls=len(rows),
        spearman=spearman([r.expert for r in rows], [r.score for r in rows]),
        spearman_without_excellent=spearman([r.expert for r in plain], [r.score for r in plain]),
        band_agreement=sum(r.band == band_of(r.expert) for r in rows) / len(rows),
        fail_to_pass=sum(r.expert_band == "fail" and r.band == "pass" for r in rows),
        mean_gap=sum(abs(r.score - r.expert) for r in rows) / len(rows),
        missed=missed,
        false_flags=false_flags,
    )


def report(figures: Agreement) -> str:
    out = [
        f"calls                          {figures.calls}",
        f"Spearman                       {figures.spearman:.3f}",
        f"Spearman without excellent     {figures.spearman_without_excellent:.3f}",
        f"band agreement                 {figures.band_agreement:.1%}",
        f"trainer fails, hotseat passes  {figures.fail_to_pass}",
        f"mean absolute gap              {figures.mean_gap:.1f}",
        "area  required flags missed   forbidden flags raised",
    ]
    for area in (a.value for a in Area):
        m, req = figures.missed[area]
        f, forb = figures.false_flags[area]
        out.append(
            f"{area}    {m:>2}/{req:<2} {figures.missed_rate(area):>6.1%}"
            f"          {f:>2}/{forb:<2} {figures.false_rate(area):>6.1%}"
        )
    return "\n".join(out)


def main(argv: list[str]) -> int:
    judged = [judge(c) for c in load_calls(HOLDOUT if "--holdout" in argv else CALLS)]
    if "-v" in argv:
        for r in judged:
            missed = sorted(r.must_flag - r.flagged)
            false = sorted(r.must_not_flag & r.flagged)
            print(
                f"{r.id:<10} {r.style[:28]:<28} expert {r.expert:>3} {r.expert_band:<10} "
                f"hotseat {r.score:>3} {r.band:<10} {r.outcome or '-':<10} "
                f"missed {','.join(missed) or '-':<8} false {','.join(false) or '-':<8} "
                f"{' '.join(r.codes)}"
            )
        print()
    print(report(agreement(judged)))
    print(f"replays that diverged from the stored call  {sum(r.diverged for r in judged)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
