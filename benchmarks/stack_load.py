"""Benchmark: the whole local stack under load (FerretDB, payments, two replicas, Traefik).

One run starts a Stack on free ports and measures, all against 127.0.0.1:

1. ``wrk`` on restaurant search through Traefik;
2. ``wrk`` on ``/healthz`` through Traefik (the no-op ceiling of the whole path);
3. ``wrk`` on ``/healthz`` straight to one replica (the ceiling without Traefik);
4. checkouts (place order + pay by card through the Node payments service) from a Python
   driver: threads + httpx, customers created before timing, bounded in count and time.

Each phase reports throughput, p50/p99, errors and CPU seconds per stack process (from
``/proc/<pid>/stat`` before and after). Ratios compare phases of the same run:
search / no-op ceiling, and Traefik overhead = 1 − traefik/direct.

    python -m benchmarks.stack_load [--seconds 10] [--checkout-seconds 15]

``wrk`` is installed with apt when missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from services.stack import Stack, StackConfig
from tests.system.journeys import GOOD_CARD, Customer

GOALS = {
    "search_vs_ceiling": 0.50,  # search ≥ 50 % of the no-op ceiling through Traefik
    "traefik_overhead": 0.20,  # ≤ 20 %
    "checkout_rate": 160.0,  # orders/s
    "checkout_p99_ms": 150.0,
}
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Phase:
    name: str
    requests: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    cpu: dict[str, float] = field(default_factory=dict)
    note: str = ""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


# --- CPU per process -------------------------------------------------------------------


def _processes(stack: Stack) -> dict[str, int]:
    named = {
        "ferretdb": stack.ferretdb,
        "payments": stack.payments,
        "api-a": stack.replicas[0].server,
        "api-b": stack.replicas[1].server,
        "traefik": stack.traefik,
    }
    return {name: s.process.pid for name, s in named.items() if s is not None}


def _cpu_ticks(pid: int) -> int:
    """utime + stime of a process and its reaped children (fields 14–17 of stat)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat[stat.rindex(")") + 2 :].split()
    return sum(int(f) for f in fields[11:15])


def _process_tree(pid: int) -> list[int]:
    """The process and its descendants (a ManagedProcess may wrap its server)."""
    found = [pid]
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        if ppid == pid:
            found += _process_tree(int(proc.name))
    return found


class CpuMeter:
    def __init__(self, stack: Stack) -> None:
        self.pids = {name: _process_tree(pid) for name, pid in _processes(stack).items()}
        self.before: dict[str, int] = {}

    def _sample(self) -> dict[str, int]:
        return {name: sum(_cpu_ticks(p) for p in pids) for name, pids in self.pids.items()}

    def start(self) -> None:
        self.before = self._sample()

    def stop(self) -> dict[str, float]:
        after = self._sample()
        return {n: (after[n] - self.before.get(n, 0)) / _TICKS for n in after}


# --- wrk ---------------------------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "apt-get"]
    subprocess.run([*apt, "update"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*apt, "install", "-y", "wrk"], check=True, stdout=subprocess.DEVNULL)
    found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk could not be installed")
    return found


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def run_wrk(wrk: str, name: str, url: str, stack: Stack, args: argparse.Namespace) -> Phase:
    meter = CpuMeter(stack)
    meter.start()
    command = [
        wrk,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.seconds}s",
        "--latency",
        "--timeout",
        "5s",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    phase = Phase(name, cpu=meter.stop(), note=" ".join(command[1:]))
    out = result.stdout
    done = re.search(r"(\d+) requests in ([\d.]+)(ms|s)", out)
    assert done, out
    phase.requests = int(done.group(1))
    phase.seconds = float(done.group(2)) / (1000 if done.group(3) == "ms" else 1)
    for percent, attr in (("50", "p50_ms"), ("99", "p99_ms")):
        found = re.search(rf"^\s+{percent}(?:\.000)?%\s+(\S+)", out, re.MULTILINE)
        if found:
            setattr(phase, attr, _ms(found.group(1)))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    phase.errors = int(non2xx.group(1)) if non2xx else 0
    if sockets:
        phase.errors += sum(int(g) for g in sockets.groups())
    return phase


# --- checkout driver ---------------------------------------------------------------------


def run_checkouts(stack: Stack, args: argparse.Namespace) -> Phase:
    url = stack.config.web_url
    with httpx.Client(base_url=url, timeout=30.0) as setup:
        customers = [Customer(setup) for _ in range(args.workers)]
        dish = customers[0].first_available_dish()
    # The cart is filled before timing: the measured checkout is place order + pay.
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    meter = CpuMeter(stack)
    stop_at = 0.0

    def worker(customer: Customer) -> None:
        with httpx.Client(base_url=url, timeout=30.0) as client:
            customer.client = client
            for _ in range(args.max_checkouts_per_worker):
                if time.monotonic() > stop_at:
                    return
                started = time.perf_counter()
                try:
                    placed = customer.order(dish, str(uuid.uuid4()))
                    if placed.status_code != 201:
                        raise RuntimeError(f"order {placed.status_code} {placed.text[:120]}")
                    order_id = placed.json()["order_id"]
                    paid = customer.post(
                        f"/api/v1/orders/{order_id}/payment",
                        {"payment_mode": "CARD", "card": GOOD_CARD},
                        str(uuid.uuid4()),
                    )
                    if paid.status_code != 200:
                        raise RuntimeError(f"pay {paid.status_code} {paid.text[:120]}")
                except (httpx.HTTPError, RuntimeError, AssertionError) as error:
                    with lock:
                        errors.append(str(error))
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)

    meter.start()
    began = time.monotonic()
    stop_at = began + args.checkout_seconds
    with ThreadPoolExecutor(max_workers=len(customers)) as pool:
        list(pool.map(worker, customers))
    seconds = time.monotonic() - began
    latencies.sort()
    phase = Phase(
        "checkout (cart add + place order + pay by card), through Traefik",
        requests=len(latencies),
        seconds=seconds,
        errors=len(errors),
        cpu=meter.stop(),
        note=f"{args.workers} worker threads, ≤ {args.checkout_seconds:g} s",
    )
    if latencies:
        phase.p50_ms = latencies[len(latencies) // 2]
        phase.p99_ms = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    if errors:
        phase.note += f"; first error: {errors[0]}"
    return phase


# --- report ------------------------------------------------------------------------------


def _row(phase: Phase) -> str:
    cpu = ", ".join(f"{n} {s:.1f}" for n, s in phase.cpu.items())
    return (
        f"| {phase.name} | {phase.rate:,.0f}/s | {phase.p50_ms:.1f} | {phase.p99_ms:.1f} | "
        f"{phase.errors} | {cpu} |"
    )


def report(phases: dict[str, Phase]) -> str:
    search, ceiling, direct = phases["search"], phases["healthz"], phases["direct"]
    checkout = phases["checkout"]
    search_ratio = search.rate / ceiling.rate if ceiling.rate else 0.0
    overhead = 1 - ceiling.rate / direct.rate if direct.rate else 0.0

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    lines = [
        "| phase | throughput | p50 ms | p99 ms | errors | CPU s per process |",
        "|---|---|---|---|---|---|",
        *(_row(p) for p in phases.values()),
        "",
        f"- search / no-op ceiling through Traefik: **{search_ratio:.1%}** "
        f"(goal ≥ {GOALS['search_vs_ceiling']:.0%}: {verdict(search_ratio >= 0.5)})",
        f"- Traefik overhead = 1 − traefik/direct on /healthz: **{overhead:.1%}** "
        f"(goal ≤ {GOALS['traefik_overhead']:.0%}: {verdict(overhead <= 0.2)})",
        f"- checkout: **{checkout.rate:.1f} orders/s**, p99 {checkout.p99_ms:.0f} ms, "
        f"{checkout.errors} errors (goal ≥ {GOALS['checkout_rate']:.0f}/s, p99 ≤ "
        f"{GOALS['checkout_p99_ms']:.0f} ms, 0 errors: "
        + verdict(
            checkout.rate >= GOALS["checkout_rate"]
            and checkout.p99_ms <= GOALS["checkout_p99_ms"]
            and checkout.errors == 0
        )
        + ")",
    ]
    lines += [f"- {p.name}: {p.note}" for p in phases.values() if p.note]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=16, help="checkout driver threads")
    parser.add_argument("--checkout-seconds", type=float, default=15.0)
    parser.add_argument("--max-checkouts-per-worker", type=int, default=2000)
    args = parser.parse_args(argv)
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="stack-load-") as state:
        config = StackConfig.on_free_ports(Path(state), auth_rate=(10_000, 20_000))
        with Stack(config, log=lambda line: print(f"[stack] {line}", flush=True)) as stack:
            print(f"load average before: {Path('/proc/loadavg').read_text().strip()}")
            with httpx.Client(base_url=config.web_url) as client:
                pincode = client.get("/api/v1/cities").json()["cities"][0]["pincode"]
            phases: dict[str, Any] = {}
            phases["search"] = run_wrk(
                wrk,
                "search (GET /cities/{pin}/restaurants?q=a), Traefik",
                f"{config.web_url}/api/v1/cities/{pincode}/restaurants?q=a",
                stack,
                args,
            )
            phases["healthz"] = run_wrk(
                wrk, "no-op /healthz, Traefik", f"{config.web_url}/healthz", stack, args
            )
            phases["direct"] = run_wrk(
                wrk, "no-op /healthz, replica A direct", f"{config.api_url(0)}/healthz", stack, args
            )
            phases["checkout"] = run_checkouts(stack, args)
            print(f"load average after: {Path('/proc/loadavg').read_text().strip()}")
    print(report(phases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
