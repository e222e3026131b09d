"""Small pieces of styled text shared by several widgets: highlights, findings, stars, times.

Trainee and scenario text is always added as plain text (never parsed as
markup), and colours are theme variables, so light and dark themes both work.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.content import Content

from hotseat.i18n import colon, rule_label, t

if TYPE_CHECKING:
    from hotseat.conversation import Finding
    from hotseat.moves import Lang

SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$accent"}
SEVERITY_MARK = {"error": "✖", "warning": "▲", "info": "●"}


def clock_text(seconds: float) -> str:
    """Whole minutes and seconds, as a call timer shows them: 03:07."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def stars(difficulty: int, top: int = 5) -> str:
    return "★" * difficulty + "☆" * (top - difficulty)


def highlighted(text: str, findings: Iterable[Finding]) -> Content:
    """The reply with every finding's evidence underlined in its severity's colour."""
    content = Content(text)
    for f in findings:
        if f.end > f.start:
            content = content.stylize(
                f"underline bold {SEVERITY_STYLE[f.severity]}", f.start, f.end
            )
    return content


def finding_block(code: str, items: list[Finding], lang: Lang) -> Content:
    """One rule and every place it fired (the messages name the turn), then what to say instead."""
    first = items[0]
    style = SEVERITY_STYLE[first.severity]
    name = rule_label(code, first.name, lang).removeprefix(code).strip()
    parts: list[Content | tuple[str, str] | str] = [
        (f"{SEVERITY_MARK[first.severity]} {code} ", f"bold {style}"),
        (name, "bold"),
    ]
    if len(items) > 1:
        parts.append((f"  {t('tui.times', lang, n=len(items))}", "$text-muted"))
    for f in items:
        parts.append("\n" + f.message)
    tips = list(dict.fromkeys(f.tip for f in items if f.tip))
    for tip in tips:
        # no space in Chinese: the arrow, the label and the tip wrap as one run of text
        arrow = "→" if lang == "zh" else "→ "
        parts.append((f"\n{arrow}{t('tip', lang)}{colon(lang)}", "bold $success"))
        parts.append(tip)
    return Content.assemble(*parts)


def group_by_rule(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings by rule code, errors first, then in the order they first happened."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.code, []).append(f)
    rank = {"error": 0, "warning": 1, "info": 2}
    return dict(sorted(groups.items(), key=lambda kv: rank.get(kv[1][0].severity, 3)))
