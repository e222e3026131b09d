"""`hotseat live`: a veteran plays the customer from one seat, the trainee answers from another.

`host` opens a call and prints its join code, `join` takes the trainee's seat,
`watch` is the read-only projector view, `rejoin` puts the instructor back in
their seat, and `export` writes a call's lines as scenario material. The seats
share the call through the training records (--db / $HOTSEAT_DB): one SQLite
file on one machine, PostgreSQL across machines.
"""

from __future__ import annotations

import getpass
import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from hotseat.i18n import t, ui_lang

if TYPE_CHECKING:
    from hotseat.live.events import Seat
    from hotseat.moves import Lang
    from hotseat.scenario.model import Scenario
    from hotseat.store import Store
    from hotseat.store.live import LiveInfo, LiveStore
    from hotseat.tui.screens.live_link import LiveLink

LANG = click.option(
    "--lang", type=click.Choice(["zh", "en"]), help="Interface language (default: the locale)."
)
DB = click.option(
    "--db",
    metavar="URL",
    help="Training records shared by the seats (default: $HOTSEAT_DB, else SQLite).",
)


@click.group("live", short_help="Live drills: a veteran plays the customer.")
def command() -> None:
    """Live drills: an instructor plays the customer, hotseat scores the trainee live."""


def _fail(message: str) -> NoReturn:
    click.echo(f"hotseat live: {message}", err=True)
    sys.exit(1)


def _open(db: str | None) -> tuple[Store, LiveStore]:
    from hotseat.store import StoreError, open_store
    from hotseat.store.live import LiveStore

    try:
        store = open_store(db)
    except StoreError as exc:
        _fail(str(exc))
    return store, LiveStore(store)


def _find(live: LiveStore, code: str, lang: Lang, *, open_only: bool = True) -> LiveInfo:
    from hotseat.store.live import LiveRefused

    try:
        return live.find(code, open_only=open_only)
    except LiveRefused as exc:
        _fail(t(exc.key, lang, **exc.values))


def _scenario(info: LiveInfo, lang: Lang) -> Scenario:
    """The scenario the call was opened on, byte for byte, or a clear refusal."""
    from hotseat.scenario.library import content_hash, load_scenario, resolve
    from hotseat.scenario.loader import ScenarioError

    try:
        path = resolve(info.scenario)
        if content_hash(path) != info.scenario_hash:
            _fail(t("live.cli.changed", lang, scenario=info.scenario))
        return load_scenario(path)
    except (ScenarioError, OSError) as exc:
        _fail(str(exc))


def _run(link: LiveLink, lang: Lang, db: str | None, trainee: str = "") -> None:
    from hotseat.tui.options import TuiOptions
    from hotseat.tui.screens.live_app import LiveApp

    LiveApp(TuiOptions(lang=lang, db=db), link, trainee).run()


def _seat(db: str | None, code: str, seat: Seat, lang: Lang) -> tuple[LiveLink, LiveInfo]:
    from hotseat.tui.screens.live_link import LiveLink

    _, live = _open(db)
    info = _find(live, code, lang)
    return LiveLink(live, info, _scenario(info, lang), seat, lang), info


@command.command("host")
@click.argument("scenario")
@click.option("--trainee", metavar="NAME", help="Only this trainee may join.")
@click.option("--class", "class_name", metavar="NAME", help="Record the call for this class.")
@click.option(
    "--draw", is_flag=True, help="Draw the trainee by lot from --class, as a class drill does."
)
@click.option("--instructor", metavar="NAME", help="Who plays the customer (default: you).")
@click.option("--seed", type=int, help="Seed for the script's suggestions (default: random).")
@click.option("--intensity", type=click.IntRange(1, 3), default=3, show_default=True)
@click.option("--clock", "clock_seconds", type=click.FloatRange(min=1), default=30.0)
@click.option("--no-tui", is_flag=True, help="Only open the call and print its code.")
@LANG
@DB
def host(
    scenario: str,
    trainee: str | None,
    class_name: str | None,
    draw: bool,
    instructor: str | None,
    seed: int | None,
    intensity: int,
    clock_seconds: float,
    no_tui: bool,
    lang: str | None,
    db: str | None,
) -> None:
    """Open a live drill on SCENARIO (LANG/ID or a file), print its join code, take the seat."""
    from hotseat.scenario.library import content_hash, load_scenario, resolve
    from hotseat.scenario.loader import ScenarioError
    from hotseat.store import StoreError
    from hotseat.tui.screens.live_link import LiveLink

    ui = ui_lang(lang)
    try:
        path = resolve(scenario)
        loaded = load_scenario(path)
        digest = content_hash(path)
    except (ScenarioError, OSError) as exc:
        _fail(str(exc))
    store, live = _open(db)
    if draw and class_name is None:
        _fail(t("live.cli.draw_needs_class", ui))
    if class_name is not None:
        try:
            store.class_info(class_name)
            if draw:
                trainee = store.draw(class_name).trainee
                click.echo(t("live.cli.drawn", ui, name=trainee))
        except StoreError as exc:
            _fail(str(exc))
    info = live.create(
        scenario_ref=scenario if not Path(scenario).is_file() else str(path.resolve()),
        scenario=loaded,
        scenario_hash=digest,
        host=instructor or getpass.getuser(),
        seed=seed if seed is not None else random.randrange(2**31),
        intensity=intensity,
        clock_seconds=clock_seconds,
        trainee=trainee,
        class_name=class_name,
    )
    click.echo(t("live.cli.code", ui, code=info.code, scenario=loaded.key))
    if not no_tui:
        _run(LiveLink(live, info, loaded, "host", ui), ui, db)


@command.command("rejoin")
@click.argument("code")
@LANG
@DB
def rejoin(code: str, lang: str | None, db: str | None) -> None:
    """Take the instructor's seat again (after a crash or from another terminal)."""
    ui = ui_lang(lang)
    link, _ = _seat(db, code, "host", ui)
    _run(link, ui, db)


@command.command("join")
@click.argument("code")
@click.option("--trainee", metavar="NAME", help="Your name (default: the one the host gave).")
@LANG
@DB
def join(code: str, trainee: str | None, lang: str | None, db: str | None) -> None:
    """Take the trainee's seat of the live drill CODE (again, after a drop: nothing is lost)."""
    from hotseat.live import Kind
    from hotseat.store.live import LiveRefused
    from hotseat.tui.settings import load_remembered, settings_file

    ui = ui_lang(lang)
    link, info = _seat(db, code, "trainee", ui)
    name = trainee or info.trainee or load_remembered(settings_file()).trainee
    if not name:
        _fail(t("live.cli.no_name", ui))
    try:
        link.live.append(info.id, "trainee", Kind.JOIN, name)
    except LiveRefused as exc:
        _fail(t(exc.key, ui, code=info.code, **exc.values))
    _run(link, ui, db, name)


@command.command("watch")
@click.argument("code")
@LANG
@DB
def watch(code: str, lang: str | None, db: str | None) -> None:
    """The projector view of the live drill CODE: read only."""
    ui = ui_lang(lang)
    link, _ = _seat(db, code, "watch", ui)
    _run(link, ui, db)


@command.command("export")
@click.argument("call")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File (default: stdout).",
)
@LANG
@DB
def export(call: str, output: Path | None, lang: str | None, db: str | None) -> None:
    """Write the live call CALL (its code, or its call id) as scenario examples and lines."""
    import yaml

    from hotseat.live import LiveCall
    from hotseat.live.export import scenario_material

    ui = ui_lang(lang)
    _, live = _open(db)
    if call.isdigit():
        found = live.for_session(int(call))
        if found is None:
            _fail(t("live.code.unknown", ui, code=call))
        info = found
    else:
        info = _find(live, call, ui, open_only=False)
    folded = LiveCall(
        _scenario(info, ui),
        seed=info.seed,
        intensity=info.intensity,
        clock_seconds=info.clock_seconds,
        trainee=info.trainee,
    )
    folded.replay(live.events(info.id))
    material = scenario_material(folded, code=info.code, host=info.host)
    text = yaml.safe_dump(material, allow_unicode=True, sort_keys=False, width=100)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    count = sum(len(v) for v in material["lines"].values())
    click.echo(t("live.cli.exported", ui, n=count, path=output), err=True)
