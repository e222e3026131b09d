"""`hotseat simulate`: play the simulated trainees against scenarios and print how they fare."""

from __future__ import annotations

import click

from hotseat.scenario.model import MODES


@click.command("simulate", short_help="Play simulated trainees against scenarios.")
@click.argument("scenarios", nargs=-1)
@click.option("--calls", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option(
    "--mode",
    type=click.Choice(MODES),
    help="Play every scenario in this mode [default: its first].",
)
@click.option("--intensity", default=2, show_default=True, type=click.IntRange(1, 3))
def command(
    scenarios: tuple[str, ...], calls: int, seed: int, mode: str | None, intensity: int
) -> None:
    """Play every trainee policy CALLS times against each SCENARIO (LANG/ID or ID; default: all).

    Prints, per scenario and policy, the share of calls resolved, hung up and run
    out of turns, the mean score, and (for resolved calls) how many listening
    replies opened them. The last line audits the customer over every call: lines
    said twice in a call, response times the trainee never gave, questions
    answered with something else.
    """
    from hotseat.scenario.library import load_library
    from hotseat.sim.player import simulate

    library = load_library()
    chosen = [
        s for s in library.scenarios if not scenarios or s.key in scenarios or s.id in scenarios
    ]
    if not chosen:
        raise click.BadParameter(f"no scenario matches {' '.join(scenarios)}")
    click.echo(
        f"{'scenario':<26}{'policy':<11}{'resolved':>9}{'hung up':>9}{'ran out':>9}"
        f"{'score':>7}  openings won"
    )
    totals = {"calls": 0, "repeated": 0, "invented_times": 0, "off_topic": 0}
    for scenario in chosen:
        for row in simulate(scenario, calls, seed=seed, mode=mode, intensity=intensity):  # type: ignore[arg-type]
            totals["calls"] += row.calls
            totals["repeated"] += row.repeated
            totals["invented_times"] += row.invented_times
            totals["off_topic"] += row.off_topic
            click.echo(
                f"{row.scenario:<26}{row.policy:<11}{row.resolved:>9.0%}{row.hung_up:>9.0%}"
                f"{row.ran_out:>9.0%}{row.score:>7.1f}  "
                + ",".join(str(n) for n in row.winning_openings)
            )
    click.echo(
        f"audit: {totals['calls']} calls, {totals['repeated']} repeated customer lines, "
        f"{totals['invented_times']} invented time limits, "
        f"{totals['off_topic']} questions answered off-topic"
    )
