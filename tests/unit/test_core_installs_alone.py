"""The library installs on its own: ``pip install ./packages/food-core`` into a fresh
virtualenv brings food_core and attrs and nothing else, and the library guide's core-alone
example (docs/library.md, the python block after the ``food-core alone`` marker) runs there
and prints the text block the guide shows after it.

The install reaches the package index (attrs, and hatchling for the build). Without it the
slow test skips on a developer's machine and fails under CI (``CI`` set).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "packages" / "food-core"
GUIDE = ROOT / "docs" / "library.md"
MARKER = "<!-- food-core alone:"
CORE_PROJECT = tomllib.loads((CORE / "pyproject.toml").read_text())["project"]

# What a fresh virtualenv holds besides what was installed (pip; setuptools and wheel on
# some Pythons).
BOOTSTRAP = {"pip", "setuptools", "wheel"}
# Each must be missing from the core's virtualenv: the API's and adapters' drivers, the
# simulator's plotting and console libraries, and the project's own other packages (the
# stack code, services/devstack and services/stack, is in services).
MUST_NOT_IMPORT = (
    "starlette",
    "pymongo",
    "sqlalchemy",
    "matplotlib",
    "rich",
    "cattrs",
    "adapters",
    "services",
    "services.devstack",
)
NETWORK_TROUBLE = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Connection refused",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "No matching distribution found",
    "Could not find a version that satisfies",
)


def guide_core_example() -> tuple[str, str]:
    """The python block after the marker and the text block after that (what it prints)."""
    text = GUIDE.read_text(encoding="utf-8")
    assert text.count(MARKER) == 1, f"docs/library.md must mark one block with {MARKER!r}"
    after = text.split(MARKER, 1)[1]
    found = re.match(
        r".*?-->\s*```python\n(?P<code>.*?)```\s*\n(?P<prose>[^`]*)```text\n(?P<out>.*?)```",
        after,
        flags=re.DOTALL,
    )
    assert found, "the marker must be followed by a python block, then a text block"
    return found["code"], found["out"]


def test_the_guide_marks_a_core_alone_example_that_prints_what_it_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The fast half, in this process: the marked block prints the guide's text block and
    imports nothing but food_core (and the standard library)."""
    code, expected = guide_core_example()
    imported = {
        name.split(".")[0]
        for name in re.findall(r"^\s*(?:from|import)\s+([\w.]+)", code, flags=re.MULTILINE)
    }
    assert imported - set(sys.stdlib_module_names) == {"food_core"}
    exec(compile(code, str(GUIDE), "exec"), {})
    assert capsys.readouterr().out == expected


def test_the_core_distribution_asks_for_attrs_only_at_the_projects_pin() -> None:
    core = CORE_PROJECT
    root = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert core["name"] == "food-core"
    [attrs] = core["dependencies"]
    assert attrs in root["dependencies"], "food-core pins attrs as the root project does"
    assert attrs.startswith("attrs==")
    assert "food-core @ {root:uri}/packages/food-core" in root["dependencies"]
    uv_sources = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["sources"]
    assert uv_sources["food-core"] == {"path": "packages/food-core", "editable": True}
    linked = CORE / "src" / "food_core"
    assert linked.is_symlink() and linked.resolve() == (ROOT / "src" / "food_core").resolve()


def _clean_env() -> dict[str, str]:
    """This process's environment without what would let the venv see the repository or
    the virtualenv the tests run in."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PIP_REQUIRE_VIRTUALENV"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    return env


def _run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # -I: isolated (no current directory on sys.path, no PYTHON* variables, no user site),
    # so only what is installed in the venv is importable. -X utf8: the guide prints ₹.
    return subprocess.run(
        [str(python), "-I", "-X", "utf8", *args],
        cwd=cwd,
        env=_clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_food_core_installs_alone_and_runs_the_guides_example(tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"  # the venv runs from outside the clone
    home.mkdir()
    venv.EnvBuilder(with_pip=True, clear=True).create(tmp_path / "venv")
    python = tmp_path / "venv" / "bin" / "python"

    installed = _run(python, "-m", "pip", "install", "--quiet", str(CORE), cwd=home)
    if installed.returncode != 0:
        tail = (installed.stdout + installed.stderr)[-3000:]
        if not os.environ.get("CI") and any(sign in tail for sign in NETWORK_TROUBLE):
            pytest.skip(f"cannot reach the package index to install food-core:\n{tail}")
        pytest.fail(f"pip install {CORE} failed:\n{tail}")

    listing = _run(
        python,
        "-c",
        "import importlib.metadata as m, json, food_core\n"
        "print(json.dumps({'file': food_core.__file__, 'dists': {d.metadata['Name'].lower():"
        " {'requires': d.requires or [], 'files': [str(f) for f in d.files or []]}"
        " for d in m.distributions()}}))",
        cwd=home,
    )
    assert listing.returncode == 0, listing.stderr
    found = json.loads(listing.stdout)
    dists = found["dists"]
    assert set(dists) - BOOTSTRAP == {"food-core", "attrs"}
    assert dists["food-core"]["requires"] == CORE_PROJECT["dependencies"]
    # food_core comes from the venv, not from the clone, and the wheel holds nothing else.
    assert Path(found["file"]).is_relative_to(tmp_path / "venv")
    tops = {Path(name).parts[0] for name in dists["food-core"]["files"]}
    assert tops == {"food_core", f"food_core-{CORE_PROJECT['version']}.dist-info"}, tops

    for module in MUST_NOT_IMPORT:
        tried = _run(python, "-c", f"import {module}", cwd=home)
        assert tried.returncode != 0, f"{module} is importable next to food-core alone"
        assert "ModuleNotFoundError" in tried.stderr, tried.stderr

    code, expected = guide_core_example()
    example = home / "guide_example.py"
    example.write_text(code, encoding="utf-8")
    ran = _run(python, str(example), cwd=home)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == expected
