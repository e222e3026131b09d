"""textual-serve's web server, guarded: an access token and a same-origin WebSocket.

A served app drives a trainee's records, so a page from any other site must not be
able to open a session on it (a WebSocket is not bound by the same-origin policy;
the browser only tells the server where the page came from, in ``Origin``). Every
WebSocket is checked against the address being served, and, unless the server was
started without one, must carry the per-run token that only the printed link holds,
as Jupyter does. The token sits in the WebSocket's path: textual-serve's page script
appends its own ``?width=…`` query to the address it is given.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import secrets
import signal
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def new_token() -> str:
    """A token no page could guess: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    """Whether an address (a bind address or a Host header's name) stays on this machine."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _origin_of(url: str) -> tuple[str, str] | None:
    """(scheme, host:port) of a URL, with the scheme's default port made explicit."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        return None
    default = {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(parts.scheme)
    try:
        port = parts.port or default
    except ValueError:  # a port that is not a number
        return None
    host = parts.hostname.lower()
    host = f"[{host}]" if ":" in host else host
    return parts.scheme.replace("ws", "http", 1), f"{host}:{port}"


def origin_allowed(origin: str | None, host_header: str, public_url: str, bound: str) -> bool:
    """Whether a WebSocket's ``Origin`` is the page this server served.

    The page is the public address, or whatever address the browser reached this server
    by (its ``Host``), provided that when the server listens on loopback only, the name
    is a loopback one too: otherwise a site whose name was pointed at 127.0.0.1 (DNS
    rebinding) would pass as "same origin".
    """
    if not origin:
        return False  # browsers always send one; no Origin is not a browser we serve
    seen = _origin_of(origin)
    if seen is None:
        return False
    if seen == _origin_of(public_url):
        return True
    reached = _origin_of(f"{seen[0]}://{host_header}")
    if reached is None or seen != reached:
        return False
    return not is_loopback(bound) or is_loopback(urlsplit(origin).hostname or "")


class GuardedServer(Server):
    """textual-serve's `Server` that admits only its own page, and only with the token."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str | None,
        token: str | None,
        announce: Callable[[str], None],
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.token = token
        self.announce = announce

    @property
    def access_url(self) -> str:
        """The link to open: the public address, with the token when there is one."""
        base = self.public_url.rstrip("/") + "/"
        return f"{base}?token={self.token}" if self.token else base

    def _token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/ws/{token}", self.handle_websocket, name="guarded-websocket")
        return app

    async def on_startup(self, app: web.Application) -> None:
        """No logo banner: it would print the address without the token."""

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C or SIGTERM, and print the link only once the port is bound
        (textual-serve prints before, so a trainer could open a link that is not there)."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stop, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda _: self.announce(self.access_url),
        )

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        if not self._token_ok(request.query.get("token")):
            raise web.HTTPForbidden(
                text="hotseat: open the link `hotseat serve` printed when it started "
                "(it ends in ?token=…).\n"
                "hotseat：请打开 `hotseat serve` 启动时显示的链接（以 ?token=… 结尾）。\n"
            )
        context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        if self.token:
            context["app_websocket_url"] += f"/{self.token}"
        return context

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Refuse the handshake (403, before any app starts) unless origin and token match."""
        origin = request.headers.get("Origin")
        if not origin_allowed(origin, request.host, self.public_url, self.host):
            raise web.HTTPForbidden(text=f"hotseat: WebSocket from origin {origin!r} refused")
        if not self._token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text="hotseat: WebSocket without the access token refused")
        return await super().handle_websocket(request)
