"""Benchmark: the Node.js payments service under a fixed request rate.

    python -m benchmarks.payments [--rate 100,200] [--duration 10] [--workers 64]
                                  [--only memory,ferretdb]

For each store (the service's in-memory store; FerretDB 1.24 on its own PostgreSQL
cluster, ``--handler=postgresql``, through the MongoDB driver) the service is started by
``services.devstack`` on 127.0.0.1 in a temp dir, then signed ``POST /v1/payments``
(card 4242…, a new order and idempotency key each; v2 signatures, a new nonce each) are
sent open-loop at each ``--rate`` per second for ``--duration`` seconds from a bounded
thread pool (``--workers`` threads, one keep-alive connection each). Requests are
scheduled on a fixed timetable, so a slow service shows up as latency "from schedule"
(queueing included), not as a lower offered rate. Reported: achieved throughput (201
answers per second of wall time), p50/p99 latency of the request itself and from its
scheduled time, errors by kind (timeouts apart), store commands per charge (the service's
``payments_store_commands_total``, from the driver's command monitoring, over the measured
window), the load average before and after, and FerretDB's figures as ratios to the
memory store's in the same run. Traffic goes to 127.0.0.1 only; the total number of
requests is rate × duration per store and rate.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
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

from adapters.payments_http import SIGNATURE_HEADER, new_nonce, sign
from services.devstack.ferretdb import start_ferretdb
from services.devstack.payments import start_payments
from services.devstack.server import RunningServer

SECRET = "benchmark-secret-0123456789abcdef0123456789abcdef"
STORES = ("memory", "ferretdb")


DATA_COMMANDS = ("insert", "find", "update", "delete", "findAndModify", "getMore")


@frozen
class Result:
    store: str
    rate: float
    sent: int
    ok: int
    wall_s: float
    latency_ms: list[float]
    from_schedule_ms: list[float]
    errors: dict[str, int]
    timeouts: int
    commands: dict[str, float]  # store commands sent in the measured window, by name
    load_before: str
    load_after: str

    @property
    def throughput(self) -> float:
        return self.ok / self.wall_s

    @property
    def commands_per_charge(self) -> float:
        data = sum(v for k, v in self.commands.items() if k in DATA_COMMANDS)
        return data / self.ok if self.ok else float("nan")


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())


_COMMANDS = re.compile(
    r'^payments_store_commands_total\{command="([A-Za-z]+)"\} ([0-9.e+]+)$', re.M
)


def _store_commands(client: httpx.Client) -> dict[str, float]:
    text = client.get("/metrics").text
    return {name: float(value) for name, value in _COMMANDS.findall(text)}


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
    timeouts = 0
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
                key = f"bench-{run_id}-{i}"
                headers = {
                    "Content-Type": "application/json",
                    "Idempotency-Key": key,
                    SIGNATURE_HEADER: sign(
                        SECRET.encode(),
                        int(time.time()),
                        new_nonce(),
                        "POST",
                        "/v1/payments",
                        key,
                        body,
                    ),
                }
                nonlocal timeouts
                started = time.perf_counter()
                try:
                    response = client.post("/v1/payments", content=body, headers=headers)
                    kind = None if response.status_code == 201 else f"HTTP {response.status_code}"
                except httpx.TimeoutException:
                    kind = "timeout"
                except httpx.HTTPError as error:
                    kind = type(error).__name__
                done = time.perf_counter()
                with lock:
                    if kind == "timeout":
                        timeouts += 1
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
            timeouts = 0

            load_before = _loadavg()
            commands_before = _store_commands(client)
            begin = time.perf_counter()
            with ThreadPoolExecutor(max_workers=workers) as pool:
                for i in range(total):
                    due = begin + i / rate
                    delay = due - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    pool.submit(one, i, due)
            wall = time.perf_counter() - begin
            load_after = _loadavg()
            commands_after = _store_commands(client)
    commands = {k: v - commands_before.get(k, 0.0) for k, v in commands_after.items()}
    return Result(
        store,
        rate,
        total,
        len(latency),
        wall,
        latency,
        from_schedule,
        dict(errors),
        timeouts,
        commands,
        load_before,
        load_after,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rate", default="200", help="requests per second, comma-separated")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load")
    parser.add_argument("--workers", type=int, default=64, help="threads (and connections)")
    parser.add_argument("--only", default=",".join(STORES), help="stores, comma-separated")
    args = parser.parse_args(argv)
    try:
        rates = [float(r) for r in args.rate.split(",") if r]
    except ValueError:
        parser.error(f"--rate must be numbers, comma-separated: {args.rate!r}")
    if not rates or not all(0 < r <= 2000 for r in rates):
        parser.error("keep it bounded: 0 < rate ≤ 2000/s")
    if not 0 < args.duration <= 120 or not 1 <= args.workers <= 256:
        parser.error("keep it bounded: duration ≤ 120 s, 1–256 workers")
    stores = [s for s in args.only.split(",") if s]
    unknown = set(stores) - set(STORES)
    if unknown:
        parser.error(f"unknown store(s): {', '.join(sorted(unknown))}")

    print(
        f"signed POST /v1/payments for {args.duration:g} s per run, {args.workers} workers; "
        f"load average (1, 5, 15 min) before → after each run"
    )
    header = (
        f"{'store':<9} {'rate':>5} {'sent':>5} {'201':>5} {'req/s':>7} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'p50 sched':>9} {'p99 sched':>9} {'cmd/charge':>10}  "
        f"{'load before → after':<29} errors"
    )
    print(header)
    for rate in rates:
        results: dict[str, Result] = {}
        for store in stores:
            r = run(store, rate, args.duration, args.workers)
            results[store] = r
            errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "0"
            per_charge = "-" if store == "memory" else f"{r.commands_per_charge:.2f}"
            print(
                f"{r.store:<9} {rate:>5g} {r.sent:>5} {r.ok:>5} {r.throughput:>7.1f} "
                f"{_percentile(r.latency_ms, 50):>7.1f} {_percentile(r.latency_ms, 99):>7.1f} "
                f"{_percentile(r.from_schedule_ms, 50):>9.1f} "
                f"{_percentile(r.from_schedule_ms, 99):>9.1f} {per_charge:>10}  "
                f"{r.load_before + ' → ' + r.load_after:<29} {errors}"
                f"{f' (timeouts: {r.timeouts})' if r.timeouts else ''}",
                flush=True,
            )
        if "memory" in results and "ferretdb" in results:
            m, f = results["memory"], results["ferretdb"]
            print(
                f"{'':<9} {rate:>5g} same run, ferretdb / memory: throughput "
                f"{f.throughput / m.throughput:.2f}, p50 "
                f"{_percentile(f.latency_ms, 50) / _percentile(m.latency_ms, 50):.1f}×, p99 "
                f"{_percentile(f.latency_ms, 99) / _percentile(m.latency_ms, 99):.1f}×",
                flush=True,
            )


if __name__ == "__main__":
    main()
