"""The Helm chart (deploy/helm/food-ordering) rendered by a real Helm, for the chart's
tests: Helm is built from its Go module by scripts/build-go-servers.sh (cached outside
the repository) the first time; a build that fails fails the run under CI."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from services.stack.config import REPO_ROOT

CHART = REPO_ROOT / "deploy" / "helm" / "food-ordering"
ENVIRONMENTS = ("local", "staging", "production")
# The Kubernetes version the chart is rendered for and validated against: the
# kube-apiserver that scripts/build-go-servers.sh builds (KUBERNETES_VERSION there).
KUBE_VERSION = "1.37.2"
NAMESPACE = "food"
RELEASE = "food"

Manifest = dict[str, Any]


@dataclass(frozen=True)
class Helm:
    binary: Path

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.binary), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
            cwd=REPO_ROOT,
        )

    def lint(self, environment: str) -> subprocess.CompletedProcess[str]:
        return self.run("lint", "--strict", str(CHART), "-f", values_file(environment), check=False)

    def template_text(self, *values: str, sets: tuple[str, ...] = ()) -> str:
        args = ["template", RELEASE, str(CHART), "--namespace", NAMESPACE]
        args += ["--kube-version", KUBE_VERSION]
        for path in values:
            args += ["-f", path]
        for assignment in sets:
            args += ["--set", assignment]
        return self.run(*args).stdout

    def template(self, environment: str, *sets: str) -> list[Manifest]:
        return parse(self.template_text(values_file(environment), sets=sets))


class StrictLoader(yaml.SafeLoader):  # type: ignore[misc]
    """YAML as Helm's Go decoder reads it: a key twice in one mapping is an error (PyYAML
    would keep the last one silently, and the dry run would never see the first)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def parse(text: str) -> list[Manifest]:
    return [doc for doc in yaml.load_all(text, Loader=StrictLoader) if doc]


def values_file(environment: str) -> str:
    return str(CHART / f"values-{environment}.yaml")


def by_kind(manifests: list[Manifest], kind: str) -> dict[str, Manifest]:
    return {m["metadata"]["name"]: m for m in manifests if m["kind"] == kind}


def one(manifests: list[Manifest], kind: str, name: str) -> Manifest:
    found = by_kind(manifests, kind)
    assert name in found, f"no {kind} {name}: {sorted(found)}"
    return found[name]
