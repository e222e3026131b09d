"""`hotseat simulate`: a thin shell over the player that prints one row per policy and an audit."""

from __future__ import annotations

from click.testing import CliRunner

from hotseat.cli import main


def test_prints_a_row_per_policy_and_the_audit() -> None:
    result = CliRunner().invoke(
        main, ["simulate", "en/small-charge", "--calls", "2", "--seed", "4"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["scenario", "policy"]
    rows = [line.split() for line in lines[1:-1]]
    assert [r[1] for r in rows] == ["excellent", "decent", "mediocre", "poor", "rude"]
    assert all(r[0] == "en/small-charge" for r in rows)
    assert lines[-1].startswith("audit: 10 calls, 0 repeated customer lines")


def test_the_same_seed_prints_the_same_table() -> None:
    args = ["simulate", "small-charge", "--calls", "2", "--seed", "9"]
    first, second = (CliRunner().invoke(main, args).output for _ in range(2))
    assert first == second and "zh/small-charge" in first and "en/small-charge" in first


def test_an_unknown_scenario_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["simulate", "no-such-scenario"])
    assert result.exit_code != 0 and "no scenario matches no-such-scenario" in result.output
