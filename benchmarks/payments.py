"""Benchmark: the Node.js payments service under a fixed request rate.

    python -m benchmarks.payments [--rate 200] [--duration 10] [--workers 64]
                                  [--only memory,ferretdb]

For each store (the service's in-memory store; FerretDB on SQLite through the MongoDB
driver) the service is started by ``services.devstack`` on 127.0.0.1 in a temp dir, then
signed ``POST /v1/payments`` (card 4242…, a new order and idempotency key each) are sent
open-loop at ``--rate`` per second for ``--duration`` seconds from a bounded thread pool
(``--workers`` threads, one keep-alive connection each). Requests are scheduled on a fixed
timetable, so a slow service shows up as latency "from schedule" (queueing included), not
as a lower offered rate. Reported: achieved throughput (201 answers per second of wall
time), p50/p99 latency of the request itself and from its scheduled time, errors by kind.
Traffic goes to 127.0.0.1 only; the total number of requests is rate × duration.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from attrs import frozen

from adapters.payments_http import SIGNATURE_HEADER, sign
from services.devstack.ferretdb import start_ferretdb
from services.devstack.payments import start_payments
from services.devstack.server import RunningServer

SECRET = "benchmark-secret-0123456789abcdef0123456789abcdef"
STORES = ("memory", "ferretdb")


@frozen
class Result:
    store: str
    sent: int
    ok: int
    wall_s: float
    latency_ms: list[float]
    from_schedule_ms: list[float]
    errors: dict[str, int]

    @property
    def throughput(self) -> float:
        return self.ok / self.wall_s


@contextlib.contextmanager
def _service(store: str, state: Path) -> Iterator[RunningServer]:
    if store == "memory":
        with start_payments(state / "payments", secret=SECRET) as server:
            yield server
        return
    with (
        start_ferretdb(state / "ferretdb") as ferretdb,
        start_payments(
            state / "payments", secret=SECRET, mongodb_url=ferretdb.url + "payments"
        ) as server,
    ):
        yield server


def _percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def run(store: str, rate: float, duration: float, workers: int) -> Result:
    total = int(rate * duration)
    latency: list[float] = []
    from_schedule: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    run_id = time.time_ns()
    with (
        tempfile.TemporaryDirectory(prefix="bench-payments-") as tmp,
        _service(store, Path(tmp)) as server,
    ):
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        with httpx.Client(base_url=server.url, timeout=10.0, limits=limits) as client:

            def one(i: int, due: float) -> None:
                body = json.dumps(
                    {
                        "order_id": f"bench-{run_id}-{i}",
                        "amount": 49_900,
                        "currency": "INR",
                        "payment_mode": "CARD",
                        "card": {
                            "number": "4242424242424242",
                            "exp_month": 12,
                            "exp_year": 2031,
                            "cvc": "123",
                        },
                    },
                    separators=(",", ":"),
                ).encode()
                headers = {
                    "Content-Type": "application/json",
                    "Idempotency-Key": f"bench-{run_id}-{i}",
                    SIGNATURE_HEADER: sign(
                        SECRET.encode(), int(time.time()), "POST", "/v1/payments", body
                    ),
                }
                started = time.perf_counter()
                try:
                    response = client.post("/v1/payments", content=body, headers=headers)
                    kind = None if response.status_code == 201 else f"HTTP {response.status_code}"
                except httpx.HTTPError as error:
                    kind = type(error).__name__
                done = time.perf_counter()
                with lock:
                    if kind:
                        errors[kind] += 1
                    else:
                        latency.append((done - started) * 1000)
                        from_schedule.append((done - due) * 1000)

            # Warm-up (connections, JIT, store indexes): not counted.
            for i in range(20):
                one(-1 - i, time.perf_counter())
            latency.clear()
            from_schedule.clear()
            errors.clear()

            begin = time.perf_counter()
            with ThreadPoolExecutor(max_workers=workers) as pool:
                for i in range(total):
                    due = begin + i / rate
                    delay = due - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    pool.submit(one, i, due)
            wall = time.perf_counter() - begin
    return Result(store, total, len(latency), wall, latency, from_schedule, dict(errors))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load")
    parser.add_argument("--workers", type=int, default=64, help="threads (and connections)")
    parser.add_argument("--only", default=",".join(STORES), help="stores, comma-separated")
    args = parser.parse_args(argv)
    if not 0 < args.rate <= 2000 or not 0 < args.duration <= 120 or not 1 <= args.workers <= 256:
        parser.error("keep it bounded: rate ≤ 2000/s, duration ≤ 120 s, 1–256 workers")
    stores = [s for s in args.only.split(",") if s]
    unknown = set(stores) - set(STORES)
    if unknown:
        parser.error(f"unknown store(s): {', '.join(sorted(unknown))}")

    print(
        f"signed POST /v1/payments at {args.rate:g}/s for {args.duration:g} s, "
        f"{args.workers} workers"
    )
    header = (
        f"{'store':<9} {'sent':>5} {'201':>5} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'p50 sched':>9} {'p99 sched':>9}  errors"
    )
    print(header)
    for store in stores:
        r = run(store, args.rate, args.duration, args.workers)
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "0"
        print(
            f"{r.store:<9} {r.sent:>5} {r.ok:>5} {r.throughput:>7.1f} "
            f"{_percentile(r.latency_ms, 50):>7.1f} {_percentile(r.latency_ms, 99):>7.1f} "
            f"{_percentile(r.from_schedule_ms, 50):>9.1f} "
            f"{_percentile(r.from_schedule_ms, 99):>9.1f}  {errors}",
            flush=True,
        )


if __name__ == "__main__":
    main()
