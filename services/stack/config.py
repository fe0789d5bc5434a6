"""Where the stack lives and which ports it uses (all overridable by environment)."""

from __future__ import annotations

import dataclasses
import os
import string
from dataclasses import dataclass, field
from pathlib import Path

from services.devstack.ports import HOST, free_port

REPO_ROOT = Path(__file__).resolve().parents[2]


def _port(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


# The API's store under the stack: FerretDB (MongoDB wire) or the SQL adapter, both on
# the stack's PostgreSQL.
STORES = ("mongodb", "postgresql")
# API replicas: api-a, api-b, ... (one letter each), worker ids 1..N (ids have room for
# 32 writers: adapters.ids.MAX_WORKER is 31).
MAX_REPLICAS = 26


def replica_name(index: int) -> str:
    return f"api-{string.ascii_lowercase[index]}"


# A Wednesday, 12:00 in India: most demo restaurants open, the street-food stalls not yet.
TEST_CLOCK_START = "2026-12-02T12:00:00+05:30"


@dataclass(frozen=True)
class StackConfig:
    state_dir: Path
    store: str = "mongodb"
    web_port: int = 8080
    admin_port: int = 8081
    # One port per API replica (``nox -s up -- --replicas N``; two by default).
    api_ports: tuple[int, ...] = (8001, 8002)
    payments_port: int = 8090
    mongo_port: int = 27017
    postgres_port: int = 5433
    # The mail sink (SMTP) the replicas send the customers' mails to.
    smtp_port: int = 8025
    # Seconds between a replica's crash and its restart grow from this, doubling.
    restart_backoff: float = 0.5
    # Traefik's per-IP limit on /api/v1/auth/: (average per second, burst).
    auth_rate: tuple[int, int] = (5, 10)
    # Traefik's per-IP limit on open order event streams (server-sent events).
    events_in_flight: int = 16
    webapp_dist: Path = REPO_ROOT / "webapp" / "dist"
    # Tests and benchmarks: the replicas' clock starts here (FOOD_CLOCK_START), so the
    # demo restaurants' open hours do not depend on when the run happens.
    clock_start: str | None = None
    extra_api_env: dict[str, str] = field(default_factory=dict)
    extra_payments_env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.store not in STORES:
            raise ValueError(f"unknown store {self.store!r}: choose {' or '.join(STORES)}")
        if not 1 <= len(self.api_ports) <= MAX_REPLICAS:
            raise ValueError(f"1 to {MAX_REPLICAS} API replicas, not {len(self.api_ports)}")

    @classmethod
    def from_env(cls, store: str = "mongodb", replicas: int = 2) -> StackConfig:
        """The documented local defaults (README: Configuration): replica N (from 0)
        listens on ``FOOD_API_PORT_<letter>``, by default 8001 + N."""
        return cls(
            state_dir=Path(os.environ.get("FOOD_STATE_DIR", REPO_ROOT / ".state")).resolve(),
            store=store,
            web_port=_port("FOOD_WEB_PORT", 8080),
            admin_port=_port("FOOD_ADMIN_PORT", 8081),
            api_ports=tuple(
                _port(f"FOOD_API_PORT_{string.ascii_uppercase[i]}", 8001 + i)
                for i in range(_replicas(replicas))
            ),
            payments_port=_port("FOOD_PAYMENTS_PORT", 8090),
            mongo_port=_port("FOOD_MONGO_PORT", 27017),
            postgres_port=_port("FOOD_POSTGRES_PORT", 5433),
            smtp_port=_port("FOOD_SMTP_PORT", 8025),
        )

    @classmethod
    def on_free_ports(
        cls, state_dir: Path, *, replicas: int = 2, **overrides: object
    ) -> StackConfig:
        """For tests: every port picked free, so several stacks never collide, and the
        clock at a weekday lunchtime in India (``TEST_CLOCK_START``) unless told else."""
        ports = iter(_distinct_free_ports(6 + _replicas(replicas)))
        base = cls(
            state_dir=state_dir,
            web_port=next(ports),
            admin_port=next(ports),
            api_ports=tuple(next(ports) for _ in range(replicas)),
            payments_port=next(ports),
            mongo_port=next(ports),
            postgres_port=next(ports),
            smtp_port=next(ports),
            clock_start=TEST_CLOCK_START,
        )
        return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]

    def named_ports(self) -> list[tuple[str, str, int]]:
        """(server, the variable that moves it, port) for every fixed port of the stack."""
        return [
            ("traefik", "FOOD_WEB_PORT", self.web_port),
            ("traefik", "FOOD_ADMIN_PORT", self.admin_port),
            *(
                (replica_name(i), f"FOOD_API_PORT_{string.ascii_uppercase[i]}", port)
                for i, port in enumerate(self.api_ports)
            ),
            ("payments", "FOOD_PAYMENTS_PORT", self.payments_port),
            ("ferretdb", "FOOD_MONGO_PORT", self.mongo_port),
            ("postgres", "FOOD_POSTGRES_PORT", self.postgres_port),
            ("mail-sink", "FOOD_SMTP_PORT", self.smtp_port),
        ]

    @property
    def mongo_url(self) -> str:
        return f"mongodb://{HOST}:{self.mongo_port}/"

    @property
    def store_url(self) -> str:
        """The API's store (its database ``food``), failing a request in 2 s when it is
        gone rather than hanging for 10."""
        if self.store == "postgresql":
            return (
                f"postgresql+psycopg://postgres@{HOST}:{self.postgres_port}/food?connect_timeout=2"
            )
        return self.mongo_url + "food?serverSelectionTimeoutMS=2000"

    @property
    def smtp_url(self) -> str:
        """The mail sink, as the replicas' ``FOOD_SMTP_URL``."""
        return f"smtp://{HOST}:{self.smtp_port}"

    @property
    def mail_dir(self) -> Path:
        """Where the sink keeps every mail it received (``<n>.eml`` and ``<n>.txt``)."""
        return self.state_dir / "mail"

    @property
    def web_url(self) -> str:
        return f"http://{HOST}:{self.web_port}"

    def api_url(self, replica: int) -> str:
        return f"http://{HOST}:{self.api_ports[replica]}"

    @property
    def api_urls(self) -> list[str]:
        return [self.api_url(i) for i in range(len(self.api_ports))]


def _replicas(count: int) -> int:
    if not 1 <= count <= MAX_REPLICAS:
        raise ValueError(f"1 to {MAX_REPLICAS} API replicas, not {count}")
    return count


def _distinct_free_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)
