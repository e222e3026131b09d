"""Mutated scenario files (issue 15.3): every one lints to file:line:col messages or clean,
never a traceback, and a folder of them still loads as a library.

CI runs a few hundred mutants; ``run_mutations.py`` runs the ten thousand of the bar.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fuzz.mutations import SCENARIOS, mutants
from hotseat.scenario.library import load_library
from hotseat.scenario.lint import lint_bytes

CI_MUTANTS = 300
_LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): S\d{3} .+", re.DOTALL)


def check_mutant(name: str, raw: bytes) -> bool:
    """Lint one mutant; True when it has diagnostics. Raises on a traceback or a bad one."""
    result = lint_bytes(raw, name)
    lines = raw.count(b"\n") + 1
    for d in result.diagnostics:
        found = _LOCATED.match(str(d))
        assert found is not None and found["path"] == name, str(d)
        assert 1 <= d.line <= lines + 1 and d.col >= 1, str(d)
        assert len(d.message) < 2000, "a message must not echo a huge value back"
    if not result.errors:
        assert result.scenario is not None
    return bool(result.diagnostics)


@pytest.mark.parametrize("chunk", range(6))
def test_mutants_lint_to_located_messages_never_a_traceback(chunk: int) -> None:
    size = CI_MUTANTS // 6
    for name, seed, raw in mutants(size, first_seed=chunk * size):
        try:
            check_mutant(name, raw)
        except Exception as exc:
            raise AssertionError(f"seed {seed} ({name})") from exc


def test_a_folder_of_mutants_still_loads_its_good_files(tmp_path: Path) -> None:
    """The TUI and every served tab load the library at start: broken files are listed aside."""
    good = SCENARIOS[0]
    (tmp_path / good.parent.name).mkdir()
    (tmp_path / good.parent.name / good.name).write_bytes(good.read_bytes())
    worst = [b"max_turns: " + b"9" * 5000, b"max_turns: 1" + b":59" * 3000, b"a: [" * 200]
    others = [m for m in mutants(40, first_seed=1000) if m[0] != f"{good.parent.name}/{good.name}"]
    for i, raw in enumerate([*worst, *(m[2] for m in others[:20])]):
        (tmp_path / f"mutant-{i}.yaml").write_bytes(raw)
    library = load_library([tmp_path])
    assert f"{good.parent.name}/{good.stem}" in [s.key for s in library.scenarios]
    assert len(library.scenarios) + len(library.broken) == 1 + len(worst) + 20
    assert len(library.broken) >= len(worst)
    for broken in library.broken:
        assert broken.diagnostics, broken.path
