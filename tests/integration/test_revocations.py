"""A replica remembers "not revoked" for FOOD_REVOCATION_CACHE_S: a logout holds at once
on the replica that handled it and on every other within that time."""

from __future__ import annotations

from datetime import timedelta

from adapters.clock import ManualClock
from adapters.memory.requests import MemoryRevokedTokens
from services.api.auth.revocations import RememberedRevocations


class _Asked(MemoryRevokedTokens):
    """The in-memory store's revocations, counting how often they are asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def is_revoked(self, token_id: str) -> bool:
        self.asked += 1
        return super().is_revoked(token_id)


def _replicas(
    ttl_s: float,
) -> tuple[_Asked, ManualClock, RememberedRevocations, RememberedRevocations]:
    store, clock = _Asked(), ManualClock()
    return (
        store,
        clock,
        RememberedRevocations(store, clock, ttl_s),
        RememberedRevocations(store, clock, ttl_s),
    )


def test_a_not_revoked_answer_is_reused_within_the_time_only() -> None:
    store, clock, replica, _ = _replicas(1.0)
    assert not replica.is_revoked("t1")
    assert not replica.is_revoked("t1")
    assert store.asked == 1
    clock.advance(timedelta(seconds=1))
    assert not replica.is_revoked("t1")
    assert store.asked == 2


def test_a_logout_holds_at_once_where_it_happened_and_elsewhere_within_the_time() -> None:
    _, clock, here, there = _replicas(1.0)
    assert not here.is_revoked("t1") and not there.is_revoked("t1")
    here.revoke("t1", clock.now() + timedelta(hours=1))
    assert here.is_revoked("t1")
    assert not there.is_revoked("t1")  # still remembered there, for at most a second
    clock.advance(timedelta(milliseconds=1000))
    assert there.is_revoked("t1")
    assert there.is_revoked("t1")  # and it stays so


def test_zero_asks_the_store_every_time() -> None:
    store, clock, replica, other = _replicas(0.0)
    for _ in range(3):
        assert not replica.is_revoked("t1")
    assert store.asked == 3
    other.revoke("t1", clock.now() + timedelta(hours=1))
    assert replica.is_revoked("t1")


def test_purging_goes_to_the_store() -> None:
    _, clock, replica, _ = _replicas(1.0)
    replica.revoke("old", clock.now() - timedelta(seconds=1))
    assert replica.purge(clock.now()) == 1
