"""Operational endpoints: liveness, readiness and metrics."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from services.api.calls import Call, Reply, ok
from services.api.problems import ApiProblem
from services.api.routing import Auth, Operation
from services.api.schemas.ops import HealthOut, ReadyOut

METRICS_MEDIA_TYPE = CONTENT_TYPE_LATEST


@runtime_checkable
class _Pingable(Protocol):
    def ping(self) -> bool: ...


async def healthz(_call: Call) -> Reply:
    # Liveness only: no I/O, so a slow database never gets a healthy process restarted.
    return ok(HealthOut(status="ok"))


def _store_answers(call: Call) -> bool:
    try:
        call.container.store().ping()
    except Exception:
        return False
    return True


def _payments_answer(call: Call) -> bool:
    gateway = call.container.gateway()
    if isinstance(gateway, _Pingable):
        try:
            return bool(gateway.ping())
        except Exception:
            return False
    return True  # an in-process gateway is always there


async def readyz(call: Call) -> Reply:
    store = await run_in_threadpool(_store_answers, call)
    payments = await run_in_threadpool(_payments_answer, call)
    if not (store and payments):
        down = [name for name, up in (("store", store), ("payments", payments)) if not up]
        raise ApiProblem(
            503,
            "not_ready",
            f"not ready: {', '.join(down)} not answering",
            headers={"Retry-After": "5"},
        )
    return ok(ReadyOut(status="ready", store=True, payments=True))


async def metrics(call: Call) -> Response:
    metrics = call.container.metrics()
    return Response(metrics.exposition(), media_type=metrics.content_type)


OPERATIONS = [
    Operation(
        "healthz",
        "GET",
        "/healthz",
        "The process is alive",
        "operations",
        healthz,
        response=HealthOut,
        auth=Auth.NONE,
    ),
    Operation(
        "readyz",
        "GET",
        "/readyz",
        "The store and the payments service answer",
        "operations",
        readyz,
        response=ReadyOut,
        auth=Auth.NONE,
        errors=(503,),
    ),
    Operation(
        "metrics",
        "GET",
        "/metrics",
        "Prometheus metrics",
        "operations",
        metrics,
        auth=Auth.NONE,
        media_type=METRICS_MEDIA_TYPE,
    ),
]
