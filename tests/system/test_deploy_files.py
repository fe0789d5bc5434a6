"""The production compose deployment, checked without Docker (issue 12): there is no
Docker engine here, so ``deploy/render.py --check`` checks the files statically, and the
MongoDB init script runs under Node with a recording stand-in for mongosh's ``db``."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
GOOD = {
    "MONGO_API_PASSWORD": "a" * 20 + "B-c_d" * 4,
    "MONGO_PAYMENTS_PASSWORD": "z" * 32,
}

# mongosh runs the script with the globals db and print; this stand-in records what the
# script does with them.
RUNNER = """
const fs = require("fs"), vm = require("vm");
const made = [];
const db = { getSiblingDB: (name) => ({
  getUser: () => null,
  createUser: (spec) => made.push({ database: name, ...spec }),
}) };
let error = null;
try {
  vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"),
    { db, print: () => {}, process: { env: JSON.parse(process.argv[2]) } });
} catch (e) { error = String(e.message || e); }
console.log(JSON.stringify({ made, error }));
"""


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deploy_render", DEPLOY / "render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _init_users(env: dict[str, str]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node is not None, "node is needed (the payments service runs on it)"
    result = subprocess.run(
        [node, "-e", RUNNER, str(DEPLOY / "mongo" / "init-users.js"), json.dumps(env)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    outcome: dict[str, Any] = json.loads(result.stdout)
    return outcome


def test_the_production_compose_passes_its_static_checks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # TLS with HSTS and a redirect at Traefik, Traefik's fixed address as the only trusted
    # proxy, MongoDB with a user per service, the Node LTS images: see deploy/render.py.
    _render_module().check()

    assert "agree" in capsys.readouterr().out


def test_mongo_init_makes_one_user_per_service_with_its_own_database_only() -> None:
    outcome = _init_users(GOOD)

    assert outcome["error"] is None
    assert outcome["made"] == [
        {
            "database": "food",
            "user": "food_api",
            "pwd": GOOD["MONGO_API_PASSWORD"],
            "roles": [{"role": "readWrite", "db": "food"}],
        },
        {
            "database": "payments",
            "user": "payments",
            "pwd": GOOD["MONGO_PAYMENTS_PASSWORD"],
            "roles": [{"role": "readWrite", "db": "payments"}],
        },
    ]


@pytest.mark.parametrize(
    "password",
    [
        "",
        "short_but_fine_chars",
        "CHANGE_ME_mongo_food_api_password_32_characters",
        "has/a/slash/that/breaks/the/connection/url",
    ],
    ids=["missing", "short", "placeholder", "not-url-safe"],
)
def test_mongo_init_refuses_a_password_that_is_missing_weak_or_not_url_safe(
    password: str,
) -> None:
    outcome = _init_users({**GOOD, "MONGO_API_PASSWORD": password})

    assert outcome["made"] == []
    assert "MONGO_API_PASSWORD" in outcome["error"]
