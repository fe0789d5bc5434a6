"""Benchmark: the whole local stack under load (FerretDB, payments, two replicas, Traefik).

One run starts a Stack on free ports and measures, all against 127.0.0.1:

1. ``wrk`` on restaurant search through Traefik;
2. ``wrk`` on ``/healthz`` through Traefik (the no-op ceiling of the whole path);
3. ``wrk`` on ``/healthz`` straight to one replica (the ceiling without Traefik);
4. checkouts (cart + order + pay by card through the Node payments service) from
   ``benchmarks.checkout_load``: a sweep over 1–32 concurrent customers, created before
   timing, bounded in count and time.

It does this for each store under the API (``--stores mongodb,postgresql``: FerretDB on
PostgreSQL, or the SQL adapter on the same PostgreSQL), one stack after the other in the
same run, so the two can be compared with the same-run ``/healthz`` ceiling.

Each phase reports throughput, p50/p99, errors and CPU seconds per stack process (from
``/proc/<pid>/stat`` before and after). Ratios compare phases of the same run:
search / no-op ceiling, and Traefik overhead = 1 − traefik/direct.

    python -m benchmarks.stack_load [--stores mongodb,postgresql] [--seconds 10]
        [--concurrency 1,2,4,8,16,32] [--checkout-seconds 8] [--json F --plot F.png]

``wrk`` is installed with apt when missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchmarks.checkout_load import Level, plot, save, sweep, table
from services.stack import Stack, StackConfig

GOALS = {
    "search_vs_ceiling": 0.50,  # search ≥ 50 % of the no-op ceiling through Traefik
    "traefik_overhead": 0.20,  # ≤ 20 %
    "checkout_rate": 40.0,  # checkouts/s (issue 11); Swiggy's record is 160/s
    "checkout_p99_ms": 500.0,  # (Swiggy: 150 ms)
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
        "postgres": stack.postgres,
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
    """CPU seconds per stack process (with its children: PostgreSQL's backends) and of
    this process, the load generator."""

    def __init__(self, stack: Stack) -> None:
        self.processes = _processes(stack)
        self.before: dict[str, float] = {}

    def _sample(self) -> dict[str, float]:
        # The tree is read at each sample: PostgreSQL starts a backend per connection.
        sample = {
            name: sum(_cpu_ticks(p) for p in _process_tree(pid)) / _TICKS
            for name, pid in self.processes.items()
        }
        t = os.times()  # this process and the children it waited for (wrk)
        sample["load generator"] = t.user + t.system + t.children_user + t.children_system
        return sample

    def start(self) -> None:
        self.before = self._sample()

    def stop(self) -> dict[str, float]:
        after = self._sample()
        return {n: after[n] - self.before.get(n, 0.0) for n in after}


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


# --- checkouts -----------------------------------------------------------------------


def run_checkouts(stack: Stack, args: argparse.Namespace) -> tuple[Phase, list[Level]]:
    """The concurrency sweep; the phase reported in the table is ``--workers`` customers."""
    meter = CpuMeter(stack)
    meter.start()
    levels = sweep(stack.config.web_url, _levels(args), args.checkout_seconds)
    cpu = meter.stop()
    at = next(lv for lv in levels if lv.concurrency == args.workers)
    done = sum(lv.checkouts for lv in levels)
    per_checkout = ", ".join(f"{n} {1000 * s / done:.1f}" for n, s in cpu.items() if done)
    total = 1000 * sum(cpu.values()) / done if done else 0.0
    phase = Phase(
        "checkout (cart + order + card payment), Traefik",
        requests=at.checkouts,
        seconds=at.seconds,
        p50_ms=at.p50_ms,
        p99_ms=at.p99_ms,
        errors=at.errors,
        cpu=cpu,
        note=f"{args.workers} customers, {args.checkout_seconds:g} s per level; CPU over "
        f"the whole sweep ({done} checkouts): CPU ms per checkout {per_checkout} — "
        f"{total:.0f} ms in all" + (f"; first error: {at.first_error}" if at.first_error else ""),
    )
    return phase, levels


def _levels(args: argparse.Namespace) -> list[int]:
    return sorted({int(n) for n in args.concurrency.split(",")} | {args.workers})


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
        f"- checkout: **{checkout.rate:.1f} checkouts/s**, p99 {checkout.p99_ms:.0f} ms, "
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


def run_store(store: str, wrk: str, args: argparse.Namespace) -> tuple[str, list[Level]]:
    with tempfile.TemporaryDirectory(prefix="stack-load-") as state:
        config = StackConfig.on_free_ports(Path(state), auth_rate=(10_000, 20_000), store=store)
        with Stack(config, log=lambda line: print(f"[stack] {line}", flush=True)) as stack:
            load = Path("/proc/loadavg").read_text().strip()
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
            phases["checkout"], levels = run_checkouts(stack, args)
            after = Path("/proc/loadavg").read_text().strip()
    text = "\n".join(
        [
            f"### store: {store}",
            f"load average before: {load}; after: {after}",
            "",
            report(phases),
            "",
            "Checkouts by concurrency:",
            "",
            table(levels),
        ]
    )
    return text, levels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", default="mongodb,postgresql", help="one stack each")
    parser.add_argument("--seconds", type=int, default=10, help="per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=16, help="customers in the table row")
    parser.add_argument("--concurrency", default="1,2,4,8,16,32", help="the checkout sweep")
    parser.add_argument("--checkout-seconds", type=float, default=8.0, help="per level")
    parser.add_argument("--json", type=Path, help="add each store's sweep to this file")
    parser.add_argument("--label", default="", help="prefix of the runs' labels in --json")
    parser.add_argument("--plot", type=Path, help="draw every run of --json to this PNG")
    args = parser.parse_args(argv)
    wrk = ensure_wrk()
    reports = []
    for store in [s.strip() for s in args.stores.split(",") if s.strip()]:
        text, levels = run_store(store, wrk, args)
        print(text, flush=True)
        reports.append(text)
        if args.json:
            label = f"{args.label}{store}".strip()
            save(args.json, label, levels, {"store": store})
    if args.json and args.plot:
        plot(args.json, args.plot)
    print("\n\n".join(reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
