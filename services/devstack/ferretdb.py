"""FerretDB 1.24 on PostgreSQL: the MongoDB-wire server of the tests and the local stack.

``start_ferretdb(state_dir)`` runs ``ferretdb --handler=postgresql`` listening on
127.0.0.1 only, telemetry disabled, no debug HTTP listener, and returns once the server
answers a wire-protocol ``ping``. Its storage is a PostgreSQL database (``ferretdb``):
either a cluster it starts itself under ``state_dir/postgres`` (tests: throwaway and not
durable, unless asked) and stops with it, or one the caller runs (``postgres=``, the
stack, which restarts each on its own).

The binary is built from the pinned Go module by ``scripts/build-go-servers.sh``
(see ``services.devstack.binaries``) with one patch: a lookup by ``_id`` is answered
from the ``_id`` index (scripts/gobuild/README.md). The SQLite handler is no longer used:
on PostgreSQL every operation is 4–75× faster (issue 11's table).

What FerretDB 1.24.2 does with pymongo 4.20.0, checked by hand and re-checked by
``python -m services.devstack.selfcheck`` and the contract suite:

Works as on MongoDB:
- unique indexes (single and compound, and on ``_id``): a duplicate on *insert* (also
  ``insert_many`` with ``ordered=False``: one ``writeErrors`` entry, the rest inserted)
  raises ``DuplicateKeyError``, code 11000, and of racing inserts exactly one wins —
  the one write that is atomic, hence the adapter's commit points (``adapters.mongo``);
- ``$set``/``$inc``/``$push``, upserts, ``$group``, sort/skip/limit, ``count_documents``,
  int64 ids up to 2**53-1, ``$regex`` with options; write concern ``w="majority",
  j=True`` is accepted (one node: a no-op).

Differs from MongoDB (matters for the mongo adapter and its contract tests):
- an update is a read in Go followed by an unconditional write by ``_id``: a conditional
  update (``update_one({_id, version: v}, ...)``, ``find_one_and_update``) is NOT atomic —
  racing callers can all "win" — and concurrent ``$inc`` lose increments;
- only equality on a top-level scalar field is pushed down to PostgreSQL, as a
  containment test no btree index serves (a sequential scan in SQL); ranges, ``$in``,
  ``$ne`` on other fields, sorts and limits are evaluated in Go over everything that
  matched. With the patch, ``_id`` equality (and ``_id: {$in: [...]}``) uses the index;
- a unique-index violation caused by an *update* is ``OperationFailure`` code 1;
- ``w=0`` (unacknowledged) writes break the connection; never use them;
- a ``$group`` stage with two accumulators answers 0 for the second one (the ratings'
  totals group by stars with one accumulator and add up in Python);
- ``$setOnInsert`` is ignored on an upsert (favourites keep their first ``saved_at`` by
  an insert that may fail, not an upsert);
- not implemented: partial and TTL indexes, ``$lookup``, ``$expr``, ``arrayFilters``,
  ``collation``, multi-document transactions, change streams, text indexes (a ``$text``
  query silently returns nothing);
- error responses carry FerretDB's internal stack in ``errmsg``; match on ``code``.
"""

from __future__ import annotations

import os
import socket
import struct
import time
from functools import partial
from pathlib import Path

from services.devstack.binaries import ensure_binary
from services.devstack.ports import HOST, Alive, ProcessExitedError, free_port, wait_for_port
from services.devstack.postgres import PG_USER, ensure_database, start_postgres
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, ServerStartError, start_server

DATABASE = "ferretdb"  # the PostgreSQL database FerretDB stores in
_OP_MSG = 2013


def _bson_ping() -> bytes:
    """BSON for {ping: 1, $db: "admin"} (int32 1, string "admin")."""
    body = b"\x10ping\x00" + struct.pack("<i", 1)
    db = b"admin\x00"
    body += b"\x02$db\x00" + struct.pack("<i", len(db)) + db
    return struct.pack("<i", len(body) + 5) + body + b"\x00"


def mongo_ping(host: str, port: int, timeout: float = 2.0) -> bool:
    """Send an OP_MSG ``ping`` and return True if the reply has ``ok: 1``.

    A tiny stdlib-only check so that readiness does not depend on pymongo.
    """
    doc = _bson_ping()
    msg = struct.pack("<I", 0) + b"\x00" + doc  # flagBits, section kind 0, body
    header = struct.pack("<iiii", 16 + len(msg), 1, 0, _OP_MSG)
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(header + msg)
            raw = _recv_exact(s, 16)
            length, _req, _resp_to, opcode = struct.unpack("<iiii", raw)
            if opcode != _OP_MSG or not 21 <= length <= 16 * 1024 * 1024:
                return False
            payload = _recv_exact(s, length - 16)
    except OSError:
        return False
    # payload: flagBits(4) kind(1) BSON document; look for the double field "ok".
    marker = b"\x01ok\x00"
    i = payload.find(marker, 5)
    if i < 0 or i + len(marker) + 8 > len(payload):
        return False
    (ok,) = struct.unpack("<d", payload[i + len(marker) : i + len(marker) + 8])
    return bool(ok == 1.0)


def _recv_exact(s: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed by the server")
        buf += chunk
    return bytes(buf)


def start_ferretdb(
    state_dir: Path,
    port: int | None = None,
    *,
    postgres: RunningServer | None = None,
    durable: bool = False,
    binary: Path | None = None,
    timeout: float = 60.0,
    log_level: str = "warn",
) -> RunningServer:
    """Start FerretDB (PostgreSQL backend) on 127.0.0.1:``port`` (a free port if None).

    ``postgres``: the cluster to store in (its database ``ferretdb`` is created if
    missing); without one, a throwaway cluster (``durable`` if asked) is started under
    ``state_dir/postgres`` and removed with FerretDB.
    ``state_dir`` also gets ``ferretdb-state/`` and ``ferretdb.log``. The returned
    server's ``url`` is ``mongodb://127.0.0.1:PORT/``; ``extra["postgres_url"]`` is where
    the data lives. Raises ``ServerStartError`` with the log tail on failure.
    """
    state_dir = state_dir.resolve()
    run_dir = state_dir / "ferretdb-state"
    run_dir.mkdir(parents=True, exist_ok=True)
    log_path = state_dir / "ferretdb.log"

    try:
        exe = binary if binary is not None else ensure_binary("ferretdb")
    except Exception as e:  # report any build problem as a start error
        raise ServerStartError("ferretdb", f"no binary: {e}") from e

    own_postgres = None
    if postgres is None:
        own_postgres = start_postgres(
            state_dir / "postgres", databases=(DATABASE,), durable=durable
        )
        postgres = own_postgres
    else:
        ensure_database(postgres, DATABASE)
    if port is None:
        port = free_port(HOST)
    storage = f"postgres://{PG_USER}@{postgres.host}:{postgres.port}/{DATABASE}"
    argv = [
        str(exe),
        "--handler=postgresql",
        f"--postgresql-url={storage}",
        f"--state-dir={run_dir}",
        f"--listen-addr={HOST}:{port}",
        "--debug-addr=-",  # no metrics/pprof listener (default 127.0.0.1:8088 would clash)
        "--telemetry=disable",
        f"--log-level={log_level}",
        "--log-format=console",
    ]
    env = dict(os.environ)
    env["DO_NOT_TRACK"] = "1"
    # FERRETDB_* variables of the caller must not override what we pass.
    for key in [k for k in env if k.startswith("FERRETDB_")]:
        del env[key]
    proc = ManagedProcess("ferretdb", argv, log_path=log_path, env=env, cwd=state_dir)
    server = RunningServer(
        name="ferretdb",
        url=f"mongodb://{HOST}:{port}/",
        host=HOST,
        port=port,
        state_dir=state_dir,
        process=proc,
        extra={"postgres_url": storage},
        on_stop=[] if own_postgres is None else [own_postgres.stop],
    )
    return start_server(server, partial(_answers_ping, port), timeout)


def _answers_ping(port: int, timeout: float, *, alive: Alive) -> None:
    """Wait for the port, then for a wire-protocol ``ping`` (a ``ReadinessProbe``)."""
    deadline = time.monotonic() + timeout
    wait_for_port(HOST, port, timeout, alive=alive)
    while not mongo_ping(HOST, port, timeout=2.0):
        if not alive():
            raise ProcessExitedError("the process exited before answering ping")
        if time.monotonic() >= deadline:
            raise TimeoutError(f"no answer to ping within {timeout:g}s")
        time.sleep(0.1)
