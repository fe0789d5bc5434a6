"""Startup and shutdown: resolve (open) every dependency, seed the demo catalog when
asked, run the reconciliation sweep, and close clients on the way out."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool

from services.api.edge import Edge
from services.api.sweep import run_sweeps

log = logging.getLogger("food.api")


def _seed_demo(edge: Edge) -> None:
    from adapters.demo_catalog import load_if_empty  # large tables: only when asked

    if load_if_empty(edge.store.catalog):
        log.info("demo catalog loaded")


def _close(edge: Edge) -> None:
    close_gateway = getattr(edge.gateway, "close", None)
    if callable(close_gateway):
        close_gateway()
    edge.store.close()


def make_lifespan(edge: Edge) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(edge.resolve_all)
        settings = edge.settings
        if settings.seed_demo:
            await run_in_threadpool(_seed_demo, edge)
        log.info(
            "api started",
            extra={"env": settings.env.value, "worker_id": settings.worker_id},
        )
        try:
            async with anyio.create_task_group() as tasks:
                if settings.reconcile_interval_s > 0:
                    tasks.start_soon(run_sweeps, edge, settings.reconcile_interval_s)
                yield
                tasks.cancel_scope.cancel()
        finally:
            await run_in_threadpool(_close, edge)
            log.info("api stopped")

    return lifespan
