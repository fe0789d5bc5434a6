"""The application factory."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response

from services.api.access import AccessMiddleware
from services.api.container import Container
from services.api.errors import exception_handlers
from services.api.lifespan import make_lifespan
from services.api.limits import BodyLimitMiddleware
from services.api.openapi import build_openapi
from services.api.routes import api_operations
from services.api.routes.docs import docs_operations
from services.api.routing import build_routes
from services.api.static import WebApp


def create_app(container: Container | None = None) -> Starlette:
    """Build the app around ``container`` (a fresh one from the environment by default).

    Nothing is opened here; the lifespan opens the store and clients at startup. The
    routes (and ``app.state.container``) reach the container itself.
    """
    container = container if container is not None else Container()
    operations = api_operations()
    document = build_openapi(operations)
    routes = build_routes([*operations, *docs_operations(document)], container)

    async def web_app_page(request: Request) -> Response | None:
        return await WebApp(container.settings().webapp_dist).page(request)

    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(AccessMiddleware, metrics=container.metrics()),
            Middleware(BodyLimitMiddleware),
        ],
        exception_handlers=exception_handlers(web_app_page),
        lifespan=make_lifespan(container),
    )
    # An API answers the path it is given; no redirect from /cart/ to /cart.
    app.router.redirect_slashes = False
    app.state.container = container
    app.state.openapi = document
    return app
