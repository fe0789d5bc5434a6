"""Delivery of a confirmed order."""

from __future__ import annotations

from datetime import datetime

from attrs import evolve, frozen

from food_core.model.addresses import Address
from food_core.model.status import DELIVERY_TRANSITIONS, DeliveryStatus, check_transition


@frozen
class Delivery:
    delivery_id: int
    delivery_address: Address
    delivery_status: DeliveryStatus
    updated_at: datetime

    def moved_to(self, status: DeliveryStatus, now: datetime) -> Delivery:
        check_transition(DELIVERY_TRANSITIONS, self.delivery_status, status, what="delivery_status")
        return evolve(self, delivery_status=status, updated_at=now)
