"""The restaurant's answer (issue 17): when it accepted an order and the preparation
time it gave, and its note when it rejected one.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("orders") as orders:
        orders.add_column(sa.Column("accepted_at", _WHEN, nullable=True))
        orders.add_column(sa.Column("prep_minutes", sa.BigInteger, nullable=True))
        orders.add_column(sa.Column("cancel_note", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as orders:
        for column in ("cancel_note", "prep_minutes", "accepted_at"):
            orders.drop_column(column)
