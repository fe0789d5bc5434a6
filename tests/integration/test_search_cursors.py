"""Search cursors over HTTP: opaque, signed tokens; anything else is a 422 naming
``cursor`` — never a 500, on the memory store or on FerretDB (where a NaN once dropped
the connection)."""

from __future__ import annotations

import base64

import httpx
import pytest

from food_core.errors import ValidationFailed
from services.api.cursors import CursorSigner, cursor_key
from services.api.settings import Settings
from tests.integration.support import API, BENGALURU, Api

pytestmark = pytest.mark.every_store

SEARCH = f"{API}/cities/{BENGALURU}/restaurants"


def _inner(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _refused_naming_the_cursor(response: httpx.Response) -> None:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "validation_failed"
    assert [e["field"] for e in body["errors"]] == ["cursor"]


def _first_page(api: Api, sort: str) -> str:
    page = api.client().get(SEARCH, params={"limit": 1, "sort": sort}).json()
    cursor: str = page["next_cursor"]
    assert cursor
    return cursor


def test_a_cursor_is_signed_and_a_forged_one_is_refused(api: Api) -> None:
    client = api.client()
    signed = _first_page(api, "name")
    second = client.get(SEARCH, params={"limit": 1, "sort": "name", "cursor": signed})
    assert second.status_code == 200
    assert [r["restaurant_name"] for r in second.json()["restaurants"]] == ["Slice of Bandra"]
    # What the core makes, unsigned: a client cannot write its own position.
    unsigned = _inner('["name","dosa corner",1]')
    _refused_naming_the_cursor(client.get(SEARCH, params={"sort": "name", "cursor": unsigned}))
    # One character changed anywhere, in the MAC or in the position.
    for index in (0, len(signed) - 1):
        flipped = "A" if signed[index] != "A" else "B"
        tampered = signed[:index] + flipped + signed[index + 1 :]
        _refused_naming_the_cursor(client.get(SEARCH, params={"sort": "name", "cursor": tampered}))
    # A genuine cursor, for another sort than it was made for.
    _refused_naming_the_cursor(client.get(SEARCH, params={"sort": "rating", "cursor": signed}))


@pytest.mark.parametrize(
    ("sort", "payload"),
    [
        ("rating", '["rating",-4.5,100000000000000000000000]'),
        ("delivery_time", '["delivery_time",100000000000000000000000,1]'),
        ("rating", '["rating",NaN,1]'),
        ("rating", '["rating",-1e400,1]'),
        ("name", '["name","a\\u0000",1]'),
        ("name", '["name","\\udfff",1]'),
    ],
)
def test_even_a_correctly_signed_out_of_range_cursor_is_refused(
    api: Api, settings: Settings, sort: str, payload: str
) -> None:
    # Were the key to leak, the core's validation still keeps these from the store.
    cursor = CursorSigner(cursor_key(settings)).sign(_inner(payload))
    response = api.client().get(SEARCH, params={"sort": sort, "cursor": cursor})
    _refused_naming_the_cursor(response)
    # The replica (and its store connection) is fine afterwards.
    assert api.client().get(SEARCH).status_code == 200


def test_the_cursor_key_is_shared_by_replicas_with_the_same_settings() -> None:
    a = Settings.for_tests()
    b = Settings.for_tests()
    inner = _inner('["name","dosa corner",1]')
    assert CursorSigner(cursor_key(b)).open(CursorSigner(cursor_key(a)).sign(inner)) == inner
    other = Settings.for_tests(cursor_key=b"k" * 32)
    with pytest.raises(ValidationFailed):
        CursorSigner(cursor_key(other)).open(CursorSigner(cursor_key(a)).sign(inner))
