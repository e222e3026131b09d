"""Lint ten thousand mutated scenario files and count what came out (opt in; minutes, not CI).

Run: .venv/bin/python tests/fuzz/run_mutations.py [COUNT]

Prints how many mutants linted clean, how many gave diagnostics, and every traceback (with
the seed that reproduces it); exits 1 if any mutant raised or named no line and column.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script, outside pytest

from fuzz.mutations import mutants
from fuzz.test_scenario_mutations import check_mutant


def main(count: int) -> int:
    clean = flagged = failed = 0
    started = time.process_time()
    for name, seed, raw in mutants(count):
        try:
            if check_mutant(name, raw):
                flagged += 1
            else:
                clean += 1
        except Exception:  # the run reports every failure, with its seed, and goes on
            failed += 1
            print(f"seed {seed} ({name}):\n{traceback.format_exc()}", file=sys.stderr)
    seconds = time.process_time() - started
    print(
        f"{count} mutants: {clean} clean, {flagged} with diagnostics, {failed} failed "
        f"({seconds:.0f} s CPU)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
