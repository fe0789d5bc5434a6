"""The periodic reconciliation sweep (DESIGN §5): settle payments whose outcome was never
heard, refunds still due, and ``total_orders`` counts a crash left half done.

Each replica runs its own sweep; the steps are idempotent compare-and-sets, so two
sweeps working on the same order change it once.
"""

from __future__ import annotations

import logging

import anyio
from starlette.concurrency import run_in_threadpool

from food_core.usecases import reconcile_pending
from services.api.edge import Edge

log = logging.getLogger("food.sweep")


def sweep_once(edge: Edge) -> int:
    settled = edge.store.settle_pending()
    looked_at = reconcile_pending(edge.ports)
    if looked_at or settled:
        log.info("reconciliation sweep", extra={"orders": looked_at, "counts": settled})
    return looked_at


async def run_sweeps(edge: Edge, interval_s: float) -> None:
    """Forever, until cancelled; a failed sweep is logged and the next one tries again."""
    while True:
        await anyio.sleep(interval_s)
        try:
            await run_in_threadpool(sweep_once, edge)
        except Exception:
            log.exception("reconciliation sweep failed")
