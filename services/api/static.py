"""The built web app, served at ``/`` when ``FOOD_WEBAPP_DIST`` exists.

Unmatched GET paths outside the API get the file they name, or ``index.html`` so the
app's client-side router can show its page (SPA fallback). API paths never fall back:
their 404 stays a problem document, and so does a path no file can have (an encoded NUL,
a name too long for the file system): it names neither a file nor one of the app's pages.
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
        """The file ``path`` names under ``root``; None if there is none.

        Raises ``ValueError`` or ``OSError`` for a path the file system refuses to look
        up at all: an embedded NUL (``/%00``), a name or path too long."""
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
        try:
            found = self._file(root, path) if path != "/" else None
        except (ValueError, OSError):
            return None  # no file and no page can have this path: the problem 404
        if found is not None:
            # Vite fingerprints asset names, so they can be cached for good.
            immutable = found.parent.name == "assets"
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(found, headers={"Cache-Control": cache})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
