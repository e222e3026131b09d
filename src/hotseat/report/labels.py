"""Words that appear only in reports and the progress screens, in English and Simplified Chinese.

Shared labels (areas, outcomes, transcript speakers) come from ``hotseat.i18n``;
these are the extra ones a trainer's report needs.
"""

from __future__ import annotations

from hotseat.i18n import fill, t
from hotseat.moves import Lang

TEXTS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "call_report": ("Call report", "通话报告"),
    "trainee_report": ("Trainee report", "学员报告"),
    "class_report": ("Class report", "班级报告"),
    "trainee_name": ("Trainee", "学员"),
    "class": ("Class", "班级"),
    "scenario": ("Scenario", "场景"),
    "mode": ("Mode", "模式"),
    "mode.onboarding": ("onboarding", "新人培训"),
    "mode.drill": ("drill", "震撼演练"),
    "mode.practice": ("practice", "自主练习"),
    "seed": ("Seed", "随机种子"),
    "started": ("Started", "开始时间"),
    "session": ("Call", "通话"),
    "sessions": ("Calls", "通话次数"),
    "call_list": ("Calls", "历次通话"),
    "status": ("Status", "状态"),
    "status.finished": ("finished", "已完成"),
    "status.interrupted": ("interrupted", "已中断"),
    "finished_calls": ("Finished", "已完成"),
    "interrupted_calls": ("Interrupted", "已中断"),
    "turns": ("Turns", "轮次"),
    "latest": ("Latest overall", "最近一次总分"),
    "best": ("Best overall", "最好成绩"),
    "mood_curve": ("The customer's mood, turn by turn", "客户情绪变化（逐轮）"),
    "mood_axis": ("mood", "情绪"),
    "turn_axis": ("turn", "轮次"),
    "area_scores": ("Scores by area", "各项得分"),
    "over_time": ("Scores over time", "历次得分走势"),
    "top_rules": ("Rules broken most often", "最常触犯的规则"),
    "rule": ("Rule", "规则"),
    "area": ("Area", "类别"),
    "times": ("Times", "次数"),
    "in_calls": ("In calls", "涉及通话"),
    "rank": ("Rank", "排名"),
    "worst_rule": ("Worst rule", "最常犯的规则"),
    "stepped_out": ("Stepped out", "中途退出"),
    "stepped_out_note": ("The trainee stepped out of the drill.", "学员中途退出了演练。"),
    "no_sessions": ("No calls recorded yet.", "还没有通话记录。"),
    "next": ("Practise next", "建议下一个练习"),
    "practise": ("Practise this", "开始练习"),
    "all_mastered": (
        "Every scenario mastered: try another language or mode.",
        "所有场景都已掌握，可以换一种语言或模式再练。",
    ),
    "members": ("Members", "成员"),
    "quote": ("Words", "原话"),
    "severity": ("Severity", "严重程度"),
    "board": ("Class board", "班级排行榜"),
    "drawn": ("Drawn", "抽中"),
    "round": ("round {n}", "第{n}轮"),
    "waiting": ("still to go", "尚未上场"),
}


def label(key: str, lang: Lang, **values: object) -> str:
    """A report label, falling back to the shared UI labels of ``hotseat.i18n``."""
    if key not in TEXTS:
        return t(key, lang, **values)
    return fill(TEXTS[key], lang, **values)
