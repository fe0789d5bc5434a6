"""Prometheus metrics of one API process, in a registry of its own (not the global one),
so several apps in one test process do not collide.

Requests are labelled by route *template* (``/api/v1/orders/{order_id}``), never by the
raw path, which would make one time series per order.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

UNMATCHED_ROUTE = "unmatched"


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "food_api_requests",
            "HTTP requests by route template, method and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "food_api_request_duration_seconds",
            "HTTP request latency by route template and method",
            ["route", "method"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
            registry=self.registry,
        )
        self.orders_placed = Counter(
            "food_api_orders_placed",
            "Orders placed (not replays), by payment mode",
            ["payment_mode"],
            registry=self.registry,
        )
        self.payments = Counter(
            "food_api_payments",
            "Payment requests by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.replays = Counter(
            "food_api_idempotent_replays",
            "Requests answered from an earlier response with the same Idempotency-Key",
            ["route"],
            registry=self.registry,
        )
        self.logins_throttled = Counter(
            "food_api_logins_throttled",
            "Logins refused with 429",
            registry=self.registry,
        )

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
