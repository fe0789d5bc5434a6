"""Implementations of food_core's ports: memory, sql, mongo, payments over HTTP, security."""
