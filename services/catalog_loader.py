"""Load the demo catalog into a store, idempotently.

    python -m services.catalog_loader --store URL [--seed 2026]

Cities, restaurants and food items the store already has (by pincode / id) are left as
they are; only the missing ones are written, so running it twice duplicates nothing and
changes nothing the second time. A progress bar is shown while loading, then the counts.
Exit codes: 0 loaded (or nothing to do), 2 bad arguments or a store that cannot be
opened or reached.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from attrs import frozen
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from adapters.demo_catalog import DEFAULT_SEED, LOAD_BATCH, DemoCatalog, generate, load_ratings
from adapters.stores import open_store
from food_core.ports.repositories import CatalogRepository, RatingRepository

EXIT_USAGE = 2


@frozen
class Counts:
    loaded: int
    present: int

    @property
    def total(self) -> int:
        return self.loaded + self.present


@frozen
class LoadReport:
    cities: Counts
    restaurants: Counts
    food_items: Counts
    ratings: Counts = Counts(0, 0)

    def kinds(self) -> tuple[tuple[str, Counts], ...]:
        return (
            ("cities", self.cities),
            ("restaurants", self.restaurants),
            ("food_items", self.food_items),
            ("ratings", self.ratings),
        )


def load_missing(
    catalog: CatalogRepository,
    demo: DemoCatalog,
    advance: Callable[[int], None] = lambda n: None,
    ratings: RatingRepository | None = None,
) -> LoadReport:
    """Write the entities of ``demo`` that ``catalog`` lacks; ``advance(n)`` after each
    ``n`` entities looked at (for a progress bar). Cities first, then restaurants, then
    food items, so an item never refers to a restaurant that is not stored yet."""
    cities_loaded = 0
    for city in demo.cities:
        if catalog.get_city(city.pincode) is None:
            catalog.add_city(city)
            cities_loaded += 1
        advance(1)
    restaurants_loaded = 0
    for restaurant in demo.restaurants:
        if catalog.get_restaurant(restaurant.restaurant_id) is None:
            catalog.add_restaurant(restaurant)
            restaurants_loaded += 1
        advance(1)
    items_loaded = 0
    for start in range(0, len(demo.food_items), LOAD_BATCH):
        batch = demo.food_items[start : start + LOAD_BATCH]
        stored = catalog.get_food_items([item.food_id for item in batch])
        missing = [item for item in batch if item.food_id not in stored]
        if missing:
            catalog.add_food_items(missing)
            items_loaded += len(missing)
        advance(len(batch))
    ratings_loaded = 0 if ratings is None else load_ratings(catalog, ratings, demo)
    return LoadReport(
        Counts(cities_loaded, len(demo.cities) - cities_loaded),
        Counts(restaurants_loaded, len(demo.restaurants) - restaurants_loaded),
        Counts(items_loaded, len(demo.food_items) - items_loaded),
        Counts(ratings_loaded, len(demo.ratings) - ratings_loaded) if ratings else Counts(0, 0),
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m services.catalog_loader",
        description="Load the demo catalog into a store; what is already there is left.",
    )
    parser.add_argument(
        "--store", required=True, help="store URL: memory://, sqlite:///path, postgresql…, mongodb…"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="demo catalog seed")
    return parser


def _report_table(report: LoadReport) -> Table:
    table = Table(title="demo catalog")
    table.add_column("kind")
    table.add_column("loaded", justify="right")
    table.add_column("already present", justify="right")
    table.add_column("total", justify="right")
    for kind, counts in report.kinds():
        table.add_row(
            kind.replace("_", " "), str(counts.loaded), str(counts.present), str(counts.total)
        )
    return table


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)  # exits with 2 on bad arguments
    out = Console()
    err = Console(stderr=True)
    try:
        store = open_store(args.store)
    except ValueError as error:
        err.print(f"[red]error:[/red] {error}")
        return EXIT_USAGE
    except Exception as error:  # any reason the store cannot be opened
        err.print(f"[red]error:[/red] cannot open the store: {type(error).__name__}: {error}")
        return EXIT_USAGE
    try:
        try:
            store.ping()
        except Exception as error:
            err.print(f"[red]error:[/red] the store does not answer: {type(error).__name__}")
            return EXIT_USAGE
        demo = generate(args.seed)
        total = len(demo.cities) + len(demo.restaurants) + len(demo.food_items)
        with Progress(
            TextColumn("loading the demo catalog"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=out,
            transient=False,
        ) as progress:
            task = progress.add_task("load", total=total)
            report = load_missing(
                store.catalog, demo, lambda n: progress.advance(task, n), store.ratings
            )
        out.print(_report_table(report))
        for kind, counts in report.kinds():
            # One plain line per kind, for scripts and tests.
            print(f"{kind}: loaded={counts.loaded} present={counts.present}")
        return 0
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
