"""The registry and its docs: stable codes, every section in zh and en, each explanation renders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from hotseat.conversation import Area
from hotseat.moves import Lang
from hotseat.rules import RULES, Rule, Rulebook, get_rule
from hotseat.rules.docs import SECTIONS, reflow, rule_texts, turns

LANGS = ("zh", "en")
BY_CODE = pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)


def test_codes_are_unique_well_formed_and_in_order() -> None:
    codes = [r.code for r in RULES]
    assert len(set(codes)) == len(codes) == 23
    order = [a.value for a in Area]
    assert codes == sorted(codes, key=lambda c: (order.index(c[:2]), c))
    assert all(re.fullmatch(r"(AP|PR|CT|ET|EM)\d{3}", c) for c in codes)
    names = [r.name for r in RULES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)


def test_every_rule_is_documented_and_nothing_else_is() -> None:
    assert set(rule_texts()) == {r.code for r in RULES}


def test_every_rule_has_a_check_and_a_status() -> None:
    for rule in RULES:
        assert rule.on_reply or rule.on_close
        assert rule.status == "stable"


@pytest.mark.parametrize("lang", LANGS)
@BY_CODE
def test_every_section_is_written_in_both_languages(rule: Rule, lang: Lang) -> None:
    doc = rule.doc(lang)
    for name in SECTIONS:
        body = doc.section(name)
        assert body.strip(), name
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in body)
        assert (cjk > 0) == (lang == "zh"), (name, body)
    assert doc.text.bad and doc.text.good


@pytest.mark.parametrize("lang", LANGS)
@BY_CODE
def test_every_explanation_renders(rule: Rule, lang: Lang) -> None:
    doc = rule.doc(lang)
    rb = Rulebook.default()
    text = doc.render(rb)
    assert text.startswith(f"# {rule.code} {rule.name}")
    assert text.count("\n## ") == len(SECTIONS)
    bad, good = doc.text.bad[0].replies[0].text, doc.text.good[0].replies[0].text
    assert (bad or "…") in text and good in text
    assert f"weight = {rb.weight(rule.code)}" in text
    data = doc.to_json(rb)
    assert data["code"] == rule.code
    assert set(data["sections"]) == set(SECTIONS)


def test_severity_and_status_read_in_the_readers_language(tmp_path: Path) -> None:
    """Chinese readers see 提醒/严重 with the rulebook keyword beside it; overrides show."""
    ap002 = get_rule("AP002")
    zh_header = ap002.doc("zh").render(Rulebook.default()).splitlines()[2]
    assert "级别：提醒 (warning)" in zh_header and "状态：稳定 (stable)" in zh_header
    en_header = ap002.doc("en").render(Rulebook.default()).splitlines()[2]
    assert "Severity: warning" in en_header and "(warning)" not in en_header
    path = tmp_path / "rb.yaml"
    path.write_text("version: 1\nrules:\n  AP002: {severity: error}\n", encoding="utf-8")
    assert "级别：严重 (error)" in ap002.doc("zh").render(Rulebook.load(path))


PLACEHOLDERS = {"turn", "quote", "count", "max", "limit", "policy", "element", "turns"}


@pytest.mark.parametrize("lang", LANGS)
@BY_CODE
def test_messages_use_only_known_placeholders(rule: Rule, lang: Lang) -> None:
    doc = rule.doc(lang)
    for template in (doc.message, doc.tip):
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert fields <= PLACEHOLDERS, fields


def test_get_rule_by_code_or_name_and_did_you_mean() -> None:
    assert get_rule("AP001") is get_rule("repeated-apology") is get_rule("ap001")
    with pytest.raises(KeyError, match="did you mean repeated-apology"):
        get_rule("repeated-apologies")
    with pytest.raises(KeyError, match="unknown rule 'ZZ'"):
        get_rule("ZZ")


def test_turn_lists_read_naturally() -> None:
    assert turns((3,), "zh") == "第3轮" and turns((3,), "en") == "turn 3"
    assert turns((3, 5), "zh") == "第3、5轮" and turns((3, 5), "en") == "turns 3 and 5"
    assert turns((2, 3, 4), "zh") == "第2至4轮" and turns((2, 3, 4), "en") == "turns 2–4"
    assert turns((2, 4, 7), "en") == "turns 2, 4 and 7"


def test_reflow_joins_chinese_without_spaces_and_english_with_them() -> None:
    assert reflow("客户还没\n说完。\n\nSecond\nline.") == "客户还没说完。\n\nSecond line."
