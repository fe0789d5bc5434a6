"""The HTTP edge's shared state in SQL, so that every API replica sees the same:
the idempotent request log, login failures (throttling) and revoked tokens."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.database import Database, upsert
from adapters.sql.tables import login_failures, request_log, revoked_tokens
from food_core.ports.requests import RecordState, RequestRecord

_r = request_log.c
_CLAIM_ATTEMPTS = 8


def _record(m: sa.RowMapping) -> RequestRecord:
    return RequestRecord(
        scope=m["scope"],
        key=m["key"],
        fingerprint=m["fingerprint"],
        state=RecordState(m["state"]),
        created_at=m["created_at"],
        lease_until=m["lease_until"],
        response_status=m["response_status"],
        response_body=m["response_body"],
    )


class SqlRequestLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def claim(self, record: RequestRecord) -> RequestRecord | None:
        row = {
            "scope": record.scope,
            "key": record.key,
            "fingerprint": record.fingerprint,
            "state": record.state.value,
            "created_at": record.created_at,
            "lease_until": record.lease_until,
            "response_status": record.response_status,
            "response_body": record.response_body,
        }
        here = (_r.scope == record.scope, _r.key == record.key)
        for _ in range(_CLAIM_ATTEMPTS):
            try:
                with self._db.writing() as c:
                    c.execute(sa.insert(request_log).values(row))
                return None
            except IntegrityError:
                pass
            with self._db.writing() as c:
                # Take over a record whose owner's lease ran out (it died mid-request):
                # conditional, so of two takers only one succeeds.
                taken = c.execute(
                    sa.update(request_log)
                    .where(
                        *here,
                        _r.state == RecordState.IN_PROGRESS.value,
                        _r.lease_until < record.created_at,
                    )
                    .values(row)
                )
                if taken.rowcount == 1:
                    return None
                stored = c.execute(sa.select(request_log).where(*here)).mappings().first()
            if stored is not None:
                return _record(stored)
            # Released between our insert and our look: claim it afresh.
        raise RuntimeError(f"could not claim request key {record.key!r}: it kept changing")

    def complete(self, scope: str, key: str, status: int, body: str) -> None:
        with self._db.writing() as c:
            c.execute(
                sa.update(request_log)
                .where(_r.scope == scope, _r.key == key)
                .values(
                    state=RecordState.COMPLETED.value, response_status=status, response_body=body
                )
            )

    def release(self, scope: str, key: str) -> None:
        with self._db.writing() as c:
            c.execute(
                sa.delete(request_log).where(
                    _r.scope == scope, _r.key == key, _r.state == RecordState.IN_PROGRESS.value
                )
            )


class SqlLoginAttempts:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record_failure(self, subject: str, at: datetime) -> None:
        with self._db.writing() as c:
            c.execute(sa.insert(login_failures).values(subject=subject, at=at))

    def failures_since(self, subject: str, since: datetime) -> int:
        f = login_failures.c
        with self._db.writing() as c:
            # Forget what no window needs any more, as the reference does.
            c.execute(sa.delete(login_failures).where(f.subject == subject, f.at < since))
            count = c.execute(
                sa.select(sa.func.count()).where(f.subject == subject, f.at >= since)
            ).scalar_one()
        return int(count)

    def clear(self, subject: str) -> None:
        with self._db.writing() as c:
            c.execute(sa.delete(login_failures).where(login_failures.c.subject == subject))


class SqlRevokedTokens:
    def __init__(self, db: Database) -> None:
        self._db = db

    def revoke(self, token_id: str, expires_at: datetime) -> None:
        with self._db.writing() as c:
            upsert(
                c, revoked_tokens, [{"token_id": token_id, "expires_at": expires_at}], ["token_id"]
            )

    def is_revoked(self, token_id: str) -> bool:
        with self._db.reading() as c:
            found = c.execute(
                sa.select(revoked_tokens.c.token_id).where(revoked_tokens.c.token_id == token_id)
            ).first()
        return found is not None
