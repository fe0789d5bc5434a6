"""Startup and shutdown: open the container's resources and resolve every provider, seed
the demo catalog when asked, run the reconciliation sweep, and shut the resources (the
store, the payments client) down on the way out."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool

from services.api.container import Container
from services.api.sweep import run_sweeps

log = logging.getLogger("food.api")


def start(container: Container) -> None:
    """Open the resources and build every other provider now, so that a
    misconfiguration shows before the first request rather than in one."""
    container.init_resources()
    for provider in container.providers.values():
        provider()


def _seed_demo(container: Container) -> None:
    from adapters.demo_catalog import load_if_empty  # large tables: only when asked

    store = container.store()
    if load_if_empty(store.catalog, ratings=store.ratings):
        log.info("demo catalog loaded")


def make_lifespan(container: Container) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(start, container)
        settings = container.settings()
        if settings.seed_demo:
            await run_in_threadpool(_seed_demo, container)
        log.info(
            "api started",
            extra={"env": settings.env.value, "worker_id": settings.worker_id},
        )
        try:
            async with anyio.create_task_group() as tasks:
                if settings.reconcile_interval_s > 0:
                    tasks.start_soon(run_sweeps, container, settings.reconcile_interval_s)
                yield
                tasks.cancel_scope.cancel()
        finally:
            await run_in_threadpool(container.shutdown_resources)
            log.info("api stopped")

    return lifespan
