"""The built web app, served at ``/`` when ``FOOD_WEBAPP_DIST`` exists.

Unmatched GET paths outside the API get the file they name, or ``index.html`` so the
app's client-side router can show its page (SPA fallback). API paths never fall back:
their 404 stays a problem document.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response

NOT_FOR_THE_APP = ("/api/", "/healthz", "/readyz", "/metrics")


class WebApp:
    def __init__(self, dist: str) -> None:
        self.root = Path(dist).resolve()

    def _file(self, path: str) -> Path | None:
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_relative_to(self.root) and candidate.is_file():
            return candidate
        return None

    async def page(self, request: Request) -> Response | None:
        path = request.url.path
        if request.method not in ("GET", "HEAD") or path.startswith(NOT_FOR_THE_APP):
            return None
        index = self.root / "index.html"
        if not index.is_file():
            return None
        found = self._file(path) if path != "/" else None
        if found is not None:
            # Vite fingerprints asset names, so they can be cached for good.
            immutable = found.parent.name == "assets"
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(found, headers={"Cache-Control": cache})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
