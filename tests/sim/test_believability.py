"""The believability read stays true: the rated calls still play exactly as read, and the
ratings meet the bar (mean at least 4.3 for 'fits what was just said', no line rated 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hotseat.scenario.library import load_library
from hotseat.session import Session

READS = sorted((Path(__file__).parent / "believability").glob("*.yaml"))
LIBRARY = load_library()


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_scenario_was_read_three_times() -> None:
    read = {load(p)["scenario"]: len(load(p)["calls"]) for p in READS}
    assert read == {s.key: 3 for s in LIBRARY.scenarios}


@pytest.mark.parametrize("path", READS, ids=lambda p: p.stem)
def test_the_read_calls_still_play_as_read(path: Path) -> None:
    data = load(path)
    scenario = LIBRARY.get(data["scenario"])
    for call in data["calls"]:
        session = Session(scenario, seed=call["seed"], mode=call["mode"])
        opening, *turns = call["turns"]
        assert session.transcript[0].text == opening["customer"]
        for turn in turns:
            [*_, result] = session.reply(turn["trainee"])
            assert result.customer.line == turn["customer"], f"{call['name']}: {turn['trainee']}"


def test_the_ratings_meet_the_bar() -> None:
    ratings = [t["rating"] for p in READS for c in load(p)["calls"] for t in c["turns"]]
    assert all(r in (1, 2, 3, 4, 5) for r in ratings)
    assert 1 not in ratings
    assert sum(ratings) / len(ratings) >= 4.3
