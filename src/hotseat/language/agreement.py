"""How far two independent labelings of the same replies agree: Cohen's κ per move.

Labels are only as good as their agreement: a move two careful labelers cannot
agree on (κ well under 0.6) cannot be learned or measured to 0.9 either, so the
κ table is read beside every F1 figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hotseat.language.scoring import FLAG_NAMES
from hotseat.moves import MoveKind

# One labeling of one reply: move counts and promise flags.
Labels = tuple[Mapping[str, int], frozenset[str]]


def cohen_kappa(first: list[bool], second: list[bool]) -> float | None:
    """Cohen's κ of two yes/no labelings; None when chance agreement is total (every item
    labeled the same way by both), where κ says nothing."""
    n = len(first)
    if n == 0 or n != len(second):
        raise ValueError("two labelings of the same non-empty list of items are needed")
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    yes_a, yes_b = sum(first) / n, sum(second) / n
    chance = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1 - chance)


@dataclass(frozen=True, slots=True)
class Agreement:
    """One measure's agreement over the doubly labeled replies."""

    name: str
    kappa: float | None  # presence/absence
    both: int  # replies both labelings mark
    either: int  # replies at least one labeling marks
    same_count: float  # share of replies whose counts are equal (0 = 0 counts too)


def agreement(first: Mapping[str, Labels], second: Mapping[str, Labels]) -> list[Agreement]:
    """κ per move and per promise flag over the ids both labelings hold, in a fixed order."""
    ids = sorted(set(first) & set(second))
    if not ids:
        return []
    out: list[Agreement] = []
    for kind in MoveKind:
        a = [first[i][0].get(kind.value, 0) for i in ids]
        b = [second[i][0].get(kind.value, 0) for i in ids]
        out.append(_measure(kind.value, a, b))
    for flag in FLAG_NAMES:
        a = [int(flag in first[i][1]) for i in ids]
        b = [int(flag in second[i][1]) for i in ids]
        out.append(_measure(f"flag:{flag}", a, b))
    return out


def _measure(name: str, a: list[int], b: list[int]) -> Agreement:
    yes_a, yes_b = [x > 0 for x in a], [x > 0 for x in b]
    return Agreement(
        name,
        cohen_kappa(yes_a, yes_b),
        sum(x and y for x, y in zip(yes_a, yes_b, strict=True)),
        sum(x or y for x, y in zip(yes_a, yes_b, strict=True)),
        sum(x == y for x, y in zip(a, b, strict=True)) / len(a),
    )
