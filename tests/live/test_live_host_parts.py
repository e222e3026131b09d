"""The instructor screen's small readings: moves by name, the harsh lines, the fact boxes."""

from __future__ import annotations

from hotseat.language import analyze
from hotseat.moves import MoveKind
from hotseat.scenario.library import load_scenario, resolve
from hotseat.scenario.model import Scenario
from hotseat.tui.screens.live_host import fact_label, harsh_lines, moves_line


def test_moves_are_named_with_counts_and_promise_flags() -> None:
    en = analyze("I'm so sorry, I'm really sorry. I guarantee a full refund today.", "en")
    assert moves_line(en, "en") == "apology ×2 · promise (compensation, deadline, guarantee)"
    zh = analyze("非常抱歉，我保证今天就给您全额退款。", "zh")
    assert moves_line(zh, "zh") == "道歉 · 承诺 (赔偿, 时限, 打包票)"  # flags in one order
    assert moves_line(analyze("", "en"), "en") == "—"
    assert {m.value for m in MoveKind} <= {k.split(".")[-1] for k in _move_keys()}


def _move_keys() -> list[str]:
    from hotseat.i18n import TEXTS

    return [k for k in TEXTS if k.startswith("live.move.")]


def test_harsh_lines_are_the_drill_lines_and_beats_without_placeholders(
    scenario: Scenario,
) -> None:
    lines = harsh_lines(scenario)
    drill = [line for ls in scenario.drill_lines.values() for line in ls]
    assert lines and set(lines) <= set(drill) | {line for b in scenario.beats for line in b.lines}
    assert not any("{quote}" in line for line in lines)
    assert len(lines) == len(set(lines))


def test_fact_boxes_name_the_key_element_in_the_interface_language() -> None:
    zh = load_scenario(resolve("zh/overcharged-data"))
    fact = next(f for f in zh.facts if f.element == "contact")
    assert fact_label(fact, "zh") == f"{fact.id} · 姓名与联系方式"
    assert fact_label(fact, "en") == f"{fact.id} · name and contact"
