"""The notifier that mails: a bounded in-process queue, one worker thread, smtplib.

``notify`` only puts the notice in the queue (a lock and a heap push: no I/O, never
raises), so a mail server that is down, slow or hanging never fails or delays the order
that made the notice. The worker reads the customer (name, e-mail) from the
``UserRepository``, renders the mail and sends it; a failure is tried again with
jittered exponential back-off until the mail is older than ``give_up_after_s`` or has
had ``max_attempts`` tries, and a refusal the server says is permanent (5xx) is not
retried. Giving up, a full queue and stopping with mails unsent each log a warning.

The queue is in memory: a mail not yet sent when its process dies is lost (at most once
per process; docs/design.md, "Notifications").
"""

from __future__ import annotations

import bisect
import itertools
import logging
import random
import smtplib
import ssl
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

from attrs import evolve, field, frozen

from adapters.backoff import doubling
from adapters.mail.render import render_mail
from food_core.model.notices import Notice
from food_core.ports import UserRepository

log = logging.getLogger("food.mail")

SCHEMES = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("tls", 465)}


class MailUndeliverable(Exception):
    """Trying again cannot help (no such customer, no address, a permanent refusal)."""


@frozen
class SmtpTarget:
    """Where mail goes: ``smtp://host:port`` (plain, the local sink),
    ``smtp+starttls://user:password@host:587`` or ``smtps://user:password@host:465``."""

    host: str
    port: int
    security: str = "plain"  # plain, starttls or tls
    username: str = ""
    password: str = field(default="", repr=False)

    @classmethod
    def from_url(cls, url: str) -> SmtpTarget:
        """Raise ``ValueError`` (never repeating the URL: it may hold a password)."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            raise ValueError(
                f"the scheme must be one of {', '.join(s + '://' for s in SCHEMES)}, "
                f"got {scheme + '://' if scheme else 'none'}"
            )
        try:
            port = parts.port
        except ValueError:
            raise ValueError("the port is not a number from 1 to 65535") from None
        if not parts.hostname:
            raise ValueError("it names no host")
        security, default_port = SCHEMES[scheme]
        return cls(
            parts.hostname,
            port or default_port,
            security,
            unquote(parts.username or ""),
            unquote(parts.password or ""),
        )

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def check_sender(sender: str) -> str:
    """A From address, ``Name <user@host>`` or ``user@host``; ``ValueError`` if not."""
    _name, address = parseaddr(sender)
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or any(c in sender for c in "\r\n"):
        raise ValueError(f"not a mail address: {sender!r}")
    return sender


@frozen
class _Pending:
    arrival: int  # the queue's order: per order, mails go in the order they came
    notice: Notice
    queued_at: float
    due: float
    attempts: int = 0


def _permanent(error: BaseException) -> bool:
    """A refusal the server says will not change (5xx): trying again cannot help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return isinstance(error, MailUndeliverable)


class SmtpNotifier:
    """Mails each notice to its customer; ``start()`` the worker, ``close()`` it."""

    def __init__(
        self,
        target: SmtpTarget,
        sender: str,
        users: UserRepository,
        *,
        timeout_s: float = 10.0,
        max_queue: int = 1000,
        give_up_after_s: float = 3600.0,
        max_attempts: int = 30,
        backoff_s: float = 1.0,
        max_backoff_s: float = 300.0,
        drain_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._target = target
        # Built once (it reads the CA bundle): only the TLS schemes need it.
        self._tls = None if target.security == "plain" else ssl.create_default_context()
        self._sender = check_sender(sender)
        self._users = users
        self._timeout_s = timeout_s
        self._max_queue = max_queue
        self._give_up_after_s = give_up_after_s
        self._max_attempts = max_attempts
        self._backoff_s = backoff_s
        self._max_backoff_s = max_backoff_s
        self._drain_s = drain_s
        self._clock = clock
        self._cond = threading.Condition()
        self._queue: list[_Pending] = []  # by arrival
        self._arrivals = itertools.count()
        self._closing = False
        self._busy = 0  # the mail the worker is trying now (0 or 1)
        self._drain_until = 0.0
        self._worker: threading.Thread | None = None
        # What became of the mails (tests, logs): sent, given up, dropped (queue full).
        self.sent = 0
        self.given_up = 0
        self.dropped = 0

    # --- the port ----------------------------------------------------------------------

    def notify(self, notice: Notice) -> None:
        try:
            with self._cond:
                if self._closing:
                    log.warning("mail not queued: stopping", extra=_fields(notice))
                    self.dropped += 1
                    return
                if len(self._queue) + self._busy >= self._max_queue:
                    log.warning(
                        "mail dropped: the queue is full",
                        extra=_fields(notice) | {"queued": len(self._queue) + self._busy},
                    )
                    self.dropped += 1
                    return
                now = self._clock()
                self._put(_Pending(next(self._arrivals), notice, now, now))
        except Exception:  # the port never raises into the order path
            log.exception("mail not queued", extra=_fields(notice))

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> SmtpNotifier:
        with self._cond:
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="mail-worker", daemon=True)
                self._worker.start()
        return self

    def close(self) -> None:
        """Stop taking notices; send what is due for up to ``drain_s`` more seconds, then
        stop the worker (one stuck in a send is left to its timeout: it is a daemon) and
        log how many mails were never sent. Idempotent."""
        with self._cond:
            if self._closing:
                return
            self._closing = True
            self._drain_until = self._clock() + self._drain_s
            self._cond.notify_all()
            worker = self._worker
        if worker is not None:
            worker.join(self._drain_s + 0.5)
        with self._cond:
            unsent = len(self._queue)
            self._queue.clear()
        if unsent:
            log.warning("mails not sent: stopping", extra={"unsent": unsent})

    @property
    def queued(self) -> int:
        """Mails not sent yet: waiting in the queue, or being tried now."""
        with self._cond:
            return len(self._queue) + self._busy

    # --- the worker --------------------------------------------------------------------

    def _put(self, pending: _Pending) -> None:
        bisect.insort(self._queue, pending, key=lambda queued: queued.arrival)
        self._cond.notify_all()

    def _first_ready(self, now: float) -> tuple[_Pending | None, float | None]:
        """The oldest mail that is due and has no older mail of its order still to go
        (a confirmation waiting for its retry holds back that order's cancellation), and
        the soonest time one of those will be due."""
        held: set[int] = set()
        soonest: float | None = None
        for pending in self._queue:
            if pending.notice.order_id in held:
                continue
            held.add(pending.notice.order_id)
            if pending.due <= now:
                return pending, pending.due
            soonest = pending.due if soonest is None else min(soonest, pending.due)
        return None, soonest

    def _next(self) -> _Pending | None:
        """The next mail to try, waiting for it; None once stopping leaves nothing to try."""
        with self._cond:
            while True:
                now = self._clock()
                ready, soonest = self._first_ready(now)
                if ready is not None and (not self._closing or now < self._drain_until):
                    self._queue.remove(ready)
                    self._busy = 1
                    return ready
                if self._closing and (
                    soonest is None or soonest > self._drain_until or now >= self._drain_until
                ):
                    return None
                wait = None if soonest is None else soonest - now
                if self._closing and wait is not None:
                    wait = min(wait, self._drain_until - now)
                self._cond.wait(wait)

    def _run(self) -> None:
        while (pending := self._next()) is not None:
            try:
                self._try(pending)
            except Exception:  # a bug here must not end the worker: the mail is lost
                log.exception("mail lost", extra=_fields(pending.notice))
                with self._cond:
                    self._busy = 0

    def _try(self, pending: _Pending) -> None:
        try:
            self._deliver(pending.notice)
        except Exception as error:
            self._failed(pending, error)
            return
        with self._cond:
            self.sent += 1
            self._busy = 0
        log.info("mail sent", extra=_fields(pending.notice, pending.attempts + 1))

    def _deliver(self, notice: Notice) -> None:
        customer = self._users.get(notice.user_id)
        if customer is None or not customer.email:
            raise MailUndeliverable(f"user {notice.user_id} has no mail address")
        self._send(render_mail(notice, customer, self._sender), customer.email)

    def _send(self, message: EmailMessage, recipient: str) -> None:
        target = self._target
        smtp: smtplib.SMTP
        if target.security == "tls":
            smtp = smtplib.SMTP_SSL(
                target.host, target.port, timeout=self._timeout_s, context=self._tls
            )
        else:
            smtp = smtplib.SMTP(target.host, target.port, timeout=self._timeout_s)
        try:
            if target.security == "starttls":
                smtp.starttls(context=self._tls)
            if target.username:
                smtp.login(target.username, target.password)
            smtp.send_message(message, to_addrs=[recipient])
        finally:
            # Sent is sent: a QUIT that fails or times out does not make it a failure
            # (which would send the mail again).
            with suppress(Exception):
                smtp.quit()
            smtp.close()

    def _failed(self, pending: _Pending, error: Exception) -> None:
        attempts = pending.attempts + 1
        now = self._clock()
        delay = doubling(attempts, self._backoff_s, self._max_backoff_s) * random.uniform(0.5, 1.0)
        expired = now + delay - pending.queued_at > self._give_up_after_s
        why = f"{type(error).__name__}: {error}"
        if _permanent(error) or attempts >= self._max_attempts or expired:
            with self._cond:
                self.given_up += 1
                self._busy = 0
            log.warning(
                "mail given up",
                extra=_fields(pending.notice, attempts) | {"error": why},
            )
            return
        log.info(
            "mail failed; will retry",
            extra=_fields(pending.notice, attempts) | {"error": why, "retry_in_s": round(delay, 2)},
        )
        with self._cond:
            self._busy = 0
            self._put(evolve(pending, due=now + delay, attempts=attempts))


def _fields(notice: Notice, attempts: int | None = None) -> dict[str, object]:
    fields: dict[str, object] = {
        "order_id": notice.order_id,
        "notice": notice.kind.value,
        "notice_key": notice.key,
    }
    if attempts is not None:
        fields["attempts"] = attempts
    return fields
