"""--report writes a self-contained HTML page and its PNG plots."""

from __future__ import annotations

import re
from pathlib import Path

from services.simulator.cli import EXIT_OK, main
from services.simulator.config import SimConfig
from services.simulator.live import simulate_live
from services.simulator.report import write_report
from tests.simulator.fake_api import FakeApi

PNG = b"\x89PNG\r\n\x1a\n"


def _images(page: Path) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', page.read_text())


def test_memory_report(tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert main(["--customers", "500", "--seed", "5", "--no-progress", "--report", str(out)]) == 0
    page = out / "index.html"
    images = _images(page)
    assert images == ["orders_per_second.png", "order_status.png", "payment_outcomes.png"]
    for name in images:  # referenced relatively, and really PNGs
        assert (out / name).read_bytes().startswith(PNG)
    text = page.read_text()
    assert "http" not in text.replace("<!doctype html>", "")  # nothing fetched from anywhere
    assert "duplicate_orders" in text and "passed" in text
    assert (out / "summary.json").exists()


def test_live_report_has_the_latency_histogram(tmp_path: Path) -> None:
    outcome = simulate_live(
        "http://127.0.0.1:8080",
        SimConfig(customers=60, seed=4),
        concurrency=4,
        transport=FakeApi().transport(),
    )
    page = write_report(tmp_path, outcome.summary, outcome.audit, outcome.timeline)
    assert "latency.png" in _images(page)
    assert (tmp_path / "latency.png").read_bytes().startswith(PNG)
    assert EXIT_OK == 0
