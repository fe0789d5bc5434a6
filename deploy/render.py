"""Render deploy/traefik/*.yml from traefik/*.tmpl, or check the deploy files parse.

    .venv/bin/python deploy/render.py          # regenerate deploy/traefik/
    .venv/bin/python deploy/render.py --check  # YAML-parse compose + Traefik files
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

REPLICAS = ["http://api-a:8000", "http://api-b:8000"]


def render() -> None:
    from services.devstack.traefik import render_traefik_config

    with tempfile.TemporaryDirectory() as tmp:
        static = render_traefik_config(
            Path(tmp), web_port=80, admin_port=8081, replica_urls=REPLICAS, auth_rate=(5, 10)
        )
        dynamic = (Path(tmp) / "dynamic.yml").read_text()
        text = static.read_text()
    text = text.replace("127.0.0.1:80", ":80").replace("127.0.0.1:8081", ":8081")
    text = re.sub(r'filename: ".*dynamic.yml"', 'filename: "/etc/traefik/dynamic.yml"', text)
    text = re.sub(r'filePath: ".*access.log"', 'filePath: "/var/log/traefik/access.log"', text)
    (HERE / "traefik").mkdir(exist_ok=True)
    (HERE / "traefik" / "dynamic.yml").write_text(
        "# GENERATED from traefik/dynamic.yml.tmpl for deploy/docker-compose.yml (replicas api-a,\n"
        "# api-b on :8000; production auth rate 5/s burst 10; no error-page fallback service).\n"
        "# Regenerate: .venv/bin/python deploy/render.py   (see docs/operations.md).\n" + dynamic
    )
    (HERE / "traefik" / "traefik.yml").write_text(
        "# GENERATED from traefik/traefik.yml.tmpl for deploy/docker-compose.yml.\n" + text
    )


def check() -> None:
    import yaml

    compose = yaml.safe_load((HERE / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"traefik", "mongo", "mongo-init", "api-a", "api-b", "payments"} <= set(services)
    for name in ("api-a", "api-b", "payments"):
        assert services[name]["env_file"], name
        assert "ports" not in services[name], f"{name} must not be published"
    dynamic = yaml.safe_load((HERE / "traefik" / "dynamic.yml").read_text())
    servers = dynamic["http"]["services"]["food-api"]["loadBalancer"]["servers"]
    assert [s["url"] for s in servers] == REPLICAS
    yaml.safe_load((HERE / "traefik" / "traefik.yml").read_text())
    env = dict(
        line.split("=", 1)
        for line in (HERE / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert {"FOOD_TOKEN_KEYS", "FOOD_PAYMENTS_SECRET", "FOOD_STORE_URL"} <= set(env)
    print("deploy/: compose, Traefik and .env.example parse and agree")


if __name__ == "__main__":
    check() if "--check" in sys.argv[1:] else render()
