"""``python -m services.catalog_loader``: loads the demo catalog once; a second run adds
nothing and leaves what is there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve

from adapters.demo_catalog import generate
from adapters.stores import MemoryBackedStore, open_store
from services.catalog_loader import Counts, load_missing, main

DEMO = generate()
ALL_NEW = {
    "cities": (len(DEMO.cities), 0),
    "restaurants": (len(DEMO.restaurants), 0),
    "food_items": (len(DEMO.food_items), 0),
    "ratings": (len(DEMO.ratings), 0),
}
ALL_PRESENT = {kind: (0, loaded) for kind, (loaded, _) in ALL_NEW.items()}
ROOT = Path(__file__).resolve().parents[2]


def _counts(output: str) -> dict[str, tuple[int, int]]:
    found = re.findall(r"^(\w+): loaded=(\d+) present=(\d+)$", output, re.MULTILINE)
    return {kind: (int(loaded), int(present)) for kind, loaded, present in found}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.catalog_loader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_memory_store_twice_loads_once() -> None:
    store = MemoryBackedStore()
    first = load_missing(store.catalog, DEMO)
    second = load_missing(store.catalog, DEMO)
    assert first.food_items == Counts(len(DEMO.food_items), 0)
    assert first.restaurants == Counts(len(DEMO.restaurants), 0)
    assert first.cities == Counts(len(DEMO.cities), 0)
    assert second.food_items == Counts(0, len(DEMO.food_items))
    assert second.restaurants == Counts(0, len(DEMO.restaurants))
    assert second.cities == Counts(0, len(DEMO.cities))
    assert len(store.memory.food_items) == len(DEMO.food_items)
    assert len(store.memory.restaurants) == len(DEMO.restaurants)


def test_memory_url_through_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", "memory://"]) == 0
    assert _counts(capsys.readouterr().out) == ALL_NEW


def test_present_items_are_left_as_they_are() -> None:
    store = MemoryBackedStore()
    item = DEMO.food_items[0]
    changed = evolve(item, food_name="Changed by hand")
    restaurant = next(r for r in DEMO.restaurants if r.restaurant_id == item.restaurant_id)
    store.catalog.add_city(restaurant.city)
    store.catalog.add_restaurant(restaurant)
    store.catalog.add_food_items([changed])
    report = load_missing(store.catalog, DEMO)
    assert report.food_items == Counts(len(DEMO.food_items) - 1, 1)
    assert report.restaurants == Counts(len(DEMO.restaurants) - 1, 1)
    assert report.cities == Counts(len(DEMO.cities) - 1, 1)
    assert store.catalog.get_food_items([item.food_id])[item.food_id] == changed


def test_sqlite_twice_counts_stable(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'catalog.db'}"
    first = _run("--store", url)
    assert first.returncode == 0, first.stderr
    assert _counts(first.stdout) == ALL_NEW
    second = _run("--store", url)
    assert second.returncode == 0, second.stderr
    assert _counts(second.stdout) == ALL_PRESENT

    store = open_store(url)
    try:
        assert len(store.catalog.list_cities()) == len(DEMO.cities)
        stored = store.catalog.get_food_items([item.food_id for item in DEMO.food_items])
        assert len(stored) == len(DEMO.food_items)
        assert stored == {item.food_id: item for item in DEMO.food_items}
    finally:
        store.close()


def test_sqlite_seed_option(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    result = _run("--store", url, "--seed", "7")
    assert result.returncode == 0, result.stderr
    other = generate(7)
    assert _counts(result.stdout)["food_items"] == (len(other.food_items), 0)


@pytest.mark.parametrize(
    "url",
    ["nosuch://x", "no-scheme-at-all", "sqlite:////nonexistent-dir/for/sure/x.db"],
)
def test_bad_url_is_a_clear_error_with_exit_code_2(url: str) -> None:
    result = _run("--store", url)
    assert result.returncode == 2
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_store_argument_exits_2() -> None:
    result = _run()
    assert result.returncode == 2
