"""Where an exported report goes: a file in the export folder, or, in a browser tab
(`hotseat serve`), a download in that browser rather than a file on the server's disk."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotseat.i18n import t
from hotseat.report import files

if TYPE_CHECKING:
    from textual.app import App

    from hotseat.moves import Lang

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON"}


def save_or_send(
    app: App[Any], text: str, *, folder: Path, who: str, what: str, fmt: str, lang: Lang
) -> Path | None:
    """Export ``text`` and say where it went; the file written, or None (sent or failed).

    Names and writing are the report's own (`report.files`): a name that fits any file
    system, written whole or not at all."""
    if app.is_web:
        name = f"{files.export_stem(who, what, fmt)}.{fmt}"
        app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8")
        app.notify(name, title=t("tui.sent_to_browser", lang, fmt=FORMATS[fmt]), timeout=10)
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = files.export_path(folder, who, what, fmt)
        files.write_atomic(path, text)
    except OSError as exc:
        app.notify(t("tui.export_failed", lang, error=exc), severity="error")
        return None
    app.notify(str(path.resolve()), title=t("tui.exported", lang, fmt=FORMATS[fmt]), timeout=10)
    return path
