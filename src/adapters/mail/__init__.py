"""Mail: the notifications port over SMTP (``SmtpNotifier``) and the mails it renders."""

from __future__ import annotations

from adapters.mail.render import NOTICE_HEADER, ORDER_HEADER, render_mail
from adapters.mail.smtp import SmtpNotifier, SmtpTarget, check_sender

__all__ = [
    "NOTICE_HEADER",
    "ORDER_HEADER",
    "SmtpNotifier",
    "SmtpTarget",
    "check_sender",
    "render_mail",
]
