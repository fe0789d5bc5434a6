"""Fixtures every test directory may use: the real servers (tests/servers.py)."""

from tests.servers import mongodb_url, postgres_url

__all__ = ["mongodb_url", "postgres_url"]
