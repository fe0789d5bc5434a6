"""Run the web app's end-to-end suite against the real stack (what ``nox -s e2e`` runs).

``python -m tests.e2e.runner``: starts FerretDB, payments, two API replicas serving
``webapp/dist`` and Traefik on free ports (``services.stack``), a control endpoint for
killing replicas (:mod:`tests.e2e.control`), then ``npm run test:e2e`` in ``webapp/`` with
the URLs in its environment. Exit status: the suite's. The stack or Chromium failing to
start is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from services.devstack.server import ServerStartError
from services.stack import Stack, StackConfig
from services.stack.config import REPO_ROOT
from services.stack.seed import DEMO_EMAIL, PARTNER_EMAIL, RIDERS_PER_CITY, rider_email
from tests.e2e.control import ControlServer

WEBAPP = REPO_ROOT / "webapp"
ARTIFACTS = WEBAPP / "artifacts"
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
# Every browser and API client of the suite shares 127.0.0.1 (see tests/system/conftest.py).
AUTH_RATE = (500, 1000)
# Slow enough that a payment is still in flight when a replica is killed.
PAYMENTS_LATENCY_MS = "300"
# A restaurant that does not answer loses the order after FOOD_PARTNER_ACCEPT_S (the
# sweep, every FOOD_RECONCILE_INTERVAL_S, cancels and refunds it): short enough for a
# case to watch it happen, long enough for the other cases, which check an order CONFIRMED
# within seconds of placing it and never leave one waiting longer.
PARTNER_ACCEPT_S = "40"
RECONCILE_INTERVAL_S = "2"


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through ``finally``: the stack is stopped


def run(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    if not Path(CHROMIUM).exists():
        print(f"[e2e] Chromium not found at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 1
    dist = WEBAPP / "dist"
    if not (dist / "index.html").is_file():
        print(f"[e2e] {dist} has no build: run `npm run build` in webapp/", file=sys.stderr)
        return 1
    state = ARTIFACTS / "e2e-stack"
    shutil.rmtree(state, ignore_errors=True)
    config = StackConfig.on_free_ports(
        state,
        auth_rate=AUTH_RATE,
        webapp_dist=dist,
        extra_payments_env={"PAYMENTS_LATENCY_MS": PAYMENTS_LATENCY_MS},
        extra_api_env={
            "FOOD_PARTNER_ACCEPT_S": PARTNER_ACCEPT_S,
            "FOOD_RECONCILE_INTERVAL_S": RECONCILE_INTERVAL_S,
        },
    )
    stack = Stack(config, log=lambda line: print(f"[stack] {line}", flush=True))
    try:
        stack.start()
    except ServerStartError as error:
        print(f"[e2e] the stack could not start: {error}", file=sys.stderr)
        return 1
    try:
        stack.supervise_in_background()
        assert stack.secrets is not None
        with ControlServer(stack) as control:
            env = os.environ | {
                "E2E_BASE_URL": config.web_url,
                "E2E_CONTROL_URL": control.url,
                "E2E_CHROMIUM": CHROMIUM,
                "E2E_ARTIFACTS": str(ARTIFACTS / "e2e"),
                "E2E_DEMO_EMAIL": DEMO_EMAIL,
                "E2E_PARTNER_EMAIL": PARTNER_EMAIL,
                # Every city's demo riders: "{pincode}" stands for the city's PIN code.
                "E2E_RIDER_EMAILS": ",".join(
                    rider_email("{pincode}", n) for n in range(1, RIDERS_PER_CITY + 1)
                ),
                "E2E_PARTNER_ACCEPT_S": PARTNER_ACCEPT_S,
                "E2E_DEMO_PASSWORD": stack.secrets.demo_password,
                "E2E_CLOCK_START": config.clock_start or "",
            }
            print(f"[e2e] stack at {config.web_url}; control at {control.url}", flush=True)
            command = ["npm", "run", "test:e2e", "--", *argv]
            return subprocess.call(command, cwd=WEBAPP, env=env)
    finally:
        stack.stop()
        print(f"[e2e] stack stopped; logs in {state}", flush=True)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
