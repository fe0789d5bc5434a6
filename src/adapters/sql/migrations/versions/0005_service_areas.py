"""One order per cart's follow-ups: cities name the PIN codes they deliver to, and an
order says why it was cancelled.

- cities: ``served_pincodes`` (JSON list; empty for cities stored before: only their own
  main PIN code is served until the catalog is loaded again);
- orders: ``cancel_reason`` (NULL unless cancelled), and an index for the sweep's list of
  orders waiting for a payment (status, last change).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("cities") as cities:
        cities.add_column(sa.Column("served_pincodes", _JSON, nullable=False, server_default="[]"))
    with op.batch_alter_table("orders") as orders:
        orders.add_column(sa.Column("cancel_reason", sa.Text, nullable=True))
        orders.create_index("ix_orders_unpaid", ["order_status", "updated_at", "order_id"])


def downgrade() -> None:
    with op.batch_alter_table("orders") as orders:
        orders.drop_index("ix_orders_unpaid")
        orders.drop_column("cancel_reason")
    with op.batch_alter_table("cities") as cities:
        cities.drop_column("served_pincodes")
