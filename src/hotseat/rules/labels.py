"""Accepted corrections as labeled replies, in the labeling guide's format (LABELING.md).

A trainer who accepts "this finding is wrong" or "this reply made a move no rule
caught" has labeled that reply: its moves are the analyzer's reading, corrected
by the verdict. Written out this way, the corrections join the reader's labeled
sets and are checked by the same loader that reads the eval sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotseat.moves import Analysis, Lang, MoveKind

# The move a finding stands on, and the promise flag when the rule is about one: a finding
# marked wrong means the reply does not make that move (or the promise lacks that flag).
# Close findings that say a move was missing (EM001 "no empathy") mean, marked wrong, that
# the reply made the move after all.
PRESENT: dict[str, tuple[MoveKind, str | None]] = {
    "AP001": (MoveKind.APOLOGY, None),
    "AP002": (MoveKind.APOLOGY, None),
    "PR001": (MoveKind.PROMISE, "guarantee"),
    "PR002": (MoveKind.PROMISE, None),
    "PR003": (MoveKind.PROMISE, "compensation"),
    "PR004": (MoveKind.PROMISE, "deadline"),
    "CT002": (MoveKind.QUESTION, None),
    "CT003": (MoveKind.QUESTION, None),
    "CT004": (MoveKind.DEFEND, None),
    "CT006": (MoveKind.ADMISSION, None),
    "ET001": (MoveKind.RUDE, None),
    "ET002": (MoveKind.RUDE, None),
    "ET004": (MoveKind.DEFEND, None),
    "EM002": (MoveKind.APOLOGY, None),
}
ABSENT: dict[str, MoveKind] = {"EM001": MoveKind.EMPATHY, "AP004": MoveKind.APOLOGY}


@dataclass(frozen=True, slots=True)
class Verdict:
    """What an accepted correction says about one reply (the store's record, reduced)."""

    id: int
    lang: Lang
    text: str
    context: str
    kind: str  # "wrong" or "missed"
    code: str | None
    move: str | None
    reason: str


def exportable(verdict: Verdict) -> bool:
    """A correction the labels can express: a missed move, or a finding tied to a move."""
    if verdict.kind == "missed":
        return verdict.move is not None
    return verdict.code in PRESENT or verdict.code in ABSENT


def labeled(verdict: Verdict, analysis: Analysis) -> dict[str, object]:
    """The reply as a labeled line: the analyzer's counts with the trainer's correction applied."""
    counts = {kind.value: n for kind, n in analysis.counts().items() if n}
    flags = {
        flag
        for p in analysis.of(MoveKind.PROMISE)
        for flag in ("guarantee", "deadline", "compensation")
        if getattr(p, flag)
    }
    if verdict.kind == "missed" and verdict.move is not None:
        counts[verdict.move] = max(1, counts.get(verdict.move, 0))
    elif verdict.code in ABSENT:
        move = ABSENT[verdict.code].value
        counts[move] = max(1, counts.get(move, 0))
    elif verdict.code in PRESENT:
        kind, flag = PRESENT[verdict.code]
        if flag is not None:
            flags.discard(flag)
        else:
            counts.pop(kind.value, None)
    if "promise" not in counts:
        flags.clear()
    line: dict[str, object] = {"id": f"review-{verdict.id:05d}", "lang": verdict.lang}
    if verdict.context:
        line["context"] = verdict.context
    line["text"] = verdict.text
    line["moves"] = dict(sorted(counts.items()))
    line["promise_flags"] = sorted(flags)
    line["note"] = verdict.reason
    return line
