"""The numbers a run ends with, and how they are shown (a rich table, a JSON file).

:meth:`Summary.numbers` holds what a seed determines; wall-clock figures (throughput,
latency) are kept apart so that two runs with one seed compare equal on ``numbers()``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from services.simulator.audit import AuditReport, OrderRecord
from services.simulator.ledger import Tally


@dataclass
class Latency:
    """Client-side request latencies in milliseconds (live mode)."""

    requests: int = 0
    p50: float = 0.0
    p90: float = 0.0
    p99: float = 0.0
    max: float = 0.0

    @classmethod
    def of(cls, samples_s: Sequence[float]) -> Latency:
        if not samples_s:
            return cls()
        ordered = sorted(samples_s)

        def pct(q: float) -> float:
            return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

        return cls(len(ordered), pct(0.50), pct(0.90), pct(0.99), ordered[-1] * 1000)


@dataclass
class Summary:
    mode: str  # "memory" or "live"
    seed: int
    customers: int
    orders: int = 0
    confirmed: int = 0  # orders confirmed or further along, at the end
    cancelled: int = 0
    payment_failed: int = 0  # orders left in PAYMENT_FAILED
    pending: int = 0  # orders left unpaid in PENDING_PAYMENT
    failed_payments: int = 0  # payment attempts that failed (declines, closed timeouts…)
    declines: int = 0
    retries: int = 0
    replays: int = 0
    double_clicks: int = 0
    payment_timeouts: int = 0
    cancels: int = 0
    closed_mid_checkout: int = 0
    browsed_only: int = 0
    carts_abandoned: int = 0
    orders_abandoned: int = 0
    checkouts: int = 0
    coupons_applied: int = 0  # WELCOME50 accepted on a cart
    coupons_refused: int = 0  # 422 coupon_invalid
    coupons_removed: int = 0
    tips: int = 0  # carts given a rider's tip
    orders_with_coupon: int = 0  # orders whose bill carries a discount
    swept: int = 0  # orders the final reconciliation sweep looked at (memory)
    unexpected_errors: dict[str, int] = field(default_factory=dict)
    order_statuses: dict[str, int] = field(default_factory=dict)
    payment_outcomes: dict[str, int] = field(default_factory=dict)
    audit_ok: bool = True
    failed_invariants: list[str] = field(default_factory=list)
    # Wall clock: not determined by the seed.
    wall_s: float = 0.0
    sim_s: float = 0.0  # simulated seconds (memory)
    latency: Latency | None = None  # live only
    transport_retries: int = 0  # live: resends after connection errors / 502-504
    replica_killed: str | None = None  # live: what --kill-replica-at did

    @property
    def customers_per_s(self) -> float:
        return self.customers / self.wall_s if self.wall_s else 0.0

    @property
    def orders_per_s(self) -> float:
        return self.orders / self.wall_s if self.wall_s else 0.0

    def numbers(self) -> dict[str, object]:
        """Everything the seed decides (memory mode): equal for equal seeds."""
        wall = {"wall_s", "latency", "transport_retries", "replica_killed"}
        return {k: v for k, v in vars(self).items() if k not in wall}

    def as_dict(self) -> dict[str, object]:
        data = dict(vars(self))
        data["latency"] = vars(self.latency) if self.latency else None
        data["customers_per_s"] = round(self.customers_per_s, 1)
        data["orders_per_s"] = round(self.orders_per_s, 1)
        return data


def build_summary(
    mode: str,
    seed: int,
    customers: int,
    tally: Tally,
    orders: Sequence[OrderRecord],
    audit: AuditReport,
    *,
    payment_outcomes: dict[str, int],
    wall_s: float,
    sim_s: float = 0.0,
    swept: int = 0,
) -> Summary:
    statuses = Counter(o.status for o in orders)
    return Summary(
        mode=mode,
        seed=seed,
        customers=customers,
        orders=len(orders),
        confirmed=sum(
            statuses[s] for s in ("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")
        ),
        cancelled=statuses["CANCELLED"],
        payment_failed=statuses["PAYMENT_FAILED"],
        pending=statuses["PENDING_PAYMENT"],
        failed_payments=sum(n for k, n in payment_outcomes.items() if k.startswith("FAILED")),
        declines=tally.declines,
        retries=tally.retries,
        replays=tally.replays,
        double_clicks=tally.double_clicks,
        payment_timeouts=tally.payment_timeouts,
        cancels=tally.cancels,
        closed_mid_checkout=tally.closed_mid_checkout,
        browsed_only=tally.browsed_only,
        carts_abandoned=tally.carts_abandoned,
        orders_abandoned=tally.orders_abandoned,
        checkouts=tally.checkouts,
        coupons_applied=tally.coupons_applied,
        coupons_refused=tally.coupons_refused,
        coupons_removed=tally.coupons_removed,
        tips=tally.tips,
        orders_with_coupon=sum(o.coupon_code is not None for o in orders),
        swept=swept,
        unexpected_errors=dict(sorted(tally.unexpected.items())),
        order_statuses=dict(sorted(statuses.items())),
        payment_outcomes=dict(sorted(payment_outcomes.items())),
        audit_ok=audit.ok,
        failed_invariants=[f.name for f in audit.failed],
        wall_s=wall_s,
        sim_s=sim_s,
    )


def payment_outcomes(orders: Sequence[OrderRecord], *, latest_only: bool) -> dict[str, int]:
    """Payment attempts by status (FAILED split by failure code where known).

    Memory mode counts every attempt; live mode sees only each order's latest one."""
    counts: Counter[str] = Counter()
    for o in orders:
        shown = o.payments[-1:] if latest_only else o.payments
        for p in shown:
            counts[p.payment_status] += 1
        if not o.payments:
            counts["none (unpaid)"] += 1
    return dict(counts)


def render(summary: Summary, console: Console) -> None:
    table = Table(title=f"food-sim — {summary.mode} mode, seed {summary.seed}", min_width=50)
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows: list[tuple[str, str]] = [
        ("customers", f"{summary.customers:,}"),
        ("  browsed only", f"{summary.browsed_only:,}"),
        ("  abandoned a cart", f"{summary.carts_abandoned:,}"),
        ("coupons applied / refused / removed", _coupons(summary)),
        ("tips", f"{summary.tips:,}"),
        ("checkout attempts", f"{summary.checkouts:,}"),
        ("orders", f"{summary.orders:,}"),
        ("  confirmed (or further)", f"{summary.confirmed:,}"),
        ("  cancelled", f"{summary.cancelled:,}"),
        ("  payment failed", f"{summary.payment_failed:,}"),
        ("  left unpaid", f"{summary.pending:,}"),
        ("  with a coupon", f"{summary.orders_with_coupon:,}"),
        ("failed payments", f"{summary.failed_payments:,}"),
        ("declines", f"{summary.declines:,}"),
        ("payment timeouts", f"{summary.payment_timeouts:,}"),
        ("double clicks", f"{summary.double_clicks:,}"),
        ("retries (same key)", f"{summary.retries:,}"),
        ("replays", f"{summary.replays:,}"),
        ("cancels", f"{summary.cancels:,}"),
        ("restaurant closed mid-checkout", f"{summary.closed_mid_checkout:,}"),
    ]
    if summary.mode == "memory":
        rows.append(("reconciled by the sweep", f"{summary.swept:,}"))
        rows.append(("simulated time", f"{summary.sim_s:,.0f} s"))
    if summary.unexpected_errors:
        errors = ", ".join(f"{k}={v}" for k, v in summary.unexpected_errors.items())
        rows.append(("unexpected errors", errors))
    rows.append(("wall time", f"{summary.wall_s:,.2f} s"))
    rows.append(
        (
            "throughput",
            f"{_rate(summary.customers_per_s)} customers/s, {_rate(summary.orders_per_s)} orders/s",
        )
    )
    if summary.latency is not None:
        lat = summary.latency
        rows.append(("requests", f"{lat.requests:,}"))
        rows.append(
            ("latency p50 / p90 / p99", f"{lat.p50:.1f} / {lat.p90:.1f} / {lat.p99:.1f} ms")
        )
        rows.append(("latency max", f"{lat.max:.1f} ms"))
        rows.append(("transport retries", f"{summary.transport_retries:,}"))
    if summary.replica_killed:
        rows.append(("fault injected", summary.replica_killed))
    rows.append(("audit", "[green]passed[/]" if summary.audit_ok else "[red]FAILED[/]"))
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)


def _coupons(summary: Summary) -> str:
    return (
        f"{summary.coupons_applied:,} / {summary.coupons_refused:,} / {summary.coupons_removed:,}"
    )


def _rate(per_s: float) -> str:
    return f"{per_s:,.2f}" if per_s < 10 else f"{per_s:,.0f}"


def render_audit(audit: AuditReport, console: Console) -> None:
    for finding in audit.findings.values():
        if not finding.checked:
            console.print(f"[yellow]–[/] {finding.name}: not checked in this mode")
        elif finding.ok:
            console.print(f"[green]✓[/] {finding.name}: {finding.description}")
        else:
            console.print(
                f"[red]✗ {finding.name}[/]: {finding.violations} violation(s) — "
                f"{finding.description}"
            )
            for example in finding.examples:
                console.print(f"    e.g. {example}", highlight=False)
