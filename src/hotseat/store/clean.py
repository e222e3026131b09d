"""Text as every database can store it: no NUL (PostgreSQL refuses it in text and JSON) and no
lone surrogate (a valid JSON escape such as \\ud800 that no UTF-8 database can encode).

Each becomes U+FFFD, the replacement character, so a reply keeps its length and every
span into it stays valid. A recorded call cleans a reply before playing it, so what the
trainee sees, what is judged and what is stored are the same text.
"""

from __future__ import annotations

import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """``text`` with every NUL and lone surrogate replaced by U+FFFD."""
    return _UNSTORABLE.sub(REPLACEMENT, text)


def storable_json(value: Any) -> Any:
    """A JSON value with every string in it (keys included) made storable."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable(str(k)): storable_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable_json(v) for v in value]
    return value
