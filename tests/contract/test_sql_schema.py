"""The SQL adapter's schema and connections: migrations build exactly the tables the
code queries, can run twice (and concurrently), and SQLite runs as configured."""

from __future__ import annotations

import multiprocessing
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from adapters.sql import SqlStore, migrate
from adapters.sql.database import Database, create_engine
from adapters.sql.migrate import alembic_config
from adapters.sql.tables import metadata
from food_core.search import RestaurantQuery
from tests.contract.backends import Backend
from tests.contract.builders import Maker

SQL = ("sqlite", "postgresql")


@pytest.fixture(params=SQL)
def sql_backend(request: pytest.FixtureRequest) -> Backend:
    backend: Backend = request.getfixturevalue(f"{request.param}_session")
    backend.reset()
    return backend


def _engine(backend: Backend) -> sa.Engine:
    assert isinstance(backend.store, SqlStore)
    return backend.store.engine


def test_the_migrated_schema_is_the_one_the_code_queries(sql_backend: Backend) -> None:
    with _engine(sql_backend).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_migrating_an_up_to_date_database_changes_nothing(sql_backend: Backend) -> None:
    assert sql_backend.url is not None
    migrate(sql_backend.url)
    with _engine(sql_backend).connect() as connection:
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    assert len(version) == 1


def test_two_processes_migrating_a_new_database_at_once_both_succeed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    ctx = multiprocessing.get_context("spawn")
    runners = [ctx.Process(target=migrate, args=(url,)) for _ in range(2)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(60)
    assert [runner.exitcode for runner in runners] == [0, 0]
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(
    sqlite_session: Backend,
) -> None:
    with _engine(sqlite_session).connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        busy_timeout = pragma("PRAGMA busy_timeout").scalar()
        assert busy_timeout is not None and busy_timeout >= 1000


def test_naive_datetimes_are_refused(sql_backend: Backend, make: Maker) -> None:
    naive = make.user(created_at=datetime(2026, 1, 1, 12, 0))
    with pytest.raises(sa.exc.StatementError, match="naive datetime"):
        sql_backend.store.users.add(naive, "hash")


def test_migrating_a_0006_database_folds_its_dish_names_for_search(tmp_path: Path) -> None:
    """Items stored before dish search get their ``name_key`` from the migration, so
    their restaurants are found by them; restaurants count no ratings yet."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    try:
        with Database(engine).writing() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0006")
            connection.execute(
                sa.text(
                    "INSERT INTO restaurants (restaurant_id, restaurant_name,"
                    " restaurant_description, restaurant_rating, city_pincode, city_name,"
                    " cuisines, is_veg_only, delivery_time_minutes, cost_for_two, open_hours,"
                    " delivery_fee, free_delivery_above, name_key, description_key)"
                    " VALUES (1, 'Grill', 'Meat', 4.2, '560001', 'Bengaluru', '[\"BBQ\"]',"
                    " 0, 30, 50000, '00:00-24:00', 0, NULL, 'grill', 'meat')"
                )
            )
            connection.execute(
                sa.text(
                    "INSERT INTO food_items (food_id, restaurant_id, food_name, food_category,"
                    " price, availability, is_veg, description, packaging)"
                    " VALUES (:id, 1, :name, 'Mains', 20000, 1, 0, '', 0)"
                ),
                [{"id": 11, "name": "STRAßE Kebab"}, {"id": 12, "name": "Lime Soda"}],
            )
    finally:
        engine.dispose()
    store = SqlStore(url)
    try:
        query = RestaurantQuery("560001", text="strasse")
        found = store.catalog.search_restaurants(query)
        assert [r.restaurant_id for r in found] == [1]
        assert found[0].rating_count == 0
        assert store.catalog.dishes_matching([1], "STRASSE") == {1: ["STRAßE Kebab"]}
        assert [i.option_groups for i in store.catalog.menu(1)] == [(), ()]
    finally:
        store.close()
