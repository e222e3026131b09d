"""HotseatCommands: the command palette's entries, asked of the current screen and the app.

Each screen says what it offers through a `palette_commands()` method, so the
palette never offers "Listen" on the home screen or "Export" during a call.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider, SimpleCommand


@runtime_checkable
class OffersCommands(Protocol):
    def palette_commands(self) -> list[SimpleCommand]: ...


class HotseatCommands(Provider):
    """Commands of the screen the palette was opened on, then the app's own."""

    def _commands(self) -> list[SimpleCommand]:
        found: list[SimpleCommand] = []
        for source in (self.screen, self.app):
            if isinstance(source, OffersCommands):
                found += source.palette_commands()
        return found

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.callback, help=command.help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.name),
                    command.callback,
                    text=command.name,
                    help=command.help_text,
                )
