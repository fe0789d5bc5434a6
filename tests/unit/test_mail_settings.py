"""Where the mail goes (``FOOD_SMTP_URL``) and from whom (``FOOD_MAIL_FROM``): the three
schemes with their default ports and credentials, errors that name the variable and
never repeat a password, and mail off by default."""

from __future__ import annotations

import pytest

from adapters.mail import SmtpTarget
from services.api.settings import Settings, SettingsError


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("smtp://127.0.0.1:8025", SmtpTarget("127.0.0.1", 8025)),
        ("smtp://mail.internal", SmtpTarget("mail.internal", 25)),
        (
            "smtp+starttls://orders%40food.in:s%3Acret@smtp.example.com",
            SmtpTarget("smtp.example.com", 587, "starttls", "orders@food.in", "s:cret"),
        ),
        ("smtps://u:p@smtp.example.com", SmtpTarget("smtp.example.com", 465, "tls", "u", "p")),
    ],
)
def test_an_smtp_url_names_the_server_its_security_and_credentials(
    url: str, target: SmtpTarget
) -> None:
    assert SmtpTarget.from_url(url) == target
    assert "secret" not in repr(SmtpTarget.from_url("smtps://u:secret@h"))


@pytest.mark.parametrize("url", ["http://u:hunter2@h", "smtp://u:hunter2@:25", "smtp://h:99999"])
def test_a_bad_smtp_url_is_refused_naming_the_variable_not_the_password(url: str) -> None:
    with pytest.raises(SettingsError, match="FOOD_SMTP_URL") as refused:
        Settings.from_env({"FOOD_SMTP_URL": url})
    assert "hunter2" not in str(refused.value)


def test_mail_is_off_unless_a_url_is_given_and_the_url_stays_out_of_the_repr() -> None:
    assert Settings.from_env({}).smtp_url == ""
    assert Settings.from_env({"FOOD_ENV": "test"}).smtp_url == ""
    on = Settings.from_env({"FOOD_SMTP_URL": "smtps://u:hunter2@smtp.example.com"})
    assert on.smtp_url.startswith("smtps://") and "hunter2" not in repr(on)


def test_the_sender_must_be_a_mail_address() -> None:
    given = Settings.from_env({"FOOD_MAIL_FROM": "Dosa Corner <orders@dosa.example>"})
    assert given.mail_from == "Dosa Corner <orders@dosa.example>"
    for bad in ("nobody", "Name <>", "a@b\r\nBcc: x@y"):
        with pytest.raises(SettingsError, match="FOOD_MAIL_FROM"):
            Settings.from_env({"FOOD_MAIL_FROM": bad})
