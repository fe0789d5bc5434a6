"""A throwaway PostgreSQL cluster for the SQL adapter's contract tests.

``start_postgres(state_dir)`` finds Debian's server binaries (``initdb`` on PATH or
``/usr/lib/postgresql/<major>/bin``; if there are none and we are root it runs
``apt-get update && apt-get install -y postgresql``), initialises a fresh cluster,
starts ``postgres`` on 127.0.0.1:<port> only, with trust authentication and durability
switched off (fsync, synchronous_commit, full_page_writes), creates the database
``food``, and returns a ``RunningServer`` whose ``url`` is
``postgresql+psycopg://postgres@127.0.0.1:PORT/food``.

Running as root: PostgreSQL refuses to run as root, so initdb and postgres run as the
``postgres`` system user (created by Debian's package) via ``Popen(user=...)``. That
user usually cannot traverse the caller's state directory (pytest's tmp dirs are 0700),
so the cluster's data directory and unix socket then live in a private directory
``/tmp/food-pg-*`` owned by ``postgres`` (removed again on ``stop()``); the log and
``postgres.json`` (where everything is) stay in ``state_dir``. As a normal user the data
directory and socket are inside ``state_dir`` (the socket falls back to a short temp dir
when the path would exceed the ~100-byte unix socket limit).

Stopping uses SIGINT (PostgreSQL's "fast" shutdown: disconnects clients), then SIGKILL.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from services.devstack.ports import ProcessExitedError, free_port, wait_for_port
from services.devstack.process import ManagedProcess, tail
from services.devstack.server import RunningServer, ServerStartError

HOST = "127.0.0.1"
PG_USER = "postgres"  # the system user (when root) and the database superuser
DATABASE = "food"
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


def _prepare_dirs(state_dir: Path) -> tuple[Path, Path, str | None, Path | None]:
    """(data_dir, socket_dir, run_as_user, private_dir_to_remove_on_stop)."""
    if os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam(PG_USER)
        except KeyError as e:
            raise ServerStartError(
                "postgres", f"running as root but there is no {PG_USER!r} system user"
            ) from e
        base = Path(tempfile.mkdtemp(prefix="food-pg-"))
        data_dir, socket_dir = base / "data", base / "sock"
        for d in (base, data_dir, socket_dir):
            d.mkdir(mode=0o700, exist_ok=True)
            os.chown(d, pw.pw_uid, pw.pw_gid)
        return data_dir, socket_dir, PG_USER, base
    data_dir = state_dir / "pgdata"
    socket_dir = state_dir / "pgsock"
    private: Path | None = None
    if len(str(socket_dir)) + len("/.s.PGSQL.65535") > _SOCKET_PATH_LIMIT:
        private = Path(tempfile.mkdtemp(prefix="food-pgs-"))
        socket_dir = private
    socket_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return data_dir, socket_dir, None, private


def _wait_ready(
    bin_dir: Path, port: int, proc: ManagedProcess, deadline: float, log_path: Path
) -> None:
    """Wait for the TCP port, then until ``pg_isready`` says the server accepts connections."""
    wait_for_port(HOST, port, max(0.1, deadline - time.monotonic()), alive=lambda: proc.running)
    while True:
        if not proc.running:
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


def start_postgres(
    state_dir: Path,
    port: int | None = None,
    *,
    database: str = DATABASE,
    timeout: float = 60.0,
) -> RunningServer:
    """Start a fresh PostgreSQL cluster on 127.0.0.1:``port`` (a free port if None).

    Returns a ``RunningServer`` with ``url`` = ``postgresql+psycopg://postgres@127.0.0.1:PORT/food``
    and ``extra`` holding ``dsn`` (libpq form), ``socket_dir`` and ``data_dir``.
    Raises ``ServerStartError`` with the log tail on failure.
    """
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    log_path = state_dir / "postgres.log"
    bin_dir = ensure_pg_bin_dir(log_path)
    data_dir, socket_dir, user, private = _prepare_dirs(state_dir)

    def cleanup_private() -> None:
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)

    try:
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
                "--no-sync",
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
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=100",
        "-c",
        "shared_buffers=64MB",
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
    url = f"postgresql+psycopg://{PG_USER}@{HOST}:{port}/{database}"
    server = RunningServer(
        name="postgres",
        url=url,
        host=HOST,
        port=port,
        state_dir=state_dir,
        process=proc,
        extra={
            "dsn": f"host={HOST} port={port} user={PG_USER} dbname={database}",
            "socket_dir": str(socket_dir),
            "data_dir": str(data_dir),
        },
        on_stop=[cleanup_private],
    )
    try:
        proc.start()
        deadline = time.monotonic() + timeout
        _wait_ready(bin_dir, port, proc, deadline, log_path)
        _run(
            [
                str(bin_dir / "createdb"),
                "-h",
                HOST,
                "-p",
                str(port),
                "-U",
                PG_USER,
                database,
            ],
            log_path=log_path,
            user=None,
            timeout=max(1.0, deadline - time.monotonic()),
            what=f"createdb {database}",
        )
    except (TimeoutError, ProcessExitedError) as e:
        server.stop()
        code = proc.poll()
        reason = str(e) if code is None else f"{e} (exit code {code})"
        raise ServerStartError("postgres", reason, tail(log_path)) from e
    except BaseException:
        server.stop()
        raise
    (state_dir / "postgres.json").write_text(
        json.dumps({"url": url, "port": port, **server.extra}, indent=2) + "\n"
    )
    return server
