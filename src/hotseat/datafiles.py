"""Reading the package's own YAML data (lexicons, rule texts, the default rulebook) fast.

These files are trusted and large; libyaml's C parser reads them about eight times
faster than the pure-Python one, which is most of the start-up of `hotseat play`.
User files (scenarios, rulebooks) go through the line-tracking loaders instead.
"""

from __future__ import annotations

import yaml

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(text: str) -> object:
    """Plain data from a trusted YAML text, with the C parser when PyYAML has it."""
    return yaml.load(text, Loader=_Loader)
