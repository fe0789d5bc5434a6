"""The rider's side: the job in hand, picked up, delivered."""

from __future__ import annotations

from food_core.usecases import deliver, pick_up, rider_job
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routing import Auth, Keys, Operation
from services.api.schemas.riders import DeliveredIn, RiderJobOut, rider_job_out

RIDER = f"{PREFIX}/rider"


async def job(call: Call) -> Reply:
    rider, order = await call.run(rider_job, call.ports, call.user_id)
    return ok(rider_job_out(rider, order))


async def picked_up(call: Call) -> Reply:
    await call.run(pick_up, call.ports, call.user_id, call.id("order_id"))
    return await job(call)


async def delivered(call: Call) -> Reply:
    cash_collected = call.body_as(DeliveredIn).cash_collected
    await call.run(
        deliver, call.ports, call.user_id, call.id("order_id"), cash_collected=cash_collected
    )
    return await job(call)


OPERATIONS = [
    Operation(
        "getRiderJob",
        "GET",
        f"{RIDER}/job",
        "The order you carry now, if any",
        "rider",
        job,
        response=RiderJobOut,
        auth=Auth.RIDER,
    ),
    Operation(
        "pickUpRiderOrder",
        "POST",
        f"{RIDER}/orders/{{order_id}}/picked-up",
        "You have the food: the order is out for delivery",
        "rider",
        picked_up,
        response=RiderJobOut,
        auth=Auth.RIDER,
        keys=Keys.OPTIONAL,
        errors=(404, 409),
        description="409 food_not_ready until the restaurant has marked the food ready.",
    ),
    Operation(
        "deliverRiderOrder",
        "POST",
        f"{RIDER}/orders/{{order_id}}/delivered",
        "The customer has the food: the order is delivered",
        "rider",
        delivered,
        request=DeliveredIn,
        response=RiderJobOut,
        auth=Auth.RIDER,
        keys=Keys.OPTIONAL,
        errors=(404, 409, 422),
        description=(
            "A cash-on-delivery order needs cash_collected=true (else 422 "
            "cash_not_collected); delivering it settles its payment. You are then free, "
            "and the oldest order waiting for a rider in your city comes to you."
        ),
    ),
]
