"""The schema as SQLAlchemy Core tables. The migrations create it; this module is what
the repositories query, and a test checks the two agree.

Domain tables carry no foreign keys to each other on purpose: the ports accept an order
for a user or restaurant they have not seen (the in-memory reference does), and an
order keeps its own snapshots rather than pointing at rows that may change.
Columns exist for everything a query filters or sorts on; nested values that are only
ever read whole (order items, address and delivery snapshots) are JSON. An order's
payment attempts are rows of ``payments``, written in the order's transaction.
"""

from __future__ import annotations

import sqlalchemy as sa

from adapters.sql.types import UtcDateTime, json_type, sort_key_type

metadata = sa.MetaData(
    naming_convention={
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _id(name: str) -> sa.Column[int]:
    # Ids come from the id generator, never from the database.
    return sa.Column(name, sa.BigInteger, primary_key=True, autoincrement=False)


users = sa.Table(
    "users",
    metadata,
    _id("user_id"),
    sa.Column("user_name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("phone", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    # total_orders is not stored: it is counted from the orders ever confirmed.
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("restaurant_id", sa.BigInteger, nullable=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.UniqueConstraint("email"),
    sa.UniqueConstraint("phone"),
)

cities = sa.Table(
    "cities",
    metadata,
    sa.Column("pincode", sa.Text, primary_key=True),
    sa.Column("city_name", sort_key_type(), nullable=False),
    # The PIN codes its restaurants deliver to (besides its own).
    sa.Column("served_pincodes", json_type(), nullable=False),
)

restaurants = sa.Table(
    "restaurants",
    metadata,
    _id("restaurant_id"),
    sa.Column("restaurant_name", sa.Text, nullable=False),
    sa.Column("restaurant_description", sa.Text, nullable=False),
    sa.Column("restaurant_rating", sa.Double, nullable=False),
    # The restaurant's own copy of its city, as the entity holds it.
    sa.Column("city_pincode", sa.Text, nullable=False),
    sa.Column("city_name", sa.Text, nullable=False),
    sa.Column("cuisines", json_type(), nullable=False),
    sa.Column("is_veg_only", sa.Boolean, nullable=False),
    sa.Column("delivery_time_minutes", sa.Integer, nullable=False),
    sa.Column("cost_for_two", sa.BigInteger, nullable=False),
    sa.Column("open_hours", sa.Text, nullable=False),
    # The bill's delivery line (0006): a flat fee, waived from the threshold up.
    sa.Column("delivery_fee", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("free_delivery_above", sa.BigInteger, nullable=True),
    # Case-folded copies for search: name sort and substring match (search.matches).
    sa.Column("name_key", sort_key_type(), nullable=False),
    sa.Column("description_key", sa.Text, nullable=False),
    # How many ratings restaurant_rating is the score of (0007).
    sa.Column("rating_count", sa.BigInteger, nullable=False, server_default="0"),
    sa.Index("ix_restaurants_by_name", "city_pincode", "name_key", "restaurant_id"),
    sa.Index(
        "ix_restaurants_by_delivery_time", "city_pincode", "delivery_time_minutes", "restaurant_id"
    ),
    sa.Index("ix_restaurants_by_cost", "city_pincode", "cost_for_two", "restaurant_id"),
)
# Best rated first, ties by id ascending: the index runs in the order the search reads.
sa.Index(
    "ix_restaurants_by_rating",
    restaurants.c.city_pincode,
    restaurants.c.restaurant_rating.desc(),
    restaurants.c.restaurant_id,
)

# One row per cuisine of a restaurant, case-folded: the cuisine filter is an equality
# and text search looks into each cuisine separately (a match must not span two).
restaurant_cuisines = sa.Table(
    "restaurant_cuisines",
    metadata,
    sa.Column(
        "restaurant_id",
        sa.BigInteger,
        sa.ForeignKey("restaurants.restaurant_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("cuisine_key", sort_key_type(), nullable=False),
    sa.Index("ix_restaurant_cuisines_by_cuisine", "cuisine_key", "restaurant_id"),
)

food_items = sa.Table(
    "food_items",
    metadata,
    _id("food_id"),
    sa.Column("restaurant_id", sa.BigInteger, nullable=False),
    sa.Column("food_name", sort_key_type(), nullable=False),
    sa.Column("food_category", sort_key_type(), nullable=False),
    sa.Column("price", sa.BigInteger, nullable=False),
    sa.Column("availability", sa.Boolean, nullable=False),
    sa.Column("is_veg", sa.Boolean, nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("packaging", sa.BigInteger, nullable=False, server_default="0"),  # per unit (0006)
    # Sizes, half/full, add-ons: read whole with the item (0007).
    sa.Column("option_groups", json_type(), nullable=False, server_default="[]"),
    # The case-folded name, for dish search: a restaurant matches a text its dishes'
    # names contain (search.matches), looked up per restaurant in the index below (0007).
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Index("ix_food_items_menu", "restaurant_id", "food_category", "food_name", "food_id"),
    sa.Index("ix_food_items_by_name_key", "restaurant_id", "name_key"),
)

carts = sa.Table(
    "carts",
    metadata,
    _id("user_id"),
    sa.Column("cart_id", sa.BigInteger, nullable=False),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("restaurant_id", sa.BigInteger, nullable=True),
    sa.Column("restaurant_name", sa.Text, nullable=True),
    # Each line keeps the food item as it was when added (the entity does too).
    sa.Column("lines", json_type(), nullable=False),
    sa.Column("placed_order", sa.BigInteger, nullable=True),
    sa.Column("coupon", sa.Text, nullable=True),  # the code applied (0006)
    sa.Column("tip", sa.BigInteger, nullable=False, server_default="0"),
)

# The platform's coupons, by code; the rules are read whole (0006).
coupons = sa.Table(
    "coupons",
    metadata,
    sa.Column("code", sa.Text, primary_key=True),
    sa.Column("coupon", json_type(), nullable=False),
)

addresses = sa.Table(
    "addresses",
    metadata,
    _id("address_id"),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("line1", sa.Text, nullable=False),
    sa.Column("line2", sa.Text, nullable=False),
    sa.Column("landmark", sa.Text, nullable=False),
    sa.Column("city_name", sa.Text, nullable=False),
    sa.Column("pincode", sa.Text, nullable=False),
    sa.Index("ix_addresses_by_user", "user_id", "address_id"),
)

orders = sa.Table(
    "orders",
    metadata,
    _id("order_id"),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("idempotency_key", sa.Text, nullable=False),
    sa.Column("request_fingerprint", sa.Text, nullable=False),
    sa.Column("cart_version", sa.BigInteger, nullable=False),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("restaurant_id", sa.BigInteger, nullable=False),
    sa.Column("restaurant_name", sa.Text, nullable=False),
    sa.Column("order_status", sa.Text, nullable=False),
    sa.Column("payment_mode", sa.Text, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("confirmed_at", UtcDateTime, nullable=True),
    sa.Column("paid_by", sa.BigInteger, nullable=True),
    sa.Column("cancel_reason", sa.Text, nullable=True),
    # The restaurant's answer (0008): when it accepted and the minutes it gave, or its
    # note when it rejected.
    sa.Column("accepted_at", UtcDateTime, nullable=True),
    sa.Column("prep_minutes", sa.BigInteger, nullable=True),
    sa.Column("cancel_note", sa.Text, nullable=True),
    # When the kitchen said the food is ready (0009).
    sa.Column("ready_at", UtcDateTime, nullable=True),
    # Order.needs_attention, kept with every write: the reconciliation sweep's index.
    sa.Column("needs_attention", sa.Boolean, nullable=False),
    # Order.awaiting_rider, kept with every write: dispatch's queue (0009).
    sa.Column("awaiting_rider", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("items", json_type(), nullable=False),
    sa.Column("delivery_address", json_type(), nullable=False),
    sa.Column("delivery", json_type(), nullable=True),
    # The bill it was placed with (NULL for orders placed before 0006: items only), the
    # coupon it used, and the use of that coupon it holds (NULL once released).
    sa.Column("bill", json_type(), nullable=True),
    sa.Column("coupon", json_type(), nullable=True),
    sa.Column("coupon_claim", sa.Text, nullable=True),
    # The placement's claims: a second insert with the same key, from the same cart
    # version, or holding the same use of a coupon, fails here.
    sa.UniqueConstraint("user_id", "idempotency_key"),
    sa.UniqueConstraint("user_id", "cart_version"),
    sa.UniqueConstraint("user_id", "coupon_claim"),
    sa.Index("ix_orders_by_user", "user_id", "order_id"),
    sa.Index("ix_orders_by_restaurant", "restaurant_id", "order_status", "order_id"),
    sa.Index("ix_orders_needing_attention", "needs_attention", "order_id"),
    sa.Index("ix_orders_unpaid", "order_status", "updated_at", "order_id"),
    sa.Index("ix_orders_awaiting_rider", "awaiting_rider", "order_id"),
    # A restaurant's day: its orders placed since a moment (0009).
    sa.Index("ix_orders_placed_since", "restaurant_id", "created_at", "order_id"),
)

# Customers' ratings of their delivered orders, one per order (0007): rating once is the
# insert under the order's id; a restaurant's totals are read from the index by
# restaurant, which holds the stars too.
ratings = sa.Table(
    "ratings",
    metadata,
    _id("order_id"),
    sa.Column("user_id", sa.BigInteger, nullable=False),
    sa.Column("restaurant_id", sa.BigInteger, nullable=False),
    sa.Column("stars", sa.Integer, nullable=False),
    sa.Column("review", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Index("ix_ratings_by_restaurant", "restaurant_id", "stars"),
)

# A customer's saved restaurants (0007), listed newest first.
favourites = sa.Table(
    "favourites",
    metadata,
    sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("restaurant_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("saved_at", UtcDateTime, nullable=False),
    sa.Index("ix_favourites_by_user", "user_id", "saved_at", "restaurant_id"),
)

# The riders of every city (0009), changed by compare-and-set on ``version``. A rider
# carries one order (``order_id``; NULL: free): the free ones of a city are read by id,
# the one holding an order by the order, the busy ones by their last change.
riders = sa.Table(
    "riders",
    metadata,
    _id("rider_id"),
    sa.Column("rider_name", sa.Text, nullable=False),
    sa.Column("phone", sa.Text, nullable=False),
    sa.Column("city_pincode", sa.Text, nullable=False),
    sa.Column("lat", sa.Double, nullable=False),
    sa.Column("lng", sa.Double, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("order_id", sa.BigInteger, nullable=True),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Index("ix_riders_free", "city_pincode", "order_id", "rider_id"),
    sa.Index("ix_riders_by_order", "order_id"),
    sa.Index("ix_riders_by_updated_at", "updated_at", "rider_id"),
)

# The order's payment attempts, one row each, written in the order's transaction.
payments = sa.Table(
    "payments",
    metadata,
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
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("order_id", "idempotency_key"),
    sa.Index("ix_payments_by_order", "order_id", "payment_id"),
)

# --- the HTTP edge's shared state (food_core.ports.requests) ---

request_log = sa.Table(
    "request_log",
    metadata,
    # One record per (scope, key): the claim of an idempotent request is this insert.
    sa.Column("scope", sa.Text, primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("fingerprint", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("lease_until", UtcDateTime, nullable=False),
    sa.Column("response_status", sa.Integer, nullable=True),
    sa.Column("response_body", sa.Text, nullable=True),
    # The sweep purges records past their retention (0003).
    sa.Index("ix_request_log_by_created_at", "created_at"),
)

login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column(
        "failure_id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),  # SQLite: a rowid alias
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Index("ix_login_failures_by_subject", "subject", "at"),
    sa.Index("ix_login_failures_by_at", "at"),  # the sweep's purge (0003)
)

revoked_tokens = sa.Table(
    "revoked_tokens",
    metadata,
    sa.Column("token_id", sa.Text, primary_key=True),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.Index("ix_revoked_tokens_by_expires_at", "expires_at"),  # the sweep's purge (0003)
)

# Leases on a user's open event streams: taking one is the insert of its id (0003).
stream_leases = sa.Table(
    "stream_leases",
    metadata,
    sa.Column("lease_id", sa.Text, primary_key=True),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.Index("ix_stream_leases_by_expires_at", "expires_at"),
)
