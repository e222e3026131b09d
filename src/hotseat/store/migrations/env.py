"""Alembic environment: always run online, on the connection ``hotseat.store.db`` hands over.

There is no alembic.ini: the store opens the database, takes its migration lock
and passes the connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from hotseat.store.schema import Base

connection: Connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
