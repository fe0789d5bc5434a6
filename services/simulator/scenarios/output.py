"""How a scenario's outcome is shown: a table of what it did, then one line per
invariant (the same ✓/✗ lines as the customer simulation's audit), and as JSON."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from services.simulator.report import audit_dict
from services.simulator.scenarios.common import ScenarioOutcome
from services.simulator.summary import render_audit


def render_outcome(outcome: ScenarioOutcome, console: Console) -> None:
    table = Table(
        title=f"food-sim scenario {outcome.name} — {outcome.mode} mode, seed {outcome.seed}",
        min_width=50,
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in outcome.numbers.items():
        table.add_row(name, f"{value:,}" if isinstance(value, int) else f"{value:,.1f}")
    if outcome.mode == "memory":
        table.add_row("simulated time", f"{outcome.sim_s:,.0f} s")
    table.add_row("wall time", f"{outcome.wall_s:,.2f} s")
    table.add_row("audit", "[green]passed[/]" if outcome.audit.ok else "[red]FAILED[/]")
    console.print(table)
    for note in outcome.notes:
        console.print(f"  {note}", highlight=False)
    render_audit(outcome.audit, console)


def outcome_dict(outcome: ScenarioOutcome) -> dict[str, object]:
    return {
        "scenario": outcome.name,
        "mode": outcome.mode,
        "seed": outcome.seed,
        "numbers": outcome.numbers,
        "notes": outcome.notes,
        "sim_s": outcome.sim_s,
        "wall_s": outcome.wall_s,
        "audit": audit_dict(outcome.audit),
    }
