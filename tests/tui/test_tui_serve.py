"""`hotseat serve` answers on localhost with the app's page, and stops cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli.serve import LAUNCH, tui_argv


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_with_the_app_page_then_stops(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "HOTSEAT_CONFIG_DIR": str(tmp_path)}
    server = subprocess.Popen(
        [*LAUNCH, "serve", "--port", str(port), "--no-record", "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        assert "<div>hotseat</div>" in page  # textual-serve shows the title we gave it
        assert f"ws://127.0.0.1:{port}/ws" in page  # the browser talks back to this server
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=20)
    assert server.returncode is not None
    assert f"serving on http://127.0.0.1:{port}" in out
    assert "Traceback" not in err


def serve_argv(args: list[str]) -> list[str]:
    """The `tui` arguments `serve` would give each tab, parsed by click exactly as a shell would."""
    from hotseat.cli.serve import command as serve_command

    with serve_command.make_context("serve", args) as ctx:
        return tui_argv(ctx)


def test_serve_passes_only_the_options_given_and_records_by_default() -> None:
    # Regression: every tab used to get --no-record, because an unset flag's default is a
    # sentinel in recent click releases, not False.
    assert serve_argv([]) == []
    assert "--no-record" not in serve_argv(["--lang", "zh", "--port", "9000"])
    assert serve_argv(
        ["--lang", "zh", "--scenarios", "a", "--scenarios", "b", "--clock", "20", "--no-record"]
    ) == ["--lang", "zh", "--scenarios", "a", "--scenarios", "b", "--clock", "20.0", "--no-record"]
    # An option given its default value on purpose is still passed on (harmless, explicit).
    assert serve_argv(["--intensity", "2"]) == ["--intensity", "2"]
    serve_help = CliRunner().invoke(
        __import__("hotseat.cli", fromlist=["main"]).main, ["serve", "--help"]
    )
    assert "[default: 127.0.0.1]" in serve_help.output


def test_serve_rejects_a_missing_scenario_folder(tmp_path: Path) -> None:
    from hotseat.cli import main

    result = CliRunner().invoke(main, ["serve", "--scenarios", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "is not a folder" in result.output
    assert sys.executable  # the launcher runs this same interpreter
    assert LAUNCH[0] == sys.executable
