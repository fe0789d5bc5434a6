"""Domain errors.

Every error carries a stable machine ``code`` (part of the public contract: the API maps
codes to HTTP statuses, the web app maps them to messages) and a human message that names
the field or rule that was broken.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every rule violation the core reports."""

    code: str = "domain_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"

    def details(self) -> dict[str, object]:
        """What else a client needs to act on this error (plain JSON values)."""
        return {}


class ValidationFailed(DomainError):
    """An input value breaks a format rule (email, phone, PIN code, password…)."""

    code = "validation_failed"


class NotFound(DomainError):
    """The thing does not exist, or belongs to someone else (we never say which)."""

    code = "not_found"


class Conflict(DomainError):
    code = "conflict"


class EmailTaken(Conflict):
    code = "email_taken"


class PhoneTaken(Conflict):
    code = "phone_taken"


class InvalidCredentials(DomainError):
    code = "invalid_credentials"


class CartRestaurantConflict(Conflict):
    code = "cart_restaurant_conflict"


class QuantityOutOfRange(DomainError):
    code = "quantity_out_of_range"


class CartTooLarge(DomainError):
    code = "cart_too_large"


class ItemUnavailable(DomainError):
    code = "item_unavailable"


class CartEmpty(Conflict):
    code = "cart_empty"


class ConcurrentUpdate(Conflict):
    """Optimistic concurrency lost too many times in a row; the caller may retry."""

    code = "concurrent_update"


class IdempotencyKeyReused(DomainError):
    code = "idempotency_key_reused"


class RequestInProgress(Conflict):
    code = "request_in_progress"


class PaymentDeclined(DomainError):
    code = "payment_declined"

    def __init__(self, message: str, *, failure_code: str) -> None:
        super().__init__(message, field="payment")
        self.failure_code = failure_code

    def details(self) -> dict[str, object]:
        return {"failure_code": self.failure_code}


class AddressNotServiceable(DomainError):
    """The restaurant does not deliver to the address (its PIN code, or its city)."""

    code = "address_not_serviceable"


class RestaurantClosed(Conflict):
    code = "restaurant_closed"

    def __init__(self, message: str, *, opens_at: str | None, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.opens_at = opens_at  # ISO 8601 in India's time zone, or None: never

    def details(self) -> dict[str, object]:
        return {"opens_at": self.opens_at}


class CartChanged(Conflict):
    """The total the customer was shown is not what the order would cost now."""

    code = "cart_changed"

    def __init__(
        self, message: str, *, changes: list[dict[str, object]], total_amount: int
    ) -> None:
        super().__init__(message, field="expected_total")
        self.changes = changes
        self.total_amount = total_amount

    def details(self) -> dict[str, object]:
        return {"changes": self.changes, "total_amount": self.total_amount}


class CouponInvalid(DomainError):
    """The coupon does not exist or does not apply; ``reason`` says which rule."""

    code = "coupon_invalid"

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message, field="code")
        self.reason = reason  # a food_core.model.coupons.CouponRefusal value

    def details(self) -> dict[str, object]:
        return {"reason": self.reason}


class CouponUseTaken(Conflict):
    """The store refused an order: another order of the customer holds that coupon use
    (placing then tries the next free use, or says the coupon is used up)."""

    code = "coupon_use_taken"


class TipOutOfRange(DomainError):
    code = "tip_out_of_range"


class InvalidPaymentDetails(DomainError):
    code = "invalid_payment_details"


class OrderAlreadyPaid(Conflict):
    code = "order_already_paid"


class PaymentUnavailable(DomainError):
    """The gateway could not be reached or did not answer in time: outcome unknown."""

    code = "payment_unavailable"


class InvalidTransition(Conflict):
    code = "invalid_transition"


class Forbidden(DomainError):
    code = "forbidden"


class OptionsInvalid(DomainError):
    """The options chosen for a food item break its option groups: a required choice
    missing, too many in a group, an option that is not the item's, or one unavailable.
    ``group_name`` names the group at fault, when one is."""

    code = "options_invalid"

    def __init__(self, message: str, *, group_name: str | None = None) -> None:
        super().__init__(message, field="option_ids")
        self.group_name = group_name

    def details(self) -> dict[str, object]:
        return {} if self.group_name is None else {"group_name": self.group_name}


class OrderNotDelivered(Conflict):
    """Only a delivered order can be rated."""

    code = "order_not_delivered"


class AlreadyRated(Conflict):
    code = "already_rated"


class RatingLocked(Conflict):
    """A rating can be edited for a while after it was given, then it stands."""

    code = "rating_locked"


class NothingToReorder(Conflict):
    """None of a past order's items can be ordered today."""

    code = "nothing_to_reorder"


class FoodNotReady(Conflict):
    """A rider tried to pick up an order the kitchen has not marked ready."""

    code = "food_not_ready"


class CashNotCollected(ValidationFailed):
    """A cash-on-delivery order is delivered only once its cash is collected."""

    code = "cash_not_collected"
