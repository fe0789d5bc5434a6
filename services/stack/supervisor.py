"""Start the whole system in dependency order, keep the API replicas running, stop it all.

Order: PostgreSQL → FerretDB (stores in it) → payments → the mail sink → seed (catalog,
demo accounts) → the API replicas (api-a, api-b, …: two unless ``--replicas N``) →
Traefik. A replica that dies is restarted with exponential backoff (0.5 s doubling to
30 s, reset once it has stayed up for a minute); each restart is logged.

A start first checks that none of the stack's ports is taken, and fails at once naming
the port and the process holding it. Every child is a ``ManagedProcess``: it is stopped
with its process group, and if the supervisor itself is killed its watchdog stops them
all within a second (``services.devstack.process``).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from adapters.backoff import doubling
from services.devstack.binaries import ensure_binary
from services.devstack.ferretdb import start_ferretdb
from services.devstack.payments import start_payments
from services.devstack.ports import HOST, port_in_use
from services.devstack.postgres import start_postgres
from services.devstack.server import RunningServer, ServerStartError
from services.devstack.traefik import start_traefik
from services.stack.config import StackConfig, replica_name
from services.stack.replica import start_api_replica, start_fallback, start_mail_sink
from services.stack.secrets import StackSecrets, load_or_create
from services.stack.seed import seed

_MAX_BACKOFF = 30.0
_STABLE_AFTER = 60.0


class _Replica:
    def __init__(self, index: int) -> None:
        self.index = index
        self.name = replica_name(index)
        self.server: RunningServer | None = None
        self.held_down = False  # stopped on purpose (tests): do not restart
        self.failures = 0
        self.started_at = 0.0
        self.next_try = 0.0


def _stop_together(servers: Sequence[RunningServer]) -> None:
    if len(servers) <= 1:
        for server in servers:
            server.stop()
        return
    errors: list[BaseException] = []

    def stop(server: RunningServer) -> None:
        try:
            server.stop()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=stop, args=(s,), name=f"stop-{s.name}") for s in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


class Stack:
    def __init__(self, config: StackConfig, *, log: Callable[[str], None] = print) -> None:
        self.config = config
        self.log = log
        self.secrets: StackSecrets | None = None
        self.postgres: RunningServer | None = None
        self.ferretdb: RunningServer | None = None
        self.payments: RunningServer | None = None
        self.mail_sink: RunningServer | None = None
        self.traefik: RunningServer | None = None
        self.fallback: RunningServer | None = None
        self.replicas = [_Replica(i) for i in range(len(config.api_ports))]
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    # --- start and stop ------------------------------------------------------------

    def check_ports(self) -> None:
        """Fail at once, naming each taken port and who holds it: a stray server (say,
        one left by a killed stack) would otherwise answer our readiness checks."""
        taken = [
            (server, variable, port, holder)
            for server, variable, port in self.config.named_ports()
            if (holder := port_in_use(HOST, port)) is not None
        ]
        if taken:
            lines = [
                f"port {port} ({variable}, for {server}) on {HOST} is already in use by {holder}"
                for server, variable, port, holder in taken
            ]
            raise ServerStartError(
                "stack",
                "; ".join(lines) + " - stop that process or move the port (README: Configuration)",
            )

    def start(self) -> None:
        config = self.config
        self.check_ports()
        config.state_dir.mkdir(parents=True, exist_ok=True)
        self.secrets = load_or_create(config.state_dir)
        try:
            self.log("building (or finding) FerretDB and Traefik …")
            ensure_binary("ferretdb")
            ensure_binary("traefik")
            self.postgres = self._start_postgres()
            self.log(f"PostgreSQL ready at {self.postgres.host}:{self.postgres.port}")
            self.ferretdb = self._start_ferretdb()
            self.log(f"FerretDB ready at {config.mongo_url}")
            self.payments = start_payments(
                config.state_dir / "payments",
                secret=self.secrets.payments_secret,
                port=config.payments_port,
                mongodb_url=config.mongo_url + "payments",
                extra_env=config.extra_payments_env,
            )
            self.log(f"payments ready at {self.payments.url}")
            self.mail_sink = start_mail_sink(
                config.state_dir / "mail-sink", port=config.smtp_port, folder=config.mail_dir
            )
            self.log(f"mail sink ready at {self.mail_sink.url}, keeping mails in {config.mail_dir}")
            loaded = seed(config.store_url, self.secrets.demo_password)
            self.log("demo catalog loaded" if loaded else "catalog already present")
            for replica in self.replicas:
                self._start_replica(replica)
            self.fallback = start_fallback(config.state_dir / "fallback")
            self.traefik = start_traefik(
                config.state_dir / "traefik",
                config.web_port,
                config.admin_port,
                config.api_urls,
                fallback_url=self.fallback.url,
                auth_rate=config.auth_rate,
                events_in_flight_limit=config.events_in_flight,
            )
            self.log(f"Traefik ready at {config.web_url}")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop everything, in stages: Traefik first (no new requests, and its
        connections to the replicas close, so their graceful stop has nothing left to
        wait for), then the replicas and the fallback together, then payments, FerretDB
        and PostgreSQL. Idempotent."""
        self._stop.set()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join(timeout=5)
        with self._lock:
            stages: list[Sequence[RunningServer | None]] = [
                [self.traefik],
                [self.fallback, *(r.server for r in self.replicas)],
                [self.payments, self.mail_sink],
                [self.ferretdb],
                [self.postgres],
            ]
            for stage in stages:
                _stop_together([server for server in stage if server is not None])

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- dependencies (tests: outages of payments and the store) ---------------------

    def stop_payments(self) -> None:
        """Stop the payments service (tests); :meth:`start_payments` brings it back."""
        with self._lock:
            if self.payments is not None:
                self.payments.stop()

    def start_payments(self) -> None:
        """(Re)start payments on the same port, secret and store; waits for /healthz."""
        assert self.secrets is not None
        config = self.config
        with self._lock:
            if self.payments is not None:
                self.payments.stop()
            self.payments = start_payments(
                config.state_dir / "payments",
                secret=self.secrets.payments_secret,
                port=config.payments_port,
                mongodb_url=config.mongo_url + "payments",
                extra_env=config.extra_payments_env,
            )

    def stop_ferretdb(self) -> None:
        """Stop FerretDB (tests); :meth:`start_ferretdb` brings it back."""
        with self._lock:
            if self.ferretdb is not None:
                self.ferretdb.stop()

    def start_ferretdb(self) -> None:
        """(Re)start FerretDB on the same port and PostgreSQL; waits for ``ping``."""
        with self._lock:
            if self.ferretdb is not None:
                self.ferretdb.stop()
            self.ferretdb = self._start_ferretdb()

    def stop_postgres(self) -> None:
        """Stop the PostgreSQL under FerretDB (tests); :meth:`start_postgres` brings it back."""
        with self._lock:
            if self.postgres is not None:
                self.postgres.stop()

    def start_postgres(self) -> None:
        """(Re)start PostgreSQL on the same port and data; FerretDB reconnects by itself."""
        with self._lock:
            if self.postgres is not None:
                self.postgres.stop()
            self.postgres = self._start_postgres()

    def _start_postgres(self) -> RunningServer:
        # Durable (fsync, synchronous commit) and kept across restarts of the stack.
        return start_postgres(
            self.config.state_dir / "postgres",
            self.config.postgres_port,
            databases=("food",),
            durable=True,
            keep_data=True,
        )

    def _start_ferretdb(self) -> RunningServer:
        assert self.postgres is not None
        return start_ferretdb(
            self.config.state_dir / "ferretdb", self.config.mongo_port, postgres=self.postgres
        )

    # --- replicas --------------------------------------------------------------------

    def api_env(self) -> dict[str, str]:
        assert self.secrets is not None and self.payments is not None
        config = self.config
        return {
            "FOOD_ENV": "local",
            "FOOD_STORE_URL": config.store_url,
            "FOOD_PAYMENTS_URL": self.payments.url,
            "FOOD_PAYMENTS_SECRET": self.secrets.payments_secret,
            "FOOD_TOKEN_KEYS": self.secrets.token_keys,
            "FOOD_WEBAPP_DIST": str(config.webapp_dist),
            "FOOD_COOKIE_SECURE": "0",  # plain HTTP on 127.0.0.1
            "FOOD_TRUSTED_PROXIES": HOST,  # Traefik's address
            "FOOD_SMTP_URL": config.smtp_url,  # the mail sink
            **({"FOOD_CLOCK_START": config.clock_start} if config.clock_start else {}),
        } | config.extra_api_env

    def _start_replica(self, replica: _Replica) -> None:
        replica.server = start_api_replica(
            replica.name,
            port=self.config.api_ports[replica.index],
            worker_id=replica.index + 1,
            env=self.api_env(),
            state_dir=self.config.state_dir / "api",
        )
        replica.started_at = time.monotonic()
        self.log(f"{replica.name} ready at {replica.server.url}")

    def replica_pid(self, index: int) -> int:
        server = self.replicas[index].server
        assert server is not None
        return server.process.pid

    def kill_replica(
        self, index: int, sig: signal.Signals = signal.SIGKILL, *, hold_down: bool = True
    ) -> None:
        """Signal a replica (tests). ``hold_down`` keeps the supervisor from restarting it."""
        with self._lock:
            replica = self.replicas[index]
            replica.held_down = hold_down
            assert replica.server is not None
            os.kill(replica.server.process.pid, sig)

    def restart_replica(self, index: int) -> None:
        with self._lock:
            replica = self.replicas[index]
            if replica.server is not None:
                replica.server.stop()
            self._start_replica(replica)
            replica.held_down = False

    def supervise_once(self) -> None:
        """Restart dead replicas whose backoff has passed."""
        now = time.monotonic()
        with self._lock:
            for replica in self.replicas:
                server = replica.server
                if replica.held_down or server is None or server.process.running:
                    if server is not None and now - replica.started_at > _STABLE_AFTER:
                        replica.failures = 0
                    continue
                if replica.next_try == 0.0:
                    attempt = replica.failures + 1
                    delay = doubling(attempt, self.config.restart_backoff, _MAX_BACKOFF)
                    replica.next_try = now + delay
                    self.log(
                        f"{replica.name} exited ({server.process.poll()}); "
                        f"restarting in {delay:.1f}s"
                    )
                    continue
                if now < replica.next_try:
                    continue
                replica.failures += 1
                replica.next_try = 0.0
                server.stop()
                try:
                    self._start_replica(replica)
                except ServerStartError as error:
                    self.log(f"{replica.name} failed to restart: {error.reason}")

    def supervise_in_background(self, interval: float = 0.2) -> None:
        def watch() -> None:
            while not self._stop.wait(interval):
                self.supervise_once()

        self._watcher = threading.Thread(target=watch, name="stack-supervisor", daemon=True)
        self._watcher.start()

    def wait(self, interval: float = 0.2) -> None:
        """Supervise in the foreground until :meth:`request_stop`."""
        while not self._stop.wait(interval):
            self.supervise_once()

    def request_stop(self) -> None:
        self._stop.set()

    @property
    def state_dir(self) -> Path:
        return self.config.state_dir
