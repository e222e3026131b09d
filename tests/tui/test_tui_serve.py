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
from hotseat.cli.tui import command as tui_command


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


def test_serve_binds_localhost_by_default_and_passes_tui_options_on() -> None:
    params = {p.name: p.default for p in tui_command.params}
    assert tui_argv(params) == []  # defaults are left out
    params.update(lang="zh", no_record=True, clock_seconds=20.0)
    params["scenario_dirs"] = (Path("a"), Path("b"))
    assert tui_argv(params) == [
        "--lang", "zh", "--scenarios", "a", "--scenarios", "b", "--clock", "20.0", "--no-record",
    ]  # fmt: skip
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
