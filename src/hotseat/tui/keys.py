"""Key bindings whose descriptions are i18n keys, shown in the footer in the interface language.

Textual reads binding descriptions from class-level BINDINGS; the interface
language is only known per run, so each screen swaps its copy of the bindings
for translated ones once, when it is built.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from hotseat.i18n import TEXTS, t

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from hotseat.moves import Lang


def localize_bindings(node: DOMNode, lang: Lang) -> None:
    """Translate every binding description of ``node`` that names an i18n key."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(b.description, lang)) if b.description in TEXTS else b
            for b in bindings
        ]


def relabel(node: DOMNode, key: str, description: str) -> None:
    """Say in the footer where ``key`` really goes on this screen (Esc: home, or the draw)."""
    table = node._bindings.key_to_bindings
    table[key] = [replace(b, description=description) for b in table[key]]
