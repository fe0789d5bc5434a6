"""Replayable requests for operations whose use case has no key of its own (signup,
adding an address, cancelling, a partner's status change), when the client sends an
``Idempotency-Key`` (docs/design.md §5).

The key is claimed in the ``RequestLog`` with a lease before the work starts — an insert,
never check-then-insert. The record holds a fingerprint of the request (method, path,
canonical body, caller), keyed with the server's secret so a body's password is never
stored in a guessable form. Then:

- same key, same request, finished → the stored status and body, ``Idempotent-Replayed``;
- same key, another request → 422 ``idempotency_key_reused``;
- same key, first request still running → 409 ``request_in_progress``;
- the first request failed without a definite answer (a bug, a 5xx, a "not now") → the
  claim is released so a retry runs afresh. A lease that ran out (its replica died) may
  be taken over by the next attempt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from food_core.errors import IdempotencyKeyReused, RequestInProgress
from food_core.ports.requests import RecordState, RequestRecord
from food_core.usecases.idempotency import check_key
from services.api.body import EMPTY
from services.api.calls import Call, Handler, Reply
from services.api.errors import TRANSIENT_CODES, as_problem
from services.api.problems import problem_body

LEASE = timedelta(seconds=60)


def canonical_json(raw: object) -> str:
    if raw is EMPTY:
        return ""
    return json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _fingerprint(secret: bytes, call: Call, scope: str) -> str:
    request = call.request
    message = "\n".join(
        [request.method, request.url.path, canonical_json(call.raw_body), scope]
    ).encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _scope(call: Call) -> str:
    return f"user:{call.caller.user_id}" if call.caller is not None else "anonymous"


async def replayable(call: Call, handler: Handler) -> Reply | Response:
    assert call.idempotency_key is not None
    key = check_key(call.idempotency_key)
    container, scope = call.container, _scope(call)
    requests = container.request_log()
    # One fingerprint per verifying key, so a key rotation does not break replays.
    fingerprints = [_fingerprint(k.secret, call, scope) for k in container.tokens().keys]
    now = container.clock().now()
    record = RequestRecord(scope, key, fingerprints[0], RecordState.IN_PROGRESS, now, now + LEASE)
    stored = await run_in_threadpool(requests.claim, record)
    if stored is not None:
        return _replay(stored, fingerprints)
    try:
        reply = await handler(call)
    except Exception as error:
        problem = as_problem(error)
        if problem is None or problem.status >= 500 or problem.code in TRANSIENT_CODES:
            await run_in_threadpool(requests.release, scope, key)
        else:  # a definite "no" is an answer too: the retry gets the same one
            body = json.dumps(problem_body(problem), ensure_ascii=True)
            await run_in_threadpool(requests.complete, scope, key, problem.status, body)
        raise
    if isinstance(reply, Response):  # streamed answers are not replayable
        await run_in_threadpool(requests.release, scope, key)
        return reply
    body = "" if reply.body is None else json.dumps(reply.body, ensure_ascii=True)
    await run_in_threadpool(requests.complete, scope, key, reply.status, body)
    return reply


def _replay(stored: RequestRecord, fingerprints: list[str]) -> Reply:
    if not any(hmac.compare_digest(stored.fingerprint, f) for f in fingerprints):
        raise IdempotencyKeyReused(
            "this Idempotency-Key was already used for a different request; "
            "use a new key for a new request",
            field="Idempotency-Key",
        )
    if stored.state is RecordState.IN_PROGRESS or stored.response_status is None:
        raise RequestInProgress(
            "a request with this Idempotency-Key is still being processed; retry shortly",
            field="Idempotency-Key",
        )
    status = stored.response_status
    body = json.loads(stored.response_body) if stored.response_body else None
    return Reply(status, body, replayed=True, is_problem=status >= 400)
