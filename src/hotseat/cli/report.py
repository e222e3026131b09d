"""`hotseat report`: one call, one trainee or one class, as Markdown, HTML, JSON, CSV or xAPI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from hotseat.cli.records import db_option, json_text, lang_option, records

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hotseat.moves import Lang
    from hotseat.report.document import Document
    from hotseat.scorecard import SessionResult
    from hotseat.store import Store
    from hotseat.store.records import SessionRecord

FORMATS = ("md", "html", "json", "csv", "xapi")
PER_CALL = ("csv", "xapi")  # one row or statement a call, whichever report


@click.command("report")
@click.option(
    "--session", "session_id", type=int, help="Report on one call (see `hotseat history`)."
)
@click.option("--trainee", help="Report on one trainee's progress.")
@click.option("--class", "class_name", help="Report on a class: the board and every call.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    show_default=True,
    help="xapi: a JSON array of xAPI statements, one per call, for a learning-record store.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option("--class-only", is_flag=True, help="With --class: only calls recorded for it.")
@click.option(
    "--xapi-home",
    default="https://hotseat.invalid/",
    show_default=True,
    help="Your training center's IRI: the base of xAPI account, activity and extension ids.",
)
@lang_option
@db_option
def command(
    session_id: int | None,
    trainee: str | None,
    class_name: str | None,
    fmt: str,
    output: Path | None,
    class_only: bool,
    xapi_home: str,
    lang: str | None,
    db_url: str | None,
) -> None:
    """Write a report on one recorded call, one trainee or one class.

    HTML reports are single self-contained pages (charts inline, nothing
    fetched) that print cleanly. A call that never finished is rebuilt from its
    stored replies for the report.
    """
    from hotseat.i18n import ui_lang

    chosen = [x for x in (session_id, trainee, class_name) if x is not None]
    if len(chosen) != 1:
        raise click.UsageError("choose exactly one of --session, --trainee or --class")
    ui = ui_lang(lang)
    with records(db_url) as store:
        if session_id is not None:
            text = _session(store, session_id, fmt, ui, xapi_home)
        elif trainee is not None:
            text = _trainee(store, trainee, fmt, ui, xapi_home)
        else:
            assert class_name is not None
            text = _class(store, class_name, class_only, fmt, ui, xapi_home)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        from hotseat.report.files import write_atomic

        write_atomic(output, text)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from exc
    click.echo(f"wrote {output}", err=True)


def _session(store: Store, session_id: int, fmt: str, ui: Lang, home: str) -> str:
    from hotseat.report import export_session

    record = store.session(session_id)
    if fmt in PER_CALL:
        return _per_call([record], fmt, home)
    return export_session(_result(store, session_id), fmt, record=record, lang=ui)  # type: ignore[arg-type]


def _result(store: Store, session_id: int) -> SessionResult:
    """The stored scorecard, or for an interrupted call the one its replies rebuild."""
    stored = store.result(session_id)
    if stored is not None:
        return stored
    from hotseat.store.resume import rebuild

    return rebuild(store, session_id).session.result()


def _trainee(store: Store, name: str, fmt: str, ui: Lang, home: str) -> str:
    from hotseat.report.people import trainee_document, trainee_json
    from hotseat.report.recommend import recommend
    from hotseat.scenario.library import load_library

    calls = store.history(name)  # newest first
    if fmt in PER_CALL:
        return _per_call(calls[::-1], fmt, home)
    progress = store.progress(name)
    advice = recommend(load_library().scenarios, progress, lang=ui)
    if fmt == "json":
        return json_text(trainee_json(progress, calls, advice))
    return _rendered(trainee_document(progress, calls, ui, advice), fmt)


def _class(store: Store, name: str, class_only: bool, fmt: str, ui: Lang, home: str) -> str:
    from hotseat.report.people import class_document, class_json

    calls = store.class_sessions(name, class_only)
    if fmt in PER_CALL:
        return _per_call(calls, fmt, home)
    board = store.class_board(name, class_only)
    if fmt == "json":
        return json_text(class_json(board, calls))
    return _rendered(class_document(board, ui), fmt)


def _per_call(calls: Sequence[SessionRecord], fmt: str, home: str) -> str:
    """CSV rows or xAPI statements, one a call, oldest first: alike for every kind of report."""
    from hotseat.report.tabular import sessions_csv
    from hotseat.report.xapi import statements

    return sessions_csv(calls) if fmt == "csv" else json_text(statements(calls, home))


def _rendered(doc: Document, fmt: str) -> str:
    from hotseat.report.html import render_html
    from hotseat.report.markdown import render_markdown

    return render_html(doc) if fmt == "html" else render_markdown(doc)
