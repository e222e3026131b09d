"""Where an exported report goes: a file in the export folder, or, in a browser tab
(`hotseat serve`), a download in that browser rather than a file on the server's disk."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotseat.i18n import t

if TYPE_CHECKING:
    from textual.app import App

    from hotseat.moves import Lang

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON"}


def export_stem(*parts: str) -> str:
    """hotseat-part-part: who and what, safe in any file system."""
    safe = [re.sub(r"[^\w-]+", "-", part).strip("-") or "trainee" for part in parts]
    return "-".join(["hotseat", *safe])


def export_path(folder: Path, stem: str, fmt: str) -> Path:
    """A new file name that never overwrites an earlier export: stem-N.ext."""
    n = 1
    while (candidate := folder / f"{stem}-{n}.{fmt}").exists():
        n += 1
    return candidate


def save_or_send(
    app: App[Any], text: str, *, folder: Path, stem: str, fmt: str, lang: Lang
) -> Path | None:
    """Export ``text`` and say where it went; the file written, or None (sent or failed)."""
    if app.is_web:
        name = f"{stem}.{fmt}"
        app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8")
        app.notify(name, title=t("tui.sent_to_browser", lang, fmt=FORMATS[fmt]), timeout=10)
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = export_path(folder, stem, fmt)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        app.notify(t("tui.export_failed", lang, error=exc), severity="error")
        return None
    app.notify(str(path.resolve()), title=t("tui.exported", lang, fmt=FORMATS[fmt]), timeout=10)
    return path
