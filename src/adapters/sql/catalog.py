"""Cities, restaurants (with their search keys and ratings) and food items (with their
option groups and the case-folded name dish search matches)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

import sqlalchemy as sa

from adapters.sql.codec import from_json, to_json
from adapters.sql.database import Database, upsert
from adapters.sql.search import dishes_matching, restaurant_search
from adapters.sql.tables import cities, coupons, food_items, restaurant_cuisines, restaurants
from food_core.model import City, Coupon, FoodItem, OpenHours, OptionGroup, RatingTotals, Restaurant
from food_core.search import RestaurantQuery


def _restaurant_row(r: Restaurant) -> dict[str, object]:
    return {
        "restaurant_id": r.restaurant_id,
        "restaurant_name": r.restaurant_name,
        "restaurant_description": r.restaurant_description,
        "restaurant_rating": r.restaurant_rating,
        "city_pincode": r.city.pincode,
        "city_name": r.city.city_name,
        "cuisines": list(r.cuisines),
        "is_veg_only": r.is_veg_only,
        "delivery_time_minutes": r.delivery_time_minutes,
        "cost_for_two": r.cost_for_two,
        "open_hours": r.open_hours.text,
        "delivery_fee": r.delivery_fee,
        "free_delivery_above": r.free_delivery_above,
        "name_key": r.restaurant_name.casefold(),
        "description_key": r.restaurant_description.casefold(),
        "rating_count": r.rating_count,
    }


def _restaurant(m: sa.RowMapping) -> Restaurant:
    return Restaurant(
        restaurant_id=m["restaurant_id"],
        restaurant_name=m["restaurant_name"],
        restaurant_description=m["restaurant_description"],
        restaurant_rating=m["restaurant_rating"],
        city=City(m["city_pincode"], m["city_name"]),
        cuisines=tuple(m["cuisines"]),
        is_veg_only=m["is_veg_only"],
        delivery_time_minutes=m["delivery_time_minutes"],
        cost_for_two=m["cost_for_two"],
        open_hours=OpenHours.parse(m["open_hours"]),
        delivery_fee=m["delivery_fee"],
        free_delivery_above=m["free_delivery_above"],
        rating_count=m["rating_count"],
    )


def _city(row: sa.Row[Any]) -> City:
    return City(row.pincode, row.city_name, tuple(row.served_pincodes))


def _food_row(item: FoodItem) -> dict[str, object]:
    return {
        "food_id": item.food_id,
        "restaurant_id": item.restaurant_id,
        "food_name": item.food_name,
        "food_category": item.food_category,
        "price": item.price,
        "availability": item.availability,
        "is_veg": item.is_veg,
        "description": item.description,
        "packaging": item.packaging,
        "option_groups": to_json(item.option_groups),
        "name_key": item.food_name.casefold(),
    }


def _food_item(m: sa.RowMapping) -> FoodItem:
    return FoodItem(
        food_id=m["food_id"],
        restaurant_id=m["restaurant_id"],
        food_name=m["food_name"],
        food_category=m["food_category"],
        price=m["price"],
        availability=m["availability"],
        is_veg=m["is_veg"],
        description=m["description"],
        packaging=m["packaging"],
        option_groups=from_json(m["option_groups"], tuple[OptionGroup, ...]),
    )


class SqlCatalog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_city(self, city: City) -> None:
        with self._db.writing() as c:
            row = {
                "pincode": city.pincode,
                "city_name": city.city_name,
                "served_pincodes": list(city.served_pincodes),
            }
            upsert(c, cities, [row], ["pincode"])

    def add_restaurant(self, restaurant: Restaurant) -> None:
        with self._db.writing() as c:
            upsert(c, restaurants, [_restaurant_row(restaurant)], ["restaurant_id"])
            c.execute(
                sa.delete(restaurant_cuisines).where(
                    restaurant_cuisines.c.restaurant_id == restaurant.restaurant_id
                )
            )
            if restaurant.cuisines:
                c.execute(
                    sa.insert(restaurant_cuisines),
                    [
                        {
                            "restaurant_id": restaurant.restaurant_id,
                            "position": position,
                            "cuisine_key": cuisine.casefold(),
                        }
                        for position, cuisine in enumerate(restaurant.cuisines)
                    ],
                )

    def add_food_items(self, items: Iterable[FoodItem]) -> None:
        # Later items win over earlier ones with the same id, as in a dict (and as one
        # multi-row upsert would refuse to do on PostgreSQL).
        rows = {item.food_id: _food_row(item) for item in items}
        with self._db.writing() as c:
            upsert(c, food_items, list(rows.values()), ["food_id"])

    def set_availability(self, food_id: int, availability: bool) -> None:
        with self._db.writing() as c:
            c.execute(
                sa.update(food_items)
                .where(food_items.c.food_id == food_id)
                .values(availability=availability)
            )

    def set_price(self, food_id: int, price: int) -> None:
        with self._db.writing() as c:
            c.execute(
                sa.update(food_items).where(food_items.c.food_id == food_id).values(price=price)
            )

    def add_coupons(self, found: Iterable[Coupon]) -> None:
        rows = {coupon.code: {"code": coupon.code, "coupon": to_json(coupon)} for coupon in found}
        if rows:
            with self._db.writing() as c:
                upsert(c, coupons, list(rows.values()), ["code"])

    def get_coupon(self, code: str) -> Coupon | None:
        with self._db.reading() as c:
            row = c.execute(sa.select(coupons.c.coupon).where(coupons.c.code == code)).first()
        return None if row is None else from_json(row.coupon, Coupon)

    def is_empty(self) -> bool:
        with self._db.reading() as c:
            return c.execute(sa.select(cities.c.pincode).limit(1)).first() is None

    def list_cities(self) -> list[City]:
        with self._db.reading() as c:
            rows = c.execute(sa.select(cities).order_by(cities.c.city_name, cities.c.pincode))
            return [_city(row) for row in rows]

    def get_city(self, pincode: str) -> City | None:
        with self._db.reading() as c:
            row = c.execute(sa.select(cities).where(cities.c.pincode == pincode)).first()
        return None if row is None else _city(row)

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        with self._db.reading() as c:
            return [_restaurant(m) for m in c.execute(restaurant_search(query)).mappings()]

    def dishes_matching(self, restaurant_ids: Collection[int], text: str) -> dict[int, list[str]]:
        wanted = list(dict.fromkeys(restaurant_ids))
        if not wanted:
            return {}
        found: dict[int, list[str]] = {}
        with self._db.reading() as c:
            for row in c.execute(dishes_matching(wanted, text)):
                found.setdefault(row.restaurant_id, []).append(row.food_name)
        # The reference answers in the order the restaurants were asked for.
        return {rid: found[rid] for rid in wanted if rid in found}

    def set_rating(self, restaurant_id: int, totals: RatingTotals) -> None:
        with self._db.writing() as c:
            c.execute(
                sa.update(restaurants)
                .where(restaurants.c.restaurant_id == restaurant_id)
                .values(restaurant_rating=totals.score, rating_count=totals.count)
            )

    def get_restaurant(self, restaurant_id: int) -> Restaurant | None:
        with self._db.reading() as c:
            m = (
                c.execute(
                    sa.select(restaurants).where(restaurants.c.restaurant_id == restaurant_id)
                )
                .mappings()
                .first()
            )
        return None if m is None else _restaurant(m)

    def menu(self, restaurant_id: int) -> list[FoodItem]:
        f = food_items.c
        with self._db.reading() as c:
            rows = c.execute(
                sa.select(food_items)
                .where(f.restaurant_id == restaurant_id)
                .order_by(f.food_category, f.food_name, f.food_id)
            ).mappings()
            return [_food_item(m) for m in rows]

    def get_food_items(self, food_ids: Collection[int]) -> dict[int, FoodItem]:
        wanted = set(food_ids)
        if not wanted:
            return {}
        with self._db.reading() as c:
            rows = c.execute(
                sa.select(food_items).where(food_items.c.food_id.in_(wanted))
            ).mappings()
            found = {m["food_id"]: _food_item(m) for m in rows}
        # The reference answers in the order the ids were asked for.
        return {fid: found[fid] for fid in food_ids if fid in found}
