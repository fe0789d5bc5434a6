"""The HTTP edge's shared state in SQL, so that every API replica sees the same:
the idempotent request log, login failures (throttling), revoked tokens and the leases
on open event streams."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.database import Database, upsert
from adapters.sql.tables import login_failures, request_log, revoked_tokens, stream_leases
from food_core.ports.requests import LoginFailure, RecordState, RequestRecord

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

    def purge(self, created_before: datetime) -> int:
        with self._db.writing() as c:
            result = c.execute(sa.delete(request_log).where(_r.created_at < created_before))
        return int(result.rowcount)


class SqlLoginAttempts:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record_failure(self, subject: str, at: datetime) -> str:
        with self._db.writing() as c:
            result = c.execute(sa.insert(login_failures).values(subject=subject, at=at))
            (failure_id,) = result.inserted_primary_key or (None,)
        return str(failure_id)

    def failures_since(self, subject: str, since: datetime) -> int:
        f = login_failures.c
        with self._db.writing() as c:
            # Forget what no window needs any more, as the reference does.
            c.execute(sa.delete(login_failures).where(f.subject == subject, f.at < since))
            count = c.execute(
                sa.select(sa.func.count()).where(f.subject == subject, f.at >= since)
            ).scalar_one()
        return int(count)

    def failures_of(self, subject: str, since: datetime) -> list[LoginFailure]:
        f = login_failures.c
        with self._db.reading() as c:
            rows = c.execute(
                sa.select(f.failure_id, f.at)
                .where(f.subject == subject, f.at >= since)
                .order_by(f.at, f.failure_id)
            ).all()
        return [LoginFailure(str(failure_id), at) for failure_id, at in rows]

    def forget(self, subject: str, failure_id: str) -> None:
        f = login_failures.c
        with self._db.writing() as c:
            c.execute(
                sa.delete(login_failures).where(
                    f.subject == subject, f.failure_id == int(failure_id)
                )
            )

    def clear(self, subject: str) -> None:
        with self._db.writing() as c:
            c.execute(sa.delete(login_failures).where(login_failures.c.subject == subject))

    def purge(self, before: datetime) -> int:
        with self._db.writing() as c:
            result = c.execute(sa.delete(login_failures).where(login_failures.c.at < before))
        return int(result.rowcount)


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

    def purge(self, expired_before: datetime) -> int:
        t = revoked_tokens.c
        with self._db.writing() as c:
            result = c.execute(sa.delete(revoked_tokens).where(t.expires_at < expired_before))
        return int(result.rowcount)


class SqlStreamLeases:
    """A lease is a row; taking it is the insert of its primary key, so of two replicas
    inserting the same id one commits and the other gets an IntegrityError."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def claim(self, lease_ids: Sequence[str], expires_at: datetime) -> str | None:
        ids = list(lease_ids)
        if not ids:
            return None
        lease = stream_leases.c
        with self._db.reading() as c:
            held = set(
                c.execute(sa.select(lease.lease_id).where(lease.lease_id.in_(ids))).scalars()
            )
        for lease_id in ids:
            if lease_id in held:
                continue
            try:
                with self._db.writing() as c:
                    c.execute(
                        sa.insert(stream_leases).values(lease_id=lease_id, expires_at=expires_at)
                    )
            except IntegrityError:
                continue  # taken since we looked: try the next one
            return lease_id
        return None

    def release(self, lease_id: str) -> None:
        with self._db.writing() as c:
            c.execute(sa.delete(stream_leases).where(stream_leases.c.lease_id == lease_id))

    def purge(self, expired_before: datetime) -> int:
        lease = stream_leases.c
        with self._db.writing() as c:
            result = c.execute(sa.delete(stream_leases).where(lease.expires_at < expired_before))
        return int(result.rowcount)
