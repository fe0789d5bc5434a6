"""The shop as a customer sees it: the calls a journey makes, whatever is behind them.

Two implementations: :class:`services.simulator.world.MemoryShop` calls the core's use
cases directly; :class:`services.simulator.live.LiveShop` speaks the HTTP API. The
journey is written once against this protocol, so both modes exercise the same flow.
Results are small NamedTuples: cheap to make 100,000 times a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

from food_core.model import PaymentMode


class ShopError(Exception):
    """A refusal or failure, named by the API's stable ``code`` (problem+json)."""

    def __init__(self, code: str, status: int | None = None, detail: str = "") -> None:
        super().__init__(f"{code} ({status}): {detail}" if detail else code)
        self.code = code
        self.status = status
        self.detail = detail


# Codes a journey reacts to (docs/design.md §6; services/api/errors.py maps them to statuses).
PAYMENT_DECLINED = "payment_declined"
PAYMENT_UNAVAILABLE = "payment_unavailable"
REQUEST_IN_PROGRESS = "request_in_progress"
RESTAURANT_CLOSED = "restaurant_closed"
COUPON_INVALID = "coupon_invalid"  # 422: the coupon does not apply (unknown, expired…)
NETWORK_ERROR = "network_error"  # live mode: no HTTP answer at all
DEADLINE = "deadline"  # live mode: --max-seconds ran out before this request


class Session(NamedTuple):
    user_id: int
    token: str  # empty in memory mode


class MenuDish(Protocol):
    """What a journey reads of a dish. The core's ``FoodItem`` has these attributes, so
    memory mode hands the menu over as is (no copy of ~20 dishes per menu opened)."""

    @property
    def food_id(self) -> int: ...

    @property
    def price(self) -> int: ...

    @property
    def availability(self) -> bool: ...

    @property
    def needs_choice(self) -> bool: ...


class Dish(NamedTuple):
    """A dish as live mode reads it from JSON."""

    food_id: int
    price: int
    availability: bool
    needs_choice: bool  # has a required option group (customers here order plain dishes)


BillLines = tuple[tuple[str, int], ...]  # (code, amount) per line, in the bill's order


class Shown(NamedTuple):
    """The cart's bill as the customer is shown it (GET /cart, or the answer of an edit)."""

    item_total: int  # the bill's item_total line (0 for an empty cart)
    total_amount: int  # the bill's total: what placing now charges (``expected_total``)
    lines: BillLines
    coupon: str | None  # the coupon applied to the bill (None: none, or it does not apply)


EMPTY_CART = Shown(0, 0, (), None)


class Placed(NamedTuple):
    order_id: int
    order_status: str
    total_amount: int
    replayed: bool


class Paid(NamedTuple):
    order_id: int
    order_status: str
    payment_id: int
    payment_status: str
    amount: int
    replayed: bool


class Fault(NamedTuple):
    """A gateway fault to arm for the next charge (memory mode only)."""

    lost_after_charge: bool  # True: charged but the answer is lost; False: refused


class Card(NamedTuple):
    number: str
    exp_month: int
    exp_year: int
    cvc: str
    name: str


GOOD_CARD = Card("4242424242424242", 12, 2031, "123", "Sim Customer")
DECLINING_CARDS = (
    Card("4000000000000002", 12, 2031, "123", "Sim Customer"),  # card_declined
    Card("4000000000009995", 12, 2031, "123", "Sim Customer"),  # insufficient_funds
)
GOOD_VPA = "customer@okbank"
DECLINING_VPA = "fail@upi"


class Shop(Protocol):
    """Every method raises :class:`ShopError` for a refusal."""

    def signup(self, n: int) -> Session: ...

    def cities(self, s: Session) -> list[tuple[str, str]]:
        """(pincode, city_name) pairs."""
        ...

    def search(self, s: Session, pincode: str, *, veg_only: bool, sort: str) -> list[int]:
        """Restaurant ids of the first page."""
        ...

    def menu(self, s: Session, restaurant_id: int) -> Sequence[MenuDish]: ...

    def set_quantity(self, s: Session, food_id: int, quantity: int) -> int:
        """Returns the cart's item total: the sum of its lines as the shop prices them
        (the bill's ``item_total`` line; 0 for an empty cart). Fees, GST, a discount and
        a tip are on the bill (:meth:`view_cart`), not in this figure."""
        ...

    def view_cart(self, s: Session) -> Shown:
        """The cart's bill, as the checkout page shows it."""
        ...

    def apply_coupon(self, s: Session, code: str) -> Shown:
        """``ShopError(COUPON_INVALID)`` when it does not apply; the cart is unchanged."""
        ...

    def remove_coupon(self, s: Session) -> Shown: ...

    def set_tip(self, s: Session, amount: int) -> Shown:
        """The rider's tip in paise (0 removes it)."""
        ...

    def add_address(self, s: Session, n: int, city_name: str, pincode: str) -> int: ...

    def place_order(
        self,
        s: Session,
        key: str,
        address_id: int,
        mode: PaymentMode,
        *,
        twice: bool,
        expected_total: int | None = None,
    ) -> list[Placed | ShopError]:
        """Send once, or twice with the same key (a double click: concurrently where the
        shop can). Each send's outcome is returned; errors are values here so that one
        refused click does not hide the other's answer. ``expected_total``: the bill's
        total the customer was shown (the price lock: ``cart_changed`` if it moved)."""
        ...

    def pay(
        self,
        s: Session,
        order_id: int,
        key: str,
        mode: PaymentMode,
        card: Card | None,
        vpa: str | None,
        *,
        twice: bool,
    ) -> list[Paid | ShopError]: ...

    def order_status(self, s: Session, order_id: int) -> str:
        """GET the order (which reconciles an unknown payment on read)."""
        ...

    def cancel(self, s: Session, order_id: int) -> str: ...

    def arm_fault(self, fault: Fault) -> bool:
        """Make the gateway fail the next charge; False where the shop cannot."""
        ...
