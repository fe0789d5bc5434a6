"""out-of-area: the scenario passes its audit on the real core, and the audit reports an
order delivering outside its restaurant's area, and a delivery check that disagreed."""

from __future__ import annotations

from attrs import evolve

from services.simulator.config import SimConfig
from services.simulator.scenarios import out_of_area
from services.simulator.scenarios.out_of_area import (
    CHECK_AGREES,
    DELIVERS_THERE,
    AreaRun,
    unserved_pincode,
)
from tests.builders import BENGALURU, MUMBAI


def _audit(run: AreaRun) -> dict[str, list[str]]:
    findings = out_of_area.audit_out_of_area(run.world.store, run.ledger)
    return {f.name: f.examples for f in findings if not f.ok}


def _play() -> AreaRun:
    return out_of_area.play(SimConfig(customers=120, seed=8))


def test_an_unserved_pincode_is_served_by_no_city() -> None:
    # Bengaluru serves 560001, 560034 and 560095: the first above 560001 nobody serves.
    assert unserved_pincode([BENGALURU, MUMBAI], BENGALURU) == "560002"
    assert unserved_pincode([BENGALURU, MUMBAI], MUMBAI) == "400002"


def test_the_scenario_passes_its_audit_and_did_what_it_is_about() -> None:
    outcome = out_of_area.run(SimConfig(customers=400, seed=2))
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    n = outcome.numbers
    for kind, _share in out_of_area.KINDS:
        assert n[f"  first address: {kind}"] > 0, kind
    outside = sum(n[f"  first address: {k}"] for k, _ in out_of_area.KINDS[1:])
    assert n["placements refused (address_not_serviceable)"] == outside
    assert (
        n["orders"] == n["  first address: home"] + n["customers who then gave their home address"]
    )
    assert n["  to an address outside the area"] == 0


def test_the_untouched_state_passes() -> None:
    assert _audit(_play()) == {}


def test_an_order_to_another_city_is_reported() -> None:
    run = _play()
    store = run.world.store
    order = next(iter(store.orders.values()))
    restaurant = store.restaurants[order.restaurant.restaurant_id]
    other = next(c for c in store.cities.values() if c.pincode != restaurant.city.pincode)
    address = evolve(order.delivery_address, city_name=other.city_name, pincode=other.pincode)
    store.orders[order.order_id] = evolve(order, delivery_address=address)
    assert _audit(run) == {
        DELIVERS_THERE: [
            f"order {order.order_id} (customer {order.user}) delivers to PIN code "
            f"{other.pincode} ({other.city_name}), which {restaurant.city.city_name}'s "
            f"{restaurant.restaurant_name} does not serve"
        ]
    }


def test_an_order_to_a_misnamed_address_is_reported() -> None:
    run = _play()
    store = run.world.store
    order = next(iter(store.orders.values()))
    address = evolve(order.delivery_address, city_name="Atlantis")
    store.orders[order.order_id] = evolve(order, delivery_address=address)
    city = store.cities[store.restaurants[order.restaurant.restaurant_id].city.pincode]
    assert _audit(run)[DELIVERS_THERE] == [
        f"order {order.order_id} (customer {order.user}) delivers to an address in "
        f"Atlantis, but PIN code {address.pincode} is in {city.city_name}"
    ]


def test_a_delivery_check_that_disagreed_is_reported() -> None:
    run = _play()
    refused = next(p for p in run.ledger.placings if p.order_id is None)
    at = run.ledger.placings.index(refused)
    run.ledger.placings[at] = refused._replace(check_serviceable=True)
    assert _audit(run) == {
        CHECK_AGREES: [
            f"customer {refused.user_id}, address {refused.address_id} ({refused.kind}): "
            "the delivery check said serviceable, placing refused it"
        ]
    }
