"""The real `hotseat serve` process, and a client that talks to it as textual-serve's page does.

The page script opens ``<websocket url>?width=…&height=…``, sends ``["stdin", keys]``
and ``["resize", {...}]`` envelopes, draws the bytes it receives, and fetches
``/download/<key>`` when the app delivers a file. `Tab` does the same from Python, so a
test can take a call through the server and catch the download, without a browser.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue
from typing import Any, TypeVar
from urllib.parse import urlsplit

import aiohttp

from hotseat.cli.serve import LAUNCH

T = TypeVar("T")
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """A running server: the link it printed, and what it wrote to stderr once stopped."""

    process: subprocess.Popen[str]
    access_url: str
    port: int
    stderr: str = ""

    @property
    def origin(self) -> str:
        parts = urlsplit(self.access_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def token(self) -> str | None:
        found = re.search(r"[?&]token=([^&]+)", self.access_url)
        return found.group(1) if found else None


def _lines(stream: object, into: Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)


@contextmanager
def serve(config: Path, *args: str, host: str = "127.0.0.1") -> Iterator[Served]:
    """Start `hotseat serve` on a free port, wait for the link it prints, stop it after."""
    port = free_port()
    env = {**os.environ, "HOTSEAT_CONFIG_DIR": str(config)}
    env |= {f"XDG_{kind}_HOME": str(config / kind.lower()) for kind in ("CACHE", "DATA", "CONFIG")}
    process = subprocess.Popen(
        [*LAUNCH, "serve", "--host", host, "--port", str(port), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out: Queue[str] = Queue()
    threading.Thread(target=_lines, args=(process.stdout, out), daemon=True).start()
    deadline = time.monotonic() + 60
    url = None
    while url is None and time.monotonic() < deadline and process.poll() is None:
        try:
            line = out.get(timeout=0.5)
        except Empty:
            continue
        found = re.search(r"serving on (\S+)", line)
        url = found.group(1) if found else None
    served = Served(process, url or "", port)
    try:
        assert url, f"serve printed no link; stderr: {process.stderr and process.stderr.read()}"
        yield served
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, served.stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            _, served.stderr = process.communicate()


@dataclass
class Tab:
    """One browser tab on the served app: keys in, screen text and downloads out."""

    ws: aiohttp.ClientWebSocketResponse
    http: aiohttp.ClientSession
    origin: str
    received: bytearray = field(default_factory=bytearray)
    downloads: list[tuple[str, bytes]] = field(default_factory=list)
    mark: int = 0  # where the screen text stood when the last keys were sent

    @property
    def screen_text(self) -> str:
        """Everything drawn so far, with the escape sequences taken out."""
        return ANSI.sub("", self.received.decode("utf-8", "replace"))

    async def pump(self, seconds: float) -> None:
        """Read what the app sends for a while, fetching any file it delivers."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = await self.ws.receive(timeout=left)
            except TimeoutError:
                return
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                envelope = json.loads(message.data)
                if envelope[0] == "deliver_file_start":
                    await self._download(envelope[1])
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                return

    async def _download(self, key: str) -> None:
        async with self.http.get(f"{self.origin}/download/{key}") as response:
            assert response.status == 200
            disposition = response.headers.get("Content-Disposition", "")
            self.downloads.append((disposition, await response.read()))

    async def wait_for(self, text: str, seconds: float = 60) -> None:
        """Pump until `text` appears on the screen, drawn since the last keys were sent."""
        deadline = time.monotonic() + seconds
        while text not in self.screen_text[self.mark :]:
            assert time.monotonic() < deadline, f"{text!r} never shown:\n{self.screen_text[-3000:]}"
            await self.pump(0.3)

    async def wait_for_download(self, seconds: float = 60) -> None:
        """Pump until the app has delivered a file and the download has been fetched."""
        deadline = time.monotonic() + seconds
        while not self.downloads:
            assert time.monotonic() < deadline, "no file was delivered"
            await self.pump(0.3)

    async def keys(self, *keys: str, gap: float = 0.3) -> None:
        """Type as the page does: each key's bytes as one stdin envelope."""
        self.mark = len(self.screen_text)
        for key in keys:
            await self.ws.send_json(["stdin", key])
            await self.pump(gap)


KEY = {"enter": "\r", "escape": "\x1b", "f4": "\x1bOS", "tab": "\t"}


async def open_tab(
    served: Served, http: aiohttp.ClientSession, width: int = 120, height: int = 40
) -> Tab:
    """Open the page with the link, then the WebSocket the page names, as a browser would."""
    async with http.get(served.access_url) as page:
        assert page.status == 200
        html = await page.text()
    ws_url = re.search(r'data-session-websocket-url="([^"]+)"', html)
    assert ws_url
    ws = await http.ws_connect(
        f"{ws_url.group(1)}?width={width}&height={height}", origin=served.origin
    )
    await ws.send_json(["resize", {"width": width, "height": height}])
    return Tab(ws, http, served.origin)


def run(coro: Coroutine[Any, Any, object]) -> None:
    asyncio.run(coro)


def run_for(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)
