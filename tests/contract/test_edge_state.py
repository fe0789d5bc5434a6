"""The HTTP edge's shared state: the idempotent request log (claim, take over an
abandoned claim, complete, release), login failures, revoked tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from attrs import evolve

from adapters.stores import Store
from food_core.ports.requests import RecordState, RequestRecord

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
LEASE = timedelta(seconds=30)


def _record(key: str = "key-1", *, at: datetime = T0, scope: str = "user:7") -> RequestRecord:
    return RequestRecord(
        scope=scope,
        key=key,
        fingerprint="sha256:POST /orders {}",
        state=RecordState.IN_PROGRESS,
        created_at=at,
        lease_until=at + LEASE,
    )


def test_the_first_claim_of_a_key_wins_and_later_ones_see_it(store: Store) -> None:
    first = _record()
    assert store.request_log.claim(first) is None
    assert store.request_log.claim(_record(at=T0 + timedelta(seconds=1))) == first


def test_keys_are_per_scope(store: Store) -> None:
    assert store.request_log.claim(_record(scope="user:7")) is None
    assert store.request_log.claim(_record(scope="user:8")) is None


def test_an_abandoned_claim_is_taken_over_once_its_lease_has_ended(store: Store) -> None:
    store.request_log.claim(_record())
    later = _record(at=T0 + LEASE + timedelta(microseconds=1))
    assert store.request_log.claim(later) is None
    assert store.request_log.claim(_record(at=later.created_at)) == later


def test_a_claim_whose_lease_ends_exactly_now_is_not_taken_over(store: Store) -> None:
    first = _record()
    store.request_log.claim(first)
    assert store.request_log.claim(_record(at=T0 + LEASE)) == first


def test_a_completed_request_is_never_taken_over(store: Store) -> None:
    store.request_log.claim(_record())
    store.request_log.complete("user:7", "key-1", 201, '{"order_id": 1}')
    stored = store.request_log.claim(_record(at=T0 + timedelta(days=1)))
    assert stored == evolve(
        _record(),
        state=RecordState.COMPLETED,
        response_status=201,
        response_body='{"order_id": 1}',
    )


def test_completing_an_unknown_request_stores_nothing(store: Store) -> None:
    store.request_log.complete("user:7", "key-1", 201, "{}")
    assert store.request_log.claim(_record()) is None


def test_a_released_claim_frees_its_key(store: Store) -> None:
    store.request_log.claim(_record())
    store.request_log.release("user:7", "key-1")
    assert store.request_log.claim(_record(at=T0 + timedelta(seconds=1))) is None


def test_releasing_a_completed_request_keeps_it(store: Store) -> None:
    store.request_log.claim(_record())
    store.request_log.complete("user:7", "key-1", 200, "{}")
    store.request_log.release("user:7", "key-1")
    stored = store.request_log.claim(_record(at=T0 + timedelta(seconds=1)))
    assert stored is not None and stored.state is RecordState.COMPLETED


def test_login_failures_are_counted_per_subject_within_the_window(store: Store) -> None:
    attempts = store.login_attempts
    for minutes in (0, 5, 10):
        attempts.record_failure("asha@example.com", T0 + timedelta(minutes=minutes))
    attempts.record_failure("ip:10.0.0.1", T0)
    assert attempts.failures_since("asha@example.com", T0 + timedelta(minutes=5)) == 2
    assert attempts.failures_since("asha@example.com", T0 + timedelta(minutes=11)) == 0
    assert attempts.failures_since("ip:10.0.0.1", T0) == 1


def test_failures_outside_a_window_asked_for_are_forgotten(store: Store) -> None:
    attempts = store.login_attempts
    for minutes in (0, 5, 10):
        attempts.record_failure("asha@example.com", T0 + timedelta(minutes=minutes))
    assert attempts.failures_since("asha@example.com", T0 + timedelta(minutes=5)) == 2
    assert attempts.failures_since("asha@example.com", T0) == 2


def test_clearing_forgets_a_subjects_failures_only(store: Store) -> None:
    attempts = store.login_attempts
    attempts.record_failure("asha@example.com", T0)
    attempts.record_failure("ip:10.0.0.1", T0)
    attempts.clear("asha@example.com")
    assert attempts.failures_since("asha@example.com", T0) == 0
    assert attempts.failures_since("ip:10.0.0.1", T0) == 1


def test_a_revoked_token_stays_revoked(store: Store) -> None:
    tokens = store.revoked_tokens
    assert not tokens.is_revoked("jti-1")
    tokens.revoke("jti-1", T0 + timedelta(hours=1))
    tokens.revoke("jti-1", T0 + timedelta(hours=2))
    assert tokens.is_revoked("jti-1")
    assert not tokens.is_revoked("jti-2")
