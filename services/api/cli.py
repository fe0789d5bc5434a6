"""Administrative commands, run against the store the environment configures (the same
container as the API).

    python -m services.api.cli create-partner --email kitchen@example.com \\
        --phone 9000000002 --name "Dosa Corner Kitchen" --restaurant-id 1001 \\
        --password-stdin < password.txt

    python -m services.api.cli create-rider --email ravi@example.com \\
        --phone 9000000003 --name "Ravi Kumar" --city 560001 \\
        --lat 12.9716 --lng 77.5946 --password-stdin < password.txt

adds a rider to a city's pool, free at the position given. The password is read from
standard input (first line), never from the command line, where other users of the
machine could see it in the process list.

    python -m services.api.cli ensure-indexes

opens the store (``FOOD_STORE_URL``) the way a replica does, which creates the indexes
it lacks (``adapters.mongo.schema.ensure_indexes``; the SQL store its tables), and
closes it: the Helm chart's pre-install/pre-upgrade hook Job runs it before a release's
pods start (deploy/helm/food-ordering/templates/index-job.yaml).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from food_core.errors import DomainError
from food_core.model import Position, UserRole
from food_core.usecases import enrol_rider, signup
from services.api.container import Container
from services.api.settings import SettingsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m services.api.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    partner = commands.add_parser("create-partner", help="create a restaurant partner account")
    partner.add_argument("--email", required=True)
    partner.add_argument("--phone", required=True)
    partner.add_argument("--name", required=True)
    partner.add_argument("--restaurant-id", required=True, type=int)
    partner.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="read the password from the first line of standard input",
    )
    rider = commands.add_parser("create-rider", help="add a rider to a city's pool")
    rider.add_argument("--email", required=True)
    rider.add_argument("--phone", required=True)
    rider.add_argument("--name", required=True)
    rider.add_argument("--city", required=True, help="the city's main PIN code")
    rider.add_argument("--lat", required=True, type=float, help="where the rider starts")
    rider.add_argument("--lng", required=True, type=float)
    rider.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="read the password from the first line of standard input",
    )
    commands.add_parser(
        "ensure-indexes", help="create the store's missing indexes (the Helm hook Job)"
    )
    return parser


def ensure_indexes(container: Container, out: TextIO) -> int:
    try:
        store = container.store()
        store.ping()
    finally:
        container.shutdown_resources()
    print(f"indexes ensured on {type(store).__name__}", file=out)
    return 0


def create_partner(
    container: Container, args: argparse.Namespace, stdin: TextIO, out: TextIO
) -> int:
    password = stdin.readline().rstrip("\r\n")
    try:
        user = signup(
            container.ports(),
            user_name=args.name,
            email=args.email,
            phone=args.phone,
            password=password,
            role=UserRole.PARTNER,
            restaurant_id=args.restaurant_id,
        )
    except DomainError as error:
        print(f"create-partner: {error.code}: {error.message}", file=sys.stderr)
        return 1
    finally:
        container.shutdown_resources()
    print(f"partner {user.user_id} created for restaurant {user.restaurant_id}", file=out)
    return 0


def create_rider(container: Container, args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    password = stdin.readline().rstrip("\r\n")
    try:
        rider = enrol_rider(
            container.ports(),
            user_name=args.name,
            email=args.email,
            phone=args.phone,
            password=password,
            city_pincode=args.city,
            position=Position(args.lat, args.lng),
        )
    except DomainError as error:
        print(f"create-rider: {error.code}: {error.message}", file=sys.stderr)
        return 1
    except ValueError as error:  # a position off the map
        print(f"create-rider: {error}", file=sys.stderr)
        return 1
    finally:
        container.shutdown_resources()
    print(f"rider {rider.rider_id} created in city {rider.city_pincode}", file=out)
    return 0


def main(
    argv: Sequence[str] | None = None,
    *,
    container: Container | None = None,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    args = _parser().parse_args(argv)
    try:
        container = container if container is not None else Container()
        if args.command == "create-partner":
            return create_partner(container, args, stdin, out)
        if args.command == "create-rider":
            return create_rider(container, args, stdin, out)
        if args.command == "ensure-indexes":
            return ensure_indexes(container, out)
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    return 2  # pragma: no cover - argparse requires a command


if __name__ == "__main__":
    sys.exit(main())
