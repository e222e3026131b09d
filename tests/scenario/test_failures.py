"""Each file in failures/ proves one lint code at the place its first line names."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hotseat.cli import main
from hotseat.scenario.diagnostic import CODES, Severity

HERE = Path(__file__).resolve().parent
FAILURES = HERE / "failures"
FIXTURE = HERE / "fixtures" / "refund-delay.yaml"
FILES = sorted(FAILURES.glob("*.yaml"))
# proved by tests that build the input at run time instead of committing it
RUNTIME_ONLY = {"S018", "S026"}
# the rule-code check needs the rulebook's codes, which the lint command does not know yet


def expectation(path: Path) -> tuple[int, int, str]:
    first = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
    match = re.fullmatch(r"# expect: (\d+):(\d+) (S\d{3})", first)
    assert match, f"{path.name}: first line must be '# expect: LINE:COL CODE'"
    return int(match[1]), int(match[2]), match[3]


def test_at_least_twenty_failure_files_one_code_each() -> None:
    assert len(FILES) >= 20
    for path in FILES:
        assert path.name.startswith(expectation(path)[2] + "_"), path.name


def test_every_code_is_proved_by_a_failure_file() -> None:
    proved = {expectation(p)[2] for p in FILES}
    assert set(CODES) - RUNTIME_ONLY <= proved


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_failure_file(path: Path) -> None:
    line, col, code = expectation(path)
    # linted beside the valid fixture, so the duplicate-id file has its twin
    run = CliRunner().invoke(main, ["lint", str(path), str(FIXTURE)])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.output
    assert "Traceback" not in run.output
    lines = run.output.splitlines()
    exit_code = run.exit_code
    assert f"{path}:{line}:{col}: {code} " in "\n".join(lines)
    ours = {
        m[1] for m in (re.match(rf"{re.escape(str(path))}:\d+:\d+: (S\d+)", s) for s in lines) if m
    }
    assert ours - {"S017"} == {code} - {"S017"}, lines  # the file breaks exactly one thing
    assert exit_code == (1 if CODES[code].severity is Severity.ERROR else 0)


def test_lint_command_in_a_real_process_over_the_whole_folder() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "hotseat", "lint", "--format", "json", str(FAILURES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    found = {(d["path"], d["line"], d["col"], d["code"]) for d in json.loads(run.stdout)}
    for path in FILES:
        line, col, code = expectation(path)
        if code != "S010":  # needs the fixture twin
            assert (str(path), line, col, code) in found
