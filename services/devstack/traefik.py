"""Traefik v3.7 in front of the API replicas, configured from the templates in ``traefik/``.

``render_traefik_config`` fills ``traefik/traefik.yml.tmpl`` (static) and
``traefik/dynamic.yml.tmpl`` (dynamic, file provider) with ports, replica URLs and
paths, writing ``traefik.yml`` and ``dynamic.yml`` into a state directory;
``start_traefik`` renders, starts Traefik with that static file, and waits for
``/ping`` on the admin entry point. The ``RunningServer``'s ``url`` is the public
entry point (``http://127.0.0.1:WEB_PORT``); ``extra["admin_url"]`` is the admin one
(dashboard ``/dashboard/``, API ``/api/rawdata``, ``/ping``, ``/metrics``).

Replicas need not be up when Traefik starts: the active health check (``/healthz``
every second) brings them in as soon as they answer.

CLI: ``python -m services.devstack.traefik OUT_DIR [--web-port N] [--admin-port N]
[--replica URL]...`` renders the configuration without starting anything.
"""

from __future__ import annotations

import argparse
import json
import os
import string
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from services.devstack.binaries import ensure_binary
from services.devstack.ports import HOST, Alive, free_port, port_in_use, wait_for_http
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, ServerStartError, start_server

DEFAULT_WEB_PORT = 8080
DEFAULT_ADMIN_PORT = 8081
DEFAULT_REPLICAS: tuple[str, ...] = (f"http://{HOST}:8001", f"http://{HOST}:8002")
TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "traefik"
STATIC_TEMPLATE = "traefik.yml.tmpl"
DYNAMIC_TEMPLATE = "dynamic.yml.tmpl"
_SERVER_INDENT = " " * 10  # matches "servers:" under http.services.food-api.loadBalancer


def _yaml_str(value: str) -> str:
    """A double-quoted YAML scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value)


def _render(template: Path, values: dict[str, str]) -> str:
    try:
        return string.Template(template.read_text()).substitute(values)
    except (KeyError, ValueError) as e:
        raise ValueError(f"cannot render {template}: {e}") from e


# With a fallback server: when no replica is healthy, the failover service sends requests
# to it, and it answers a problem+json 503 itself. A replica that dies mid-request after
# the retries are spent gives Traefik's own 502/504; the errors middleware swaps in the
# fallback's problem page for those. 503 is left alone: the API answers 503 itself
# (payment_unavailable) and that body must reach the client.
ERROR_PAGES_MIDDLEWARE = """    error-pages:
      errors:
        status: ["502", "504"]
        service: fallback
        query: "/problem/{status}"
"""
FALLBACK_SERVICE = """    food-api-or-fallback:
      failover:
        service: food-api
        fallback: fallback
    fallback:
      loadBalancer:
        servers:
          - url: $url
"""


@dataclass(frozen=True)
class TraefikTls:
    """HTTPS on the web entry point with one certificate (PEM files, as Traefik sees
    their paths), and a plain-HTTP entry point on ``redirect_port`` that only redirects
    to it (308, permanent). Production (``deploy/``); the local stack has no TLS."""

    cert_file: str
    key_file: str
    redirect_port: int


WEB_TLS = """      tls: {}
"""
PLAIN_HTTP_ENTRY_POINT = """  # Plain HTTP: every request is redirected to HTTPS.
  plain-http:
    address: "$address"
    http:
      redirections:
        entryPoint:
          to: web
          scheme: https
          permanent: true
"""
TLS_CERTIFICATES = """
# The certificate for HTTPS on the web entry point; TLS 1.2 at least.
tls:
  certificates:
    - certFile: $cert
      keyFile: $key
  stores:
    default:
      defaultCertificate:
        certFile: $cert
        keyFile: $key
  options:
    default:
      minVersion: VersionTLS12
"""


def render_traefik_config(
    state_dir: Path,
    *,
    web_port: int = DEFAULT_WEB_PORT,
    admin_port: int = DEFAULT_ADMIN_PORT,
    replica_urls: Sequence[str] = DEFAULT_REPLICAS,
    log_level: str = "INFO",
    in_flight_limit: int = 256,
    template_dir: Path = TEMPLATE_DIR,
    fallback_url: str | None = None,
    auth_rate: tuple[int, int] = (5, 10),
    events_in_flight_limit: int = 16,
    tls: TraefikTls | None = None,
    listen_host: str = HOST,
) -> Path:
    """Write ``traefik.yml`` + ``dynamic.yml`` into ``state_dir``; return the static file.

    The dynamic file is written first (atomically), so the file provider never sees a
    half-written file. ``fallback_url``: a server answering problem+json 503 for any
    request (and ``/problem/{status}`` pages) when no replica can (``services.stack.fallback``).
    ``auth_rate``: (average per second, burst) per client IP on ``/api/v1/auth/``.
    ``in_flight_limit`` / ``events_in_flight_limit``: concurrent requests / open order
    event streams per client IP. ``tls``: HTTPS on the web entry point, HTTP redirected
    to it. ``listen_host``: the address every entry point binds ("" = all; containers).
    """
    if not replica_urls:
        raise ValueError("at least one replica URL is needed")
    for url in replica_urls:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"replica URL must be http(s)://..., got {url!r}")
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    static_path = state_dir / "traefik.yml"
    dynamic_path = state_dir / "dynamic.yml"
    servers = "\n".join(f"{_SERVER_INDENT}- url: {_yaml_str(u)}" for u in replica_urls)
    error_pages = ERROR_PAGES_MIDDLEWARE if fallback_url else ""
    fallback_service = (
        FALLBACK_SERVICE.replace("$url", _yaml_str(fallback_url)) if fallback_url else ""
    )
    dynamic = _render(
        template_dir / DYNAMIC_TEMPLATE,
        {
            "servers": servers,
            "in_flight_limit": str(in_flight_limit),
            "events_in_flight_limit": str(events_in_flight_limit),
            "auth_rate_average": str(auth_rate[0]),
            "auth_rate_burst": str(auth_rate[1]),
            "error_pages": "error-pages, " if fallback_url else "",
            "error_pages_middleware": error_pages,
            "fallback_service": fallback_service,
            "entry_service": "food-api-or-fallback" if fallback_url else "food-api",
            "tls_certificates": ""
            if tls is None
            else string.Template(TLS_CERTIFICATES).substitute(
                cert=_yaml_str(tls.cert_file), key=_yaml_str(tls.key_file)
            ),
        },
    )
    static = _render(
        template_dir / STATIC_TEMPLATE,
        {
            "web_host": listen_host,
            "web_port": str(web_port),
            "web_tls": "" if tls is None else WEB_TLS,
            "plain_http_entry_point": ""
            if tls is None
            else PLAIN_HTTP_ENTRY_POINT.replace("$address", f"{listen_host}:{tls.redirect_port}"),
            "admin_host": listen_host,
            "admin_port": str(admin_port),
            "dynamic_config": str(dynamic_path),
            "access_log": str(state_dir / "traefik-access.log"),
            "log_level": log_level,
        },
    )
    for path, text in ((dynamic_path, dynamic), (static_path, static)):
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text)
        os.replace(tmp, path)
    return static_path


def start_traefik(
    state_dir: Path,
    web_port: int | None = None,
    admin_port: int | None = None,
    replica_urls: Sequence[str] = DEFAULT_REPLICAS,
    *,
    binary: Path | None = None,
    timeout: float = 30.0,
    log_level: str = "INFO",
    in_flight_limit: int = 256,
    template_dir: Path = TEMPLATE_DIR,
    fallback_url: str | None = None,
    auth_rate: tuple[int, int] = (5, 10),
    events_in_flight_limit: int = 16,
    tls: TraefikTls | None = None,
) -> RunningServer:
    """Render the config into ``state_dir`` and start Traefik; wait for ``/ping``.

    ``web_port`` / ``admin_port`` default to free ports (pass 8080/8081 for the
    documented local defaults). Raises ``ServerStartError`` with the log tail on failure.
    """
    state_dir = state_dir.resolve()
    if web_port is None:
        web_port = free_port(HOST)
    if admin_port is None:
        admin_port = free_port(HOST)
        while admin_port == web_port:
            admin_port = free_port(HOST)
    for port in (web_port, admin_port, *([] if tls is None else [tls.redirect_port])):
        holder = port_in_use(HOST, port)
        if holder is not None:
            # A stray Traefik there would answer /ping for us.
            raise ServerStartError(
                "traefik", f"port {port} on {HOST} is already in use by {holder}"
            )
    static_path = render_traefik_config(
        state_dir,
        web_port=web_port,
        admin_port=admin_port,
        replica_urls=replica_urls,
        log_level=log_level,
        in_flight_limit=in_flight_limit,
        template_dir=template_dir,
        fallback_url=fallback_url,
        auth_rate=auth_rate,
        events_in_flight_limit=events_in_flight_limit,
        tls=tls,
    )
    try:
        exe = binary if binary is not None else ensure_binary("traefik")
    except Exception as e:  # report any build problem as a start error
        raise ServerStartError("traefik", f"no binary: {e}") from e

    env = {k: v for k, v in os.environ.items() if not k.startswith("TRAEFIK_")}
    proc = ManagedProcess(
        "traefik",
        [str(exe), f"--configFile={static_path}"],
        log_path=state_dir / "traefik.log",
        env=env,
        cwd=state_dir,
        grace=10.0,
    )
    web_url = f"{'http' if tls is None else 'https'}://{HOST}:{web_port}"
    admin_url = f"http://{HOST}:{admin_port}"
    server = RunningServer(
        name="traefik",
        url=web_url,
        host=HOST,
        port=web_port,
        state_dir=state_dir,
        process=proc,
        extra={
            "admin_url": admin_url,
            "admin_port": str(admin_port),
            "static_config": str(static_path),
            "dynamic_config": str(state_dir / "dynamic.yml"),
            "access_log": str(state_dir / "traefik-access.log"),
        },
    )

    def ready(timeout: float, *, alive: Alive) -> None:
        deadline = time.monotonic() + timeout
        wait_for_http(f"{admin_url}/ping", timeout, alive=alive)
        # /ping answers once the entry points are up; the routers come from the file
        # provider a moment later - wait until the API shows our service.
        wait_for_http(
            f"{admin_url}/api/http/services/food-api@file",
            max(0.1, deadline - time.monotonic()),
            alive=alive,
        )

    return start_server(server, ready, timeout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the Traefik configuration.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--web-port", type=int, default=DEFAULT_WEB_PORT)
    parser.add_argument("--admin-port", type=int, default=DEFAULT_ADMIN_PORT)
    parser.add_argument("--replica", action="append", dest="replicas", metavar="URL")
    args = parser.parse_args(argv)
    static = render_traefik_config(
        args.out_dir,
        web_port=args.web_port,
        admin_port=args.admin_port,
        replica_urls=args.replicas or DEFAULT_REPLICAS,
    )
    print(static)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
