"""What the app remembers between runs: the trainee's name, the last mode, the theme.

Kept in the user's config directory (platformdirs) so a trainee types their name
once; HOTSEAT_CONFIG_DIR points tests and shared machines somewhere else. A
missing or damaged file means starting from the defaults, never an error.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

CONFIG_DIR_ENV = "HOTSEAT_CONFIG_DIR"
SETTINGS_FILE = "tui.json"
MODES = ("onboarding", "drill", "practice")
THEMES = ("textual-dark", "textual-light")


@dataclass(frozen=True, slots=True)
class Remembered:
    """Choices carried over to the next run."""

    trainee: str = ""
    """The last name typed on the home screen."""

    mode: str = "onboarding"
    """The last mode chosen: onboarding, drill or practice."""

    theme: str = THEMES[0]
    """The colour theme: textual-dark or textual-light."""


def settings_file() -> Path:
    """$HOTSEAT_CONFIG_DIR/tui.json, else tui.json in the user's config directory."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override) / SETTINGS_FILE
    from platformdirs import user_config_path

    return user_config_path("hotseat", appauthor=False) / SETTINGS_FILE


def load_remembered(path: Path) -> Remembered:
    """The saved choices; anything unreadable or out of range falls back to its default."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return Remembered()
    if not isinstance(data, dict):
        return Remembered()
    default = Remembered()
    trainee = data.get("trainee")
    mode = data.get("mode")
    theme = data.get("theme")
    return Remembered(
        trainee=trainee.strip() if isinstance(trainee, str) else default.trainee,
        mode=mode if mode in MODES else default.mode,
        theme=theme if theme in THEMES else default.theme,
    )


def save_remembered(path: Path, remembered: Remembered) -> str | None:
    """Write the choices; returns why it failed (for a notification) instead of raising."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(remembered), ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        return str(exc)
    return None
