from __future__ import annotations

import threading

import pytest

from adapters.ids import MAX_ID, MAX_WORKER, SnowflakeIds


def test_ids_fit_in_53_bits_and_increase() -> None:
    ids = SnowflakeIds(3)
    made = [ids.next_id() for _ in range(5000)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert all(0 < i <= MAX_ID for i in made)


def test_ids_stay_unique_when_a_millisecond_runs_out_of_sequence() -> None:
    frozen_ms = 1_800_000_000_000
    ids = SnowflakeIds(1, now_ms=lambda: frozen_ms)
    made = [ids.next_id() for _ in range(1000)]  # 128 per ms: borrows ~8 ms ahead
    assert len(set(made)) == 1000
    assert made == sorted(made)


def test_two_workers_never_collide_in_the_same_millisecond() -> None:
    frozen_ms = 1_800_000_000_000
    a = SnowflakeIds(1, now_ms=lambda: frozen_ms)
    b = SnowflakeIds(2, now_ms=lambda: frozen_ms)
    assert not {a.next_id() for _ in range(500)} & {b.next_id() for _ in range(500)}


def test_ids_are_unique_across_threads() -> None:
    ids = SnowflakeIds(4)
    results: list[list[int]] = [[] for _ in range(8)]

    def work(slot: list[int]) -> None:
        slot.extend(ids.next_id() for _ in range(2000))

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [i for r in results for i in r]
    assert len(set(everything)) == len(everything)


@pytest.mark.parametrize("worker", [-1, MAX_WORKER + 1])
def test_worker_ids_out_of_range_are_refused(worker: int) -> None:
    with pytest.raises(ValueError, match="worker_id"):
        SnowflakeIds(worker)
