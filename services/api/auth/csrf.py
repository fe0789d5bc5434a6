"""CSRF protection for cookie sessions: a signed double-submit token.

Signup and login set ``food_csrf`` (readable by the page's script, unlike the session
cookie). A cookie-authenticated unsafe request must echo it in ``X-CSRF-Token``. A
request from another site cannot read the cookie to echo it, and the value is an HMAC of
the session's token id, so a cookie planted by a sibling subdomain does not fit another
session either. Bearer requests need none: a browser never adds that header by itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence

from services.api.settings import TokenKey

CSRF_COOKIE = "food_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _token(secret: bytes, token_id: str) -> str:
    mac = hmac.new(secret, b"csrf:" + token_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def csrf_token_for(keys: Sequence[TokenKey], token_id: str) -> str:
    return _token(keys[0].secret, token_id)


def csrf_valid(
    keys: Sequence[TokenKey], token_id: str, cookie: str | None, header: str | None
) -> bool:
    if not cookie or not header or not hmac.compare_digest(cookie, header):
        return False
    # Any configured key: a token signed before a key rotation keeps working.
    return any(hmac.compare_digest(header, _token(key.secret, token_id)) for key in keys)
