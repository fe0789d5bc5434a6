"""``python -m services.api``: serve the API with uvicorn on FOOD_API_HOST:FOOD_API_PORT."""

from __future__ import annotations

import sys

import uvicorn
from dependency_injector import providers

from services.api.app import create_app
from services.api.container import Container
from services.api.logs import configure
from services.api.settings import Settings, SettingsError


def main() -> int:
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"services.api: configuration error: {error}", file=sys.stderr)
        return 2
    configure(settings.log_level, settings.replica_name)
    container = Container()
    container.settings.override(providers.Object(settings))
    app = create_app(container)
    uvicorn.run(
        app,
        host=settings.api_host,
        port=settings.api_port,
        log_config=None,  # our JSON logging, configured above
        access_log=False,  # the app logs each request itself
        proxy_headers=False,  # the app decides which X-Forwarded-For to trust
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
