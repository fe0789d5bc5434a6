"""The initial schema: users, catalog, carts, addresses, orders, payments.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Types are spelled out here, not imported from the application, so that this migration
# keeps meaning the same schema whatever later code does.
_WHEN = sa.DateTime(timezone=True)
_SORTABLE = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _id(name: str) -> sa.Column[int]:
    # Ids come from the id generator; the named primary key constraint is declared apart.
    return sa.Column(name, sa.BigInteger, nullable=False, autoincrement=False)


def upgrade() -> None:
    op.create_table(
        "users",
        _id("user_id"),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("total_orders", sa.Integer, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("restaurant_id", sa.BigInteger, nullable=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_users"),
        sa.UniqueConstraint("email", name="uq_users_email"),
        sa.UniqueConstraint("phone", name="uq_users_phone"),
    )
    op.create_table(
        "cities",
        sa.Column("pincode", sa.Text, nullable=False),
        sa.Column("city_name", _SORTABLE, nullable=False),
        sa.PrimaryKeyConstraint("pincode", name="pk_cities"),
    )
    op.create_table(
        "restaurants",
        _id("restaurant_id"),
        sa.Column("restaurant_name", sa.Text, nullable=False),
        sa.Column("restaurant_description", sa.Text, nullable=False),
        sa.Column("restaurant_rating", sa.Double, nullable=False),
        sa.Column("city_pincode", sa.Text, nullable=False),
        sa.Column("city_name", sa.Text, nullable=False),
        sa.Column("cuisines", _JSON, nullable=False),
        sa.Column("is_veg_only", sa.Boolean, nullable=False),
        sa.Column("delivery_time_minutes", sa.Integer, nullable=False),
        sa.Column("cost_for_two", sa.BigInteger, nullable=False),
        sa.Column("open_hours", sa.Text, nullable=False),
        sa.Column("name_key", _SORTABLE, nullable=False),
        sa.Column("description_key", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("restaurant_id", name="pk_restaurants"),
    )
    op.create_index(
        "ix_restaurants_by_name", "restaurants", ["city_pincode", "name_key", "restaurant_id"]
    )
    op.create_index(
        "ix_restaurants_by_delivery_time",
        "restaurants",
        ["city_pincode", "delivery_time_minutes", "restaurant_id"],
    )
    op.create_index(
        "ix_restaurants_by_rating",
        "restaurants",
        ["city_pincode", sa.text("restaurant_rating DESC"), "restaurant_id"],
    )
    op.create_table(
        "restaurant_cuisines",
        sa.Column("restaurant_id", sa.BigInteger, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("cuisine_key", _SORTABLE, nullable=False),
        sa.PrimaryKeyConstraint("restaurant_id", "position", name="pk_restaurant_cuisines"),
        sa.ForeignKeyConstraint(
            ["restaurant_id"],
            ["restaurants.restaurant_id"],
            name="fk_restaurant_cuisines_restaurant_id_restaurants",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_restaurant_cuisines_by_cuisine",
        "restaurant_cuisines",
        ["cuisine_key", "restaurant_id"],
    )
    op.create_table(
        "food_items",
        _id("food_id"),
        sa.Column("restaurant_id", sa.BigInteger, nullable=False),
        sa.Column("food_name", _SORTABLE, nullable=False),
        sa.Column("food_category", _SORTABLE, nullable=False),
        sa.Column("price", sa.BigInteger, nullable=False),
        sa.Column("availability", sa.Boolean, nullable=False),
        sa.Column("is_veg", sa.Boolean, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("food_id", name="pk_food_items"),
    )
    op.create_index(
        "ix_food_items_menu",
        "food_items",
        ["restaurant_id", "food_category", "food_name", "food_id"],
    )
    op.create_table(
        "carts",
        _id("user_id"),
        sa.Column("cart_id", sa.BigInteger, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("restaurant_id", sa.BigInteger, nullable=True),
        sa.Column("restaurant_name", sa.Text, nullable=True),
        sa.Column("lines", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_carts"),
    )
    op.create_table(
        "addresses",
        _id("address_id"),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("line1", sa.Text, nullable=False),
        sa.Column("line2", sa.Text, nullable=False),
        sa.Column("landmark", sa.Text, nullable=False),
        sa.Column("city_name", sa.Text, nullable=False),
        sa.Column("pincode", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("address_id", name="pk_addresses"),
    )
    op.create_index("ix_addresses_by_user", "addresses", ["user_id", "address_id"])
    op.create_table(
        "orders",
        _id("order_id"),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("idempotency_key", sa.Text, nullable=False),
        sa.Column("request_fingerprint", sa.Text, nullable=False),
        sa.Column("restaurant_id", sa.BigInteger, nullable=False),
        sa.Column("restaurant_name", sa.Text, nullable=False),
        sa.Column("order_status", sa.Text, nullable=False),
        sa.Column("payment_mode", sa.Text, nullable=False),
        sa.Column("payment_status", sa.Text, nullable=True),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.Column("items", _JSON, nullable=False),
        sa.Column("delivery_address", _JSON, nullable=False),
        sa.Column("delivery", _JSON, nullable=True),
        sa.Column("payment", _JSON, nullable=True),
        sa.PrimaryKeyConstraint("order_id", name="pk_orders"),
        sa.UniqueConstraint("user_id", "idempotency_key", name="uq_orders_user_id_idempotency_key"),
    )
    op.create_index("ix_orders_by_user", "orders", ["user_id", "order_id"])
    op.create_index(
        "ix_orders_by_restaurant", "orders", ["restaurant_id", "order_status", "order_id"]
    )
    op.create_index(
        "ix_orders_refunds_due", "orders", ["order_status", "payment_status", "order_id"]
    )
    op.create_table(
        "payments",
        _id("payment_id"),
        sa.Column("order_id", sa.BigInteger, nullable=False),
        sa.Column("idempotency_key", sa.Text, nullable=False),
        sa.Column("request_fingerprint", sa.Text, nullable=False),
        sa.Column("payment_mode", sa.Text, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.Text, nullable=False),
        sa.Column("payment_status", sa.Text, nullable=False),
        sa.Column("failure_code", sa.Text, nullable=True),
        sa.Column("card_brand", sa.Text, nullable=True),
        sa.Column("card_last4", sa.Text, nullable=True),
        sa.Column("gateway_reference", sa.Text, nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("payment_id", name="pk_payments"),
        sa.UniqueConstraint(
            "order_id", "idempotency_key", name="uq_payments_order_id_idempotency_key"
        ),
    )
    op.create_index("ix_payments_by_status", "payments", ["payment_status", "payment_id"])


def downgrade() -> None:
    for table in (
        "payments",
        "orders",
        "addresses",
        "carts",
        "food_items",
        "restaurant_cuisines",
        "restaurants",
        "cities",
        "users",
    ):
        op.drop_table(table)
