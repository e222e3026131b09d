"""Mutated scenario files: the built-in scenarios with the damage a hand or a tool does to them.

Shared by the CI suite (a few hundred mutants) and ``run_mutations.py`` (ten thousand, opt
in). Each mutant comes from a seed, so a failure names the seed that reproduces it.
"""

from __future__ import annotations

import random
from pathlib import Path

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*/*.yaml"))

# Values that broke or slowed the loader once, or might: huge and base-60 integers, numbers
# in every YAML 1.1 spelling, escapes for lone surrogates and NUL, deep nesting, tags.
VALUES = (
    "9" * 5000,
    "1" + ":59" * 3000,
    "0x" + "f" * 5000,
    "0b" + "1" * 20000,
    "0" + "7" * 8000,
    "-" + "9" * 400,
    "1_000_000_000_000_000_000_000_000_000_000",
    "1e999999",
    "1.5e+999",
    ".nan",
    "-.inf",
    "~",
    "",
    '"\\ud800"',
    '"\\udfff x"',
    '"a\\0b"',
    '"\\x00"',
    "[" * 60 + "]" * 60,
    "{a: " * 50 + "1" + "}" * 50,
    "&a [1, *a]",
    "!!python/object:os.system ls",
    "!!binary aGVsbG8=",
    "<<: {a: 1}",
    "yes",
    "'\u2028'",
    "\u0085",
    "?",
    "｜",
    "key：value",
    "\t",
    "*nothing",
    "%YAML 1.1",
    "--- ---",
)
# Characters spliced in anywhere: line separators YAML does or does not count, a BOM, NUL,
# a tab, a lone surrogate's UTF-8-like bytes, a combining mark, a zero-width joiner.
SPLICES = ("\u2028", "\u2029", "\u0085", "\ufeff", "\x00", "\t", "\u0301", "\u200d", "\r", "：")


def mutate(raw: bytes, seed: int) -> bytes:
    """One to three kinds of damage to ``raw``, chosen by ``seed``."""
    rng = random.Random(seed)
    text = raw.decode("utf-8")
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(9)
        i = rng.randrange(len(lines))
        line = lines[i]
        if kind == 0 and ":" in line:  # a value replaced
            key = line.split(":", 1)[0]
            lines[i] = f"{key}: {rng.choice(VALUES)}"
        elif kind == 1:  # a list item replaced
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = f"{indent}- {rng.choice(VALUES)}"
        elif kind == 2:
            del lines[i]
        elif kind == 3:
            lines.insert(i, line)
        elif kind == 4:
            lines[i] = " " * rng.randint(1, 3) + line if rng.random() < 0.5 else line.lstrip()
        elif kind == 5:
            at = rng.randint(0, len(line))
            lines[i] = line[:at] + rng.choice(SPLICES) + line[at:]
        elif kind == 6:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], line
        elif kind == 7:
            lines = lines[: i + 1]  # cut short
        else:
            lines[i] = line[: rng.randint(0, len(line))]
        if not lines:
            lines = [""]
    out = "\n".join(lines).encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:  # a stray byte that is not UTF-8
        at = rng.randint(0, len(out))
        out = out[:at] + bytes([rng.choice((0x80, 0xFF, 0xC3, 0xE4))]) + out[at:]
    return out


def mutants(count: int, first_seed: int = 0) -> list[tuple[str, int, bytes]]:
    """``count`` mutants spread over the built-in scenarios: (file name, seed, bytes)."""
    originals = [(f"{p.parent.name}/{p.name}", p.read_bytes()) for p in SCENARIOS]
    out = []
    for seed in range(first_seed, first_seed + count):
        name, raw = originals[seed % len(originals)]
        out.append((name, seed, mutate(raw, seed)))
    return out
