"""Drawing lots for who faces the customer next: nobody twice until everyone has gone.

Pure: the caller supplies the random generator, seeded for a reproducible class
or from the system for a real draw, and the store persists what was drawn.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence


def lot_rng(seed: int | None, class_name: str, round_no: int, position: int) -> random.Random:
    """Seeded: the same class state and seed always draw the same name."""
    if seed is None:
        return random.SystemRandom()
    return random.Random(f"{seed}/{class_name}/{round_no}/{position}")


def draw_lot(
    members: Sequence[str], drawn: Collection[str], rng: random.Random
) -> tuple[str, bool, tuple[str, ...]]:
    """Pick one member not yet drawn this round.

    Returns the name, whether a new round had to start (everyone had gone), and
    who is still waiting in the round after this draw.
    """
    if not members:
        raise ValueError("nobody to draw: the class has no members")
    waiting = sorted(m for m in set(members) if m not in drawn)
    new_round = not waiting
    if new_round:
        waiting = sorted(set(members))
    name = rng.choice(waiting)
    return name, new_round, tuple(w for w in waiting if w != name)
