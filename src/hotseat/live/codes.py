"""Join codes: short enough to read off a projector, with no letters that look alike."""

from __future__ import annotations

import random

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud without mistakes
LENGTH = 6


def new_code(rng: random.Random) -> str:
    """A fresh code; the store retries on the rare clash with an existing one."""
    return "".join(rng.choice(ALPHABET) for _ in range(LENGTH))


def normal_code(raw: str) -> str | None:
    """The code as typed (any case, spaces, dashes) as stored, or None if it cannot be one."""
    code = "".join(ch for ch in raw.upper() if ch not in " -")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code
