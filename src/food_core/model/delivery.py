"""Delivery of a confirmed order: where it goes, who carries it, how far they ride."""

from __future__ import annotations

from datetime import datetime

from attrs import evolve, frozen

from food_core.model.addresses import Address
from food_core.model.riders import RiderRef
from food_core.model.status import DELIVERY_TRANSITIONS, DeliveryStatus, check_transition


@frozen
class Delivery:
    delivery_id: int
    delivery_address: Address
    delivery_status: DeliveryStatus
    updated_at: datetime
    # Set when the restaurant accepts: the city whose riders serve it, and the
    # straight-line kilometres from the restaurant to the door.
    city_pincode: str | None = None
    drop_km: float | None = None
    # Set when a rider is assigned: who, when, and how far they were from the restaurant.
    rider: RiderRef | None = None
    assigned_at: datetime | None = None
    pickup_km: float | None = None
    picked_up_at: datetime | None = None

    def moved_to(self, status: DeliveryStatus, now: datetime, **changes: object) -> Delivery:
        check_transition(DELIVERY_TRANSITIONS, self.delivery_status, status, what="delivery_status")
        return evolve(self, delivery_status=status, updated_at=now, **changes)  # type: ignore[arg-type]

    def planned(self, city_pincode: str, drop_km: float, now: datetime) -> Delivery:
        return evolve(self, city_pincode=city_pincode, drop_km=drop_km, updated_at=now)
