"""Trainers correct the judge: a queue of corrections, and a pass mark per class.

A correction says a finding on a reply is wrong, or that the reply makes a move
no rule caught; a trainer accepts or rejects it. ``classes.pass_mark`` is the
class's own pass mark (NULL: the rulebook's), which the class board bands by.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("classes") as batch:
        batch.add_column(sa.Column("pass_mark", sa.Integer, nullable=True))
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=True),
        sa.Column("turn", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("code", sa.String(16), nullable=True),
        sa.Column("move", sa.String(16), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_corrections"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_corrections_session_id_sessions",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_corrections_session_id", "corrections", ["session_id"])
    op.create_index("ix_corrections_status_id", "corrections", ["status", "id"])


def downgrade() -> None:
    op.drop_index("ix_corrections_status_id", table_name="corrections")
    op.drop_index("ix_corrections_session_id", table_name="corrections")
    op.drop_table("corrections")
    with op.batch_alter_table("classes") as batch:
        batch.drop_column("pass_mark")
