"""``python -m services.api.cli ensure-indexes`` (the Helm chart's hook Job) creates every
index of the MongoDB schema on an empty database, and a second run changes nothing."""

from __future__ import annotations

import io
import uuid

import pytest
from pymongo import MongoClient

from adapters.mongo.schema import INDEXES
from services.api import cli


def test_ensure_indexes_creates_the_schema_indexes_once(
    mongodb_url: str,
    mongodb_admin: MongoClient[dict[str, object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = f"index_job_{uuid.uuid4().hex[:12]}"
    monkeypatch.delenv("FOOD_ENV", raising=False)
    monkeypatch.setenv("FOOD_STORE_URL", mongodb_url.rstrip("/") + f"/{database}")
    try:
        assert database not in mongodb_admin.list_database_names()
        out = io.StringIO()
        assert cli.main(["ensure-indexes"], out=out) == 0
        assert out.getvalue() == "indexes ensured on MongoStore\n"
        db = mongodb_admin[database]

        def names() -> dict[str, set[str]]:
            return {c: {i["name"] for i in db[c].list_indexes()} for c in INDEXES}

        created = names()
        for collection, indexes in INDEXES.items():
            wanted = {index.document["name"] for index in indexes}
            assert wanted <= created[collection], collection
        assert cli.main(["ensure-indexes"], out=io.StringIO()) == 0
        assert names() == created
    finally:
        mongodb_admin.drop_database(database)
