"""The HTTP edge's shared state: the idempotent request log (claim, take over an
abandoned claim, complete, release), login failures, revoked tokens, stream leases, and
the purges that keep each of them bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from attrs import evolve

from adapters.stores import Store
from adapters.stream_leases import stream_leases_for
from food_core.ports.requests import RecordState, RequestRecord
from tests.contract.backends import Backend
from tests.contract.edge_racers import claim_stream_leases
from tests.contract.racing import MAX_RACERS, ROUNDS, RacePool

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


# --- purges (the sweep keeps edge state bounded) ---


def test_request_records_past_their_retention_are_purged_whatever_their_state(
    store: Store,
) -> None:
    log = store.request_log
    log.claim(_record("old-done"))
    log.complete("user:7", "old-done", 201, "{}")
    log.claim(_record("old-running"))
    log.claim(_record("new", at=T0 + timedelta(hours=25)))
    log.complete("user:7", "new", 200, "{}")
    assert log.purge(T0 + timedelta(hours=1)) == 2
    # The purged keys are free again; the newer record is still there.
    assert log.claim(_record("old-done", at=T0 + timedelta(hours=26))) is None
    assert log.claim(_record("new", at=T0 + timedelta(hours=26))) is not None
    assert log.purge(T0 + timedelta(hours=1)) == 0


def test_a_record_created_exactly_at_the_cutoff_is_kept(store: Store) -> None:
    store.request_log.claim(_record())
    assert store.request_log.purge(T0) == 0
    assert store.request_log.claim(_record(at=T0 + timedelta(seconds=1))) is not None


def test_revocations_are_purged_once_their_token_has_expired(store: Store) -> None:
    tokens = store.revoked_tokens
    tokens.revoke("expired", T0)
    tokens.revoke("live", T0 + timedelta(hours=12))
    assert tokens.purge(T0 + timedelta(seconds=1)) == 1
    assert not tokens.is_revoked("expired")
    assert tokens.is_revoked("live")


def test_login_failures_from_before_any_window_are_purged_for_every_subject(
    store: Store,
) -> None:
    attempts = store.login_attempts
    attempts.record_failure("login:account:a", T0)
    attempts.record_failure("login:ip:10.0.0.1", T0 + timedelta(minutes=1))
    attempts.record_failure("login:ip:10.0.0.1", T0 + timedelta(hours=2))
    assert attempts.purge(T0 + timedelta(hours=1)) == 2
    assert attempts.failures_since("login:account:a", T0) == 0
    assert attempts.failures_since("login:ip:10.0.0.1", T0) == 1


# --- login failures: ids, listing, forgetting one ---


def test_each_failure_has_its_own_id_and_is_listed_oldest_first(store: Store) -> None:
    attempts = store.login_attempts
    late = attempts.record_failure("s", T0 + timedelta(minutes=2))
    early = attempts.record_failure("s", T0)
    attempts.record_failure("other", T0)
    middle = attempts.record_failure("s", T0 + timedelta(minutes=1))
    assert len({late, early, middle}) == 3
    listed = attempts.failures_of("s", T0)
    assert [(f.failure_id, f.at) for f in listed] == [
        (early, T0),
        (middle, T0 + timedelta(minutes=1)),
        (late, T0 + timedelta(minutes=2)),
    ]
    assert [f.failure_id for f in attempts.failures_of("s", T0 + timedelta(minutes=1))] == [
        middle,
        late,
    ]


def test_forgetting_a_failure_removes_that_one_only(store: Store) -> None:
    attempts = store.login_attempts
    first = attempts.record_failure("s", T0)
    second = attempts.record_failure("s", T0)
    attempts.forget("s", first)
    attempts.forget("s", first)  # already gone: nothing happens
    assert [f.failure_id for f in attempts.failures_of("s", T0)] == [second]
    assert attempts.failures_since("s", T0) == 1


# --- stream leases ---

LEASES = [f"stream:7:100:{n}" for n in range(3)]


def test_leases_are_taken_in_order_until_all_are_held(store: Store) -> None:
    leases = stream_leases_for(store)
    until = T0 + LEASE
    assert [leases.claim(LEASES, until) for _ in range(4)] == [*LEASES, None]
    # Another user's, or another period's, leases are other ids.
    assert leases.claim(["stream:8:100:0"], until) == "stream:8:100:0"
    assert leases.claim(["stream:7:101:0"], until) == "stream:7:101:0"


def test_a_released_lease_can_be_taken_again(store: Store) -> None:
    leases = stream_leases_for(store)
    for _ in LEASES:
        leases.claim(LEASES, T0 + LEASE)
    leases.release(LEASES[1])
    leases.release(LEASES[1])  # already free: nothing happens
    assert leases.claim(LEASES, T0 + LEASE) == LEASES[1]
    assert leases.claim(LEASES, T0 + LEASE) is None


def test_expired_leases_are_purged(store: Store) -> None:
    leases = stream_leases_for(store)
    leases.claim(LEASES[:1], T0)
    leases.claim(LEASES[1:2], T0 + LEASE)
    assert leases.purge(T0 + timedelta(seconds=1)) == 1
    assert leases.claim(LEASES, T0 + LEASE) == LEASES[0]
    assert leases.claim(LEASES, T0 + LEASE) == LEASES[2]


def test_racing_claims_never_hand_out_more_leases_than_there_are(
    backend: Backend, racers: RacePool
) -> None:
    # Four replicas, each trying to open three streams for the same user, round after
    # round: of the twelve tries in a round, exactly three get a lease, all different.
    rounds = racers.race(backend, claim_stream_leases, [LEASES] * MAX_RACERS)
    for number in range(ROUNDS):
        won = [lease for worker in rounds for lease in worker[number] if lease is not None]
        assert sorted(won) == sorted(LEASES), won
