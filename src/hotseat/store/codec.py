"""SessionResult back from its public JSON, so a stored call reports exactly as it was scored."""

from __future__ import annotations

from typing import Any, cast

from hotseat.conversation import (
    FAIL_BELOW,
    PASS_MARK,
    Area,
    Finding,
    Outcome,
    ScoreLine,
    Scores,
    Severity,
)
from hotseat.moves import Lang
from hotseat.rules.praise import Praise
from hotseat.scenario.model import Element, Mode
from hotseat.scorecard import SessionResult


def finding_from_json(d: dict[str, Any]) -> Finding:
    return Finding(
        code=str(d["code"]),
        name=str(d["name"]),
        area=Area(d["area"]),
        severity=cast(Severity, d["severity"]),
        turn=int(d["turn"]),
        start=int(d["start"]),
        end=int(d["end"]),
        message=str(d["message"]),
        tip=str(d["tip"]),
        quote=str(d.get("quote", "")),
    )


def result_from_json(d: dict[str, Any]) -> SessionResult:
    """The inverse of ``SessionResult.to_json``."""
    scores = d["scores"]
    lines = tuple(
        ScoreLine(
            area=None if ln["area"] == "overall" else Area(ln["area"]),
            points=int(ln["points"]),
            reason=str(ln["reason"]),
            code=str(ln.get("code", "")),
            turn=int(ln.get("turn", 0)),
        )
        for ln in d.get("score_lines", [])
    )
    return SessionResult(
        scenario=str(d["scenario"]),
        title=str(d["title"]),
        lang=cast(Lang, d["lang"]),
        mode=cast(Mode, d["mode"]),
        seed=int(d["seed"]),
        outcome=cast("Outcome | None", d["outcome"]),
        scores=Scores(
            areas={a: int(scores[a.value]) for a in Area},
            overall=int(scores["overall"]),
            lines=lines,
            pass_mark=int(d.get("pass_mark", PASS_MARK)),
            fail_below=int(d.get("fail_below", FAIL_BELOW)),
        ),
        findings=tuple(finding_from_json(f) for f in d["findings"]),
        elements={Element(k): bool(v) for k, v in d["elements"].items()},
        mood_start=int(d["mood_start"]),
        moods=tuple(int(m) for m in d["mood"]),
        transcript=tuple((str(u["speaker"]), str(u["text"])) for u in d["transcript"]),
        praise=tuple(
            Praise(int(p["turn"]), str(p["key"]), str(p["text"])) for p in d.get("praise", [])
        ),
    )
