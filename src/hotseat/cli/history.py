"""`hotseat history`: the recorded calls, newest first, for everyone or one trainee."""

from __future__ import annotations

import click

from hotseat.cli.records import db_option, echo_json, json_option, lang_option, records


@click.command("history")
@click.option("--trainee", help="Only this trainee's calls.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
@click.option(
    "--plot", is_flag=True, help="With --trainee: also plot their scores over time, per area."
)
@lang_option
@db_option
def command(
    trainee: str | None,
    limit: int,
    as_json: bool,
    plot: bool,
    lang: str | None,
    db_url: str | None,
) -> None:
    """List recorded calls: when, who, which scenario, how it ended, the overall score.

    A call that never finished (a crash, Ctrl+C, a closed terminal) is listed as
    interrupted and can be resumed with `hotseat play --resume ID`.
    """
    from hotseat.i18n import colon, ui_lang
    from hotseat.report.labels import label
    from hotseat.report.people import calls_table
    from hotseat.report.text import table

    if plot and trainee is None:
        raise click.UsageError("--plot shows one trainee's progress: give --trainee NAME")
    with records(db_url) as store:
        calls = store.history(trainee, limit)
        scores = store.progress(trainee, recent=0).scores if plot and trainee else ()
    if as_json:
        echo_json([c.to_json() for c in calls])
        return
    ui = ui_lang(lang)
    if not calls:
        click.echo(label("no_sessions", ui))
        return
    listed = calls_table(calls, ui, who=True)
    click.echo(table(listed.header, listed.rows, max_width=28), nl=False)
    if plot:
        import shutil

        from hotseat.report.plot import score_plot

        width = min(shutil.get_terminal_size().columns, 120)
        drawn = score_plot(scores, width, 18, ui)
        key = "  ".join(name for name, _ in drawn.legend)
        click.echo(f"\n{label('over_time', ui)} ({key})\n{drawn.text}")
    interrupted = [c.id for c in calls if c.status == "interrupted"]
    if interrupted:
        click.echo(
            f"\n{label('status.interrupted', ui)}{colon(ui)}{', '.join(map(str, interrupted))} — "
            "hotseat play --resume ID --replies FILE"
        )
