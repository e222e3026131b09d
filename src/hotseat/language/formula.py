"""Stock phrases said again and again: the one reading the judge and the customer share.

A trainee who opens every reply with "I understand your concern" is reading a script,
not listening (BRIEF.md: comfort is the customer's situation and the agent's own
reaction, not a formula). The judge marks such a move as mechanical and the customer
hears it as a script, so both must agree on what "the same formula again" is: the same
kind of move made in the same words as in an earlier reply of the call, where the words
are compared folded (case, width and script) with punctuation and spaces ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from hotseat.language.normalize import normalize
from hotseat.moves import Analysis, Move, MoveKind

# The moves whose wording wears thin when repeated; a repeated question or promise is
# judged by other rules (asked again, promised twice), not as a formula.
FORMULA_KINDS: frozenset[MoveKind] = frozenset(
    {MoveKind.EMPATHY, MoveKind.APOLOGY, MoveKind.THANKS}
)


def wording(analysis: Analysis, move: Move) -> str:
    """A move's words as compared for repetition: folded, letters and digits only."""
    folded = normalize(analysis.quote(move)).text
    return "".join(char for char in folded if char.isalnum())


def formulas(
    analysis: Analysis, kinds: frozenset[MoveKind] = FORMULA_KINDS
) -> set[tuple[MoveKind, str]]:
    """The (kind, wording) pairs of one reply, for remembering what was already said."""
    return {(m.kind, wording(analysis, m)) for m in analysis.moves if m.kind in kinds}


def repeated_formulas(
    earlier: Iterable[Analysis],
    current: Analysis,
    kinds: frozenset[MoveKind] = FORMULA_KINDS,
) -> tuple[Move, ...]:
    """The moves of ``current`` made in the same words as the same kind of move earlier.

    ``earlier`` is the call's previous replies (any order). Each repeat is returned, so
    a reply that says the formula twice and had said it before yields both moves.
    """
    seen: set[tuple[MoveKind, str]] = set()
    for analysis in earlier:
        seen |= formulas(analysis, kinds)
    return tuple(
        m for m in current.moves if m.kind in kinds and (m.kind, wording(current, m)) in seen
    )
