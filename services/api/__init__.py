"""The HTTP API (docs/design.md §6): ``create_app`` in :mod:`services.api.app`, the composition
root in :mod:`services.api.container`, settings in :mod:`services.api.settings`.

Importing this package does nothing heavy: no I/O, no store, no client.
"""
