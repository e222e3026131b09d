"""Every scenario's model call passes and every failing example fails, in the trainer's bands."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scenario.model import Example
from hotseat.session import Session

EXAMPLES = [
    (path, example)
    for path in sorted(builtin_dir().glob("*/*.yaml"))
    for example in load_scenario(path).examples
]


@pytest.mark.parametrize(
    ("path", "example"),
    EXAMPLES,
    ids=[f"{p.parent.name}/{p.stem}/{e.kind}/{i}" for i, (p, e) in enumerate(EXAMPLES)],
)
def test_the_example_lands_in_its_band(path: Path, example: Example) -> None:
    session = Session(load_scenario(path), seed=example.seed, mode=example.mode)
    for text in example.replies:
        if not session.ended:
            session.reply(text)
    session.abandon()
    scores = session.result().scores
    if example.kind == "model":
        assert scores.overall >= 80 and scores.band == "pass", scores.overall
    else:
        assert scores.band == "fail", scores.overall
