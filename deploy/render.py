"""Render deploy/traefik/*.yml from traefik/*.tmpl, or check the deploy files agree.

    .venv/bin/python deploy/render.py          # regenerate deploy/traefik/
    .venv/bin/python deploy/render.py --check  # the static checks below, without Docker

There is no Docker engine where this is developed, so the compose file is checked here:
it parses; only Traefik publishes ports (HTTPS, a redirecting HTTP port, its admin port
on loopback); the rendered Traefik files are up to date, serve HTTPS with the mounted
certificate, HSTS and an HTTP→HTTPS redirect; the API trusts X-Forwarded-For from
Traefik's fixed address only; MongoDB has access control, a user per service limited to
its own database, and is on a network Traefik is not on; every value the compose file
interpolates has a template in compose.env.example; the Node images are the supported
LTS line.
"""

from __future__ import annotations

import ipaddress
import re
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

REPLICAS = ["http://api-a:8000", "http://api-b:8000"]
CERT_DIR = "/etc/traefik/certs"  # the compose file mounts deploy/certs here
NODE_LTS = "26"  # Node.js 26 "Lithium": Active LTS since 2026-10-28, end of life 2029-04-30
# Each service's own MongoDB user and database (mongo/init-users.js).
MONGO_USERS = {"api": ("food_api", "food"), "payments": ("payments", "payments")}
HEADER = {
    "dynamic.yml": (
        "# GENERATED from traefik/dynamic.yml.tmpl for deploy/docker-compose.yml (replicas api-a,\n"
        "# api-b on :8000; HTTPS with the certificate in deploy/certs; production auth rate 5/s\n"
        "# burst 10; no error-page fallback service).\n"
        "# Regenerate: .venv/bin/python deploy/render.py   (see docs/operations.md).\n"
    ),
    "traefik.yml": "# GENERATED from traefik/traefik.yml.tmpl for deploy/docker-compose.yml.\n",
}


def rendered() -> dict[str, str]:
    """The two Traefik files as deploy/traefik/ should hold them."""
    from services.devstack.traefik import TraefikTls, render_traefik_config

    with tempfile.TemporaryDirectory() as tmp:
        static = render_traefik_config(
            Path(tmp),
            web_port=443,
            admin_port=8081,
            replica_urls=REPLICAS,
            auth_rate=(5, 10),
            tls=TraefikTls(f"{CERT_DIR}/tls.crt", f"{CERT_DIR}/tls.key", redirect_port=80),
            listen_host="",  # every interface of the container
        )
        dynamic = (Path(tmp) / "dynamic.yml").read_text()
        text = static.read_text()
    text = re.sub(r'filename: ".*dynamic.yml"', 'filename: "/etc/traefik/dynamic.yml"', text)
    text = re.sub(r'filePath: ".*access.log"', 'filePath: "/var/log/traefik/access.log"', text)
    return {
        "dynamic.yml": HEADER["dynamic.yml"] + dynamic,
        "traefik.yml": HEADER["traefik.yml"] + text,
    }


def render() -> None:
    (HERE / "traefik").mkdir(exist_ok=True)
    for name, text in rendered().items():
        (HERE / "traefik" / name).write_text(text)


def _env_file(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def _mongo_url(url: str, service: str) -> None:
    user, database = MONGO_USERS[service]
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.username == user, f"{service}: MongoDB user {parts.username!r}, not {user!r}"
    assert parts.password, f"{service}: the MongoDB URL has no password"
    assert parts.path == f"/{database}", f"{service}: database {parts.path!r}"
    assert query.get("authSource") == [database], f"{service}: authSource must be {database}"


def check() -> None:
    import yaml  # type: ignore[import-untyped]

    # Interpolated as compose does, with the template values of compose.env.example:
    # every ${VAR} the compose file needs must have one.
    compose_text = (HERE / "docker-compose.yml").read_text()
    templates = _env_file(HERE / "compose.env.example")
    needed = set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)", compose_text))
    assert needed <= set(templates), f"missing from compose.env.example: {needed - set(templates)}"
    assert all(value.startswith("CHANGE_ME") for value in templates.values())
    interpolated = re.sub(
        r"\$\{([A-Z_][A-Z0-9_]*)(:\?[^}]*)?\}", lambda m: templates[m[1]], compose_text
    )
    compose: dict[str, Any] = yaml.safe_load(interpolated)
    services = compose["services"]
    assert {"traefik", "mongo", "mongo-init", "api-a", "api-b", "payments"} <= set(services)
    for name in ("api-a", "api-b", "payments", "mongo", "mongo-init"):
        assert "ports" not in services[name], f"{name} must not be published"
    for name in ("api-a", "api-b", "payments"):
        assert services[name]["env_file"], name

    # deploy/traefik/ is what the templates give (re-run render.py after editing them).
    for name, text in rendered().items():
        assert (HERE / "traefik" / name).read_text() == text, f"re-render traefik/{name}"
    static = yaml.safe_load((HERE / "traefik" / "traefik.yml").read_text())
    dynamic = yaml.safe_load((HERE / "traefik" / "dynamic.yml").read_text())
    servers = dynamic["http"]["services"]["food-api"]["loadBalancer"]["servers"]
    assert [s["url"] for s in servers] == REPLICAS

    # TLS at Traefik: HTTPS on :443 with the mounted certificate, :80 only redirects,
    # HSTS on every answer, the admin port on the host's loopback only.
    entry_points = static["entryPoints"]
    assert entry_points["web"]["address"] == ":443" and "tls" in entry_points["web"]["http"]
    redirect = entry_points["plain-http"]["http"]["redirections"]["entryPoint"]
    assert entry_points["plain-http"]["address"] == ":80"
    assert redirect == {"to": "web", "scheme": "https", "permanent": True}
    assert services["traefik"]["ports"] == ["443:443", "80:80", "127.0.0.1:8081:8081"]
    mounts = [v.split(":")[:2] for v in services["traefik"]["volumes"]]
    assert ["./certs", CERT_DIR] in mounts, "the certificate directory is not mounted"
    certificate = dynamic["tls"]["certificates"][0]
    assert certificate == {"certFile": f"{CERT_DIR}/tls.crt", "keyFile": f"{CERT_DIR}/tls.key"}
    assert dynamic["tls"]["options"]["default"]["minVersion"] == "VersionTLS12"
    headers = dynamic["http"]["middlewares"]["security-headers"]["headers"]
    assert headers["stsSeconds"] >= 31536000, "HSTS for at least a year"
    for name, router in dynamic["http"]["routers"].items():
        assert router["entryPoints"] in (["web"], ["admin"]), name

    # Only Traefik's fixed address is a trusted proxy.
    subnet = ipaddress.ip_network(
        compose["networks"]["edge"]["ipam"]["config"][0]["subnet"], strict=True
    )
    traefik_ip = ipaddress.ip_address(services["traefik"]["networks"]["edge"]["ipv4_address"])
    assert traefik_ip in subnet
    for name in ("api-a", "api-b"):
        trusted = services[name]["environment"]["FOOD_TRUSTED_PROXIES"]
        assert ipaddress.ip_network(trusted) == ipaddress.ip_network(traefik_ip), name
        assert "edge" in services[name]["networks"], name

    # MongoDB: access control, one user per service on its own database, out of reach of
    # Traefik; the init script makes exactly those users.
    assert compose["networks"]["internal"].get("internal") is True
    for name in ("mongo", "payments"):
        assert services[name]["networks"] == ["internal"], f"{name}: internal network only"
    mongo = services["mongo"]
    assert "--keyFile" in mongo["entrypoint"][-1] and "--replSet" in mongo["entrypoint"][-1]
    assert mongo["environment"]["MONGO_INITDB_ROOT_USERNAME"]
    init = "./mongo/init-users.js:/docker-entrypoint-initdb.d/10-users.js:ro"
    assert init in mongo["volumes"]
    script = (HERE / "mongo" / "init-users.js").read_text()
    for user, database in MONGO_USERS.values():
        assert f'{{ user: "{user}", database: "{database}",' in script, user
    assert script.count("role:") == 1 and 'role: "readWrite", db: database' in script
    for name in ("api-a", "api-b"):
        _mongo_url(services[name]["environment"]["FOOD_STORE_URL"], "api")
    _mongo_url(services["payments"]["environment"]["PAYMENTS_MONGODB_URL"], "payments")

    # The services' own env files (their templates) carry what each one needs.
    api_env = _env_file(HERE / "api.env.example")
    payments_env = _env_file(HERE / "payments.env.example")
    assert {"FOOD_TOKEN_KEYS", "FOOD_PAYMENTS_SECRET", "FOOD_PAYMENTS_URL"} <= set(api_env)
    assert {"PAYMENTS_HMAC_SECRET"} <= set(payments_env)

    # The images run the supported Node.js LTS line.
    for dockerfile in ("Dockerfile.api", "Dockerfile.payments"):
        images = re.findall(r"^FROM node:(\S+)", (HERE / dockerfile).read_text(), re.M)
        assert images, dockerfile
        for image in images:
            assert image.split("-")[0] == NODE_LTS, f"{dockerfile}: node:{image}"
    print("deploy/: compose, Traefik, MongoDB users and env templates parse and agree")


if __name__ == "__main__":
    check() if "--check" in sys.argv[1:] else render()
