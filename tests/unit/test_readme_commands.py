"""The README's two commands are what the project runs: CI runs exactly the test command,
and the start command runs the stack."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_readme_gives_two_commands_start_then_test() -> None:
    start, test = _readme_commands()
    assert start.endswith("&& nox -s up")
    assert test.endswith("&& nox")


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    _start, test = _readme_commands()
    lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip()]
    assert lines[-1] == test
