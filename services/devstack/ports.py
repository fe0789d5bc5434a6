"""Free ports, who holds a taken one, and readiness waits (bounded, stdlib only)."""

from __future__ import annotations

import contextlib
import errno
import http.client
import os
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Container

HOST = "127.0.0.1"  # every dev-stack server listens here only, and every probe dials it
Alive = Callable[[], bool]


class ProcessExitedError(RuntimeError):
    """The process we were waiting for exited before it became ready."""


def free_port(host: str = HOST) -> int:
    """A TCP port that was free on ``host`` a moment ago (the OS picks it).

    There is an unavoidable race between closing the probe socket and the server
    binding the port; the ephemeral range makes collisions rare.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]
        return port


def port_in_use(host: str, port: int) -> str | None:
    """None if a server could listen on ``host:port`` now; else who holds it, e.g.
    ``"pid 4242 (python -m services.api)"``, as far as this user can see.

    Binds the way our servers do (``SO_REUSEADDR``, so a socket in TIME_WAIT does not
    count); only "address in use" counts as taken. A readiness wait alone cannot tell
    our server from a stray one answering on the same port: check this first.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                return None  # not ours to judge: the server reports its own error
        else:
            return None
    holders = listening_processes(port)
    if not holders:
        return "a process this user cannot see"
    return ", ".join(f"pid {pid} ({command})" for pid, command in holders)


def listening_processes(port: int) -> list[tuple[int, str]]:
    """(pid, command line) of each process with a socket listening on TCP ``port``
    (any address, IPv4 or IPv6), from /proc/net/tcp* and /proc/*/fd (Linux; others'
    processes only when we are root)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as lines:
            next(lines, None)  # header
            for line in lines:
                fields = line.split()
                # local "ADDR:PORT" (hex), state 0A = LISTEN, inode is the 10th field
                listening = len(fields) > 9 and fields[3] == "0A"
                if listening and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(fields[9])
    if not inodes:
        return []
    wanted = {f"socket:[{inode}]" for inode in inodes}
    found: list[tuple[int, str]] = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with os.scandir(f"/proc/{entry.name}/fd") as fds:
                holds = any(_link(fd.path) in wanted for fd in fds)
        except OSError:  # gone, or not ours to look at
            continue
        if holds:
            found.append((int(entry.name), _command_line(int(entry.name))))
    return found


def _link(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:  # closed meanwhile
        return ""


def _command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            raw = f.read()
    except OSError:
        return "?"
    command = " ".join(raw.replace(b"\0", b" ").decode(errors="replace").split())
    return command if len(command) <= 160 else command[:157] + "..."


def port_is_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _check_alive(alive: Alive | None, what: str) -> None:
    if alive is not None and not alive():
        raise ProcessExitedError(f"the process exited while waiting for {what}")


def wait_for_port(
    host: str,
    port: int,
    timeout: float,
    *,
    alive: Alive | None = None,
    interval: float = 0.05,
) -> None:
    """Wait until a TCP connect to ``host:port`` succeeds.

    Raises ``TimeoutError`` after ``timeout`` seconds, or ``ProcessExitedError`` as soon
    as ``alive()`` (if given) returns False.
    """
    what = f"{host}:{port}"
    deadline = time.monotonic() + timeout
    while True:
        _check_alive(alive, what)
        remaining = deadline - time.monotonic()
        if port_is_open(host, port, timeout=max(0.05, min(0.5, remaining))):
            return
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what} did not accept connections within {timeout:g}s")
        time.sleep(interval)


def http_status(url: str, timeout: float = 1.0) -> int:
    """GET ``url`` and return the status code (4xx/5xx are returned, not raised).

    Redirects are not followed. Raises ``OSError`` on connection problems.
    """

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    # No proxies: these checks only ever talk to this machine.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as resp:
            status: int = resp.status
            resp.read()
            return status
    except urllib.error.HTTPError as e:
        code: int = e.code
        e.close()
        return code


def wait_for_http(
    url: str,
    timeout: float,
    *,
    expect_status: Container[int] = range(200, 300),
    alive: Alive | None = None,
    interval: float = 0.1,
) -> int:
    """Wait until GET ``url`` answers with a status in ``expect_status``; return it.

    Raises ``TimeoutError`` (naming the last status or error) after ``timeout`` seconds,
    or ``ProcessExitedError`` as soon as ``alive()`` (if given) returns False.
    """
    deadline = time.monotonic() + timeout
    last = "no answer"
    while True:
        _check_alive(alive, url)
        remaining = deadline - time.monotonic()
        try:
            status = http_status(url, timeout=max(0.1, min(2.0, remaining)))
        except (OSError, http.client.HTTPException) as e:
            last = f"{type(e).__name__}: {e}"
        else:
            if status in expect_status:
                return status
            last = f"HTTP {status}"
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{url} was not ready within {timeout:g}s (last: {last})")
        time.sleep(interval)
