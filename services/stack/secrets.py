"""Secrets generated once per state directory and shared by the processes of one stack.

Production supplies its own through the environment; locally they are random, kept in
``<state>/secrets.json`` (mode 0600) so restarts keep sessions and payment signatures
valid.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class StackSecrets:
    token_key_id: str
    token_key: str
    payments_secret: str
    demo_password: str

    @property
    def token_keys(self) -> str:
        """The API's ``FOOD_TOKEN_KEYS`` value."""
        return f"{self.token_key_id}:{self.token_key}"


def load_or_create(state_dir: Path) -> StackSecrets:
    path = state_dir / "secrets.json"
    if path.exists():
        return StackSecrets(**json.loads(path.read_text()))
    made = StackSecrets(
        token_key_id=f"k{secrets.token_hex(4)}",
        token_key=secrets.token_urlsafe(48),
        payments_secret=secrets.token_urlsafe(48),
        demo_password=secrets.token_urlsafe(12),
    )
    state_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(asdict(made), f)
    return made
