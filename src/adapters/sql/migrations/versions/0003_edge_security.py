"""Edge security (issue 12): leases on open event streams, and the indexes the sweep's
purges of old request-log records, login failures and revoked tokens use.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stream_leases",
        sa.Column("lease_id", sa.Text, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("lease_id", name="pk_stream_leases"),
    )
    op.create_index("ix_stream_leases_by_expires_at", "stream_leases", ["expires_at"])
    op.create_index("ix_request_log_by_created_at", "request_log", ["created_at"])
    op.create_index("ix_login_failures_by_at", "login_failures", ["at"])
    op.create_index("ix_revoked_tokens_by_expires_at", "revoked_tokens", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_revoked_tokens_by_expires_at", table_name="revoked_tokens")
    op.drop_index("ix_login_failures_by_at", table_name="login_failures")
    op.drop_index("ix_request_log_by_created_at", table_name="request_log")
    op.drop_table("stream_leases")
