"""The Helm chart (deploy/helm/food-ordering): ``helm lint`` and ``helm template`` for each
environment's values file, what each rendering must hold (issue 18), and the Traefik
rules it carries being exactly those of the local stack (one definition,
traefik/dynamic.yml.tmpl, rendered by deploy/render.py; that the chart's generated
templates/traefik.yaml is up to date is checked by deploy/render.py --check, which
test_deploy_files.py runs)."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from services.api.settings import Settings
from services.devstack.binaries import BinaryBuildError, ensure_binary
from services.devstack.traefik import render_traefik_config
from services.stack.config import REPO_ROOT, StackConfig
from tests.servers import _unavailable
from tests.system.helm import ENVIRONMENTS, Helm, Manifest, by_kind, one

API = "food-api"
PAYMENTS = "food-payments"
# Helm's cold build runs in the first test's setup (about 2 minutes here); room to spare.
pytestmark = pytest.mark.timeout(1800)


@pytest.fixture(scope="session")
def helm() -> Iterator[Helm]:
    try:
        yield Helm(ensure_binary("helm"))
    except BinaryBuildError as error:
        _unavailable("helm (scripts/build-go-servers.sh helm)", error)


@pytest.fixture(scope="session")
def rendered(helm: Helm) -> dict[str, list[Manifest]]:
    return {environment: helm.template(environment) for environment in ENVIRONMENTS}


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_helm_lint_passes_strictly(helm: Helm, environment: str) -> None:
    result = helm.lint(environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 chart(s) linted, 0 chart(s) failed" in result.stdout


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_api_is_highly_available(rendered: dict[str, list[Manifest]], environment: str) -> None:
    manifests = rendered[environment]
    api = one(manifests, "StatefulSet", API)
    hpa = by_kind(manifests, "HorizontalPodAutoscaler").get(API)
    replicas = hpa["spec"]["minReplicas"] if hpa else api["spec"]["replicas"]
    assert replicas >= 2
    if environment != "local":
        assert hpa is not None and "replicas" not in api["spec"]  # the HPA owns the count
        assert hpa["spec"]["scaleTargetRef"] == {
            "apiVersion": "apps/v1",
            "kind": "StatefulSet",
            "name": API,
        }
        (metric,) = hpa["spec"]["metrics"]
        assert metric["resource"]["name"] == "cpu"
        assert api["spec"]["ordinals"]["start"] + hpa["spec"]["maxReplicas"] <= 32
    pod = api["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["lifecycle"]["preStop"]["exec"]["command"][0] == "sleep"
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    spread = {c["topologyKey"]: c for c in pod["topologySpreadConstraints"]}
    assert set(spread) == {"topology.kubernetes.io/zone", "kubernetes.io/hostname"}
    if environment == "production":
        assert {c["whenUnsatisfiable"] for c in spread.values()} == {"DoNotSchedule"}
    env = {e["name"]: e for e in container["env"]}
    worker = env["FOOD_WORKER_ID"]["valueFrom"]["fieldRef"]["fieldPath"]
    assert worker == "metadata.labels['apps.kubernetes.io/pod-index']"
    pdb = one(manifests, "PodDisruptionBudget", API)
    assert pdb["spec"]["maxUnavailable"] == 1
    assert pdb["spec"]["selector"] == api["spec"]["selector"]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_payments_is_internal_and_admits_the_api_alone(
    rendered: dict[str, list[Manifest]], environment: str
) -> None:
    manifests = rendered[environment]
    payments = one(manifests, "Deployment", PAYMENTS)
    service = one(manifests, "Service", PAYMENTS)
    assert service["spec"]["type"] == "ClusterIP"
    policy = one(manifests, "NetworkPolicy", PAYMENTS)
    assert policy["spec"]["podSelector"] == payments["spec"]["selector"]
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    (rule,) = policy["spec"]["ingress"]
    api_pods = one(manifests, "StatefulSet", API)["spec"]["selector"]
    assert rule["from"] == [{"podSelector": api_pods}]
    assert rule["ports"] == [{"port": 8090, "protocol": "TCP"}]
    for route in one(manifests, "IngressRoute", "food")["spec"]["routes"]:
        assert all(s["name"] != PAYMENTS for s in route["services"])
    api_env = {
        e["name"]: e.get("value")
        for e in one(manifests, "StatefulSet", API)["spec"]["template"]["spec"]["containers"][0][
            "env"
        ]
    }
    assert api_env["FOOD_PAYMENTS_URL"] == f"http://{PAYMENTS}:8090"


def _secret_keys(manifests: list[Manifest], name: str) -> set[str]:
    return set(one(manifests, "Secret", name)["stringData"])


@pytest.mark.parametrize("environment", ["local", "staging"])
def test_each_service_gets_a_secret_of_its_own_keys(
    rendered: dict[str, list[Manifest]], environment: str
) -> None:
    manifests = rendered[environment]
    assert _secret_keys(manifests, API) == {
        "FOOD_STORE_URL",
        "FOOD_TOKEN_KEYS",
        "FOOD_PAYMENTS_SECRET",
        "FOOD_CURSOR_KEY",
    }
    assert _secret_keys(manifests, PAYMENTS) == {
        "PAYMENTS_MONGODB_URL",
        "PAYMENTS_HMAC_SECRET",
        "PAYMENTS_CARD_FINGERPRINT_KEY",
    }
    api = one(manifests, "Secret", API)["stringData"]
    payments = one(manifests, "Secret", PAYMENTS)["stringData"]
    # The one shared secret is the same on both sides; the fingerprint key is payments'.
    assert api["FOOD_PAYMENTS_SECRET"] == payments["PAYMENTS_HMAC_SECRET"]
    assert len(api["FOOD_PAYMENTS_SECRET"]) >= 32
    assert payments["PAYMENTS_CARD_FINGERPRINT_KEY"] not in api.values()
    if environment == "staging":
        assert api["FOOD_STORE_URL"].startswith("mongodb+srv://")
        assert payments["PAYMENTS_MONGODB_URL"].startswith("mongodb+srv://")
    for name in (API, PAYMENTS):
        hook = one(manifests, "Secret", name)["metadata"]["annotations"]["helm.sh/hook"]
        assert hook == "pre-install,pre-upgrade"  # there before the index Job reads it


def test_the_mail_server_url_is_the_api_s_secret_alone(helm: Helm) -> None:
    url = "smtp+starttls://mailer:a-password@smtp.example.com:587"
    manifests = helm.template("staging", f"secrets.smtpUrl={url}")
    assert one(manifests, "Secret", API)["stringData"]["FOOD_SMTP_URL"] == url
    assert url not in one(manifests, "Secret", PAYMENTS)["stringData"].values()
    pod = one(manifests, "StatefulSet", API)["spec"]["template"]["spec"]["containers"][0]
    assert all(url not in json.dumps(variable) for variable in pod["env"])  # not in the pod spec


def test_production_uses_the_secrets_made_outside_helm(
    rendered: dict[str, list[Manifest]],
) -> None:
    manifests = rendered["production"]
    assert by_kind(manifests, "Secret") == {}
    pod = one(manifests, "StatefulSet", API)["spec"]["template"]["spec"]
    assert pod["containers"][0]["envFrom"] == [{"secretRef": {"name": "food-api"}}]
    pod = one(manifests, "Deployment", PAYMENTS)["spec"]["template"]["spec"]
    assert pod["containers"][0]["envFrom"] == [{"secretRef": {"name": "food-payments"}}]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_a_hook_job_creates_the_indexes_before_the_rollout(
    rendered: dict[str, list[Manifest]], environment: str
) -> None:
    job = one(rendered[environment], "Job", "food-indexes")
    annotations = job["metadata"]["annotations"]
    assert annotations["helm.sh/hook"] == "pre-install,pre-upgrade"
    assert int(annotations["helm.sh/hook-weight"]) > -10  # after the Secrets
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["python", "-m", "services.api.cli", "ensure-indexes"]
    (variable,) = container["env"]
    assert variable["name"] == "FOOD_STORE_URL"


@pytest.mark.parametrize(
    ("sets", "message"),
    [
        (("api.autoscaling.maxReplicas=30", "api.workerIdStart=3"), "exceed the 32"),
        (("atlas.apiUri=mongodb://db.example.com/food",), "must be an Atlas mongodb+srv://"),
        (("api.replicas=1", "api.autoscaling.enabled=false"), "at least 2"),
    ],
)
def test_the_chart_refuses_what_would_break_ids_or_skip_atlas(
    helm: Helm, sets: tuple[str, ...], message: str
) -> None:
    with pytest.raises(subprocess.CalledProcessError) as refused:
        helm.template("staging", *sets)
    assert message in refused.value.stderr


# --- the Traefik rules: one definition ------------------------------------------------


def _local_stack_dynamic() -> dict[str, Any]:
    """The dynamic configuration ``nox -s up`` gives Traefik (its defaults)."""
    config = StackConfig.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        render_traefik_config(
            Path(tmp),
            replica_urls=[config.api_url(i) for i in range(len(config.api_ports))],
            fallback_url="http://127.0.0.1:1",
            auth_rate=config.auth_rate,
            events_in_flight_limit=config.events_in_flight,
        )
        http: dict[str, Any] = yaml.safe_load((Path(tmp) / "dynamic.yml").read_text())["http"]
    return http


# The local stack's one addition: problem+json pages from its fallback server when no
# replica answers (the cluster has no such server; Traefik answers 503 itself there).
LOCAL_ONLY_MIDDLEWARES = {"error-pages"}
LOCAL_ONLY_ROUTERS = {"admin-api"}  # Traefik's own API: its chart configures it


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_cluster_has_the_local_stacks_middlewares(
    rendered: dict[str, list[Manifest]], environment: str
) -> None:
    local = _local_stack_dynamic()
    wanted = {k: v for k, v in local["middlewares"].items() if k not in LOCAL_ONLY_MIDDLEWARES}
    assert set(local["middlewares"]) - set(wanted) == LOCAL_ONLY_MIDDLEWARES
    cluster = {n: m["spec"] for n, m in by_kind(rendered[environment], "Middleware").items()}
    assert cluster == wanted
    # What issue 18 names, by kind: retry, rate limit, buffering, headers, in-flight.
    kinds = {next(iter(spec)) for spec in cluster.values()}
    assert {"retry", "rateLimit", "buffering", "headers", "inFlightReq"} <= kinds


def test_the_cluster_routes_are_the_local_stacks_routers(
    rendered: dict[str, list[Manifest]],
) -> None:
    local = _local_stack_dynamic()["routers"]
    wanted = {
        (
            router["rule"],
            router["priority"],
            tuple(m for m in router["middlewares"] if m not in LOCAL_ONLY_MIDDLEWARES),
        )
        for name, router in local.items()
        if name not in LOCAL_ONLY_ROUTERS
    }
    # Local values: no host, so the rule is the router's own.
    route_set = one(rendered["local"], "IngressRoute", "food")["spec"]["routes"]
    routes = {
        (r["match"], r["priority"], tuple(m["name"] for m in r["middlewares"])) for r in route_set
    }
    assert routes == wanted
    assert any("/events$" in rule for rule, _, _ in routes)  # the event-stream router
    # With a host, every rule is the router's, in parentheses, ANDed with it.
    production = one(rendered["production"], "IngressRoute", "food")["spec"]
    matches = {r["match"] for r in production["routes"]}
    assert matches == {f"Host(`food.example.com`) && ({rule})" for rule, _, _ in wanted}
    assert production["tls"] == {"secretName": "food-example-com-tls"}


# --- the services accept the environment the chart gives them --------------------------

POD_FIELDS = {"metadata.name": "{name}-3", "metadata.labels['apps.kubernetes.io/pod-index']": "3"}
PAYMENTS_CONFIG = """
import(process.argv[1]).then((m) => {
  try {
    const c = m.loadConfig(JSON.parse(process.argv[2]));
    const { production, store } = c;
    console.log(JSON.stringify({ production, store: store.kind, url: store.url }));
  } catch (e) { console.log(JSON.stringify({ error: String(e.message) })); }
});
"""


def _pod_env(manifests: list[Manifest], kind: str, name: str) -> dict[str, str]:
    """The environment a pod of ``name`` starts with: its Secret, then its env entries
    (the downward API's fields as the pod of ordinal 3 would see them)."""
    (container,) = one(manifests, kind, name)["spec"]["template"]["spec"]["containers"]
    (source,) = container["envFrom"]
    env = dict(one(manifests, "Secret", source["secretRef"]["name"])["stringData"])
    for entry in container["env"]:
        if "value" in entry:
            env[entry["name"]] = entry["value"]
        else:
            env[entry["name"]] = POD_FIELDS[entry["valueFrom"]["fieldRef"]["fieldPath"]].format(
                name=name
            )
    return env


def _payments_config(env: dict[str, str]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node is not None, "node is needed (the payments service runs on it)"
    config = REPO_ROOT / "node-payments" / "src" / "config.js"
    result = subprocess.run(
        [node, "--input-type=module", "-e", PAYMENTS_CONFIG, config.as_uri(), json.dumps(env)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    outcome: dict[str, Any] = json.loads(result.stdout)
    return outcome


ATLAS = "mongodb+srv://{user}:{password}@staging.abcde.mongodb.net/{db}?retryWrites=true&w=majority"


def test_both_services_accept_the_staging_environment(helm: Helm) -> None:
    """Staging with real (generated-looking) Atlas passwords: the API's production
    settings and the payments service's production config both load."""
    password = secrets.token_urlsafe(24)
    manifests = helm.template(
        "staging",
        "atlas.apiUri=" + ATLAS.format(user="food_api", password=password, db="food"),
        "atlas.paymentsUri="
        + ATLAS.format(user="payments", password=password + "p", db="payments"),
    )
    settings = Settings.from_env(_pod_env(manifests, "StatefulSet", API))
    assert settings.is_production
    assert settings.worker_id == 3
    assert settings.store_url.startswith("mongodb+srv://food_api:")
    assert settings.payments_url == f"http://{PAYMENTS}:8090"
    payments = _payments_config(_pod_env(manifests, "Deployment", PAYMENTS))
    assert payments == {
        "production": True,
        "store": "mongodb",
        "url": ATLAS.format(user="payments", password=password + "p", db="payments"),
    }


def test_the_committed_staging_placeholders_cannot_go_live(
    rendered: dict[str, list[Manifest]],
) -> None:
    """values-staging.yaml's Atlas URLs carry CHANGE_ME: payments refuses to start on
    them in production, so a release without --set-file of the real URLs fails loudly."""
    refused = _payments_config(_pod_env(rendered["staging"], "Deployment", PAYMENTS))
    assert "placeholder" in refused["error"]


def test_the_api_accepts_the_local_environment(rendered: dict[str, list[Manifest]]) -> None:
    settings = Settings.from_env(_pod_env(rendered["local"], "StatefulSet", API))
    assert not settings.is_production and not settings.cookie_secure
    assert settings.store_url == "mongodb://food-mongo:27017/food?maxPoolSize=20"
    payments = _payments_config(_pod_env(rendered["local"], "Deployment", PAYMENTS))
    assert payments["production"] is False and payments["url"].endswith("/payments")
