"""A PostgreSQL cluster for the SQL adapter's tests, FerretDB's storage and the stack.

``start_postgres(state_dir)`` finds Debian's server binaries (``initdb`` on PATH or
``/usr/lib/postgresql/<major>/bin``; if there are none and we are root it runs
``apt-get update && apt-get install -y postgresql``), initialises a cluster, starts
``postgres`` on 127.0.0.1:<port> only with trust authentication, creates the databases
asked for (``food`` by default), and returns a ``RunningServer`` whose ``url`` is
``postgresql+psycopg://postgres@127.0.0.1:PORT/<first database>``.

Two kinds of cluster:

- throwaway (the default, for tests): a fresh cluster in a private directory, removed on
  ``stop()``, with durability switched off (fsync, synchronous_commit, full_page_writes)
  because a test's data need not survive a power cut;
- ``durable=True, keep_data=True`` (the stack): fsync and synchronous commit on, and the
  data directory kept across stops and reused by the next start (see ``data_dir_for``).

Running as root: PostgreSQL refuses to run as root, so initdb and postgres run as the
``postgres`` system user (created by Debian's package) via ``Popen(user=...)``. That
user usually cannot traverse the caller's state directory (pytest's tmp dirs are 0700),
so a throwaway cluster's data directory and socket live in a private ``/tmp/food-pg-*``
owned by ``postgres``; a kept cluster lives in ``state_dir/data`` when ``postgres`` can
reach it, else in ``/var/lib/postgresql/food-ordering/<hash of state_dir>/``. The log and
``postgres.json`` (where everything is) stay in ``state_dir``.

Stopping uses SIGINT (PostgreSQL's "fast" shutdown: disconnects clients), then SIGKILL.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

from services.devstack.ports import HOST, Alive, ProcessExitedError, free_port, wait_for_port
from services.devstack.process import ManagedProcess, tail
from services.devstack.server import RunningServer, ServerStartError, start_server

PG_USER = "postgres"  # the system user (when root) and the database superuser
DATABASE = "food"
_DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_SOCKET_PATH_LIMIT = 100  # sun_path is 108 bytes; leave room for ".s.PGSQL.NNNNN"


def _version_key(path: str) -> tuple[int, ...]:
    major = Path(path).parent.parent.name  # /usr/lib/postgresql/<major>/bin/initdb
    return tuple(int(x) for x in re.findall(r"\d+", major)) or (0,)


def find_pg_bin_dir() -> Path | None:
    """The directory holding initdb/postgres/pg_isready, newest major version first."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    if on_path is not None:
        return Path(on_path).resolve().parent
    return None


def install_postgres(log_path: Path, timeout: float = 900.0) -> None:
    """``apt-get update && apt-get install -y postgresql`` (root only), output to log_path."""
    if os.geteuid() != 0:
        raise ServerStartError(
            "postgres",
            "initdb not found and not root: install PostgreSQL "
            "(Debian: apt-get install postgresql)",
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        for argv in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
            log.write(f"--- {' '.join(argv)}\n".encode())
            log.flush()
            try:
                code = subprocess.run(  # noqa: S603 - argv built here, no shell
                    argv,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=env,
                    timeout=timeout,
                    check=False,
                ).returncode
            except (OSError, subprocess.TimeoutExpired) as e:
                raise ServerStartError("postgres", f"{' '.join(argv)}: {e}", tail(log_path)) from e
            if code != 0:
                raise ServerStartError(
                    "postgres", f"{' '.join(argv)} exited with {code}", tail(log_path)
                )


def ensure_pg_bin_dir(log_path: Path) -> Path:
    bin_dir = find_pg_bin_dir()
    if bin_dir is None:
        install_postgres(log_path)
        bin_dir = find_pg_bin_dir()
    if bin_dir is None:
        raise ServerStartError("postgres", "initdb still not found after installing postgresql")
    return bin_dir


def _run(argv: list[str], *, log_path: Path, user: str | None, timeout: float, what: str) -> None:
    """Run a one-shot command (as ``user``), appending its output to the log."""
    with log_path.open("ab") as log:
        log.write(f"--- {what}: {argv}\n".encode())
        log.flush()
        try:
            code = subprocess.run(  # noqa: S603 - argv built here, no shell
                argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                user=user,
                group=_gid(user),
                extra_groups=[] if user is not None else None,
                env=_pg_env(),
                cwd="/",
                timeout=timeout,
                check=False,
            ).returncode
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ServerStartError("postgres", f"{what}: {e}", tail(log_path)) from e
    if code != 0:
        raise ServerStartError("postgres", f"{what} exited with {code}", tail(log_path))


def _gid(user: str | None) -> int | None:
    if user is None:
        return None
    import pwd

    return pwd.getpwnam(user).pw_gid


def _pg_env() -> dict[str, str]:
    # The caller's PG* variables (PGHOST, PGPORT, PGDATA...) must not leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    env["LANG"] = "C"
    return env


def _system_user() -> tuple[int, int]:
    import pwd

    try:
        pw = pwd.getpwnam(PG_USER)
    except KeyError as e:
        raise ServerStartError(
            "postgres", f"running as root but there is no {PG_USER!r} system user"
        ) from e
    return pw.pw_uid, pw.pw_gid


def _reachable_by_others(directory: Path) -> bool:
    """True if every ancestor of ``directory`` lets other users traverse it."""
    for ancestor in [directory, *directory.parents]:
        if ancestor.exists() and not ancestor.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def data_dir_for(state_dir: Path) -> Path:
    """Where a kept cluster of ``state_dir`` keeps its data (see the module docstring)."""
    state_dir = state_dir.resolve()
    if os.geteuid() != 0 or _reachable_by_others(state_dir):
        return state_dir / "data"
    digest = hashlib.sha256(str(state_dir).encode()).hexdigest()[:12]
    return Path("/var/lib/postgresql/food-ordering") / digest / "data"


def _own(path: Path, ids: tuple[int, int] | None) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if ids is not None:
        os.chown(path, *ids)


def _prepare_dirs(state_dir: Path, keep_data: bool) -> tuple[Path, Path, str | None, Path | None]:
    """(data_dir, socket_dir, run_as_user, private_dir_to_remove_on_stop)."""
    root = os.geteuid() == 0
    ids = _system_user() if root else None
    user = PG_USER if root else None
    if keep_data:
        data_dir = data_dir_for(state_dir)
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        _own(data_dir, ids)
        private = Path(tempfile.mkdtemp(prefix="food-pgs-"))
        if ids is not None:
            os.chown(private, *ids)
        return data_dir, private, user, private
    if root:
        base = Path(tempfile.mkdtemp(prefix="food-pg-"))
        data_dir, socket_dir = base / "data", base / "sock"
        for d in (base, data_dir, socket_dir):
            _own(d, ids)
        return data_dir, socket_dir, user, base
    data_dir = state_dir / "pgdata"
    socket_dir = state_dir / "pgsock"
    private: Path | None = None
    if len(str(socket_dir)) + len("/.s.PGSQL.65535") > _SOCKET_PATH_LIMIT:
        private = Path(tempfile.mkdtemp(prefix="food-pgs-"))
        socket_dir = private
    socket_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return data_dir, socket_dir, None, private


def _wait_ready(bin_dir: Path, port: int, alive: Alive, deadline: float) -> None:
    """Wait for the TCP port, then until ``pg_isready`` says the server accepts connections."""
    wait_for_port(HOST, port, max(0.1, deadline - time.monotonic()), alive=alive)
    while True:
        if not alive():
            raise ProcessExitedError("postgres exited during startup")
        code = subprocess.run(  # noqa: S603 - argv built here, no shell
            [str(bin_dir / "pg_isready"), "-q", "-h", HOST, "-p", str(port), "-U", PG_USER],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_pg_env(),
            timeout=10,
            check=False,
        ).returncode
        if code == 0:
            return
        if time.monotonic() >= deadline:
            raise TimeoutError(f"pg_isready still answers {code}")
        time.sleep(0.1)


def _durability(durable: bool) -> list[str]:
    value = "on" if durable else "off"
    return ["-c", f"fsync={value}", "-c", f"synchronous_commit={value}",
            "-c", f"full_page_writes={value}"]  # fmt: skip


def start_postgres(
    state_dir: Path,
    port: int | None = None,
    *,
    databases: tuple[str, ...] = (DATABASE,),
    durable: bool = False,
    keep_data: bool = False,
    timeout: float = 60.0,
) -> RunningServer:
    """Start PostgreSQL on 127.0.0.1:``port`` (a free port if None).

    ``durable``: fsync and synchronous commit on (off by default: tests). ``keep_data``:
    the data directory survives ``stop()`` and an existing cluster there is started
    again (``data_dir_for``); otherwise a fresh cluster is made and removed on stop.
    Each of ``databases`` is created unless it exists. Returns a ``RunningServer`` with
    ``url`` = ``postgresql+psycopg://postgres@127.0.0.1:PORT/<databases[0]>`` and
    ``extra`` holding ``dsn`` (libpq form), ``socket_dir`` and ``data_dir``.
    Raises ``ServerStartError`` with the log tail on failure.
    """
    for database in databases:
        if not _DATABASE_NAME.fullmatch(database):
            raise ValueError(f"not a plain database name: {database!r}")
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    log_path = state_dir / "postgres.log"
    bin_dir = ensure_pg_bin_dir(log_path)
    data_dir, socket_dir, user, private = _prepare_dirs(state_dir, keep_data)

    def cleanup_private() -> None:
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)

    try:
        if not (data_dir / "PG_VERSION").is_file():
            _run(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data_dir),
                    "-U",
                    PG_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    *([] if durable else ["--no-sync"]),
                    "--no-instructions",
                ],
                log_path=log_path,
                user=user,
                timeout=120,
                what="initdb",
            )
    except BaseException:
        cleanup_private()
        raise

    if port is None:
        port = free_port(HOST)
    argv = [
        str(bin_dir / "postgres"),
        "-D",
        str(data_dir),
        "-p",
        str(port),
        "-c",
        f"listen_addresses={HOST}",
        "-c",
        f"unix_socket_directories={socket_dir}",
        *_durability(durable),
        "-c",
        "max_connections=200",
        "-c",
        "shared_buffers=128MB",
        "-c",
        "log_min_messages=warning",
        "-c",
        "logging_collector=off",
    ]
    proc = ManagedProcess(
        "postgres",
        argv,
        log_path=log_path,
        env=_pg_env(),
        cwd=Path("/"),
        user=user,
        stop_signal=signal.SIGINT,  # fast shutdown; SIGTERM would wait for clients
        grace=15.0,
    )
    url = f"postgresql+psycopg://{PG_USER}@{HOST}:{port}/{databases[0]}"
    server = RunningServer(
        name="postgres",
        url=url,
        host=HOST,
        port=port,
        state_dir=state_dir,
        process=proc,
        extra={
            "dsn": f"host={HOST} port={port} user={PG_USER} dbname={databases[0]}",
            "socket_dir": str(socket_dir),
            "data_dir": str(data_dir),
        },
        on_stop=[cleanup_private],
    )

    def ready(timeout: float, *, alive: Alive) -> None:
        """Accepting connections, with every database asked for."""
        deadline = time.monotonic() + timeout
        _wait_ready(bin_dir, port, alive, deadline)
        for database in databases:
            _create_database(bin_dir, port, database, log_path, deadline)

    start_server(server, ready, timeout)
    (state_dir / "postgres.json").write_text(
        json.dumps({"url": url, "port": port, "durable": durable, **server.extra}, indent=2) + "\n"
    )
    return server


def _create_database(
    bin_dir: Path, port: int, database: str, log_path: Path, deadline: float
) -> None:
    """``createdb`` unless the cluster (kept from an earlier start) already has it."""
    listed = subprocess.run(  # noqa: S603 - argv built here, no shell
        [str(bin_dir / "psql"), "-h", HOST, "-p", str(port), "-U", PG_USER, "-d", "postgres",
         "-tAc", "SELECT datname FROM pg_database"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=_pg_env(),
        timeout=max(1.0, deadline - time.monotonic()),
        check=False,
    )  # fmt: skip
    if listed.returncode == 0 and database.encode() in listed.stdout.split():
        return
    _run(
        [str(bin_dir / "createdb"), "-h", HOST, "-p", str(port), "-U", PG_USER, database],
        log_path=log_path,
        user=None,
        timeout=max(1.0, deadline - time.monotonic()),
        what=f"createdb {database}",
    )


def ensure_database(server: RunningServer, database: str, timeout: float = 30.0) -> None:
    """Create ``database`` on a running cluster of ``start_postgres`` unless it exists."""
    bin_dir = ensure_pg_bin_dir(server.log_path)
    _create_database(bin_dir, server.port, database, server.log_path, time.monotonic() + timeout)
