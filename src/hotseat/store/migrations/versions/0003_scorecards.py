"""Scorecards move out of the sessions table into their own.

A stored scorecard is a few kilobytes of JSON; kept in the sessions row it
pushed the columns after it onto SQLite overflow pages, and the progress query
(which never reads it) paid for them on every one of a trainee's calls.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scorecards",
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_scorecards"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_scorecards_session_id_sessions",
            ondelete="CASCADE",
        ),
    )
    op.execute(
        "INSERT INTO scorecards (session_id, result) "
        "SELECT id, result FROM sessions WHERE result IS NOT NULL"
    )
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("result")


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("result", sa.JSON, nullable=True))
    op.execute(
        "UPDATE sessions SET result = "
        "(SELECT result FROM scorecards WHERE scorecards.session_id = sessions.id)"
    )
    op.drop_table("scorecards")
