"""The notifications port: how the core hands a customer's notice to the outside world.

``change_order`` calls ``notify`` after the compare-and-set that made the change, with
the notice ``food_core.model.notices.notice_for`` found in it (docs/design.md,
"Notifications"). The order is already stored: a notice can be lost, never an order.
"""

from __future__ import annotations

from typing import Protocol

from food_core.model.notices import Notice


class Notifier(Protocol):
    def notify(self, notice: Notice) -> None:
        """Take the notice and return at once: no I/O on the caller's thread (queue it),
        and never raise — a mail server that fails or hangs must not fail or delay an
        order. What is not delivered in the end is the adapter's to log."""
        ...


class NoNotifier:
    """Notices go nowhere: ports built without a notifier (mail off, the seed, tools)."""

    def notify(self, notice: Notice) -> None:
        return None
