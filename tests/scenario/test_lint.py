"""Lint checks beyond the schema, the diagnostic format, and the `hotseat lint` command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from hotseat.cli import main
from hotseat.scenario.diagnostic import CODES, Diagnostic, Severity
from hotseat.scenario.lint import lint_bytes, lint_paths, scenario_files

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "refund-delay.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


def lint(text: str, name: str = "zh/refund-delay.yaml", known: set[str] | None = None) -> list:
    return lint_bytes(text.encode("utf-8"), name, known).diagnostics


def edit(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def test_the_fixture_is_clean() -> None:
    assert lint(TEXT) == []


def test_diagnostic_prints_like_a_linter_and_sorts_by_file_then_position() -> None:
    d = Diagnostic("a/b.yaml", 12, 5, "S003", "unknown key 'x'")
    assert str(d) == "a/b.yaml:12:5: S003 unknown key 'x'"
    assert d.severity is Severity.ERROR and d.name == "unknown-key"
    later = Diagnostic("a/b.yaml", 12, 9, "S001", "z")
    other = Diagnostic("a/a.yaml", 99, 1, "S001", "z")
    assert sorted([later, d, other]) == [other, d, later]
    assert d.to_json()["severity"] == "error"


def test_code_table_is_stable_and_well_formed() -> None:
    names = [c.name for c in CODES.values()]
    assert len(set(names)) == len(names)
    for code, entry in CODES.items():
        assert re.fullmatch(r"S\d{3}", code) and entry.code == code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.name)
    assert {c for c, e in CODES.items() if e.severity is Severity.WARNING} == {
        "S009",
        "S017",
        "S022",
        "S027",
        "S028",
    }


def test_fact_without_lines_is_never_revealed() -> None:
    text = edit("    lines: [打这个号码就行，138 0000 1234。]\n", "    lines: []\n")
    [d] = lint(text)
    assert d.code == "S008" and "phone" in d.message


def test_a_volunteered_fact_needs_no_ask_phrases() -> None:
    assert "volunteered: true" in TEXT and "id: demand" in TEXT
    text = edit("    volunteered: true\n", "")
    [d] = lint(text)
    assert d.code == "S008" and "'demand'" in d.message


def test_an_asked_key_fact_without_an_angry_answer_is_flagged() -> None:
    text = edit("    angry_lines: [138 0000 1234，记好了！]\n", "")
    [d] = lint(text)
    assert d.code == "S028" and "'phone'" in d.message


def test_a_volunteered_fact_needs_no_angry_answer() -> None:
    assert "id: demand" in TEXT and "volunteered: true" in TEXT
    assert [d for d in lint(TEXT) if d.code == "S028"] == []


def test_missing_memory_lines_are_named() -> None:
    text = edit("  refuse: [你这态度，我不想告诉你。]\n", "")
    text = text.replace("  scripted: [这句话你刚说过一模一样的。]\n", "")
    [d] = lint(text)
    assert d.code == "S027" and "refuse, scripted" in d.message and "already_told" not in d.message


def test_placeholders_in_angry_answers_are_checked() -> None:
    text = edit("[138 0000 1234，记好了！]", '["{phone}，记好了！"]')
    [d] = lint(text)
    assert d.code == "S021"


def test_beat_after_hang_up_or_turn_limit_never_fires() -> None:
    text = edit("{mood_at_least: 85}", "{mood_at_least: 99, turn_at_least: 50}")
    text = text.replace("  vent_rounds: 2\n", "  vent_rounds: 2\n  hang_up_at: 95\n")
    [d] = lint(text)
    assert d.code == "S022" and "hangs up at mood 95" in d.message and "30 turns" in d.message


def test_settle_at_above_hang_up_is_inconsistent() -> None:
    [d] = lint(edit("  vent_rounds: 2\n", "  vent_rounds: 2\n  settle_at: 100\n"))
    assert d.code == "S023" and "settle_at" in d.message


def test_examples_must_be_able_to_hold() -> None:
    text = edit("    kind: model\n", "    kind: model\n    mode: drill\n") + "modes: [onboarding]\n"
    text = text.replace(
        "      overall_at_least: 60\n",
        "      overall_at_least: 60\n      codes: [AP001]\n      absent_codes: [AP001]\n",
    )
    found = lint(text)
    assert [d.code for d in found] == ["S016", "S016"]
    assert "drill mode" in found[0].message and "AP001" in found[1].message


def test_rule_codes_are_checked_only_when_the_rulebook_gives_its_codes() -> None:
    text = TEXT + "ignore: [AP, PR01, CT001]\n"
    assert lint(text) == []
    [d] = lint(text, known={"AP001", "AP002", "PR001", "CT001"})
    assert d.code == "S024" and "'PR01'" in d.message and "did you mean 'PR001'" in d.message


def test_file_in_the_wrong_language_folder_warns() -> None:
    [d] = lint(TEXT, name="en/refund-delay.yaml")
    assert d.code == "S017" and "en/" in d.message


def test_lang_folder_and_stem_both_match_for_the_fixture_name() -> None:
    [d] = lint(TEXT, name="zh/late-refund.yml")
    assert d.code == "S017" and "refund-delay" in d.message


def test_placeholders_in_beats_and_facts_are_checked_too() -> None:
    text = edit("[再不处理我就去网上曝光你们！]", '["{name}，再不处理我就曝光！"]')
    [d] = lint(text)
    assert d.code == "S021" and "{name}" in d.message


def test_unknown_key_suggests_the_nearest_field_or_the_right_level() -> None:
    [d] = lint(edit("  calming: 0.9\n", "  calmng: 0.9\n"))
    assert d.code == "S003" and "did you mean 'calming'" in d.message
    [d] = lint(edit("difficulty: 2\n", "difficulty: 2\nresponse_hours: 8\n"))
    assert d.code == "S003" and "belongs under policy" in d.message


def test_directories_recurse_into_yaml_and_yml_only(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "refund-delay.yml").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(TEXT.replace("id: refund-delay", "id: b"), "utf-8")
    files = scenario_files([tmp_path])
    assert [f.name for f in files] == ["b.yaml", "refund-delay.yml"]
    assert lint_paths([tmp_path]).diagnostics == []


def test_duplicate_ids_are_flagged_in_every_file_that_shares_them(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "refund-delay.yaml").write_text(TEXT, encoding="utf-8")
    result = lint_paths([tmp_path])
    assert [(d.code, Path(d.path).parent.name) for d in result.diagnostics] == [
        ("S010", "a"),
        ("S010", "b"),
    ]
    assert all("zh/refund-delay" in d.message for d in result.diagnostics)


# --- the command ----------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_command_clean_file_exits_zero_with_a_summary() -> None:
    code, out = run(str(FIXTURE))
    assert code == 0
    assert out.strip() == "1 file checked: no problems."


def test_command_warnings_alone_exit_zero(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.yaml"
    path.write_text(TEXT, encoding="utf-8")
    code, out = run(str(path))
    assert code == 0
    assert f"{path}:3:5: S017 " in out and "0 errors, 1 warning in 1 file" in out


def test_command_sorts_by_file_then_position_and_counts(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_bytes(b"")
    code, out = run(str(tmp_path))
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'a.yaml'}:1:1: S012")
    b = [ln for ln in lines if ln.startswith(str(tmp_path / "b.yaml"))]
    positions = [tuple(map(int, re.match(r".*?:(\d+):(\d+):", ln).groups())) for ln in b]  # type: ignore[union-attr]
    assert positions == sorted(positions) and len(b) >= 2
    assert lines[-1].startswith("2 files checked:") and "in 2 files" in lines[-1]


def test_command_json_format() -> None:
    code, out = run("--format", "json", str(FIXTURE), "/no/such/file.yaml")
    assert code == 1
    [d] = json.loads(out)
    assert d == {
        "path": "/no/such/file.yaml",
        "line": 1,
        "col": 1,
        "code": "S026",
        "name": "file-unreadable",
        "severity": "error",
        "message": d["message"],
    }


def test_command_without_paths_lints_the_builtin_library() -> None:
    code, out = run()
    assert "checked" in out.splitlines()[-1]
    assert code in (0, 1)


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 100,
        b"a: " + b"x" * (10 * 1024 * 1024),
        b"\x00\x01\x02binary",
        b"\xff\xfe" + "a: 1".encode("utf-16-le"),
    ],
    ids=["binary", "10MB", "nul", "utf16"],
)
def test_command_never_shows_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    code, out = run(str(path))
    assert code == 1
    assert "Traceback" not in out and out.startswith(f"{path}:")


def test_command_reports_an_empty_directory_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["lint", str(tmp_path)])
    assert result.exit_code == 0
    assert "no scenario files found" in result.stderr
