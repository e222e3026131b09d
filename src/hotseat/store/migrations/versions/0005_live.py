"""Live calls: a call shared by an instructor seat and a trainee seat, and its event log.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "live_calls",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("scenario", sa.Text, nullable=False),
        sa.Column("scenario_key", sa.String(200), nullable=False),
        sa.Column("scenario_hash", sa.String(64), nullable=False),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("intensity", sa.Integer, nullable=False),
        sa.Column("clock_seconds", sa.Float, nullable=False),
        sa.Column("host", sa.String(100), nullable=False),
        sa.Column("trainee", sa.String(100), nullable=True),
        sa.Column("class_name", sa.String(100), nullable=True),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("session_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_live_calls"),
        sa.UniqueConstraint("code", name="uq_live_calls_code"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_live_calls_session_id_sessions",
            ondelete="SET NULL",
        ),
    )
    op.create_table(
        "live_events",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("call_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("seat", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=True),
        sa.Column("note", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_live_events"),
        sa.UniqueConstraint("call_id", "seq", name="uq_live_events_call_id_seq"),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["live_calls.id"],
            name="fk_live_events_call_id_live_calls",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("live_events")
    op.drop_table("live_calls")
