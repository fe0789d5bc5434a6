"""Traefik with TLS as ``deploy/`` renders it (issue 12, the compose file): HTTPS with
HSTS on the web entry point, and plain HTTP only ever redirected to it.

The certificate is a throwaway self-signed one for 127.0.0.1 (``openssl``); the replica
is a :class:`RecordingBackend`, which shows whether a request got through.
"""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from services.devstack.ports import free_port
from services.devstack.server import RunningServer, ServerStartError
from services.devstack.traefik import TraefikTls, start_traefik
from tests.system.recording_backend import RecordingBackend

HSTS = "max-age=31536000; includeSubDomains"


@dataclass
class TlsEdge:
    traefik: RunningServer
    backend: RecordingBackend
    certificate: Path
    plain_http_url: str

    def trust(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.certificate))


def _self_signed(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "tls.crt", directory / "tls.key"
    openssl = shutil.which("openssl")
    if openssl is None:
        message = "openssl is needed to make a test certificate"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
        timeout=30,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def tls_edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsEdge]:
    state = Path(tmp_path_factory.mktemp("tls-edge"))
    cert, key = _self_signed(state)
    redirect_port = free_port()
    with RecordingBackend() as backend:
        try:
            traefik = start_traefik(
                state / "traefik",
                replica_urls=[backend.url],
                tls=TraefikTls(str(cert), str(key), redirect_port),
            )
        except ServerStartError as error:
            if os.environ.get("CI"):
                pytest.fail(f"Traefik must start in CI: {error}")
            pytest.skip(f"Traefik could not start: {error}")
        with traefik:
            yield TlsEdge(traefik, backend, cert, f"http://127.0.0.1:{redirect_port}")


@pytest.fixture
def edge(tls_edge: TlsEdge) -> TlsEdge:
    tls_edge.backend.clear()
    return tls_edge


def test_plain_http_is_redirected_to_https_without_reaching_a_replica(edge: TlsEdge) -> None:
    with httpx.Client(base_url=edge.plain_http_url, timeout=5) as client:
        read = client.get("/api/v1/cities?q=a")
        write = client.post("/api/v1/auth/login", json={"email": "a@example.com"})

    assert read.status_code in (301, 308)
    assert read.headers["location"] == f"{edge.traefik.url}/api/v1/cities?q=a"
    assert write.status_code == 308  # a browser repeats the POST over HTTPS, not as a GET
    assert edge.backend.seen == []


def test_https_answers_with_hsts_and_the_security_headers(edge: TlsEdge) -> None:
    with httpx.Client(base_url=edge.traefik.url, verify=edge.trust(), timeout=5) as c:
        response = c.get("/api/v1/cities")

    assert response.status_code == 200
    assert response.headers["strict-transport-security"] == HSTS
    assert response.headers["x-content-type-options"] == "nosniff"
    assert [seen.path for seen in edge.backend.seen] == ["/api/v1/cities"]


def test_the_ops_endpoints_stay_private_over_https(edge: TlsEdge) -> None:
    with httpx.Client(base_url=edge.traefik.url, verify=edge.trust(), timeout=5) as c:
        assert c.get("/metrics").status_code == 404
    assert edge.backend.seen == []
