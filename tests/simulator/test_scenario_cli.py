"""food-sim --scenario: every scenario passes from the command line, a broken invariant
exits 1 naming it, the order and the customer, and options that do not apply exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from food_core.model import CancelReason
from food_core.usecases import Ports
from food_core.usecases.changing import change_order
from services.simulator import cli
from services.simulator.cli import EXIT_AUDIT_FAILED, EXIT_OK, EXIT_RUN_FAILED, EXIT_USAGE, main
from services.simulator.scenarios import SCENARIOS, abandoned, closing
from services.simulator.scenarios.common import ScenarioError


def test_the_cli_lists_every_scenario() -> None:
    assert list(cli.SCENARIO_NAMES) == list(SCENARIOS)


def test_all_scenarios_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scenarios.json"
    code = main(["--scenario", "all", "--customers", "150", "--seed", "3", "--json", str(out)])
    printed = capsys.readouterr().out
    assert code == EXIT_OK, printed
    results = json.loads(out.read_text())
    assert [r["scenario"] for r in results] == list(SCENARIOS)
    for result in results:
        assert result["audit"]["ok"] is True, result["scenario"]
        assert result["numbers"]["customers"] == 150
    for name in SCENARIOS:
        assert f"food-sim scenario {name} — memory mode, seed 3" in printed


def test_one_scenario_writes_its_json(tmp_path: Path) -> None:
    out = tmp_path / "closing.json"
    assert main(["--scenario", "closing", "--customers", "100", "--json", str(out)]) == EXIT_OK
    result = json.loads(out.read_text())
    assert result["scenario"] == "closing"
    assert result["audit"]["invariants"]["ordered_while_open"]["violations"] == 0


def _expire_without_asking(ports: Ports, *, waited: timedelta) -> int:
    now = ports.clock.now()
    for order in ports.orders.list_unpaid(now - waited, 100):
        change_order(ports, order.order_id, lambda o: o.cancelled(now, CancelReason.UNPAID))
    return 0


def test_a_broken_invariant_exits_1_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(abandoned, "expire_unpaid_orders", _expire_without_asking)
    code = main(["--scenario", "abandoned", "--customers", "100"])
    printed = capsys.readouterr().out
    assert code == EXIT_AUDIT_FAILED
    assert "✗ paid_never_expired" in printed
    assert "(payment_not_completed) though its charge was captured" in printed
    assert "e.g. order " in printed and "(customer " in printed
    assert "food-sim: scenario abandoned: invariant(s) failed: paid_never_expired" in printed


def test_a_scenario_that_cannot_be_set_up_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_closing(*_args: object) -> None:
        raise ScenarioError("no restaurant of the catalog closes within a week of the start")

    monkeypatch.setattr(closing, "first_closing", no_closing)
    assert main(["--scenario", "closing", "--customers", "10"]) == EXIT_RUN_FAILED


@pytest.mark.parametrize(
    "argv",
    [
        ["--scenario", "price-change", "--target", "http://127.0.0.1:8080"],  # memory only
        ["--scenario", "two-tabs", "--target", "http://10.0.0.5:8080"],  # loopback only
        ["--scenario", "two-tabs", "--kill-replica-at", "5", "--replica-pid", "1234"],
        ["--scenario", "two-tabs", "--mix", "cod=1"],
        ["--scenario", "two-tabs", "--report", "out"],
        ["--scenario", "closing", "--customers", "-1"],
    ],
)
def test_options_that_do_not_apply_exit_2(argv: list[str]) -> None:
    assert main(argv) == EXIT_USAGE


def test_an_unknown_scenario_exits_2() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--scenario", "pizza-rain"])
    assert exited.value.code == EXIT_USAGE


def test_the_console_script_runs_a_scenario(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("food-sim")
    assert script.exists(), "console script missing: run `uv pip install -p .venv -e .`"
    result = subprocess.run(
        [str(script), "--scenario", "out-of-area", "--customers", "100"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ delivers_in_its_area" in result.stdout
