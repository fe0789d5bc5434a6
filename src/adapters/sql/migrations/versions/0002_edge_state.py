"""The HTTP edge's shared state: idempotent request log, login failures, revoked tokens.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "request_log",
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("lease_until", _WHEN, nullable=False),
        sa.Column("response_status", sa.Integer, nullable=True),
        sa.Column("response_body", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("scope", "key", name="pk_request_log"),
    )
    op.create_table(
        "login_failures",
        sa.Column(
            "failure_id",
            sa.BigInteger().with_variant(sa.Integer, "sqlite"),
            nullable=False,
            autoincrement=True,
        ),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("failure_id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_by_subject", "login_failures", ["subject", "at"])
    op.create_table(
        "revoked_tokens",
        sa.Column("token_id", sa.Text, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_revoked_tokens"),
    )


def downgrade() -> None:
    for table in ("revoked_tokens", "login_failures", "request_log"):
        op.drop_table(table)
