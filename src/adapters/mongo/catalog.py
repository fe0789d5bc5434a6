"""Cities, restaurants (with their search fields) and food items.

A restaurant's document keeps its menu's names (``search.dish_fields``) for dish search:
every write of food items rewrites them for each restaurant it touched (the one an item
is in now, and the one it was in before, if it moved), from that restaurant's items as
stored after the write; a restaurant stored after its items takes them from the items.
Two processes writing one restaurant's items at the same moment could leave the names of
one write only; the catalog has one writer (the loader, the admin), so this is not
guarded.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pymongo import ReplaceOne, UpdateOne
from pymongo.database import Database
from pymongo.errors import BulkWriteError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import CITIES, COUPONS, FOOD_ITEMS, RESTAURANTS, Document
from adapters.mongo.search import (
    MenuKey,
    dish_fields,
    search_fields,
    search_filter,
    search_sort,
)
from food_core.model import City, Coupon, FoodItem, RatingTotals, Restaurant
from food_core.search import RestaurantQuery, dish_matches

# What a restaurant's search reads of it: not its menu's names.
_RESTAURANT_FIELDS = {"dish_names": False, "dish_keys": False}


def food_document(item: FoodItem) -> Document:
    return {"_id": item.food_id, **to_document(item)}


class MongoCatalog:
    def __init__(self, db: Database[Document]) -> None:
        self._cities = db[CITIES]
        self._restaurants = db[RESTAURANTS]
        self._food_items = db[FOOD_ITEMS]
        self._coupons = db[COUPONS]

    def add_city(self, city: City) -> None:
        self._cities.replace_one(
            {"_id": city.pincode}, {"_id": city.pincode, **to_document(city)}, upsert=True
        )

    def add_restaurant(self, restaurant: Restaurant) -> None:
        # Every field of the entity is set; the menu's names stay as the items made them.
        fields = {**to_document(restaurant), **search_fields(restaurant)}
        stored = self._restaurants.update_one(
            {"_id": restaurant.restaurant_id}, {"$set": fields}, upsert=True
        )
        if stored.upserted_id is not None:
            # New: its items may have come first (the reference searches them too). Not
            # ``$setOnInsert``, which FerretDB 1.24 ignores.
            self._rewrite_dishes({restaurant.restaurant_id})

    def add_food_items(self, items: Iterable[FoodItem]) -> None:
        # Later items win over earlier ones with the same id, as in a dict.
        latest = {item.food_id: item for item in items}
        if not latest:
            return
        touched = {item.restaurant_id for item in latest.values()}
        # Plain inserts first: on FerretDB an upsert costs ~10 ms each, an insert ~0.1 ms,
        # and loading a catalog is almost all new items. Only ids already stored are
        # replaced one by one.
        try:
            self._food_items.insert_many(
                [food_document(item) for item in latest.values()], ordered=False
            )
        except BulkWriteError as error:
            duplicates = [
                e["op"]["_id"] for e in error.details["writeErrors"] if e.get("code") == 11000
            ]
            if len(duplicates) != len(error.details["writeErrors"]):
                raise
            # A replaced item may be leaving another restaurant's menu.
            before = self._food_items.find({"_id": {"$in": duplicates}}, {"restaurant_id": True})
            touched.update(d["restaurant_id"] for d in before)
            self._food_items.bulk_write(
                [
                    ReplaceOne({"_id": fid}, food_document(latest[fid]), upsert=True)
                    for fid in duplicates
                ],
                ordered=True,
            )
        self._rewrite_dishes(touched)

    def _rewrite_dishes(self, restaurant_ids: Collection[int]) -> None:
        """Store each restaurant's menu names as its items now are."""
        menus: dict[int, list[MenuKey]] = {rid: [] for rid in restaurant_ids}
        found = self._food_items.find(
            {"restaurant_id": {"$in": list(menus)}},
            {"restaurant_id": True, "food_category": True, "food_name": True},
        )
        for d in found:
            menus[d["restaurant_id"]].append((d["food_category"], d["food_name"], d["_id"]))
        self._restaurants.bulk_write(
            [UpdateOne({"_id": rid}, {"$set": dish_fields(menu)}) for rid, menu in menus.items()],
            ordered=False,
        )

    def set_availability(self, food_id: int, availability: bool) -> None:
        self._food_items.update_one({"_id": food_id}, {"$set": {"availability": availability}})

    def add_coupons(self, coupons: Iterable[Coupon]) -> None:
        for coupon in coupons:  # a handful: one upsert each
            document = {"_id": coupon.code, **to_document(coupon)}
            self._coupons.replace_one({"_id": coupon.code}, document, upsert=True)

    def get_coupon(self, code: str) -> Coupon | None:
        document = self._coupons.find_one({"_id": code})
        return None if document is None else from_document(document, Coupon)

    def is_empty(self) -> bool:
        return self._cities.find_one({}, {"_id": True}) is None

    def list_cities(self) -> list[City]:
        found = self._cities.find({}).sort([("city_name", 1), ("_id", 1)])
        return [from_document(d, City) for d in found]

    def get_city(self, pincode: str) -> City | None:
        document = self._cities.find_one({"_id": pincode})
        return None if document is None else from_document(document, City)

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        found = (
            self._restaurants.find(search_filter(query), _RESTAURANT_FIELDS)
            .sort(search_sort(query.sort))
            .limit(query.limit)
        )
        return [from_document(d, Restaurant) for d in found]

    def dishes_matching(self, restaurant_ids: Collection[int], text: str) -> dict[int, list[str]]:
        wanted = list(dict.fromkeys(restaurant_ids))
        if not wanted:
            return {}
        # By _id (the one lookup FerretDB answers from an index), never the food items.
        menus = {
            d["_id"]: d.get("dish_names", [])
            for d in self._restaurants.find({"_id": {"$in": wanted}}, {"dish_names": True})
        }
        found: dict[int, list[str]] = {}
        for rid in wanted:
            names = [name for name in menus.get(rid, ()) if dish_matches(name, text)]
            if names:
                found[rid] = names
        return found

    def set_rating(self, restaurant_id: int, totals: RatingTotals) -> None:
        self._restaurants.update_one(
            {"_id": restaurant_id},
            {"$set": {"restaurant_rating": totals.score, "rating_count": totals.count}},
        )

    def get_restaurant(self, restaurant_id: int) -> Restaurant | None:
        document = self._restaurants.find_one({"_id": restaurant_id}, _RESTAURANT_FIELDS)
        return None if document is None else from_document(document, Restaurant)

    def menu(self, restaurant_id: int) -> list[FoodItem]:
        found = self._food_items.find({"restaurant_id": restaurant_id}).sort(
            [("food_category", 1), ("food_name", 1), ("_id", 1)]
        )
        return [from_document(d, FoodItem) for d in found]

    def get_food_items(self, food_ids: Collection[int]) -> dict[int, FoodItem]:
        wanted = list(dict.fromkeys(food_ids))
        if not wanted:
            return {}
        found = {
            d["_id"]: from_document(d, FoodItem)
            for d in self._food_items.find({"_id": {"$in": wanted}})
        }
        # The reference answers in the order the ids were asked for.
        return {fid: found[fid] for fid in food_ids if fid in found}


def backfill_dishes(db: Database[Document]) -> None:
    """Restaurants stored before dish search lack their menu's names: give each its own
    (once; afterwards none is missing)."""
    missing = [
        d["_id"] for d in db[RESTAURANTS].find({"dish_names": {"$exists": False}}, {"_id": True})
    ]
    if missing:
        MongoCatalog(db)._rewrite_dishes(missing)
