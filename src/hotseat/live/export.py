"""A live call as scenario material: the example it makes, and the instructor's lines as new lines.

The trainee's replies become an ``examples`` entry that replays against the
scenario (its expectations are what the live call scored); the lines the
instructor wrote or edited are filed under the reaction the script chose for the
same reply, so a trainer can paste a good improvisation into ``lines``.
"""

from __future__ import annotations

from typing import Any

from hotseat.live.call import LiveCall
from hotseat.scenario.model import Example

MODEL_AT_LEAST = 70  # a live call scoring this much is offered as a model conversation
OWN_NOTES = ("own", "edited")


def scenario_material(call: LiveCall, *, code: str, host: str) -> dict[str, Any]:
    """``examples`` (one entry) and ``lines`` (the instructor's own words), as YAML-ready data."""
    session = call.session
    result = session.result()
    overall = result.scores.overall
    model = overall >= MODEL_AT_LEAST and result.outcome == "resolved"
    codes = sorted({f.code for f in result.findings})
    expect: dict[str, Any] = {"outcome": [result.outcome or "abandoned"]}
    if model:
        expect["overall_at_least"] = max(0, overall - 5)
    else:
        expect["overall_at_most"] = min(100, overall + 5)
        expect["codes"] = codes
    example = {
        "name": f"Live drill {code}: {host} with {call.trainee or '?'}",
        "kind": "model" if model else "failing",
        "seed": session.seed,
        "mode": "drill",
        "replies": [r.text for r in session.replies],
        "expect": expect,
    }
    if session.replies:
        Example.model_validate(example)  # the entry must load as it is
    lines: dict[str, list[str]] = {}
    for said in call.said:
        if said.note not in OWN_NOTES:
            continue
        reaction = (
            "opening"
            if said.turn == 0
            else session.exchanges[said.turn - 1].customer.reaction.value
        )
        lines.setdefault(reaction, [])
        if said.line not in lines[reaction]:
            lines[reaction].append(said.line)
    return {"examples": [example] if session.replies else [], "lines": lines}
