"""``food-sim``: simulate customers ordering food, then audit what they left behind;
``food-sim --scenario NAME`` runs one of the checkout scenarios and its audit instead.

Exit codes: 0 the audit passed; 1 an invariant failed; 2 bad options; 3 the run could
not be carried out (live target unreachable, replica pid not found…).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from services.simulator.audit import AuditReport
from services.simulator.config import (
    DEFAULT_MIX,
    ConfigError,
    Rates,
    SimConfig,
    check_target,
    parse_mix,
)
from services.simulator.report import Timeline, audit_dict, write_report
from services.simulator.summary import Summary, render, render_audit

if TYPE_CHECKING:
    from services.simulator.scenarios.common import ScenarioOutcome

EXIT_OK, EXIT_AUDIT_FAILED, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3
CUSTOMERS = 10_000
SCENARIO_CUSTOMERS = 1_000  # per scenario: each is about one moment, not about load
# Kept in step with services.simulator.scenarios.SCENARIOS (a test checks), so that
# --help does not import the core to list them.
SCENARIO_NAMES = ("two-tabs", "price-change", "closing", "out-of-area", "abandoned", "delivery")
LIVE_SCENARIO = "two-tabs"  # the one a client of the HTTP API can play whole


class RunFailed(RuntimeError):
    """The run itself could not be carried out (not an invariant failure)."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="food-sim",
        description="Simulate customers through signup → search → cart → order → pay, "
        "in memory (default) or against a running stack, then audit the result.",
        epilog="Exit codes: 0 audit passed, 1 an invariant failed, 2 bad options, "
        "3 the run could not be carried out. See docs/simulator.md.",
    )
    p.add_argument(
        "--customers",
        type=int,
        help=f"how many (default {CUSTOMERS:,}; {SCENARIO_CUSTOMERS:,} with --scenario)",
    )
    p.add_argument("--seed", type=int, default=1, help="same seed, same run (default 1)")
    p.add_argument(
        "--mix",
        default=DEFAULT_MIX,
        help=f"share of each kind of customer, adding up to 1 (default {DEFAULT_MIX})",
    )
    rates = Rates()
    for name, help_text in (
        ("decline", "first payment declined (card/UPI)"),
        ("double-click", "a checkout POST sent twice with one key"),
        ("retry", "a checkout POST's answer lost, resent with the same key"),
        ("timeout", "the payment gateway does not answer (memory mode)"),
        ("cancel", "a confirmed order is cancelled"),
        ("coupon", "a customer checking out types a coupon code (mostly WELCOME50)"),
        ("tip", "a customer checking out tips the rider ₹20, ₹30 or ₹50"),
    ):
        default = getattr(rates, name.replace("-", "_"))
        p.add_argument(
            f"--{name}-rate",
            type=float,
            default=default,
            metavar="P",
            help=f"probability per customer: {help_text} (default {default:g})",
        )
    p.add_argument(
        "--scenario",
        choices=[*SCENARIO_NAMES, "all"],
        metavar="NAME",
        help="run one checkout scenario and its audit instead of the customer mix "
        f"(in memory; {LIVE_SCENARIO} also live with --target): {', '.join(SCENARIO_NAMES)}, "
        "or all of them",
    )
    memory = p.add_argument_group("memory mode")
    memory.add_argument(
        "--arrival-rate",
        type=float,
        default=20.0,
        metavar="PER_S",
        help="customers arriving per simulated second (default 20)",
    )
    live = p.add_argument_group("live mode")
    live.add_argument("--target", metavar="URL", help="a running stack, e.g. http://127.0.0.1:8080")
    live.add_argument("--concurrency", type=int, default=16, help="customers at once (default 16)")
    live.add_argument(
        "--max-seconds",
        type=float,
        default=900.0,
        help="stop starting customers after this long (default 900)",
    )
    live.add_argument(
        "--request-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="per request; a request that times out is resent with the same key (default 10)",
    )
    live.add_argument(
        "--kill-replica-at",
        type=float,
        metavar="SECONDS",
        help="SIGKILL one API replica this long after the start",
    )
    live.add_argument("--replica-pid", type=int, metavar="PID", help="the replica to kill")
    live.add_argument(
        "--replica-pidfile", type=Path, metavar="PATH", help="a file holding the replica's pid"
    )
    out = p.add_argument_group("output")
    out.add_argument("--report", type=Path, metavar="DIR", help="write an HTML report with plots")
    out.add_argument(
        "--json", type=Path, metavar="FILE", help="write the summary and audit as JSON"
    )
    out.add_argument("--no-progress", action="store_true", help="no progress bar")
    out.add_argument("--profile", type=Path, metavar="FILE", help="cProfile the run into FILE")
    return p


def config_from(args: argparse.Namespace) -> SimConfig:
    default = SCENARIO_CUSTOMERS if args.scenario else CUSTOMERS
    return SimConfig(
        customers=default if args.customers is None else args.customers,
        seed=args.seed,
        mix=parse_mix(args.mix),
        rates=Rates(
            decline=args.decline_rate,
            double_click=args.double_click_rate,
            retry=args.retry_rate,
            timeout=args.timeout_rate,
            cancel=args.cancel_rate,
            coupon=args.coupon_rate,
            tip=args.tip_rate,
        ),
        arrival_rate=args.arrival_rate,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console = Console(highlight=False)
    try:
        cfg = config_from(args)
        target = check_target(args.target) if args.target else None
        if args.kill_replica_at is not None and target is None:
            raise ConfigError("--kill-replica-at needs --target (live mode)")
        if args.kill_replica_at is not None and (args.replica_pid is None) == (
            args.replica_pidfile is None
        ):
            raise ConfigError(
                "--kill-replica-at needs exactly one of --replica-pid, --replica-pidfile"
            )
        if args.concurrency < 1:
            raise ConfigError("--concurrency must be at least 1")
        if not 0.1 <= args.request_timeout <= 300:
            raise ConfigError("--request-timeout must be between 0.1 and 300 seconds")
        if args.scenario:
            _check_scenario_options(args)
    except ConfigError as error:
        console.print(f"[red]food-sim: {error}[/]")
        return EXIT_USAGE
    if args.scenario:
        from services.simulator.scenarios.common import ScenarioError

        try:
            with _profiled(args.profile):
                return run_scenarios(args.scenario, cfg, args, console)
        except ScenarioError as error:
            console.print(f"[red]food-sim: the scenario could not be set up: {error}[/]")
            return EXIT_RUN_FAILED
        except RunFailed as error:
            console.print(f"[red]food-sim: the run could not be carried out: {error}[/]")
            return EXIT_RUN_FAILED
    show_progress = not args.no_progress and console.is_terminal
    try:
        with _profiled(args.profile):
            if target is None:
                summary, audit, timeline = _run_memory(cfg, args, console, show_progress)
            else:
                summary, audit, timeline = _run_live(cfg, target, args, console, show_progress)
    except RunFailed as error:
        console.print(f"[red]food-sim: the run could not be carried out: {error}[/]")
        return EXIT_RUN_FAILED
    return finish(summary, audit, timeline, args, console)


def finish(
    summary: Summary,
    audit: AuditReport,
    timeline: Timeline,
    args: argparse.Namespace,
    console: Console,
) -> int:
    """Show the summary and the audit, write what was asked for, pick the exit code."""
    render(summary, console)
    render_audit(audit, console)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = {**summary.as_dict(), "audit": audit_dict(audit)}
        args.json.write_text(json.dumps(data, indent=2, default=str) + "\n")
    if args.report is not None:
        page = write_report(args.report, summary, audit, timeline)
        console.print(f"report: {page}")
    if not audit.ok:
        names = ", ".join(f.name for f in audit.failed)
        console.print(f"[red]food-sim: invariant(s) failed: {names}[/]")
        return EXIT_AUDIT_FAILED
    return EXIT_OK


def _check_scenario_options(args: argparse.Namespace) -> None:
    """A scenario picks its own customers' behaviour: options about the mix, the replica
    kill or the HTML report do not apply and are refused rather than silently ignored.
    Only two-tabs runs live: the others move the clock, change prices or take the
    gateway down, which a running stack does not let a client do."""
    if args.target is not None and args.scenario != LIVE_SCENARIO:
        raise ConfigError(
            f"--scenario {args.scenario} runs in memory only (it moves the clock, changes "
            f"prices or takes the gateway down); --target works with --scenario {LIVE_SCENARIO}"
        )
    if args.kill_replica_at is not None:
        raise ConfigError("--kill-replica-at does not apply to --scenario")
    if args.mix != DEFAULT_MIX:
        raise ConfigError("--mix does not apply to --scenario (each picks its customers)")
    if args.report is not None:
        raise ConfigError("--report is for the customer mix; use --json with --scenario")


def run_scenarios(name: str, cfg: SimConfig, args: argparse.Namespace, console: Console) -> int:
    """Run one scenario (or all), show each outcome, write --json, pick the exit code."""
    from services.simulator.scenarios import ALL, SCENARIOS
    from services.simulator.scenarios.output import outcome_dict, render_outcome

    names = list(SCENARIOS) if name == ALL else [name]
    outcomes = []
    for each in names:
        outcome = _run_live_scenario(cfg, args) if args.target else SCENARIOS[each].run(cfg)
        render_outcome(outcome, console)
        outcomes.append(outcome)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = [outcome_dict(o) for o in outcomes]
        args.json.write_text(json.dumps(data if name == ALL else data[0], indent=2) + "\n")
    failed = [o for o in outcomes if not o.audit.ok]
    for outcome in failed:
        names_failed = ", ".join(f.name for f in outcome.audit.failed)
        console.print(
            f"[red]food-sim: scenario {outcome.name}: invariant(s) failed: {names_failed}[/]"
        )
    return EXIT_AUDIT_FAILED if failed else EXIT_OK


def _run_live_scenario(cfg: SimConfig, args: argparse.Namespace) -> ScenarioOutcome:
    from services.simulator.live import LiveError
    from services.simulator.scenarios.two_tabs_live import simulate_two_tabs_live

    try:
        return simulate_two_tabs_live(
            check_target(args.target),
            cfg,
            concurrency=args.concurrency,
            max_seconds=args.max_seconds,
            request_timeout=args.request_timeout,
        )
    except LiveError as error:
        raise RunFailed(str(error)) from error


def _run_memory(
    cfg: SimConfig, args: argparse.Namespace, console: Console, show: bool
) -> tuple[Summary, AuditReport, Timeline]:
    from services.simulator.world import simulate_memory

    with _progress(console, cfg.customers, show) as advance:
        outcome = simulate_memory(cfg, on_progress=advance)
    return outcome.summary, outcome.audit, outcome.timeline


def _run_live(
    cfg: SimConfig, target: str, args: argparse.Namespace, console: Console, show: bool
) -> tuple[Summary, AuditReport, Timeline]:
    from services.simulator.live import LiveError, ReplicaKill, simulate_live

    kill = None
    if args.kill_replica_at is not None:
        kill = ReplicaKill(args.kill_replica_at, pid=args.replica_pid, pidfile=args.replica_pidfile)
    try:
        with _progress(console, cfg.customers, show) as advance:
            outcome = simulate_live(
                target,
                cfg,
                concurrency=args.concurrency,
                max_seconds=args.max_seconds,
                kill=kill,
                on_progress=advance,
                request_timeout=args.request_timeout,
            )
    except LiveError as error:
        raise RunFailed(str(error)) from error
    return outcome.summary, outcome.audit, outcome.timeline


@contextmanager
def _progress(console: Console, total: int, show: bool) -> Iterator[Callable[[int], None] | None]:
    if not show:
        yield None
        return
    with Progress(
        TextColumn("customers"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("customers", total=total)

        def advance(done: int) -> None:
            progress.update(task, completed=done)

        yield advance


@contextmanager
def _profiled(path: Path | None) -> Iterator[None]:
    if path is None:
        yield
        return
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        profiler.dump_stats(str(path))


if __name__ == "__main__":
    sys.exit(main())
