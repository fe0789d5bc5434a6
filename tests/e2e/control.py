"""A small HTTP control endpoint the Node e2e suite calls to act on the running stack.

``GET /replicas`` lists the API replicas with their pids; ``POST /replicas/{i}/kill`` sends
SIGKILL to one (the stack's supervisor restarts it, as in production); with ``?hold=1`` it
stays down (and the answer waits until Traefik has taken it out of rotation) until
``POST /replicas/{i}/restart`` (which answers at once and restarts in the background);
``POST /replicas/wait`` waits until both replicas are back in Traefik's rotation.
``POST /catalog/price`` with ``{"food_id": …, "price": …}`` (paise) reprices a dish behind
the app's back: written to the stack's store through the catalog port, as the
restaurant's own edit would be, answered once no replica's catalog cache can still serve
the old price. ``POST /catalog/availability`` with ``{"food_id": …, "availability": …}``
(a boolean) takes a dish off the menu or puts it back, the same way.
Bound to 127.0.0.1 on a free port; it lives as long as the e2e run.
"""

from __future__ import annotations

import json
import re
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from attrs import evolve

from adapters.stores import open_store
from services.api.settings import Settings
from services.stack import Stack

_ACTION = re.compile(r"^/replicas/([01])/(kill|restart)(\?hold=1)?$")


def replicas(stack: Stack) -> list[dict[str, Any]]:
    listed = []
    for replica in stack.replicas:
        server = replica.server
        running = server is not None and server.process.running
        listed.append(
            {
                "name": replica.name,
                "pid": server.process.pid if server is not None and running else None,
                "running": running,
                "url": server.url if server is not None else None,
            }
        )
    return listed


def traefik_view(stack: Stack, client: httpx.Client) -> dict[str, str]:
    """Traefik's health status of each replica, by URL."""
    assert stack.traefik is not None
    admin = stack.traefik.extra["admin_url"]
    try:
        status = client.get(f"{admin}/api/http/services/food-api@file").json()
    except (httpx.HTTPError, ValueError):
        return {}
    found = status.get("serverStatus", {})
    return found if isinstance(found, dict) else {}


def wait_until_both_serve(stack: Stack, timeout: float = 60.0) -> dict[str, str]:
    """Both replicas restarted (by the supervisor) and UP in Traefik's view."""
    deadline = time.monotonic() + timeout
    status: dict[str, str] = {}
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            alive = all(r["running"] for r in replicas(stack))
            status = traefik_view(stack, client)
            if alive and len(status) == 2 and set(status.values()) == {"UP"}:
                return status
            time.sleep(0.2)
    raise TimeoutError(f"the replicas did not both come back: {status}")


def wait_until_out(stack: Stack, index: int, timeout: float = 15.0) -> None:
    """Traefik has marked the replica DOWN (its health check runs every second)."""
    url = stack.config.api_url(index)
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if traefik_view(stack, client).get(url) == "DOWN":
                return
            time.sleep(0.1)
    raise TimeoutError(f"Traefik still routes to {url}")


def catalog_cache_s(stack: Stack) -> float:
    """How long a replica serves menus and searches from memory: the replicas' own
    setting (``FOOD_CATALOG_CACHE_S``), read from the environment the stack gives them."""
    return Settings.from_env(stack.api_env()).catalog_cache_s


def set_price(stack: Stack, food_id: int, price: int) -> dict[str, Any] | None:
    """Give the dish a new price in the stack's store (None: no such dish). Carts and
    orders read prices from the store at once; menus and searches may come from a
    replica's catalog cache, so the answer waits out its lifetime: after it, every read
    of the API shows the new price."""
    store = open_store(stack.config.store_url, migrate=False)
    try:
        item = store.catalog.get_food_items([food_id]).get(food_id)
        if item is None:
            return None
        store.catalog.add_food_items([evolve(item, price=price)])
    finally:
        store.close()
    waited = catalog_cache_s(stack)
    # An entry read before the write expires at most this long after it.
    time.sleep(waited)
    stack.log(f"e2e: food item {food_id} repriced {item.price} -> {price} paise")
    return {"food_id": food_id, "old_price": item.price, "price": price, "waited_s": waited}


def set_availability(stack: Stack, food_id: int, availability: bool) -> dict[str, Any] | None:
    """Mark the dish (un)available in the stack's store (None: no such dish), as the
    restaurant would when it runs out; answered, like ``set_price``, once no replica's
    catalog cache can still serve it as it was."""
    store = open_store(stack.config.store_url, migrate=False)
    try:
        item = store.catalog.get_food_items([food_id]).get(food_id)
        if item is None:
            return None
        store.catalog.add_food_items([evolve(item, availability=availability)])
    finally:
        store.close()
    waited = catalog_cache_s(stack)
    time.sleep(waited)
    stack.log(f"e2e: food item {food_id} availability {item.availability} -> {availability}")
    return {
        "food_id": food_id,
        "old_availability": item.availability,
        "availability": availability,
        "waited_s": waited,
    }


def _availability_body(raw: bytes) -> tuple[int, bool] | None:
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    food_id, availability = body.get("food_id"), body.get("availability")
    if type(food_id) is not int or food_id <= 0 or type(availability) is not bool:
        return None
    return food_id, availability


def _price_body(raw: bytes) -> tuple[int, int] | None:
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    food_id, price = body.get("food_id"), body.get("price")
    if type(food_id) is not int or type(price) is not int or food_id <= 0 or price <= 0:
        return None
    return food_id, price


class _Handler(BaseHTTPRequestHandler):
    stack: Stack

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/replicas":
            self._send(200, {"replicas": replicas(self.stack)})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self) -> None:
        action = _ACTION.match(self.path)
        try:
            if action and action.group(2) == "kill":
                index, hold = int(action.group(1)), bool(action.group(3))
                pid = self.stack.replica_pid(index)
                # Unless held down, the supervisor restarts it, with its backoff.
                self.stack.kill_replica(index, signal.SIGKILL, hold_down=hold)
                self.stack.log(f"e2e: SIGKILL sent to {self.stack.replicas[index].name} ({pid})")
                if hold:
                    wait_until_out(self.stack, index)
                self._send(200, {"killed": pid})
            elif action and action.group(2) == "restart":
                index = int(action.group(1))
                threading.Thread(target=self.stack.restart_replica, args=(index,)).start()
                self._send(202, {"restarting": self.stack.replicas[index].name})
            elif self.path == "/replicas/wait":
                self._send(200, {"status": wait_until_both_serve(self.stack)})
            elif self.path == "/catalog/price":
                self._reprice()
            elif self.path == "/catalog/availability":
                self._set_availability()
            else:
                self._send(404, {"error": "not found"})
        except Exception as error:
            self._send(500, {"error": repr(error)})

    def _reprice(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        asked = _price_body(self.rfile.read(length))
        if asked is None:
            self._send(400, {"error": "send {food_id, price}: positive integers (paise)"})
            return
        done = set_price(self.stack, *asked)
        if done is None:
            self._send(404, {"error": f"no food item {asked[0]}"})
        else:
            self._send(200, done)

    def _set_availability(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        asked = _availability_body(self.rfile.read(length))
        if asked is None:
            self._send(400, {"error": "send {food_id: a positive id, availability: a boolean}"})
            return
        done = set_availability(self.stack, *asked)
        if done is None:
            self._send(404, {"error": f"no food item {asked[0]}"})
        else:
            self._send(200, done)

    def log_message(self, format: str, *args: object) -> None:
        return


class ControlServer:
    def __init__(self, stack: Stack) -> None:
        handler = type("Handler", (_Handler,), {"stack": stack})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> ControlServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
