"""`hotseat serve`: the same training app in a web browser, through textual-serve.

Each browser tab runs its own `hotseat tui` process. The server binds to
127.0.0.1 unless --host says otherwise: a training record is nobody else's
business by default.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from hotseat.cli.tui import command as tui_command
from hotseat.cli.tui import tui_options

# Runs the CLI group from any working directory, whether or not `hotseat` is on PATH.
LAUNCH = [sys.executable, "-c", "import sys; from hotseat.cli import main; sys.exit(main())"]


def tui_argv(ctx: click.Context) -> list[str]:
    """The `tui` arguments that reproduce what the user gave `serve` on its command line.

    Only options the user actually set are passed on (by their parameter source), never
    defaults: click versions differ in what an unset flag holds (``False`` or a sentinel),
    and comparing against ``param.default`` once sent ``--no-record`` to every tab.
    """
    argv: list[str] = []
    for param in tui_command.params:
        if not isinstance(param, click.Option) or param.name is None:
            continue
        source = ctx.get_parameter_source(param.name)
        if source not in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT):
            continue
        value = ctx.params.get(param.name)
        flag = param.opts[0]
        if param.is_flag:
            if value is True:
                argv.append(flag)
            continue
        for item in value if isinstance(value, tuple | list) else (value,):
            argv += [flag, str(item)]
    return argv


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--public-url",
    metavar="URL",
    help="The address browsers use, when it is not http://HOST:PORT (e.g. behind a proxy).",
)
@tui_options
def command(host: str, port: int, public_url: str | None, **tui_params: object) -> None:
    """Serve the training app to web browsers (one app per browser tab)."""
    from textual_serve.server import Server

    argv = [*LAUNCH, "tui", *tui_argv(click.get_current_context())]
    folders: tuple[Path, ...] = tui_params["scenario_dirs"]  # type: ignore[assignment]
    for folder in folders:
        if not folder.is_dir():
            raise click.BadParameter(f"{folder} is not a folder", param_hint="--scenarios")
    click.echo(f"hotseat: serving on {public_url or f'http://{host}:{port}'} (Ctrl+C stops)")
    Server(shlex.join(argv), host=host, port=port, title="hotseat", public_url=public_url).serve()
