"""The domain is pure: food_core imports the standard library and attrs only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import food_core

ALLOWED_THIRD_PARTY = {"attrs"}


def _imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_food_core_imports_only_the_standard_library_and_attrs() -> None:
    package_dir = Path(food_core.__file__).parent
    offenders: dict[str, set[str]] = {}
    for path in package_dir.rglob("*.py"):
        foreign = {
            name
            for name in _imported_top_level_modules(path)
            if name not in sys.stdlib_module_names
            and name not in ALLOWED_THIRD_PARTY
            and name not in {"food_core", "__future__"}
        }
        if foreign:
            offenders[str(path.relative_to(package_dir))] = foreign
    assert offenders == {}
