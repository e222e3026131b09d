"""`hotseat serve`: the real server process admits its own page with the token, and no one else."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner

from hotseat.cli.serve import LAUNCH, tui_argv
from hotseat.tui.guarded_server import is_loopback, origin_allowed

from .serving import KEY, open_tab, run, run_for, serve


def serve_argv(args: list[str]) -> list[str]:
    """The `tui` arguments `serve` would give each tab, parsed by click exactly as a shell would."""
    from hotseat.cli.serve import command as serve_command

    with serve_command.make_context("serve", args) as ctx:
        return tui_argv(ctx)


def test_serve_passes_only_the_options_given_and_records_by_default() -> None:
    # Regression: every tab used to get --no-record, because an unset flag's default is a
    # sentinel in recent click releases, not False.
    assert serve_argv([]) == []
    assert "--no-record" not in serve_argv(["--lang", "zh", "--port", "9000", "--no-token"])
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
    assert LAUNCH[0] == sys.executable  # the launcher runs this same interpreter


def test_an_origin_is_the_served_page_only() -> None:
    public = "http://127.0.0.1:8000"
    assert origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000", public, "127.0.0.1")
    assert origin_allowed("http://localhost:8000", "localhost:8000", public, "127.0.0.1")
    assert not origin_allowed("https://evil.example", "127.0.0.1:8000", public, "127.0.0.1")
    assert not origin_allowed(None, "127.0.0.1:8000", public, "127.0.0.1")
    assert not origin_allowed("null", "127.0.0.1:8000", public, "127.0.0.1")
    assert not origin_allowed("http://127.0.0.1:9999", "127.0.0.1:8000", public, "127.0.0.1")
    # DNS rebinding: a foreign name pointed at 127.0.0.1 is "same origin" by Host, still refused
    assert not origin_allowed("http://evil.example:8000", "evil.example:8000", public, "127.0.0.1")
    # bound to every interface, a browser reaches it by the machine's own address
    lan = "http://0.0.0.0:8000"
    assert origin_allowed("http://192.168.1.20:8000", "192.168.1.20:8000", lan, "0.0.0.0")
    assert not origin_allowed("http://evil.example", "192.168.1.20:8000", lan, "0.0.0.0")
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")


async def handshake(url: str, origin: str | None) -> int:
    """The HTTP status the server answers a WebSocket handshake with (101: accepted)."""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession(skip_auto_headers=["Origin"]) as http:
        try:
            ws = await http.ws_connect(url, headers=headers)
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status
        await ws.receive(timeout=30)  # the app process started and drew something
        await ws.close()
        return 101


async def page_status(url: str) -> int:
    async with aiohttp.ClientSession() as http, http.get(url) as page:
        return page.status


@pytest.mark.slow
def test_the_server_refuses_foreign_pages_and_missing_tokens(tmp_path: Path) -> None:
    with serve(tmp_path, "--no-record", "--lang", "en") as served:
        token, origin, port = served.token, served.origin, served.port
        assert token and len(token) >= 32
        assert served.access_url == f"http://127.0.0.1:{port}/?token={token}"
        ws = f"ws://127.0.0.1:{port}/ws"

        async def probe() -> None:
            assert await page_status(f"http://127.0.0.1:{port}/") == 403
            assert await page_status(f"http://127.0.0.1:{port}/?token=wrong") == 403
            assert await page_status(served.access_url) == 200
            assert await handshake(f"{ws}/{token}", "https://evil.example") == 403
            assert await handshake(f"{ws}/{token}", None) == 403
            assert await handshake(ws, origin) == 403
            assert await handshake(f"{ws}/{token[:-1]}x", origin) == 403
            assert await handshake(f"{ws}/{token}?width=80&height=24", origin) == 101

        run(probe())
    assert "Traceback" not in served.stderr


@pytest.mark.slow
def test_without_a_token_only_the_origin_is_checked(tmp_path: Path) -> None:
    with serve(tmp_path, "--no-record", "--no-token") as served:
        assert served.token is None
        ws = f"ws://127.0.0.1:{served.port}/ws"

        async def probe() -> None:
            assert await page_status(served.access_url) == 200
            assert await handshake(ws, "https://evil.example") == 403
            assert await handshake(ws, served.origin) == 101

        run(probe())


@pytest.mark.slow
@pytest.mark.parametrize("no_token", [False, True])
def test_binding_beyond_loopback_warns_loudly(tmp_path: Path, no_token: bool) -> None:
    extra = ["--no-token"] if no_token else []
    with serve(tmp_path, "--no-record", *extra, host="0.0.0.0") as served:

        async def probe() -> None:
            assert await page_status(served.access_url.replace("0.0.0.0", "127.0.0.1")) == 200

        run(probe())
    assert "WARNING: hotseat is listening on 0.0.0.0" in served.stderr
    assert "警告" in served.stderr
    assert ("NO access token" in served.stderr) is no_token


@pytest.mark.slow
def test_loopback_serves_without_a_warning(tmp_path: Path) -> None:
    with serve(tmp_path, "--no-record") as served:
        run(page_status(served.access_url))
    assert "WARNING" not in served.stderr


@pytest.mark.slow
def test_a_call_in_a_browser_tab_is_recorded_and_its_report_downloads(tmp_path: Path) -> None:
    """The bar of issue 14.1: a served tab records (no stray --no-record), and an export
    reaches the browser as a download instead of the server's disk."""
    from hotseat.cli import main

    db = f"sqlite:///{tmp_path / 'records.db'}"
    export_dir = tmp_path / "server-disk"
    args = ["--lang", "en", "--trainee", "Tess", "--mode", "practice", "--db", db]
    with serve(tmp_path, *args, "--export-dir", str(export_dir)) as served:

        async def take_a_call() -> list[tuple[str, bytes]]:
            async with aiohttp.ClientSession() as http:
                tab = await open_tab(served, http)
                await tab.wait_for("Practice")
                await tab.keys(KEY["enter"])  # starts once the list is in, if it is not yet
                await tab.wait_for("End call")
                await tab.keys("I'm sorry about that, I'm listening.", KEY["enter"])
                await tab.keys(KEY["f4"], "y")
                await tab.wait_for("See the report")
                await tab.keys(KEY["enter"])
                await tab.wait_for("ended by the trainee")
                await tab.keys("m")
                await tab.wait_for_download()
                await tab.ws.close()
                return tab.downloads

        downloads = run_for(take_a_call())
    assert len(downloads) == 1
    disposition, body = downloads[0]
    assert "attachment" in disposition and ".md" in disposition and "Tess" in disposition
    assert "I'm sorry about that, I'm listening." in body.decode("utf-8")
    assert not export_dir.exists()  # nothing written on the server's side
    history = CliRunner().invoke(main, ["history", "--trainee", "Tess", "--json", "--db", db])
    assert history.exit_code == 0, history.output
    calls = json.loads(history.output)
    assert len(calls) == 1 and calls[0]["mode"] == "practice"
    assert calls[0]["status"] != "interrupted"


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BUDGET = ["--virtual-time-budget=15000"]  # let the page's scripts run before the dump


def chromium_dom(url: str) -> str:
    """The page as headless Chromium leaves it after its scripts ran for a while."""
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *BUDGET, "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium (scripts/install-chromium)")
def test_in_a_real_browser_the_link_connects_and_a_foreign_page_cannot(tmp_path: Path) -> None:
    """Headless Chromium: the printed link opens the app (its WebSocket opens: the page
    marks itself loaded); a page from elsewhere, holding even the token, is refused."""
    with serve(tmp_path, "--no-record", "--lang", "en") as served:
        page = chromium_dom(served.access_url)
        assert re.search(r'<body[^>]*class="[^"]*-loaded', page), page[:300]
        ws = f"ws://127.0.0.1:{served.port}/ws/{served.token}?width=80&height=24"
        foreign = tmp_path / "foreign.html"
        foreign.write_text(
            "<html><head><title>waiting</title></head><body><script>"
            f"const ws = new WebSocket({json.dumps(ws)});"
            "ws.onopen = () => { document.title = 'OPENED'; };"
            "ws.onclose = () => { if (document.title !== 'OPENED') document.title = 'REFUSED'; };"
            "</script></body></html>",
            encoding="utf-8",
        )
        # The handshake's answer comes in real time, not the page's virtual time: on a busy
        # machine the dump can come first, still "waiting". Ask again until it has an answer.
        for _ in range(5):
            dom = chromium_dom(foreign.as_uri())
            if "<title>waiting</title>" not in dom:
                break
        assert "<title>REFUSED</title>" in dom
