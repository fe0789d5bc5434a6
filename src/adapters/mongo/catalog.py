"""Cities, restaurants (with their search fields) and food items.

Dish search needs each restaurant's dishes' names: ``restaurant_dishes`` keeps them under
the restaurant's ``_id``, in menu order (what ``dishes_matching`` reads, by ``_id``: no
food item is read per search) and case-folded with the restaurant's PIN code (what a
text search matches, ``search.dish_filter``). Every write of food items rewrites that
document for each restaurant it touched (the one an item is in now, and the one it was
in before, if it moved) from the restaurant's items as stored after the write (also for
a restaurant not stored yet); storing a restaurant (again) gives it the restaurant's PIN
code. Two processes writing one restaurant's items at the same moment could leave the
names of one write only: the catalog has one writer (the loader, an admin), so this is
not guarded.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from pymongo import ReplaceOne
from pymongo.collection import Collection as Collection_
from pymongo.database import Database
from pymongo.errors import BulkWriteError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import (
    CITIES,
    COUPONS,
    FOOD_ITEMS,
    RESTAURANT_DISHES,
    RESTAURANTS,
    Document,
)
from adapters.mongo.search import (
    dish_filter,
    dish_keys,
    search_fields,
    search_filter,
    search_sort,
)
from food_core.model import City, Coupon, FoodItem, RatingTotals, Restaurant
from food_core.search import RestaurantQuery, dish_matches

# A dish's place on the menu: category, name, food id.
_MenuKey = tuple[str, str, int]


def food_document(item: FoodItem) -> Document:
    return {"_id": item.food_id, **to_document(item)}


class MongoCatalog:
    def __init__(self, db: Database[Document]) -> None:
        self._cities = db[CITIES]
        self._restaurants = db[RESTAURANTS]
        self._food_items = db[FOOD_ITEMS]
        self._dishes = db[RESTAURANT_DISHES]
        self._coupons = db[COUPONS]

    def add_city(self, city: City) -> None:
        self._cities.replace_one(
            {"_id": city.pincode}, {"_id": city.pincode, **to_document(city)}, upsert=True
        )

    def add_restaurant(self, restaurant: Restaurant) -> None:
        document = {
            "_id": restaurant.restaurant_id,
            **to_document(restaurant),
            **search_fields(restaurant),
        }
        self._restaurants.replace_one({"_id": restaurant.restaurant_id}, document, upsert=True)
        # Its dishes, if it has any (they came first, or it is stored again), are in its
        # city now. A lookup by _id: no food item is read.
        self._dishes.update_one(
            {"_id": restaurant.restaurant_id}, {"$set": {"pincode": restaurant.city.pincode}}
        )

    def add_food_items(self, items: Iterable[FoodItem]) -> None:
        # Later items win over earlier ones with the same id, as in a dict.
        latest = {item.food_id: item for item in items}
        if not latest:
            return
        touched = {item.restaurant_id for item in latest.values()}
        stored = _insert_new(self._food_items, [food_document(item) for item in latest.values()])
        if stored:
            # A replaced item may be leaving another restaurant's menu.
            before = self._food_items.find({"_id": {"$in": stored}}, {"restaurant_id": True})
            touched.update(d["restaurant_id"] for d in before)
            self._food_items.bulk_write(
                [
                    ReplaceOne({"_id": fid}, food_document(latest[fid]), upsert=True)
                    for fid in stored
                ],
                ordered=True,
            )
        self._rewrite_dishes(touched)

    def _menus(self, restaurant_ids: Collection[int]) -> dict[int, list[str]]:
        """Each restaurant's dishes' names in menu order, as its items are stored."""
        menus: dict[int, list[_MenuKey]] = {rid: [] for rid in restaurant_ids}
        ids = list(menus)
        # One id as an equality: FerretDB filters that in PostgreSQL, an $in in Go.
        owner = ids[0] if len(ids) == 1 else {"$in": ids}
        found = self._food_items.find(
            {"restaurant_id": owner},
            {"restaurant_id": True, "food_category": True, "food_name": True},
        )
        for d in found:
            menus[d["restaurant_id"]].append((d["food_category"], d["food_name"], d["_id"]))
        return {rid: [name for _, name, _ in sorted(menu)] for rid, menu in menus.items()}

    def _store_dishes(self, pincodes: dict[int, str | None], menus: dict[int, list[str]]) -> None:
        documents = {
            rid: {
                "_id": rid,
                "pincode": pincodes.get(rid),  # None: the restaurant is not stored yet
                "dish_keys": dish_keys(names),
                "dish_names": names,
            }
            for rid, names in menus.items()
        }
        stored = _insert_new(self._dishes, list(documents.values()))
        if stored:
            self._dishes.bulk_write(
                [ReplaceOne({"_id": rid}, documents[rid], upsert=True) for rid in stored],
                ordered=False,
            )

    def _rewrite_dishes(self, restaurant_ids: Collection[int]) -> None:
        """Store each restaurant's dishes as its items now are."""
        menus = self._menus(restaurant_ids)
        found = self._restaurants.find({"_id": {"$in": list(menus)}}, {"pincode": True})
        self._store_dishes({d["_id"]: d["pincode"] for d in found}, menus)

    def set_availability(self, food_id: int, availability: bool) -> None:
        self._food_items.update_one({"_id": food_id}, {"$set": {"availability": availability}})

    def set_price(self, food_id: int, price: int) -> None:
        # The price is in no search field and in no restaurant_dishes document.
        self._food_items.update_one({"_id": food_id}, {"$set": {"price": price}})

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
        by_dish: list[int] = []
        if query.text:
            with_dish = self._dishes.find(dish_filter(query.pincode, query.text), {"_id": True})
            by_dish = [d["_id"] for d in with_dish]
        found = (
            self._restaurants.find(search_filter(query, by_dish))
            .sort(search_sort(query.sort))
            .limit(query.limit)
        )
        return [from_document(d, Restaurant) for d in found]

    def dishes_matching(self, restaurant_ids: Collection[int], text: str) -> dict[int, list[str]]:
        wanted = list(dict.fromkeys(restaurant_ids))
        if not wanted:
            return {}
        # By _id (the one lookup FerretDB answers from an index), never the food items.
        menus = {d["_id"]: d["dish_names"] for d in self._dishes.find({"_id": {"$in": wanted}})}
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
        document = self._restaurants.find_one({"_id": restaurant_id})
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


def _insert_new(collection: Collection_[Document], documents: list[Document]) -> list[Any]:
    """Insert the documents whose ``_id`` is not stored yet; the ``_id`` of the others.

    Plain inserts first: on FerretDB an upsert costs ~10 ms each, an insert ~0.1 ms, and
    loading a catalog is almost all new documents. The caller replaces those stored
    already, one by one."""
    try:
        collection.insert_many(documents, ordered=False)
    except BulkWriteError as error:
        stored = [e["op"]["_id"] for e in error.details["writeErrors"] if e.get("code") == 11000]
        if len(stored) != len(error.details["writeErrors"]):
            raise
        return stored
    return []


def backfill_dishes(db: Database[Document]) -> None:
    """A catalog stored before dish search has no restaurants' dishes: write them (once:
    afterwards there are some)."""
    if db[RESTAURANT_DISHES].find_one({}, {"_id": True}) is not None:
        return
    restaurant_ids = [d["_id"] for d in db[RESTAURANTS].find({}, {"_id": True})]
    if restaurant_ids:
        MongoCatalog(db)._rewrite_dishes(restaurant_ids)
