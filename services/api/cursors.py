"""Signed search cursors: the ``next_cursor`` a client gets is opaque and tamper-evident.

The core's cursor (``food_core.search``) is readable base64 JSON, validated completely
when it comes back. The API adds a MAC in front of it — HMAC-SHA256 under the cursor key
(``FOOD_CURSOR_KEY``, or one derived from the first token key), truncated to 128 bits and
bound to this purpose — so a client can only hand back a cursor this API made, and a
forged or altered one is refused before it is even decoded. Every replica derives the
same key from the shared settings, so a page fetched from one replica continues on the
other. Any refusal is the core's 422 naming ``cursor``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from food_core.errors import ValidationFailed
from services.api.settings import Settings

_PURPOSE = b"food search cursor v1\n"
_MAC_BYTES = 16
_MAC_CHARS = 22  # base64url of 16 bytes, unpadded
# What the OpenAPI document says of a cursor (SearchQuery.cursor, RestaurantsOut.next_cursor):
# base64url characters, the MAC and at least one more.
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
CURSOR_MIN_LENGTH = _MAC_CHARS + 1
CURSOR_MAX_LENGTH = 512
CURSOR_DESCRIPTION = (
    "An opaque token: the next_cursor of the page before, passed back unchanged with the "
    "same sort. The server signs it; any other value is a 422 naming cursor."
)
NEXT_CURSOR_DESCRIPTION = (
    "An opaque token for the next page: pass it back unchanged as cursor, with the same "
    "sort. Null on the last page."
)
_KEY_LABEL = b"food: search cursor key"


def cursor_key(settings: Settings) -> bytes:
    """``FOOD_CURSOR_KEY`` if set, else a key derived from the first token key (every
    replica has the same token keys, so every replica derives the same cursor key)."""
    if settings.cursor_key:
        return settings.cursor_key
    return hmac.new(settings.token_keys[0].secret, _KEY_LABEL, hashlib.sha256).digest()


def _invalid() -> ValidationFailed:
    return ValidationFailed("cursor is not valid for this search", field="cursor")


class CursorSigner:
    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("the cursor key must be at least 32 bytes")
        self._key = key

    def _mac(self, inner: str) -> str:
        digest = hmac.new(self._key, _PURPOSE + inner.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:_MAC_BYTES]).decode("ascii").rstrip("=")

    def sign(self, inner: str | None) -> str | None:
        """The cursor to give the client for the core's cursor ``inner``."""
        return None if inner is None else self._mac(inner) + inner

    def open(self, cursor: str | None) -> str | None:
        """The core's cursor inside a signed ``cursor``; raise ValidationFailed
        (``cursor``) unless this API signed it."""
        if cursor is None:
            return None
        mac, inner = cursor[:_MAC_CHARS], cursor[_MAC_CHARS:]
        try:
            expected = self._mac(inner)
        except UnicodeEncodeError:
            raise _invalid() from None
        if not inner or not hmac.compare_digest(mac.encode("ascii", "replace"), expected.encode()):
            raise _invalid()
        return inner
