"""The order as one aggregate: a version to compare and set on, its payment attempts as its
own rows, one order per cart version, and total_orders derived from the orders.

- orders: ``version`` (compare-and-set), ``cart_version`` (unique per customer: one
  order per cart version), ``confirmed_at``, ``paid_by`` (the attempt that paid it),
  ``needs_attention`` (the reconciliation sweep's index); the copy of the latest attempt
  (``payment``, ``payment_status``) goes — the attempts are the ``payments`` rows,
  written in the same transaction as the order;
- carts: ``placed_order``, the order a consumed cart was placed as;
- users: ``total_orders`` goes — it is counted from the orders ever confirmed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)
_CONFIRMED = ("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")


def upgrade() -> None:
    with op.batch_alter_table("orders") as orders:
        orders.add_column(sa.Column("version", sa.BigInteger, nullable=False, server_default="0"))
        orders.add_column(sa.Column("cart_version", sa.BigInteger, nullable=True))
        orders.add_column(sa.Column("confirmed_at", _WHEN, nullable=True))
        orders.add_column(sa.Column("paid_by", sa.BigInteger, nullable=True))
        orders.add_column(
            sa.Column("needs_attention", sa.Boolean, nullable=False, server_default=sa.false())
        )
    _carry_over_orders()
    with op.batch_alter_table("orders") as orders:
        orders.alter_column("cart_version", existing_type=sa.BigInteger, nullable=False)
        orders.drop_index("ix_orders_refunds_due")
        orders.drop_column("payment")
        orders.drop_column("payment_status")
        orders.create_unique_constraint(
            "uq_orders_user_id_cart_version", ["user_id", "cart_version"]
        )
        orders.create_index("ix_orders_needing_attention", ["needs_attention", "order_id"])
    with op.batch_alter_table("payments") as payments:
        payments.drop_index("ix_payments_by_status")
        payments.create_index("ix_payments_by_order", ["order_id", "payment_id"])
    with op.batch_alter_table("carts") as carts:
        carts.add_column(sa.Column("placed_order", sa.BigInteger, nullable=True))
    with op.batch_alter_table("users") as users:
        users.drop_column("total_orders")


def _carry_over_orders() -> None:
    """Orders placed before this revision: which attempt paid each, when it was confirmed,
    whether the sweep has work there. A unique negative cart version per old order keeps
    the new one-order-per-cart-version constraint (real versions are never negative)."""
    connection = op.get_bind()
    orders = sa.table(
        "orders",
        sa.column("order_id", sa.BigInteger),
        sa.column("order_status", sa.Text),
        sa.column("updated_at", _WHEN),
        sa.column("delivery", sa.JSON),
        sa.column("payment", sa.JSON),
        sa.column("cart_version", sa.BigInteger),
        sa.column("confirmed_at", _WHEN),
        sa.column("paid_by", sa.BigInteger),
        sa.column("needs_attention", sa.Boolean),
    )
    payments = sa.table(
        "payments",
        sa.column("order_id", sa.BigInteger),
        sa.column("payment_status", sa.Text),
        sa.column("gateway_reference", sa.Text),
    )
    for row in connection.execute(sa.select(orders)).mappings().all():
        payment = _json(row["payment"])
        was_confirmed = row["order_status"] in _CONFIRMED or _json(row["delivery"]) is not None
        attempts = connection.execute(
            sa.select(payments).where(payments.c.order_id == row["order_id"])
        ).mappings()
        attention = any(
            (a["payment_status"] == "PENDING" and a["gateway_reference"] is None)
            or (a["payment_status"] == "SUCCEEDED" and row["order_status"] == "CANCELLED")
            for a in attempts
        )
        connection.execute(
            sa.update(orders)
            .where(orders.c.order_id == row["order_id"])
            .values(
                cart_version=-int(row["order_id"]),
                confirmed_at=row["updated_at"] if was_confirmed else None,
                paid_by=payment["payment_id"] if was_confirmed and payment else None,
                needs_attention=attention,
            )
        )


def _json(value: object) -> dict[str, object] | None:
    if isinstance(value, str):
        value = json.loads(value)
    return value if isinstance(value, dict) else None


def downgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(sa.Column("total_orders", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("carts") as carts:
        carts.drop_column("placed_order")
    with op.batch_alter_table("payments") as payments:
        payments.drop_index("ix_payments_by_order")
        payments.create_index("ix_payments_by_status", ["payment_status", "payment_id"])
    with op.batch_alter_table("orders") as orders:
        orders.drop_index("ix_orders_needing_attention")
        orders.drop_constraint("uq_orders_user_id_cart_version", type_="unique")
        orders.add_column(sa.Column("payment_status", sa.Text, nullable=True))
        orders.add_column(sa.Column("payment", sa.JSON, nullable=True))
        orders.create_index("ix_orders_refunds_due", ["order_status", "payment_status", "order_id"])
        for column in ("needs_attention", "paid_by", "confirmed_at", "cart_version", "version"):
            orders.drop_column(column)
