"""Classes and drawing lots; sessions learn their class and whether the trainee stepped out.

Also replaces the plain trainee index with (trainee_id, started_at), which the
progress screen's time-ordered query needs to open fast on thousands of calls.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

When = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_classes"),
        sa.UniqueConstraint("name", name="uq_classes_name"),
    )
    op.create_table(
        "class_members",
        sa.Column("class_id", sa.Integer, nullable=False),
        sa.Column("trainee_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("class_id", "trainee_id", name="pk_class_members"),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["classes.id"],
            name="fk_class_members_class_id_classes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["trainee_id"],
            ["trainees.id"],
            name="fk_class_members_trainee_id_trainees",
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "draws",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("class_id", sa.Integer, nullable=False),
        sa.Column("trainee_id", sa.Integer, nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("drawn_at", When, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_draws"),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], name="fk_draws_class_id_classes", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["trainee_id"],
            ["trainees.id"],
            name="fk_draws_trainee_id_trainees",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "class_id", "round", "trainee_id", name="uq_draws_class_id_round_trainee_id"
        ),
    )
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("class_id", sa.Integer, nullable=True))
        batch.add_column(
            sa.Column("stepped_out", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.create_foreign_key(
            "fk_sessions_class_id_classes", "classes", ["class_id"], ["id"], ondelete="SET NULL"
        )
        batch.drop_index("ix_sessions_trainee_id")
        batch.create_index("ix_sessions_trainee_started", ["trainee_id", "started_at"])


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_index("ix_sessions_trainee_started")
        batch.create_index("ix_sessions_trainee_id", ["trainee_id"])
        batch.drop_constraint("fk_sessions_class_id_classes", type_="foreignkey")
        batch.drop_column("stepped_out")
        batch.drop_column("class_id")
    op.drop_table("draws")
    op.drop_table("class_members")
    op.drop_table("classes")
