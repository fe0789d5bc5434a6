"""Cities, restaurants (with their search fields) and food items."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pymongo import ReplaceOne
from pymongo.database import Database
from pymongo.errors import BulkWriteError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import CITIES, COUPONS, FOOD_ITEMS, RESTAURANTS, Document
from adapters.mongo.search import search_fields, search_filter, search_sort
from food_core.model import City, Coupon, FoodItem, Restaurant
from food_core.search import RestaurantQuery


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
        document = {
            "_id": restaurant.restaurant_id,
            **to_document(restaurant),
            **search_fields(restaurant),
        }
        self._restaurants.replace_one({"_id": restaurant.restaurant_id}, document, upsert=True)

    def add_food_items(self, items: Iterable[FoodItem]) -> None:
        # Later items win over earlier ones with the same id, as in a dict.
        latest = {item.food_id: {"_id": item.food_id, **to_document(item)} for item in items}
        if not latest:
            return
        # Plain inserts first: on FerretDB an upsert costs ~10 ms each, an insert ~0.1 ms,
        # and loading a catalog is almost all new items. Only ids already stored are
        # replaced one by one.
        try:
            self._food_items.insert_many(list(latest.values()), ordered=False)
        except BulkWriteError as error:
            duplicates = [
                e["op"]["_id"] for e in error.details["writeErrors"] if e.get("code") == 11000
            ]
            if len(duplicates) != len(error.details["writeErrors"]):
                raise
            self._food_items.bulk_write(
                [ReplaceOne({"_id": fid}, latest[fid], upsert=True) for fid in duplicates],
                ordered=True,
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
            self._restaurants.find(search_filter(query))
            .sort(search_sort(query.sort))
            .limit(query.limit)
        )
        return [from_document(d, Restaurant) for d in found]

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
