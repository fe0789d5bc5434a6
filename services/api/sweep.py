"""The periodic reconciliation sweep (docs/design.md §5): settle payments whose outcome
was never heard and refunds still due, cancel orders that waited too long for a
payment (``FOOD_UNPAID_ORDER_TTL_S``), cancel and refund confirmed orders their
restaurant did not accept in time (``FOOD_PARTNER_ACCEPT_S``), finish rider hand-overs a
replica left half-done, and give riders who freed up the orders waiting for one.

Each replica runs its own sweep; the steps are idempotent compare-and-sets, so two
sweeps working on the same order change it once.

Every ``FOOD_PURGE_INTERVAL_S`` the sweep also purges the edge's shared state that has
outlived its use, so none of it grows forever: request-log records past their retention
(``FOOD_REQUEST_LOG_RETENTION_S``, at least 24 h; they hold replayable answers, signups'
included), revocations of tokens that have expired, login failures older than the
throttling window, and stream leases that have expired. Purges are deletes by a date,
so two replicas purging at once simply share the work.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import anyio
from starlette.concurrency import run_in_threadpool

from food_core.usecases import (
    dispatch_waiting,
    expire_unaccepted_orders,
    expire_unpaid_orders,
    reconcile_pending,
    release_finished_riders,
)
from services.api.container import Container

log = logging.getLogger("food.sweep")

# Replicas' clocks differ a little: what one replica still honours (a token it thinks
# unexpired, a lease it thinks held) is never purged by another.
CLOCK_SKEW_ALLOWANCE = timedelta(minutes=5)


def sweep_once(container: Container) -> int:
    ports = container.ports()
    looked_at = reconcile_pending(ports)
    waited = timedelta(seconds=container.settings().unpaid_order_ttl_s)
    expired = expire_unpaid_orders(ports, waited=waited)
    window = timedelta(seconds=container.settings().partner_accept_s)
    unaccepted = expire_unaccepted_orders(ports, window=window)
    released = release_finished_riders(ports)
    dispatched = dispatch_waiting(ports)
    if looked_at or expired or unaccepted or released or dispatched:
        log.info(
            "reconciliation sweep",
            extra={
                "orders": looked_at,
                "expired": expired,
                "not_accepted": unaccepted,
                "riders_released": released,
                "dispatched": dispatched,
            },
        )
    return looked_at


def purge_edge_state(container: Container) -> dict[str, int]:
    """Purge what each kind of edge state no longer needs; how many of each went."""
    settings = container.settings()
    now = container.clock().now()
    retention = timedelta(seconds=settings.request_log_retention_s)
    window = timedelta(seconds=settings.login_window_s)
    purged = {
        "request_log": container.request_log().purge(now - retention),
        "revoked_tokens": container.revoked_tokens().purge(now - CLOCK_SKEW_ALLOWANCE),
        "login_failures": container.login_attempts().purge(now - window - CLOCK_SKEW_ALLOWANCE),
        "stream_leases": container.stream_leases().purge(now - CLOCK_SKEW_ALLOWANCE),
    }
    if any(purged.values()):
        log.info("edge state purged", extra=purged)
    return purged


async def run_sweeps(container: Container, interval_s: float) -> None:
    """Forever, until cancelled; a failed sweep is logged and the next one tries again.
    The first sweep purges; later ones once ``purge_interval_s`` has passed."""
    purged_at: float | None = None
    while True:
        await anyio.sleep(interval_s)
        try:
            await run_in_threadpool(sweep_once, container)
        except Exception:
            log.exception("reconciliation sweep failed")
        every_s = container.settings().purge_interval_s
        if purged_at is None or time.monotonic() - purged_at >= every_s:
            purged_at = time.monotonic()
            try:
                await run_in_threadpool(purge_edge_state, container)
            except Exception:
                log.exception("edge state purge failed")
