"""The rulebook: defaults, overrides from a file, selection by code, prefix and name, and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.language import Analyzer, analyze
from hotseat.moves import MoveKind
from hotseat.rules import RULES, Judge, Rulebook, RulebookError
from hotseat.rules.scoring import CREDITS

from .conftest import SORRY, call, reply


def write(tmp_path: Path, text: str, name: str = "rulebook.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> Rulebook:
    return Rulebook.load(write(tmp_path, text))


def problems(path: Path) -> list[str]:
    with pytest.raises(RulebookError) as info:
        Rulebook.load(path)
    return [str(p) for p in info.value.problems]


def test_the_default_rulebook_configures_every_rule_and_credit() -> None:
    rb = Rulebook.default()
    assert rb.enabled == {r.code for r in RULES}
    for rule in RULES:
        assert rb.weight(rule.code) > 0
        assert rb.severity(rule.code) == rule.severity
    assert set(rb.credits) == set(CREDITS)
    assert rb.options("AP001") == {"max_apologies": 2}
    assert rb.lexicon_overrides == {}


def test_overriding_a_threshold_changes_firing(tmp_path: Path) -> None:
    three = call(*(reply("对不起。", SORRY) for _ in range(3)))
    assert "AP001" in [f.code for f in Judge().replay(three)]
    loose = load(tmp_path, "version: 1\nrules:\n  AP001:\n    options: {max_apologies: 3}\n")
    assert loose.options("AP001") == {"max_apologies": 3}
    assert "AP001" not in [f.code for f in Judge(loose).replay(three)]
    four = call(*(reply("对不起。", SORRY) for _ in range(4)))
    assert [f.turn for f in Judge(loose).replay(four) if f.code == "AP001"] == [4]


def test_a_file_overrides_severity_and_weight_by_name_and_keeps_the_rest(tmp_path: Path) -> None:
    rb = load(
        tmp_path,
        "version: 1\nrules:\n  stacked-apology: {severity: error, weight: 40}\n"
        "credits: {proper-close: 0}\nareas: {ET: 2}\n",
    )
    assert (rb.severity("AP002"), rb.weight("AP002")) == ("error", 40)
    assert rb.options("AP002") == {"min_apologies": 2}
    assert rb.weight("AP001") == Rulebook.default().weight("AP001")
    assert rb.credit("proper-close") == 0 and rb.areas["ET"] == 2
    found = Judge(rb).replay(call(reply("对不起对不起", SORRY, SORRY)))
    assert [f.severity for f in found if f.code == "AP002"] == ["error"]


def test_a_file_adds_lexicon_and_phrases(tmp_path: Path) -> None:
    rb = load(
        tmp_path,
        "version: 1\nlexicon:\n  zh:\n    empathy: [心疼您]\n"
        "phrases:\n  zh:\n    motives: [想薅羊毛]\n",
    )
    assert rb.lexicon_overrides == {"zh": {"empathy": ["心疼您"]}}
    text = "真心疼您。"
    assert not analyze(text, "zh").has(MoveKind.EMPATHY)
    assert Analyzer(rb.lexicon_overrides).analyze(text, "zh").has(MoveKind.EMPATHY)
    text = "您就是想薅羊毛吧？"
    jab = call(reply(text, ("rude", text)))
    assert "ET002" not in [f.code for f in Judge().replay(jab)]
    assert "ET002" in [f.code for f in Judge(rb).replay(jab)]


@pytest.mark.parametrize(
    ("select", "ignore", "on", "off"),
    [
        ((), ("AP001",), {"AP002", "PR001"}, {"AP001"}),  # by code
        ((), ("AP",), {"PR001"}, {"AP001", "AP004"}),  # by prefix
        ((), ("repeated-apology",), {"AP002"}, {"AP001"}),  # by name
        (("AP",), (), {"AP001", "AP004"}, {"PR001", "EM001"}),  # select narrows to its rules
        (("AP",), ("AP001",), {"AP002"}, {"AP001", "PR001"}),  # the code beats the prefix
        (("AP001",), ("AP",), {"AP001"}, {"AP002"}),  # ...whichever list it is in
        (("AP00",), ("AP",), {"AP003"}, {"EM001"}),  # a longer prefix beats a shorter one
        (("AP",), ("AP",), set(), {"AP001"}),  # a tie goes to ignore
        (("ALL",), ("EM",), {"CT001"}, {"EM002"}),
        (("ap001",), (), {"AP001"}, {"AP002"}),  # codes in any case
    ],
)
def test_select_and_ignore_most_specific_wins(
    select: tuple[str, ...], ignore: tuple[str, ...], on: set[str], off: set[str]
) -> None:
    rb = Rulebook.default().configured(select=select, ignore=ignore)
    assert on <= rb.enabled
    assert not off & rb.enabled


def test_a_later_layer_beats_an_earlier_one(tmp_path: Path) -> None:
    rb = load(tmp_path, "version: 1\nignore: [AP001]\n")
    assert "AP001" not in rb.enabled and "AP002" in rb.enabled
    assert "AP001" in rb.configured(select=["AP001"]).enabled
    scenario = Rulebook.default().configured(ignore=["CT001"])
    assert "CT001" not in scenario.enabled
    assert "CT001" in scenario.configured(select=["CT"]).enabled
    assert {r.code for r in scenario.rules()} == scenario.enabled


def test_the_command_line_beats_a_scenario_which_beats_the_file(tmp_path: Path) -> None:
    rb = load(tmp_path, "version: 1\nselect: [AP, CT]\n")
    run = rb.configured(select=["CT003", "AP"])
    scenario = run.configured(ignore=["CT003", "AP001"], scenario=True)
    assert "CT003" in scenario.enabled  # the run named it
    assert "AP001" in scenario.enabled  # the run selected AP, which decides for AP001
    only_file = rb.configured(ignore=["CT003"], scenario=True)
    assert "CT003" not in only_file.enabled and "CT004" in only_file.enabled
    assert "PR001" not in only_file.enabled  # the file's select still narrows


def test_disabled_rules_do_not_fire() -> None:
    c = call(reply("对不起对不起", SORRY, SORRY))
    rb = Rulebook.default().configured(ignore=["AP002", "EM"])
    assert Judge(rb).replay(c) == []


def test_unknown_selectors_are_refused_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match="did you mean AP001"):
        Rulebook.default().configured(ignore=["AP01"])
    with pytest.raises(ValueError, match="repeated-apology"):
        Rulebook.default().configured(select=["repeated-apologies"])
    with pytest.raises(ValueError, match="unknown rule selector 'XX'"):
        Rulebook.default().configured(select=["XX"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\nrulez: {}\n", ":2:1: unknown key 'rulez'"),
        (
            "version: 1\nrules:\n  AP01: {weight: 3}\n",
            ":3:3: unknown rule 'AP01'; did you mean AP001",
        ),
        ("version: 1\nrules:\n  AP001:\n    weight: lots\n", ":4:13: rules.AP001.weight"),
        ("version: 1\nrules:\n  AP001:\n    severity: fatal\n", ":4:15: rules.AP001.severity"),
        (
            "version: 1\nrules:\n  AP001:\n    options: {max_apology: 3}\n",
            ":4:15: unknown option of AP001 'max_apology'; did you mean max_apologies?",
        ),
        ("version: 1\nrules:\n  AP001:\n    options: {max_apologies: 2.5}\n", "whole number"),
        ("version: 1\nrules:\n  AP003:\n    options: {window: 2}\n", ":4:15: AP003 has no options"),
        ("version: 1\nignore: [AP001, XX9]\n", ":2:17: unknown rule selector 'XX9'"),
        ("version: 1\ncredits: {hugs: 5}\n", ":2:11: unknown credit 'hugs'"),
        (
            "version: 1\nlexicon:\n  zh:\n    apologies: [抱歉啦]\n",
            ":4:5: unknown lexicon category 'apologies'; did you mean apology",
        ),
        ("version: 1\nareas: {ZZ: 1}\n", ":2:9: areas.ZZ: Input should be"),
        ("version: 1\nphrases:\n  zh:\n    insults: [笨]\n", ":4:5: phrases.zh.insults"),
        ("version: 2\n", ":1:10: version"),
        ("rules: {}\n", ":1:1: missing key 'version'"),
        ("version: 1\nrules:\n  AP001: {weight: 1}\n  AP001: {weight: 2}\n", ":4:3: duplicate key"),
        ("version: 1\nrules: [AP001\n", ":3:1: YAML syntax"),
        ("- just\n- a list\n", ":1:1: a rulebook is a mapping"),
        ("", ":1:1: a rulebook is a mapping"),
        ("version: 1\nselect: &s [AP]\nignore: *s\n", "aliases (*name) are not allowed"),
        (
            "version: 1\nareas: {AP: 0, PR: 0, CT: 0, ET: 0, EM: 0}\n",
            ":2:1: at least one area needs a weight",
        ),
        (
            "version: 1\nrules:\n  AP001: {weight: 1}\n  repeated-apology: {weight: 2}\n",
            ":4:3: repeated-apology repeats AP001",
        ),
    ],
)
def test_a_bad_rulebook_names_file_line_and_column(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    found = problems(path)
    assert any(p.startswith(str(path)) and expected in p for p in found), found


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "version: 1\nignore: [XX]\nrules:\n  AP999: {}\ncredits: {hugs: 1}\n",
    )
    lines = [p.split(":")[1] for p in problems(path)]
    assert lines == ["2", "4", "5"]


def test_a_rulebook_that_is_not_utf8_or_missing_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("version: 1\n# caf\xe9\n".encode("latin-1"))
    assert any(":2:1: the file is not UTF-8" in p for p in problems(path))
    assert any("cannot read" in p for p in problems(tmp_path / "absent.yaml"))


def test_the_error_message_lists_every_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\nrules:\n  AP999: {}\n  EM999: {}\n")
    with pytest.raises(RulebookError) as info:
        Rulebook.load(path)
    assert str(info.value).count(str(path)) == 2


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["version: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert any("aliases" in p for p in problems(path))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\nx\x07: 1\n", ":2:2: YAML syntax: character U+0007"),
        ("version: 1\nrules: !!python/object:os.system {}\n", ":2:8: tag "),
        ("version: 1\n? [a, b]\n: 1\n", ":2:3: a key must be plain text"),
        ("version: 1\nareas: " + "[" * 60 + "]" * 60 + "\n", "nested deeper than 40 levels"),
    ],
)
def test_what_yaml_itself_refuses_is_a_problem_not_a_crash(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    assert any(expected in p for p in problems(path)), problems(path)
