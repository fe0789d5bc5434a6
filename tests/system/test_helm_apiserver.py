"""Every manifest the chart renders, for each environment, is accepted by a real
kube-apiserver of the stated version (tests/system/helm.py: KUBE_VERSION) with Traefik's
CRDs installed: a server-side dry run with strict field validation (tests/system/kube.py).
A build or start that fails fails the run under CI and skips otherwise."""

from __future__ import annotations

import contextlib
import copy
import subprocess
from collections.abc import Iterator

import pytest

from tests.servers import _unavailable
from tests.system.helm import ENVIRONMENTS, KUBE_VERSION, NAMESPACE, Manifest, one
from tests.system.kube import DryRunRefused, KubeApi, kube_api, traefik_crds
from tests.system.test_helm_chart import helm, rendered

__all__ = ["helm", "rendered"]  # the fixtures, shared with the chart's other tests

# A cold build of kube-apiserver and etcd (scripts/gobuild/README.md: about 11 minutes
# here) runs inside the first test's setup: more than the suite's 600 s per test.
pytestmark = pytest.mark.timeout(3600)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KubeApi]:
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(kube_api(tmp_path_factory.mktemp("kube")))
            crds = traefik_crds()
        # A tool that cannot be built (BinaryBuildError), a server that does not start
        # (ServerStartError), no Go for the CRDs' module (OSError, RuntimeError).
        except (RuntimeError, subprocess.SubprocessError, OSError) as e:
            _unavailable("a kube-apiserver with etcd (scripts/build-go-servers.sh k8s)", e)
            raise AssertionError("unreachable") from e
        server.create(
            {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NAMESPACE}},
            "",
            dry_run=False,
        )
        server.install_crds(crds)
        yield server


def test_the_api_server_is_the_stated_kubernetes_version(api: KubeApi) -> None:
    assert api.version() == f"v{KUBE_VERSION}"


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_every_rendered_manifest_passes_a_server_side_dry_run(
    api: KubeApi, rendered: dict[str, list[Manifest]], environment: str
) -> None:
    refused: list[str] = []
    accepted: dict[tuple[str, str], Manifest] = {}
    for manifest in rendered[environment]:
        try:
            answer = api.dry_run(manifest, NAMESPACE)
        except DryRunRefused as error:
            refused.append(str(error))
            continue
        accepted[(answer["kind"], answer["metadata"]["name"])] = answer
    assert refused == []
    assert len(accepted) == len(rendered[environment])
    # The answers are the server's: defaulted, in the namespace, never stored.
    statefulset = accepted[("StatefulSet", "food-api")]
    assert statefulset["metadata"]["namespace"] == NAMESPACE
    assert statefulset["spec"]["template"]["spec"]["restartPolicy"] == "Always"
    assert statefulset["spec"]["ordinals"]["start"] >= 0
    assert ("Middleware", "retry") in accepted and ("IngressRoute", "food") in accepted


def test_what_the_server_would_refuse_is_refused(
    api: KubeApi, rendered: dict[str, list[Manifest]]
) -> None:
    """The dry run is no formality: a misspelt field of a Traefik middleware, a route
    kind outside the CRD's enum, and a PDB with both budgets are each refused."""
    manifests = rendered["production"]
    middleware = copy.deepcopy(one(manifests, "Middleware", "auth-rate-limit"))
    middleware["spec"]["rateLimit"]["averge"] = middleware["spec"]["rateLimit"].pop("average")
    with pytest.raises(DryRunRefused, match="averge"):
        api.dry_run(middleware, NAMESPACE)
    route = copy.deepcopy(one(manifests, "IngressRoute", "food"))
    route["spec"]["routes"][0]["kind"] = "Rules"
    with pytest.raises(DryRunRefused, match="Rules"):
        api.dry_run(route, NAMESPACE)
    pdb = copy.deepcopy(one(manifests, "PodDisruptionBudget", "food-api"))
    pdb["spec"]["minAvailable"] = 1
    with pytest.raises(DryRunRefused, match="minAvailable"):
        api.dry_run(pdb, NAMESPACE)
