"""The bill: what restaurants charge besides dishes, coupons, tips, and the bill each
order keeps.

- restaurants: ``delivery_fee`` (0 for rows stored before) and ``free_delivery_above``;
- food_items: ``packaging`` per unit (0 before);
- carts: the ``coupon`` code applied and the ``tip``;
- coupons: a new table, by code;
- orders: the ``bill`` (NULL for orders placed before: their bill is their items), the
  ``coupon`` used and its ``coupon_claim``, unique per customer while held.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("restaurants") as restaurants:
        restaurants.add_column(
            sa.Column("delivery_fee", sa.BigInteger, nullable=False, server_default="0")
        )
        restaurants.add_column(sa.Column("free_delivery_above", sa.BigInteger, nullable=True))
    with op.batch_alter_table("food_items") as food_items:
        food_items.add_column(
            sa.Column("packaging", sa.BigInteger, nullable=False, server_default="0")
        )
    with op.batch_alter_table("carts") as carts:
        carts.add_column(sa.Column("coupon", sa.Text, nullable=True))
        carts.add_column(sa.Column("tip", sa.BigInteger, nullable=False, server_default="0"))
    op.create_table(
        "coupons",
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("coupon", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_coupons"),
    )
    with op.batch_alter_table("orders") as orders:
        orders.add_column(sa.Column("bill", _JSON, nullable=True))
        orders.add_column(sa.Column("coupon", _JSON, nullable=True))
        orders.add_column(sa.Column("coupon_claim", sa.Text, nullable=True))
        orders.create_unique_constraint(
            "uq_orders_user_id_coupon_claim", ["user_id", "coupon_claim"]
        )


def downgrade() -> None:
    with op.batch_alter_table("orders") as orders:
        orders.drop_constraint("uq_orders_user_id_coupon_claim", type_="unique")
        orders.drop_column("coupon_claim")
        orders.drop_column("coupon")
        orders.drop_column("bill")
    op.drop_table("coupons")
    with op.batch_alter_table("carts") as carts:
        carts.drop_column("tip")
        carts.drop_column("coupon")
    with op.batch_alter_table("food_items") as food_items:
        food_items.drop_column("packaging")
    with op.batch_alter_table("restaurants") as restaurants:
        restaurants.drop_column("free_delivery_above")
        restaurants.drop_column("delivery_fee")
