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
CARTS = "carts"
ADDRESSES = "addresses"
ORDERS = "orders"
PAYMENTS = "payments"
COLLECTIONS = (USERS, CITIES, RESTAURANTS, FOOD_ITEMS, CARTS, ADDRESSES, ORDERS, PAYMENTS)

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
        IndexModel([("pincode", _A), ("cuisine_keys", _A)], name="by_cuisine"),
    ],
    FOOD_ITEMS: [
        IndexModel(
            [("restaurant_id", _A), ("food_category", _A), ("food_name", _A), ("_id", _A)],
            name="menu",
        )
    ],
    ADDRESSES: [IndexModel([("user_id", _A), ("_id", _A)], name="by_user")],
    ORDERS: [
        # The idempotency claim: a second insert with the same key fails here.
        IndexModel([("user_id", _A), ("idempotency_key", _A)], name="user_key_unique", unique=True),
        IndexModel([("user_id", _A), ("_id", _D)], name="by_user"),
        IndexModel(
            [("restaurant_id", _A), ("order_status", _A), ("_id", _A)], name="by_restaurant"
        ),
        IndexModel([("order_status", _A), ("payment_status", _A), ("_id", _A)], name="refunds_due"),
        # Only orders whose total_orders count is still being applied carry the flag.
        IndexModel([("count_pending", _A)], name="count_pending", sparse=True),
    ],
    PAYMENTS: [
        IndexModel(
            [("order_id", _A), ("idempotency_key", _A)], name="order_key_unique", unique=True
        ),
        IndexModel([("payment_status", _A), ("_id", _A)], name="by_status"),
    ],
}


def ensure_indexes(db: Database[Document]) -> None:
    """Create what is missing; an index that already exists as specified is left alone."""
    for collection, indexes in INDEXES.items():
        db[collection].create_indexes(indexes)


def is_duplicate_key(error: PyMongoError) -> bool:
    """MongoDB reports a unique-index violation as code 11000. FerretDB 1.24 does too for
    inserts, but for an *update* that violates one it answers code 1 (InternalError)
    carrying SQLite's "UNIQUE constraint failed"."""
    if isinstance(error, DuplicateKeyError):
        return True
    if isinstance(error, OperationFailure):
        return error.code == 11000 or (error.code == 1 and "UNIQUE constraint failed" in str(error))
    return False
