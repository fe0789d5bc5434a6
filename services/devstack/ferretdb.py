"""FerretDB 1.24 on SQLite: a throwaway MongoDB-wire server for tests and the local stack.

``start_ferretdb(state_dir)`` runs ``ferretdb --handler=sqlite`` with its SQLite files,
state and log under ``state_dir``, listening on 127.0.0.1 only, telemetry disabled, no
debug HTTP listener. It returns once the server answers a wire-protocol ``ping``.

The binary is built from the pinned Go module by ``scripts/build-go-servers.sh``
(see ``services.devstack.binaries``); the SQLite handler is compiled in by default
(it is only left out with the ``ferretdb_no_sqlite`` build tag), and it needs no cgo
(modernc.org/sqlite).

What FerretDB 1.24.2 (SQLite handler) did with pymongo 4.20.0, checked by hand and
re-checked by ``python -m services.devstack.selfcheck``:

Works as on MongoDB:
- unique indexes (single and compound); a duplicate on *insert* (also ``insert_many``
  with ``ordered=False``: one ``writeErrors`` entry, the rest inserted) or on an
  *upsert that inserts* raises ``DuplicateKeyError``, code 11000;
- ``find_one_and_update`` with a filter (compare-and-set on a status: a miss returns
  ``None``), ``$set``/``$inc``/``$push`` with ``$each``+``$slice``/``$currentDate``,
  ``return_document=AFTER``;
- ``update_one(..., upsert=True)`` and ``find_one_and_update(..., upsert=True)`` with
  ``$inc`` / ``$setOnInsert``;
- write concern ``w="majority", j=True, wtimeout`` is accepted (single node, no-op);
- sparse unique indexes; ``$group``; sort/skip/limit; ``count_documents``; int64 ids up
  to 2**53-1; ``$regex`` with options.

Differs from MongoDB (matters for the mongo adapter and its contract tests):
- a unique-index violation caused by an *update* (``update_one``/``update_many``/
  ``find_one_and_update`` changing a key field) is NOT a DuplicateKeyError: it is
  ``OperationFailure`` code 1 (``InternalError``) whose message contains
  ``UNIQUE constraint failed``. Treat both as "duplicate" in the adapter;
- ``w=0`` (unacknowledged) writes break the connection: FerretDB answers anyway and the
  next command on that socket fails with ``ProtocolError: Got response id ...``.
  Never use ``w=0``;
- ``Decimal128`` values make the server drop the connection (panic in the wire layer).
  Money is integer paise (DESIGN.md section 3), so never store Decimal128;
- not implemented (``OperationFailure`` code 238 NotImplemented or a parse error):
  partial indexes (``partialFilterExpression``), TTL indexes (``expireAfterSeconds``),
  ``$lookup``, ``$expr`` with comparison operators, ``arrayFilters``, ``collation``,
  multi-document transactions (``startTransaction``), change streams;
- text indexes cannot be created, and a ``$text`` query then silently returns no
  documents instead of an error: implement restaurant search with ``$regex``/filters;
- error responses carry FerretDB's internal stack in ``errmsg``; match on ``code``.
- ``buildInfo`` reports MongoDB 7.0.42 compatibility (``ferretdbVersion`` v1.24.2).
"""

from __future__ import annotations

import os
import socket
import struct
import time
import urllib.parse
from pathlib import Path

from services.devstack.binaries import ensure_binary
from services.devstack.ports import ProcessExitedError, free_port, wait_for_port
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, ServerStartError

HOST = "127.0.0.1"
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
    binary: Path | None = None,
    timeout: float = 30.0,
    log_level: str = "warn",
) -> RunningServer:
    """Start FerretDB (SQLite backend) on 127.0.0.1:``port`` (a free port if None).

    ``state_dir`` gets ``ferretdb-data/`` (SQLite files, one per database),
    ``ferretdb-state/`` and ``ferretdb.log``. The returned server's ``url`` is
    ``mongodb://127.0.0.1:PORT/``. Raises ``ServerStartError`` with the log tail on failure.
    """
    state_dir = state_dir.resolve()
    data_dir = state_dir / "ferretdb-data"
    run_dir = state_dir / "ferretdb-state"
    data_dir.mkdir(parents=True, exist_ok=True)
    run_dir.mkdir(parents=True, exist_ok=True)
    log_path = state_dir / "ferretdb.log"

    try:
        exe = binary if binary is not None else ensure_binary("ferretdb")
    except Exception as e:  # report any build problem as a start error
        raise ServerStartError("ferretdb", f"no binary: {e}") from e

    if port is None:
        port = free_port(HOST)
    argv = [
        str(exe),
        "--handler=sqlite",
        "--sqlite-url=file:" + urllib.parse.quote(str(data_dir)) + "/",
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
    proc.start()
    server = RunningServer(
        name="ferretdb",
        url=f"mongodb://{HOST}:{port}/",
        host=HOST,
        port=port,
        state_dir=state_dir,
        process=proc,
    )
    try:
        deadline = time.monotonic() + timeout
        wait_for_port(HOST, port, timeout, alive=lambda: proc.running)
        while not mongo_ping(HOST, port, timeout=2.0):
            if not proc.running:
                raise ProcessExitedError("the process exited before answering ping")
            if time.monotonic() >= deadline:
                raise TimeoutError(f"no answer to ping within {timeout:g}s")
            time.sleep(0.1)
    except (TimeoutError, ProcessExitedError) as e:
        server.stop()
        code = proc.poll()
        reason = str(e) if code is None else f"{e} (exit code {code})"
        raise ServerStartError("ferretdb", reason, proc.log_tail()) from e
    except BaseException:
        server.stop()
        raise
    return server
