"""What a handler receives (:class:`Call`) and gives back (:class:`Reply`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Any, ParamSpec, TypeVar

from attrs import define, field, frozen
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from food_core.usecases import Ports
from services.api.auth.sessions import Caller
from services.api.container import Container
from services.api.params import PathValue
from services.api.schemas.converter import unstructure

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")


@frozen
class Reply:
    status: int
    body: Any = None  # JSON-ready (already unstructured); None: no body
    headers: Mapping[str, str] = field(factory=dict)
    replayed: bool = False
    is_problem: bool = False


def ok(model: object, status: int = 200, *, replayed: bool = False) -> Reply:
    return Reply(status, unstructure(model), replayed=replayed)


def no_content() -> Reply:
    return Reply(204)


@define
class Call:
    """One request, parsed and authenticated, as a handler sees it."""

    request: Request
    container: Container
    caller: Caller | None
    params: Mapping[str, PathValue]
    body: object
    raw_body: object
    query: object
    idempotency_key: str | None

    @property
    def ports(self) -> Ports:
        return self.container.ports()

    @property
    def accept_window(self) -> timedelta:
        """How long a confirmed order waits for its restaurant (orders show the deadline)."""
        return timedelta(seconds=self.container.settings().partner_accept_s)

    @property
    def user_id(self) -> int:
        if self.caller is None:  # pragma: no cover - declared by the operation
            raise RuntimeError("this operation is not authenticated")
        return self.caller.user_id

    def id(self, name: str) -> int:
        value = self.params[name]
        assert isinstance(value, int)
        return value

    def text(self, name: str) -> str:
        return str(self.params[name])

    def body_as(self, cls: type[T]) -> T:
        assert isinstance(self.body, cls)
        return self.body

    def query_as(self, cls: type[T]) -> T:
        assert isinstance(self.query, cls)
        return self.query

    async def run(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a (blocking) use case in the thread pool."""
        return await run_in_threadpool(function, *args, **kwargs)


Handler = Callable[[Call], Awaitable[Reply | Response]]
