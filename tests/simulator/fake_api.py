"""A stand-in for the HTTP API (docs/design.md §6) for testing live mode without a stack.

It is an ``httpx.MockTransport`` handler that serves the endpoints the simulator uses
from the real core on in-memory adapters — so idempotency, reconciliation and
total_orders behave as the core makes them. It is not the API (services/api is): the
stack tests run live mode against the real thing. Two knobs make it misbehave on
purpose: ``lose_every`` drops the answer of every n-th POST after acting on it (as a
replica killed mid-response would; a resend is answered), ``forget_keys`` ignores
Idempotency-Key on POST /orders, so the audit has a real duplicate to find,
``cart_off_by`` shows wrong cart item totals and ``receipt_off_by`` a receipt
(GET /orders/{id}) whose bill is not the one placed. Carts and order bills are answered
with the API's own schema functions (``cart_out``, ``bill_out``), so their JSON is the API's.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from typing import Any
from urllib.parse import parse_qs

import httpx
from attrs import evolve

from adapters import demo_catalog
from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher, MemoryStore, memory_ports
from food_core.errors import DomainError, NotFound, PaymentDeclined
from food_core.model import CardDetails, Order, PaymentMode, UpiDetails
from food_core.search import RestaurantSort
from food_core.usecases import (
    PricedCart,
    add_address,
    apply_coupon,
    cancel_order,
    get_order,
    list_cities,
    list_orders,
    pay_order,
    place_order,
    price_cart,
    remove_coupon,
    restaurant_menu,
    search_restaurants,
    set_cart_quantity,
    set_tip,
    signup,
)
from services.api.errors import status_of
from services.api.schemas.bill import bill_out
from services.api.schemas.cart import cart_out
from services.api.schemas.converter import unstructure


def problem(code: str, status: int, detail: str = "") -> httpx.Response:
    body = {"type": "about:blank", "title": code, "status": status, "detail": detail, "code": code}
    return httpx.Response(
        status, content=json.dumps(body), headers={"content-type": "application/problem+json"}
    )


def order_json(order: Order) -> dict[str, Any]:
    payment = order.payment
    return {
        "order_id": order.order_id,
        "user_id": order.user,
        "items": [
            {
                "food_id": i.food_id,
                "price": i.price,
                "quantity": i.quantity,
                "line_total": i.line_total,
            }
            for i in order.items
        ],
        "bill": unstructure(bill_out(order.bill)),
        "coupon_code": None if order.coupon is None else order.coupon.code,
        "total_amount": order.total_amount,
        "order_status": order.order_status.value,
        "payment_mode": order.payment_mode.value,
        "delivery": {"delivery_id": order.delivery.delivery_id} if order.delivery else None,
        "payment": None
        if payment is None
        else {
            "payment_id": payment.payment_id,
            "payment_mode": payment.payment_mode.value,
            "payment_status": payment.payment_status.value,
            "amount": payment.amount,
        },
    }


class FakeApi:
    def __init__(
        self,
        *,
        lose_every: int = 0,
        forget_keys: bool = False,
        cart_off_by: int = 0,
        receipt_off_by: int = 0,
    ) -> None:
        self.clock = ManualClock()
        self.store = MemoryStore()
        self.gateway = FakePaymentGateway(self.clock)
        self.ports = memory_ports(
            clock=self.clock,
            ids=SnowflakeIds(3),
            hasher=FastTestHasher(),
            gateway=self.gateway,
            store=self.store,
        )
        demo_catalog.load_into(self.ports.catalog, demo_catalog.generate(), self.ports.ratings)
        self.lose_every = lose_every
        self.forget_keys = forget_keys
        self.cart_off_by = cart_off_by  # added to every cart item total shown
        self.receipt_off_by = receipt_off_by  # moved from a receipt's GST to its platform fee
        self._posts = itertools.count(1)
        self._lock = threading.Lock()
        self._lost: set[tuple[str, str | None, bytes]] = set()
        self.lost = 0

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self._route(request)
        except PaymentDeclined as declined:
            response = problem(declined.code, 402, declined.failure_code)
        except DomainError as error:
            response = problem(error.code, status_of(type(error)), error.message)
        if request.method == "POST" and self.lose_every:
            # Acted on, but the answer never arrives. Only once per request (same
            # path, key and body): a resend gets its answer, so the test is not flaky.
            sent = (request.url.path, request.headers.get("idempotency-key"), request.content)
            with self._lock:
                lose = next(self._posts) % self.lose_every == 0 and sent not in self._lost
                if lose:
                    self._lost.add(sent)
                    self.lost += 1
            if lose:
                raise httpx.ReadError("connection reset by peer", request=request)
        return response

    def _cart(self, priced: PricedCart) -> httpx.Response:
        body: dict[str, Any] = unstructure(cart_out(priced))
        if self.cart_off_by and body["bill"]:
            for line in body["bill"]["lines"]:
                if line["code"] == "item_total":
                    line["amount"] += self.cart_off_by
            body["bill"]["total_amount"] += self.cart_off_by
            body["total_amount"] += self.cart_off_by
        return httpx.Response(200, json=body)

    def _receipt(self, order: Order) -> httpx.Response:
        body = order_json(order)
        if self.receipt_off_by:  # the same total, split otherwise than the bill placed
            for line in body["bill"]["lines"]:
                if line["code"] == "platform_fee":
                    line["amount"] += self.receipt_off_by
                elif line["code"] == "gst":
                    line["amount"] -= self.receipt_off_by
        return httpx.Response(200, json=body)

    def _user(self, request: httpx.Request) -> int:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if not token.isdigit():
            raise NotFound("no session")
        return int(token)

    def _route(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1")
        query = {k: v[0] for k, v in parse_qs(request.url.query.decode()).items()}
        body: dict[str, Any] = json.loads(request.content) if request.content else {}
        method = request.method
        ports = self.ports
        key = request.headers.get("idempotency-key", "")
        if method == "POST" and path == "/auth/signup":
            body.pop("bearer", None)  # the real API then puts the token in the body
            user = signup(ports, **body)
            return httpx.Response(
                201, json={"user": {"user_id": user.user_id}, "token": str(user.user_id)}
            )
        if method == "GET" and path == "/cities":
            cities = [{"pincode": c.pincode, "city_name": c.city_name} for c in list_cities(ports)]
            return httpx.Response(200, json={"cities": cities})
        uid = self._user(request)
        if method == "GET" and path == "/me":
            me = ports.users.get(uid)
            assert me is not None
            return httpx.Response(200, json={"user_id": uid, "total_orders": me.total_orders})
        if m := re.fullmatch(r"/cities/(\d+)/restaurants", path):
            page = search_restaurants(
                ports,
                pincode=m[1],
                veg_only=query.get("veg") == "true",
                sort=RestaurantSort(query.get("sort", "rating")),
                open_at=ports.clock.now() if query.get("open_now") == "true" else None,
            )
            found = [{"restaurant_id": r.restaurant_id} for r in page.restaurants]
            return httpx.Response(200, json={"restaurants": found, "next_cursor": None})
        if m := re.fullmatch(r"/restaurants/(\d+)", path):
            menu = restaurant_menu(ports, int(m[1])).menu
            dishes = [
                {
                    "food_id": i.food_id,
                    "price": i.price,
                    "availability": i.availability,
                    "option_groups": [{"min_choices": g.min_choices} for g in i.option_groups],
                }
                for i in menu
            ]
            return httpx.Response(200, json={"restaurant_id": int(m[1]), "menu": dishes})
        if method == "PUT" and (m := re.fullmatch(r"/cart/items/(\d+)", path)):
            set_cart_quantity(ports, uid, int(m[1]), body["quantity"])
            return self._cart(price_cart(ports, uid))
        if method == "GET" and path == "/cart":
            return self._cart(price_cart(ports, uid))
        if method == "PUT" and path == "/cart/coupon":
            return self._cart(apply_coupon(ports, uid, body["code"]))
        if method == "DELETE" and path == "/cart/coupon":
            return self._cart(remove_coupon(ports, uid))
        if method == "PUT" and path == "/cart/tip":
            return self._cart(set_tip(ports, uid, body["amount"]))
        if method == "POST" and path == "/addresses":
            address = add_address(ports, uid, **body)
            return httpx.Response(201, json={"address_id": address.address_id})
        if method == "POST" and path == "/orders":
            kept = self.store.carts.get(uid)
            if self.forget_keys:  # the bug: every request is new, the cart stays full
                key = f"{key}-{next(self._posts)}"
            placement = place_order(
                ports,
                uid,
                idempotency_key=key,
                address_id=body["address_id"],
                payment_mode=PaymentMode(body["payment_mode"]),
                expected_total=body.get("expected_total"),
            )
            if self.forget_keys and kept is not None:
                # ... and it keeps no cart claim either: the cart comes back as a new version.
                self.store.carts[uid] = evolve(kept, version=kept.version + next(self._posts))
            headers = {"Idempotent-Replayed": "true"} if placement.replayed else {}
            return httpx.Response(201, json=order_json(placement.order), headers=headers)
        if method == "GET" and path == "/orders":
            before = int(query["before"]) if "before" in query else None
            orders = list_orders(ports, uid, limit=int(query.get("limit", 20)), before=before)
            return httpx.Response(200, json={"orders": [order_json(o) for o in orders]})
        if m := re.fullmatch(r"/orders/(\d+)/payment", path):
            card = body.get("card")
            upi = body.get("upi")
            result = pay_order(
                ports,
                uid,
                int(m[1]),
                idempotency_key=key,
                payment_mode=PaymentMode(body["payment_mode"]),
                card=CardDetails(**card) if card else None,
                upi=UpiDetails(**upi) if upi else None,
            )
            headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
            payload = {
                "order": order_json(result.order),
                "payment": order_json(result.order)["payment"],
            }
            return httpx.Response(200, json=payload, headers=headers)
        if m := re.fullmatch(r"/orders/(\d+)/cancel", path):
            return httpx.Response(200, json=order_json(cancel_order(ports, uid, int(m[1]))))
        if m := re.fullmatch(r"/orders/(\d+)", path):
            return self._receipt(get_order(ports, uid, int(m[1])))
        return problem("not_found", 404, f"{method} {path}")
