"""food-sim's scenarios: five awkward moments of a checkout, and the delivery after
it (restaurants and riders as actors), each run in memory on the simulated clock and
audited against the invariant it is about (docs/simulator.md).

``food-sim --scenario NAME`` runs one (``all`` runs each in turn); :func:`run_scenario`
is the same from Python. Each scenario module has ``NAME``, ``SUMMARY``, ``run(cfg)``
and the audit of its invariant as a function of the store and its ledger, so that a
test can hand it a tampered store and see the breach reported.
"""

from __future__ import annotations

from typing import NamedTuple

from services.simulator.config import SimConfig
from services.simulator.scenarios import (
    abandoned,
    closing,
    delivery,
    out_of_area,
    price_change,
    two_tabs,
)
from services.simulator.scenarios.common import Runner, ScenarioOutcome


class Scenario(NamedTuple):
    name: str
    summary: str
    run: Runner


SCENARIOS: dict[str, Scenario] = {
    module.NAME: Scenario(module.NAME, module.SUMMARY, module.run)
    for module in (two_tabs, price_change, closing, out_of_area, abandoned, delivery)
}
ALL = "all"


def run_scenario(name: str, cfg: SimConfig) -> ScenarioOutcome:
    return SCENARIOS[name].run(cfg)


__all__ = ["ALL", "SCENARIOS", "Scenario", "ScenarioOutcome", "run_scenario"]
