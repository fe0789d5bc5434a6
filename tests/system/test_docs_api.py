"""docs/api.md's curl examples, run in order as one shell script against the stack."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from services.stack import Stack

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_the_api_guide_examples_run_against_the_stack(healthy: Stack) -> None:
    if shutil.which("curl") is None:
        pytest.fail("curl is needed to run the API guide's examples")
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(), flags=re.DOTALL)
    assert len(blocks) >= 8
    script = "set -euo pipefail\n" + "\n".join(blocks)
    result = subprocess.run(
        ["bash", "-c", script],
        env=os.environ | {"BASE": healthy.config.web_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.split()
    assert lines[0] == "0"  # total_orders before ordering
    assert "True" in lines  # the delivery check of the address
    assert "CONFIRMED" in lines
    assert lines[-2:] == ["1", "quantity_out_of_range"]
