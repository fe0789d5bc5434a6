"""Riders and dispatch (issue 18): the riders of every city, dispatch's queue, the
kitchen's "ready", and a restaurant's day.

- riders: a new table, one row per rider, changed by compare-and-set on ``version``;
  indexed for a city's free riders, the rider holding an order, and the busy ones by
  their last change;
- orders: ``ready_at`` (when the kitchen said the food is ready), ``awaiting_rider``
  (``Order.awaiting_rider``, dispatch's queue, with its index; filled here for the
  orders stored before), and an index by restaurant and creation time (its day's tally).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "riders",
        sa.Column("rider_id", sa.BigInteger, nullable=False, autoincrement=False),
        sa.Column("rider_name", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("city_pincode", sa.Text, nullable=False),
        sa.Column("lat", sa.Double, nullable=False),
        sa.Column("lng", sa.Double, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.Column("order_id", sa.BigInteger, nullable=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("rider_id", name="pk_riders"),
    )
    op.create_index("ix_riders_free", "riders", ["city_pincode", "order_id", "rider_id"])
    op.create_index("ix_riders_by_order", "riders", ["order_id"])
    op.create_index("ix_riders_by_updated_at", "riders", ["updated_at", "rider_id"])
    with op.batch_alter_table("orders") as orders:
        orders.add_column(sa.Column("ready_at", _WHEN, nullable=True))
        orders.add_column(
            sa.Column("awaiting_rider", sa.Boolean, nullable=False, server_default=sa.false())
        )
    _mark_awaiting_rider()
    with op.batch_alter_table("orders") as orders:
        orders.create_index("ix_orders_awaiting_rider", ["awaiting_rider", "order_id"])
        orders.create_index("ix_orders_placed_since", ["restaurant_id", "created_at", "order_id"])


def _mark_awaiting_rider() -> None:
    """``Order.awaiting_rider`` of the orders stored before: being prepared with the
    delivery still PENDING. (Before dispatch, accepting moved the delivery to ASSIGNED,
    so in practice none is; this keeps the flag right whatever was stored.)"""
    connection = op.get_bind()
    orders = sa.table(
        "orders",
        sa.column("order_id", sa.BigInteger),
        sa.column("order_status", sa.Text),
        sa.column("delivery", sa.JSON),
        sa.column("awaiting_rider", sa.Boolean),
    )
    preparing = connection.execute(
        sa.select(orders.c.order_id, orders.c.delivery).where(orders.c.order_status == "PREPARING")
    ).all()
    waiting = [
        row.order_id
        for row in preparing
        if (_json(row.delivery) or {}).get("delivery_status") == "PENDING"
    ]
    if waiting:
        connection.execute(
            sa.update(orders).where(orders.c.order_id.in_(waiting)).values(awaiting_rider=True)
        )


def _json(value: object) -> dict[str, object] | None:
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, dict) else None


def downgrade() -> None:
    with op.batch_alter_table("orders") as orders:
        orders.drop_index("ix_orders_placed_since")
        orders.drop_index("ix_orders_awaiting_rider")
        orders.drop_column("awaiting_rider")
        orders.drop_column("ready_at")
    op.drop_index("ix_riders_by_updated_at", table_name="riders")
    op.drop_index("ix_riders_by_order", table_name="riders")
    op.drop_index("ix_riders_free", table_name="riders")
    op.drop_table("riders")
