"""``python -m services.stack`` (what ``nox -s up`` runs): start everything, print where it
is and how to log in, supervise until Ctrl-C or SIGTERM, then stop everything."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType

from services.devstack.server import ServerStartError
from services.stack.config import MAX_REPLICAS, STORES, StackConfig
from services.stack.seed import DEMO_EMAIL, PARTNER_EMAIL
from services.stack.supervisor import Stack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.stack", description=__doc__)
    parser.add_argument(
        "--store",
        choices=STORES,
        default="mongodb",
        help="the API's store: FerretDB on PostgreSQL (default), or the SQL adapter on it",
    )
    parser.add_argument(
        "--replicas",
        type=int,
        default=2,
        metavar="N",
        help=f"API replicas behind Traefik, 1 to {MAX_REPLICAS} (default 2): api-a, api-b, "
        "… on FOOD_API_PORT_A, _B, … (default 8001, 8002, …)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.replicas <= MAX_REPLICAS:
        parser.error(f"--replicas must be 1 to {MAX_REPLICAS}")
    config = StackConfig.from_env(store=args.store, replicas=args.replicas)
    stack = Stack(config, log=lambda line: print(f"[stack] {line}", flush=True))

    def stop(signum: int, _frame: FrameType | None) -> None:
        print(f"[stack] {signal.Signals(signum).name}: stopping …", flush=True)
        stack.request_stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        stack.start()
    except ServerStartError as error:
        print(f"[stack] {error}", file=sys.stderr, flush=True)
        return 1
    assert stack.secrets is not None
    print(
        f"""
  The food ordering system is up: {config.web_url}   (store: {config.store})
  API replicas behind Traefik:  {len(config.api_ports)}

  Log in as the demo customer:  {DEMO_EMAIL}  /  {stack.secrets.demo_password}
  Restaurant partner account:   {PARTNER_EMAIL}  /  {stack.secrets.demo_password}
  API docs:                     {config.web_url}/api/v1/docs
  Traefik API (routers, health): http://127.0.0.1:{config.admin_port}/api/http/services
  Mails the stack sent:         {config.mail_dir}
    (the newest: python -m services.stack.mailsink show {config.mail_dir})
  State and logs:               {config.state_dir}

  Ctrl-C stops everything.
""",
        flush=True,
    )
    try:
        stack.wait()
    finally:
        stack.stop()
        print("[stack] stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
