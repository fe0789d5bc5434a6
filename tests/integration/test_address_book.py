"""The address book holds at most 20 addresses — also when adds arrive at once."""

from __future__ import annotations

import threading

import pytest

from food_core.usecases.addresses import MAX_ADDRESSES
from tests.integration.support import API, BENGALURU, Api

pytestmark = pytest.mark.every_store

ADDRESS = {"label": "Home", "line1": "12 MG Road", "city_name": "Bengaluru", "pincode": BENGALURU}


def test_the_21st_address_is_refused_naming_the_address(api: Api) -> None:
    customer = api.client()
    customer.signup()
    for _ in range(MAX_ADDRESSES):
        customer.add_address()
    refused = customer.post(f"{API}/addresses", json=ADDRESS)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["address"]
    assert len(customer.get(f"{API}/addresses").json()["addresses"]) == MAX_ADDRESSES


@pytest.mark.timeout(120)
def test_concurrent_adds_never_pass_the_cap(api: Api) -> None:
    customer = api.client()
    customer.signup()
    for _ in range(MAX_ADDRESSES - 2):
        customer.add_address()
    racers = 8
    barrier = threading.Barrier(racers)
    statuses: list[int] = []
    lock = threading.Lock()

    def add() -> None:
        client = api.client()
        client.headers["Authorization"] = customer.headers["Authorization"]
        barrier.wait(30)
        status = client.post(f"{API}/addresses", json=ADDRESS).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=add) for _ in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [201, 201] + [422] * (racers - 2)
    assert len(customer.get(f"{API}/addresses").json()["addresses"]) == MAX_ADDRESSES
