"""Free ports and readiness waits (bounded, loopback-friendly, stdlib only)."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Container

Alive = Callable[[], bool]


class ProcessExitedError(RuntimeError):
    """The process we were waiting for exited before it became ready."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free on ``host`` a moment ago (the OS picks it).

    There is an unavoidable race between closing the probe socket and the server
    binding the port; the ephemeral range makes collisions rare.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]
        return port


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
