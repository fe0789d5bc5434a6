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
        # An empty setting means no web app (the API's own tests run without one).
        self.root = Path(dist).resolve() if dist else None

    def _file(self, root: Path, path: str) -> Path | None:
        candidate = (root / path.lstrip("/")).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
        return None

    async def page(self, request: Request) -> Response | None:
        path = request.url.path
        root = self.root
        if (
            root is None
            or request.method not in ("GET", "HEAD")
            or path.startswith(NOT_FOR_THE_APP)
        ):
            return None
        index = root / "index.html"
        if not index.is_file():
            return None
        found = self._file(root, path) if path != "/" else None
        if found is not None:
            # Vite fingerprints asset names, so they can be cached for good.
            immutable = found.parent.name == "assets"
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(found, headers={"Cache-Control": cache})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
