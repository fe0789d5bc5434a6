"""Menus the way restaurants sell (issue 16): option groups, dish search, ratings and
favourites.

- food_items: ``option_groups`` (JSON; none for items stored before) and ``name_key``,
  the case-folded name dish search matches (filled here for the items stored before),
  with an index by restaurant;
- restaurants: ``rating_count`` (0 before: the seeded rating counts no ratings) and an
  index for the cost sort;
- ratings: a new table, one row per rated order, indexed by restaurant;
- favourites: a new table, one row per saved (user, restaurant).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

_WHEN = sa.DateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_BATCH = 1000


def _fill_food_name_keys() -> None:
    """``name_key`` is Python's ``str.casefold`` of the name (the database never folds
    case itself), so the items already stored are folded here."""
    food_items = sa.table(
        "food_items",
        sa.column("food_id", sa.BigInteger),
        sa.column("food_name", sa.Text),
        sa.column("name_key", sa.Text),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(food_items.c.food_id, food_items.c.food_name)).all()
    update = (
        sa.update(food_items)
        .where(food_items.c.food_id == sa.bindparam("id"))
        .values(name_key=sa.bindparam("key"))
    )
    for start in range(0, len(rows), _BATCH):
        batch = rows[start : start + _BATCH]
        connection.execute(
            update, [{"id": r.food_id, "key": r.food_name.casefold()} for r in batch]
        )


def upgrade() -> None:
    with op.batch_alter_table("food_items") as food_items:
        food_items.add_column(
            sa.Column("option_groups", _JSON, nullable=False, server_default="[]")
        )
        food_items.add_column(sa.Column("name_key", sa.Text, nullable=True))
    _fill_food_name_keys()
    with op.batch_alter_table("food_items") as food_items:
        food_items.alter_column("name_key", existing_type=sa.Text, nullable=False)
        food_items.create_index("ix_food_items_by_name_key", ["restaurant_id", "name_key"])
    with op.batch_alter_table("restaurants") as restaurants:
        restaurants.add_column(
            sa.Column("rating_count", sa.BigInteger, nullable=False, server_default="0")
        )
        restaurants.create_index(
            "ix_restaurants_by_cost", ["city_pincode", "cost_for_two", "restaurant_id"]
        )
    op.create_table(
        "ratings",
        sa.Column("order_id", sa.BigInteger, nullable=False, autoincrement=False),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("restaurant_id", sa.BigInteger, nullable=False),
        sa.Column("stars", sa.Integer, nullable=False),
        sa.Column("review", sa.Text, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("order_id", name="pk_ratings"),
    )
    op.create_index("ix_ratings_by_restaurant", "ratings", ["restaurant_id", "stars"])
    op.create_table(
        "favourites",
        sa.Column("user_id", sa.BigInteger, nullable=False, autoincrement=False),
        sa.Column("restaurant_id", sa.BigInteger, nullable=False, autoincrement=False),
        sa.Column("saved_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("user_id", "restaurant_id", name="pk_favourites"),
    )
    op.create_index("ix_favourites_by_user", "favourites", ["user_id", "saved_at", "restaurant_id"])


def downgrade() -> None:
    op.drop_index("ix_favourites_by_user", table_name="favourites")
    op.drop_table("favourites")
    op.drop_index("ix_ratings_by_restaurant", table_name="ratings")
    op.drop_table("ratings")
    with op.batch_alter_table("restaurants") as restaurants:
        restaurants.drop_index("ix_restaurants_by_cost")
        restaurants.drop_column("rating_count")
    with op.batch_alter_table("food_items") as food_items:
        food_items.drop_index("ix_food_items_by_name_key")
        food_items.drop_column("name_key")
        food_items.drop_column("option_groups")
