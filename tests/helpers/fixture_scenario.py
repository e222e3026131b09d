"""A tiny scenario built in code, so core tests don't move when the shipped content is edited."""

from __future__ import annotations

from typing import Any

from hotseat.scenario.model import Reaction, Scenario


def lines_for(tag: str) -> dict[str, list[str]]:
    """Three distinct, recognisable lines per reaction, e.g. "empathy-1"."""
    return {r.value: [f"{tag}{r.value}-{i} {{quote}}" for i in range(1, 4)] for r in Reaction}


def make_scenario(**overrides: Any) -> Scenario:
    data: dict[str, Any] = {
        "version": 1,
        "id": "fixture",
        "lang": "zh",
        "title": "测试场景",
        "description": "只用于测试",
        "difficulty": 2,
        "persona": {
            "name": "测试客户",
            "who": "测试用",
            "motives": ["vent"],
            "mood": 60,
            "vent_rounds": 2,
            "settle_at": 50,
        },
        "policy": {"response_hours": 24, "compensation": "after_verification"},
        "facts": [
            {
                "id": "phone",
                "element": "contact",
                "label": "电话",
                "ask": ["手机号", "电话"],
                "lines": ["电话是13800000000"],
            },
            {
                "id": "demand",
                "element": "demand",
                "label": "诉求",
                "ask": ["您希望"],
                "lines": ["把钱退给我"],
            },
            {
                "id": "story",
                "element": "what",
                "label": "经过",
                "ask": ["怎么回事"],
                "lines": ["流量超了"],
                "volunteered": True,
            },
            {
                "id": "target",
                "element": "who",
                "label": "对象",
                "ask": ["投诉哪"],
                "lines": ["投诉你们计费"],
                "volunteered": True,
            },
        ],
        "lines": lines_for(""),
        "drill_lines": {"rude": ["drill-rude-1", "drill-rude-2"]},
        "beats": [
            {"id": "public", "when": {"mood_at_least": 85}, "lines": ["我要发微博"], "mood": 2}
        ],
    }
    data.update(overrides)
    return Scenario.model_validate(data)
