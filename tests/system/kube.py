"""A real Kubernetes API server for the chart's tests: etcd and kube-apiserver, built from
their Go modules at pinned versions by scripts/build-go-servers.sh (cached outside the
repository), started on free loopback ports, and a client that submits manifests with a
server-side dry run (``dryRun=All``, ``fieldValidation=Strict``): the API server
defaults, validates (built-in types and CRD schemas alike) and admits each object as it
would on a create, and stores nothing.

No controllers, scheduler or kubelet run: what is checked is what the API accepts.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml  # type: ignore[import-untyped]

from services.devstack.binaries import ensure_binary
from services.devstack.ports import HOST, Alive, ProcessExitedError, free_port
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, start_server

TRAEFIK_MODULE = "github.com/traefik/traefik/v3"
# The Traefik the stack runs (TRAEFIK_VERSION in scripts/build-go-servers.sh); its module
# ships the CRD definitions its official chart installs.
TRAEFIK_VERSION = "v3.7.13"
TRAEFIK_CRDS = "docs/content/reference/dynamic-configuration/kubernetes-crd-definition-v1.yml"
TOKEN = "food-chart-tests"  # a static token, valid only on this loopback API server
Manifest = dict[str, Any]


class DryRunRefused(AssertionError):
    """The API server refused an object; the message is its reason."""


def _probe(url: str, headers: dict[str, str] | None = None) -> Any:
    def ready(timeout: float, /, *, alive: Alive) -> None:
        deadline = time.monotonic() + timeout
        last = "no answer"
        # Loopback only; kube-apiserver's serving certificate is self-signed.
        with httpx.Client(verify=False, timeout=2.0, headers=headers) as client:
            while True:
                if not alive():
                    raise ProcessExitedError(f"exited before {url} answered")
                try:
                    response = client.get(url)
                except httpx.HTTPError as error:
                    last = repr(error)
                else:
                    if response.status_code == 200:
                        return
                    last = f"HTTP {response.status_code}: {response.text[:300]}"
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"{url} was not ready within {timeout:g}s ({last})")
                time.sleep(0.2)

    return ready


def start_etcd(state_dir: Path) -> RunningServer:
    binary = ensure_binary("etcd")
    client_port, peer_port = free_port(), free_port()
    client, peer = f"http://{HOST}:{client_port}", f"http://{HOST}:{peer_port}"
    process = ManagedProcess(
        "etcd",
        [
            str(binary),
            "--name=food-tests",
            f"--data-dir={state_dir / 'data'}",
            f"--listen-client-urls={client}",
            f"--advertise-client-urls={client}",
            f"--listen-peer-urls={peer}",
            f"--initial-advertise-peer-urls={peer}",
            f"--initial-cluster=food-tests={peer}",
            "--listen-metrics-urls=",
            "--log-level=warn",
            # Throwaway data: durability would only cost the tests time.
            "--unsafe-no-fsync",
        ],
        log_path=state_dir / "etcd.log",
    )
    server = RunningServer("etcd", client, HOST, client_port, state_dir, process)
    return start_server(server, _probe(f"{client}/health"), timeout=60)


def start_kube_apiserver(state_dir: Path, etcd_url: str) -> RunningServer:
    binary = ensure_binary("kube-apiserver")
    state_dir.mkdir(parents=True, exist_ok=True)
    key = state_dir / "service-account.key"
    subprocess.run(
        ["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", str(key)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    tokens = state_dir / "tokens.csv"
    tokens.write_text(f'{TOKEN},chart-tests,chart-tests,"system:masters"\n')
    port = free_port()
    process = ManagedProcess(
        "kube-apiserver",
        [
            str(binary),
            f"--etcd-servers={etcd_url}",
            f"--etcd-prefix=/food-chart-tests-{port}",
            f"--bind-address={HOST}",
            f"--advertise-address={HOST}",
            f"--secure-port={port}",
            f"--cert-dir={state_dir / 'certs'}",
            "--service-cluster-ip-range=10.96.0.0/16",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            f"--service-account-key-file={key}",
            f"--service-account-signing-key-file={key}",
            f"--token-auth-file={tokens}",
            "--authorization-mode=RBAC",
            # The advertised address is loopback: no "kubernetes" Endpoints to keep.
            "--endpoint-reconciler-type=none",
            "--enable-priority-and-fairness=false",
            "--profiling=false",
            "--v=0",
        ],
        log_path=state_dir / "kube-apiserver.log",
    )
    url = f"https://{HOST}:{port}"
    server = RunningServer("kube-apiserver", url, HOST, port, state_dir, process)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return start_server(server, _probe(f"{url}/readyz", headers), timeout=120)


def traefik_crds() -> list[Manifest]:
    """Traefik's CRDs, from its Go module at the stack's version (checksum-verified)."""
    result = subprocess.run(
        ["go", "mod", "download", "-json", f"{TRAEFIK_MODULE}@{TRAEFIK_VERSION}"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd="/",  # outside any module
        env={**_go_env(), "GOWORK": "off", "GOFLAGS": "-mod=mod"},
        check=False,
    )
    info = json.loads(result.stdout or "{}")
    if result.returncode != 0 or "Dir" not in info:
        raise RuntimeError(f"go mod download {TRAEFIK_MODULE}: {result.stdout}{result.stderr}")
    text = (Path(info["Dir"]) / TRAEFIK_CRDS).read_text()
    return [doc for doc in yaml.safe_load_all(text) if doc]


def _go_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "GOFLAGS"}


@dataclass
class KubeApi:
    url: str
    client: httpx.Client = field(init=False)
    _resources: dict[tuple[str, str], tuple[str, str, bool]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            base_url=self.url,
            verify=False,
            timeout=30.0,
            headers={"Authorization": f"Bearer {TOKEN}"},
        )

    def discover(self) -> None:
        """apiVersion + kind -> (path prefix, resource, namespaced), from discovery."""
        found: dict[tuple[str, str], tuple[str, str, bool]] = {}
        prefixes = ["/api/v1"]
        for group in self.client.get("/apis").raise_for_status().json()["groups"]:
            prefixes += [f"/apis/{v['groupVersion']}" for v in group["versions"]]
        for prefix in prefixes:
            listing = self.client.get(prefix).raise_for_status().json()
            for resource in listing["resources"]:
                if "/" in resource["name"]:  # subresources
                    continue
                key = (listing["groupVersion"], resource["kind"])
                found[key] = (prefix, resource["name"], resource["namespaced"])
        self._resources = found

    def _path(self, manifest: Manifest, namespace: str) -> str:
        key = (manifest["apiVersion"], manifest["kind"])
        if key not in self._resources:
            self.discover()
        if key not in self._resources:
            raise DryRunRefused(f"the API server has no {key[1]} in {key[0]}")
        prefix, resource, namespaced = self._resources[key]
        return (
            f"{prefix}/namespaces/{namespace}/{resource}" if namespaced else f"{prefix}/{resource}"
        )

    def create(self, manifest: Manifest, namespace: str, *, dry_run: bool) -> Manifest:
        params = {"fieldValidation": "Strict"} | ({"dryRun": "All"} if dry_run else {})
        response = self.client.post(self._path(manifest, namespace), params=params, json=manifest)
        if response.status_code not in (200, 201):
            try:
                message = response.json().get("message", response.text)
            except ValueError:
                message = response.text
            name = manifest.get("metadata", {}).get("name")
            raise DryRunRefused(f"{manifest['kind']} {name}: {response.status_code} {message}")
        created: Manifest = response.json()
        return created

    def dry_run(self, manifest: Manifest, namespace: str) -> Manifest:
        return self.create(manifest, namespace, dry_run=True)

    def install_crds(self, crds: list[Manifest], timeout: float = 60.0) -> None:
        for crd in crds:
            self.create(crd, "", dry_run=False)
        deadline = time.monotonic() + timeout
        base = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"
        for crd in crds:
            name = crd["metadata"]["name"]
            while True:
                status = self.client.get(f"{base}/{name}").raise_for_status().json()
                conditions = {
                    c["type"]: c["status"] for c in status["status"].get("conditions", [])
                }
                if conditions.get("Established") == "True":
                    break
                assert time.monotonic() < deadline, f"CRD {name} not established: {conditions}"
                time.sleep(0.1)
        # Discovery serves the new kinds a moment after they are established.
        wanted = {
            (f"{c['spec']['group']}/{v['name']}", c["spec"]["names"]["kind"])
            for c in crds
            for v in c["spec"]["versions"]
            if v.get("served")
        }
        while True:
            self.discover()
            if wanted <= set(self._resources):
                return
            assert time.monotonic() < deadline, f"not in discovery: {wanted - set(self._resources)}"
            time.sleep(0.2)

    def version(self) -> str:
        git_version: str = self.client.get("/version").raise_for_status().json()["gitVersion"]
        return git_version

    def close(self) -> None:
        self.client.close()


@contextmanager
def kube_api(state_dir: Path) -> Iterator[KubeApi]:
    """etcd + kube-apiserver, running until the block ends."""
    etcd = start_etcd(state_dir / "etcd")
    try:
        apiserver = start_kube_apiserver(state_dir / "apiserver", etcd.url)
        try:
            api = KubeApi(apiserver.url)
            try:
                yield api
            finally:
                api.close()
        finally:
            apiserver.stop()
    finally:
        etcd.stop()


__all__ = ["DryRunRefused", "KubeApi", "kube_api", "traefik_crds"]
