"""The MongoDB adapter (pymongo): MongoDB 6/7, Atlas, and FerretDB 1.24."""

from __future__ import annotations

from adapters.mongo.store import DEFAULT_WRITE_CONCERN, MongoStore

__all__ = ["DEFAULT_WRITE_CONCERN", "MongoStore"]
