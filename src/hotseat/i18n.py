"""UI words in English and Simplified Chinese, shared by the CLI and the TUI.

Rule texts and customer lines live with the rules and the scenarios; this holds
only the labels around them, so a shell never hard-codes one language.
"""

from __future__ import annotations

import locale
import os

from hotseat.moves import Lang

TEXTS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "outcome": ("Outcome", "结果"),
    "outcome.resolved": ("resolved", "顺利结束"),
    "outcome.hung_up": ("the customer hung up", "客户挂断了电话"),
    "outcome.abandoned": ("ended by the trainee", "学员中止了通话"),
    "outcome.turn_limit": ("turn limit reached", "达到轮次上限"),
    "outcome.ongoing": ("in progress", "进行中"),
    "scores": ("Scores", "得分"),
    "overall": ("Overall", "总分"),
    "area.AP": ("Apology & soothing", "道歉与安抚"),
    "area.PR": ("Promises", "承诺"),
    "area.CT": ("Control of the call", "通话掌控"),
    "area.ET": ("Etiquette", "礼仪"),
    "area.EM": ("Empathy", "同理心"),
    "elements": ("Key elements", "关键要素"),
    "element.who": ("who or what is complained about", "投诉对象"),
    "element.what": ("what happened", "事情经过"),
    "element.demand": ("what the customer wants", "客户诉求"),
    "element.contact": ("name and contact", "姓名与联系方式"),
    "captured": ("captured", "已记录"),
    "missing": ("missing", "未记录"),
    "findings": ("Findings", "问题"),
    "no_findings": ("No findings: a clean call.", "没有发现问题，处理得很规范。"),
    "tip": ("Say instead", "建议说法"),
    "turn": ("turn", "第{n}轮"),
    "whole_call": ("whole call", "整通电话"),
    "transcript": ("Transcript", "通话记录"),
    "customer": ("Customer", "客户"),
    "trainee": ("You", "你"),
    "mood": ("Mood", "情绪"),
    "points": ("Points", "得失分"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The label for ``key`` in ``lang``, with ``{name}`` placeholders filled."""
    en, zh = TEXTS[key]
    text = zh if lang == "zh" else en
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def turn_label(turn: int, lang: Lang) -> str:
    """ "turn 3" / "第3轮", or "whole call" for call-level findings (turn 0)."""
    if turn == 0:
        return t("whole_call", lang)
    return t("turn", lang, n=turn) if lang == "zh" else f"{t('turn', lang)} {turn}"


def ui_lang(explicit: str | None = None) -> Lang:
    """The interface language: an explicit choice, else the locale (zh_* gives Chinese)."""
    if explicit in ("zh", "en"):
        return explicit  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"
