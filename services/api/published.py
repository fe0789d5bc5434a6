"""Secrets published in this repository and the look of placeholder text, which the API
refuses in production. One list for both services: ``contracts/published-secrets.json``
(the payments service reads the same file); an installed wheel carries a copy of it
(``pyproject.toml``, force-include), read when the repository is not there."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from attrs import frozen

_IN_REPOSITORY = Path(__file__).resolve().parents[2] / "contracts" / "published-secrets.json"
_IN_WHEEL = "published_secrets.json"


@frozen
class Published:
    secrets: frozenset[str]
    placeholder: re.Pattern[str]

    def refusal(self, value: str) -> str | None:
        """Why ``value`` may not be a production secret, or None if it may."""
        if self.placeholder.search(value):
            return "is still a placeholder (it looks like CHANGE_ME/example text)"
        if value in self.secrets:
            return "is a value published in the repository (a test or example secret)"
        return None


@cache
def published() -> Published:
    if _IN_REPOSITORY.is_file():
        text = _IN_REPOSITORY.read_text(encoding="utf-8")
    else:
        text = resources.files("services.api").joinpath(_IN_WHEEL).read_text(encoding="utf-8")
    contract = json.loads(text)
    return Published(
        frozenset(contract["secrets"]), re.compile(contract["placeholder_pattern"], re.I)
    )
