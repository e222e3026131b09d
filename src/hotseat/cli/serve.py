"""`hotseat serve`: the same training app in a web browser, through textual-serve.

Each browser tab runs its own `hotseat tui` process. The server binds to
127.0.0.1 unless --host says otherwise: a training record is nobody else's
business by default. Even on loopback, any web page the trainee visits could
talk to the server, so it admits only its own page, opened with the per-run
link it prints (see `hotseat.tui.guarded_server`).
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
@click.option(
    "--no-token",
    is_flag=True,
    help="Admit browsers without the per-run access token (only on a machine you trust).",
)
@tui_options
def command(
    host: str, port: int, public_url: str | None, no_token: bool, **tui_params: object
) -> None:
    """Serve the training app to web browsers (one app per browser tab).

    Open the link it prints: it carries an access token that changes every run.
    """
    from hotseat.tui.guarded_server import GuardedServer, is_loopback, new_token

    argv = [*LAUNCH, "tui", *tui_argv(click.get_current_context())]
    folders: tuple[Path, ...] = tui_params["scenario_dirs"]  # type: ignore[assignment]
    for folder in folders:
        if not folder.is_dir():
            raise click.BadParameter(f"{folder} is not a folder", param_hint="--scenarios")
    if not is_loopback(host):
        click.secho(exposure_warning(host, port, no_token), fg="red", bold=True, err=True)

    def announce(url: str) -> None:
        click.echo(f"hotseat: serving on {url} (Ctrl+C stops)")
        sys.stdout.flush()  # the link is what the trainer waits for, even through a pipe

    GuardedServer(
        shlex.join(argv),
        host=host,
        port=port,
        title="hotseat",
        public_url=public_url,
        token=None if no_token else new_token(),
        announce=announce,
    ).serve()


def exposure_warning(host: str, port: int, no_token: bool) -> str:
    """What binding beyond loopback means, said before anything is served."""
    lines = [
        f"WARNING: hotseat is listening on {host}:{port}, beyond this machine.",
        "Anyone who can reach this port"
        + (" can open the app" if no_token else " with the printed link can open the app")
        + ", take calls as any trainee and read every name, history and class board.",
        "The connection is not encrypted: put it behind HTTPS (--public-url) on a shared network.",
        f"警告：hotseat 正在 {host}:{port} 上监听，本机以外也能访问。"
        + ("任何能连到此端口的人" if no_token else "任何拿到所显示链接的人")
        + "都能打开程序、以任意学员身份通话，并查看所有姓名、记录和班级看板。",
    ]
    if no_token:
        lines.append("--no-token: there is NO access token. 已关闭访问令牌。")
    return "\n".join(lines)
