"""The OpenAPI document and its human-readable page."""

from __future__ import annotations

from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, Response

from services.api.calls import Call
from services.api.docs_page import DOCS_HTML
from services.api.paths import PREFIX
from services.api.routing import Auth, Operation


def docs_operations(document: dict[str, Any]) -> list[Operation]:
    async def openapi(_call: Call) -> Response:
        return JSONResponse(document, headers={"Cache-Control": "no-cache"})

    async def docs(_call: Call) -> Response:
        return HTMLResponse(
            DOCS_HTML,
            headers={
                "Cache-Control": "no-cache",
                # Only its own inline script and style, and fetches to this origin.
                "Content-Security-Policy": (
                    "default-src 'none'; script-src 'unsafe-inline'; "
                    "style-src 'unsafe-inline'; connect-src 'self'"
                ),
            },
        )

    return [
        Operation(
            "getOpenApi",
            "GET",
            f"{PREFIX}/openapi.json",
            "This document",
            "docs",
            openapi,
            auth=Auth.NONE,
            include_in_schema=False,
        ),
        Operation(
            "getDocs",
            "GET",
            f"{PREFIX}/docs",
            "The API reference page",
            "docs",
            docs,
            auth=Auth.NONE,
            include_in_schema=False,
        ),
    ]
