"""Write the API's OpenAPI document, as the app serves it, to a file or stdout.

``python -m tests.e2e.openapi_dump [PATH]``: the web app's TypeScript types are generated
from this document (``webapp/src/api/schema.d.ts``), and its drift test compares them.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path


def openapi_document() -> dict[str, object]:
    """``GET /api/v1/openapi.json`` from the app in process (test settings, memory store)."""
    os.environ.setdefault("FOOD_ENV", "test")
    os.environ.setdefault("FOOD_PAYMENTS_URL", "fake://")
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

    from services.api.app import create_app

    with TestClient(create_app()) as client:
        response = client.get("/api/v1/openapi.json")
        response.raise_for_status()
        document: dict[str, object] = response.json()
    return document


def main(argv: list[str]) -> int:
    text = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
    if argv:
        Path(argv[0]).write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
