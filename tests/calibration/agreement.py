"""How far the scorecard agrees with an expert trainer on the calibration calls (issue 12).

Each call in ``calls.jsonl`` is replayed through a real session (same scenario, seed
and mode, so the customer says what the trainer read) and scored; the figures
compare hotseat's overall score, band and flagged areas with the trainer's. Run
``.venv/bin/python tests/calibration/agreement.py`` (``-v`` lists every call) to print them;
``test_agreement.py`` holds them at the level reached.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hotseat.conversation import Area, band_of
from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scorecard import SessionResult
from hotseat.session import Session

CALLS = Path(__file__).resolve().parent / "calls.jsonl"


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


def play(call: dict[str, object]) -> SessionResult:
    """The call replayed as the trainee played it; ended by the trainee when replies run out."""
    lang, name = str(call["scenario"]).split("/")
    scenario = load_scenario(builtin_dir() / lang / f"{name}.yaml")
    session = Session(scenario, seed=int(call["seed"]), mode=call.get("mode", "onboarding"))  # type: ignore[arg-type]
    for text in call["replies"]:  # type: ignore[attr-defined]
        if session.ended:
            break
        session.reply(str(text))
    session.abandon()
    return session.result()


def judge(call: dict[str, object]) -> Judged:
    result = play(call)
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
    judged = [judge(c) for c in load_calls()]
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
