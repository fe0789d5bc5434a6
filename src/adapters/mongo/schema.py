"""Collection names, the indexes (created idempotently at startup) and duplicate-key
detection that works on MongoDB and on FerretDB."""

from __future__ import annotations

from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.database import Database
from pymongo.errors import DuplicateKeyError, OperationFailure, PyMongoError

Document = dict[str, Any]

USERS = "users"
CITIES = "cities"
RESTAURANTS = "restaurants"
FOOD_ITEMS = "food_items"
# Each restaurant's dishes (by _id: the restaurant's id): their names in menu order and
# case-folded, with its PIN code, for dish search (``search``).
RESTAURANT_DISHES = "restaurant_dishes"
COUPONS = "coupons"  # by _id: the code
CARTS = "carts"
ADDRESSES = "addresses"
ORDERS = "orders"  # each holds its payment attempts
RATINGS = "ratings"  # by _id: the rated order's id
FAVOURITES = "favourites"  # by _id: "<user id>:<restaurant id>"
RIDERS = "riders"  # by _id: the rider's id
# The committed compare-and-set moves of carts and orders (see ``moves``), by ``_id``.
CART_MOVES = "cart_moves"
ORDER_MOVES = "order_moves"
RIDER_MOVES = "rider_moves"
# The HTTP edge's shared state (food_core.ports.requests).
REQUEST_LOG = "request_log"
LOGIN_FAILURES = "login_failures"
REVOKED_TOKENS = "revoked_tokens"
STREAM_LEASES = "stream_leases"
# One document per address book being added to: the lock that makes the 20-address cap
# hold under concurrent adds (see ``addresses``); looked up by _id only.
ADDRESS_BOOK_LOCKS = "address_book_locks"
COLLECTIONS = (
    USERS,
    CITIES,
    RESTAURANTS,
    FOOD_ITEMS,
    RESTAURANT_DISHES,
    COUPONS,
    CARTS,
    ADDRESSES,
    ORDERS,
    RATINGS,
    FAVOURITES,
    RIDERS,
    CART_MOVES,
    ORDER_MOVES,
    RIDER_MOVES,
    REQUEST_LOG,
    LOGIN_FAILURES,
    REVOKED_TOKENS,
    STREAM_LEASES,
    ADDRESS_BOOK_LOCKS,
)


_A, _D = ASCENDING, DESCENDING
INDEXES: dict[str, list[IndexModel]] = {
    USERS: [
        IndexModel([("email", _A)], name="email_unique", unique=True),
        IndexModel([("phone", _A)], name="phone_unique", unique=True),
    ],
    CITIES: [IndexModel([("city_name", _A), ("_id", _A)], name="by_name")],
    RESTAURANTS: [
        IndexModel([("pincode", _A), ("restaurant_rating", _D), ("_id", _A)], name="by_rating"),
        IndexModel([("pincode", _A), ("name_key", _A), ("_id", _A)], name="by_name"),
        IndexModel(
            [("pincode", _A), ("delivery_time_minutes", _A), ("_id", _A)],
            name="by_delivery_time",
        ),
        IndexModel([("pincode", _A), ("cost_for_two", _A), ("_id", _A)], name="by_cost"),
        IndexModel([("pincode", _A), ("cuisine_keys", _A)], name="by_cuisine"),
    ],
    RESTAURANT_DISHES: [IndexModel([("pincode", _A), ("dish_keys", _A)], name="by_city_dish")],
    FOOD_ITEMS: [
        IndexModel(
            [("restaurant_id", _A), ("food_category", _A), ("food_name", _A), ("_id", _A)],
            name="menu",
        )
    ],
    ADDRESSES: [IndexModel([("user_id", _A), ("_id", _A)], name="by_user")],
    ORDERS: [
        # The placement's claims: a second insert with the same key, or placed from the
        # same cart version, fails here.
        IndexModel([("user_id", _A), ("idempotency_key", _A)], name="user_key_unique", unique=True),
        IndexModel([("user_id", _A), ("cart_version", _A)], name="user_cart_unique", unique=True),
        # The coupon use an order holds (``coupon_claim``; an order holding none carries
        # a value of its own, so the index needs no sparse or partial form).
        IndexModel([("user_id", _A), ("coupon_claim", _A)], name="user_coupon_unique", unique=True),
        IndexModel([("user_id", _A), ("_id", _D)], name="by_user"),
        IndexModel([("user_id", _A), ("ever_confirmed", _A)], name="confirmed_by_user"),
        IndexModel(
            [("restaurant_id", _A), ("order_status", _A), ("_id", _A)], name="by_restaurant"
        ),
        IndexModel([("needs_attention", _A), ("_id", _A)], name="needing_attention"),
        IndexModel([("order_status", _A), ("updated_at", _A), ("_id", _A)], name="unpaid"),
        IndexModel([("awaiting_rider", _A), ("_id", _A)], name="awaiting_rider"),
        IndexModel([("restaurant_id", _A), ("created_at", _A), ("_id", _A)], name="placed_since"),
    ],
    # A restaurant's totals: its ratings' stars, read from the index.
    RATINGS: [IndexModel([("restaurant_id", _A), ("stars", _A)], name="by_restaurant")],
    FAVOURITES: [
        IndexModel([("user_id", _A), ("saved_at", _D), ("restaurant_id", _D)], name="by_user")
    ],
    # A city's free riders by id, the rider holding an order, the busy ones by their
    # last change (``free`` is a top-level copy of ``order_id`` being null).
    RIDERS: [
        IndexModel([("city_pincode", _A), ("free", _A), ("_id", _A)], name="free_by_city"),
        IndexModel([("order_id", _A)], name="by_order"),
        IndexModel([("free", _A), ("updated_at", _A), ("_id", _A)], name="busy"),
    ],
    # Moves need no index but _id's: they are looked up by it and nothing else.
    REQUEST_LOG: [
        # The claim of an idempotent request: a second insert with the same key fails.
        IndexModel([("scope", _A), ("key", _A)], name="scope_key_unique", unique=True),
        IndexModel([("created_at", _A)], name="by_created_at"),  # the sweep's purge
    ],
    LOGIN_FAILURES: [
        IndexModel([("subject", _A), ("at", _A)], name="by_subject"),
        IndexModel([("at", _A)], name="by_at"),  # the sweep's purge
    ],
    # Revocations and stream leases are looked up by _id only; these serve the purge.
    REVOKED_TOKENS: [IndexModel([("expires_at", _A)], name="by_expires_at")],
    STREAM_LEASES: [IndexModel([("expires_at", _A)], name="by_expires_at")],
}


def ensure_indexes(db: Database[Document]) -> None:
    """Create the indexes that are missing (by name), one per command.

    Not simply ``create_indexes(all)``, which MongoDB makes a no-op for existing ones:
    FerretDB 1.24 panics (and drops the connection) when one ``createIndexes`` command
    lists two or more indexes that already exist, i.e. on every restart.
    """
    _backfill_coupon_claims(db)
    _backfill_awaiting_rider(db)
    for name, indexes in INDEXES.items():
        collection = db[name]
        existing = {index["name"] for index in collection.list_indexes()}
        for index in indexes:
            if index.document["name"] not in existing:
                collection.create_indexes([index])


def no_coupon_claim(order_id: int) -> str:
    """The ``coupon_claim`` of an order holding no coupon use: its own, never a use's."""
    return f"~{order_id}"


def _backfill_coupon_claims(db: Database[Document]) -> None:
    """Orders stored before coupons lack ``coupon_claim``: give each its own before the
    unique index is built (once; afterwards none is missing)."""
    orders = db[ORDERS]
    for document in orders.find({"coupon_claim": {"$exists": False}}, {"_id": True}):
        orders.update_one(
            {"_id": document["_id"]}, {"$set": {"coupon_claim": no_coupon_claim(document["_id"])}}
        )


def _backfill_awaiting_rider(db: Database[Document]) -> None:
    """Orders stored before dispatch lack ``awaiting_rider`` (``Order.awaiting_rider``):
    being prepared with the delivery still PENDING. Before dispatch accepting moved the
    delivery to ASSIGNED, so in practice every one gets False; once filled, none is
    missing and this finds nothing."""
    orders = db[ORDERS]
    missing = {"awaiting_rider": {"$exists": False}}
    for document in orders.find(missing, {"order_status": True, "delivery": True}):
        delivery = document.get("delivery") or {}
        waiting = (
            document.get("order_status") == "PREPARING"
            and delivery.get("delivery_status") == "PENDING"
        )
        orders.update_one({"_id": document["_id"]}, {"$set": {"awaiting_rider": waiting}})


_DUPLICATE_TEXTS = ("duplicate key value violates unique constraint", "UNIQUE constraint failed")


def is_duplicate_key(error: PyMongoError) -> bool:
    """MongoDB reports a unique-index violation as code 11000. FerretDB 1.24 does too for
    inserts, but for an *update* that violates one it answers code 1 (InternalError)
    carrying its backend's text (PostgreSQL's, or SQLite's)."""
    if isinstance(error, DuplicateKeyError):
        return True
    if isinstance(error, OperationFailure):
        return error.code == 11000 or (
            error.code == 1 and any(text in str(error) for text in _DUPLICATE_TEXTS)
        )
    return False
