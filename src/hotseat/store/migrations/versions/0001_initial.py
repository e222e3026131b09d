"""Trainees and their calls: sessions, turns as they happen, findings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "trainees",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_trainees"),
        sa.UniqueConstraint("name", name="uq_trainees_name"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("trainee_id", sa.Integer, nullable=False),
        sa.Column("scenario", sa.String(200), nullable=False),
        sa.Column("scenario_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=False),
        sa.Column("intensity", sa.Integer, nullable=False),
        sa.Column("clock_seconds", sa.Float, nullable=False),
        sa.Column("opening", sa.Text, nullable=False),
        sa.Column("started_at", When, nullable=False),
        sa.Column("ended_at", When, nullable=True),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("turns", sa.Integer, nullable=False),
        sa.Column("overall", sa.Integer, nullable=True),
        sa.Column("score_ap", sa.Integer, nullable=True),
        sa.Column("score_pr", sa.Integer, nullable=True),
        sa.Column("score_ct", sa.Integer, nullable=True),
        sa.Column("score_et", sa.Integer, nullable=True),
        sa.Column("score_em", sa.Integer, nullable=True),
        sa.Column("mood_start", sa.Integer, nullable=True),
        sa.Column("result", sa.JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.ForeignKeyConstraint(
            ["trainee_id"],
            ["trainees.id"],
            name="fk_sessions_trainee_id_trainees",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_sessions_trainee_id", "sessions", ["trainee_id"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("turn", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("seconds", sa.Float, nullable=True),
        sa.Column("customer_line", sa.Text, nullable=False),
        sa.Column("reaction", sa.String(32), nullable=False),
        sa.Column("mood", sa.Integer, nullable=False),
        sa.Column("at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_turns"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_turns_session_id_sessions", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("session_id", "turn", name="uq_turns_session_id_turn"),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("turn", sa.Integer, nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("area", sa.String(2), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("tip", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_findings"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_findings_session_id_sessions",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_findings_session_id", "findings", ["session_id"])


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("turns")
    op.drop_table("sessions")
    op.drop_table("trainees")
