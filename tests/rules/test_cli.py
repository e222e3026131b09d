"""`hotseat rules`: the list, one rule's explanation, both languages, JSON, and clean errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli import main
from hotseat.rules import RULES


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["rules", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_lists_every_rule_with_code_name_area_severity_status() -> None:
    code, out = run("--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(RULES)
    first = lines[0].split()
    assert first[:5] == ["AP001", "repeated-apology", "AP", "warning", "stable"]
    assert "Too many apologies" in lines[0]
    assert any(line.split()[:4] == ["CT004", "arguing", "CT", "error"] for line in lines)


def test_lists_in_chinese() -> None:
    code, out = run("--lang", "zh")
    assert code == 0 and "道歉过多" in out.splitlines()[0]


def test_explains_one_rule_by_code_or_name() -> None:
    code, out = run("AP001", "--lang", "en")
    assert code == 0
    assert out.startswith("# AP001 repeated-apology — Too many apologies")
    for heading in ("What it flags", "Why it hurts the call", "Example", "Say instead", "Options"):
        assert f"## {heading}" in out
    assert "max_apologies = 2" in out
    assert run("repeated-apology", "--lang", "en")[1] == out


def test_explains_in_chinese() -> None:
    code, out = run("AP001", "--lang", "zh")
    assert code == 0
    assert "## 为什么会把电话搞砸" in out and "坐席（第1轮）：非常抱歉" in out


def test_json_list_and_json_explanation() -> None:
    code, out = run("--format", "json", "--lang", "zh")
    rows = json.loads(out)
    assert code == 0 and [r["code"] for r in rows] == [r.code for r in RULES]
    assert rows[0] | {"title": ""} == {
        "code": "AP001",
        "name": "repeated-apology",
        "area": "AP",
        "severity": "warning",
        "status": "stable",
        "needs_scenario": False,
        "enabled": True,
        "title": "",
    }
    code, out = run("PR002", "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert code == 0 and data["needs_scenario"] is True and data["severity"] == "error"
    assert set(data["sections"]) == {"what", "why", "example", "instead", "options"}
    assert data["examples"]["bad"] and data["weight"] == 40


def test_unknown_rule_is_a_clear_error() -> None:
    code, out = run("AP01", "--lang", "en")
    assert code == 1 and "unknown rule 'AP01'; did you mean AP001" in out
    assert "Traceback" not in out


def test_a_rulebook_file_shows_its_settings(tmp_path: Path) -> None:
    path = tmp_path / "rb.yaml"
    path.write_text("version: 1\nignore: [EM]\nrules:\n  AP001: {severity: error}\n", "utf-8")
    code, out = run("--rulebook", str(path), "--lang", "en")
    assert code == 0
    assert out.splitlines()[0].split()[3] == "error"
    assert all(line.split()[3] == "off" for line in out.splitlines() if line.startswith("EM"))


def test_a_broken_rulebook_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rb.yaml"
    path.write_text("version: 1\nrules:\n  AP999: {}\n", "utf-8")
    code, out = run("--rulebook", str(path))
    assert code == 1 and f"{path}:3:3: unknown rule 'AP999'" in out
