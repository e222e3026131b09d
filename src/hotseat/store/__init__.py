"""Training records: every call kept turn by turn, on SQLite by default or PostgreSQL by URL.

Only plain records are imported eagerly; SQLAlchemy and Alembic load when a
store is opened, so exporting a scorecard never pays for a database driver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hotseat.store.db import StoreError
    from hotseat.store.recorder import Recorder
    from hotseat.store.store import Store, open_store

_LAZY = {
    "Store": "hotseat.store.store",
    "open_store": "hotseat.store.store",
    "Recorder": "hotseat.store.recorder",
    "StoreError": "hotseat.store.db",
}

__all__ = ["Recorder", "Store", "StoreError", "open_store"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'hotseat.store' has no attribute {name!r}")
