"""Saved journeys: answers only, with an expiry.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "saved_journeys",
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_saved_journeys_expires_at", "saved_journeys", ["expires_at"])


def downgrade():
    op.drop_index("ix_saved_journeys_expires_at", table_name="saved_journeys")
    op.drop_table("saved_journeys")
