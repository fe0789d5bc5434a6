"""Open hours: the text form, weekdays, ranges past midnight, when it opens next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from food_core.errors import ValidationFailed
from food_core.model import IST, OpenHours

WEEKLY = "Mon-Fri 11:00-15:00,18:30-23:30; Sat-Sun 09:00-01:00"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """2026-12-07 is a Monday; ``day`` 0 is that Monday, in IST."""
    return datetime(2026, 12, 7 + day, hour, minute, tzinfo=IST)


def test_one_range_means_every_day_and_reads_back_as_written() -> None:
    hours = OpenHours.parse("10:00-23:00")
    assert hours.text == "10:00-23:00"
    assert all(hours.is_open(at(day, 12)) for day in range(7))
    assert not any(hours.is_open(at(day, 9, 59)) for day in range(7))


def test_weekday_rules_split_days_and_the_text_is_canonical() -> None:
    hours = OpenHours.parse("Mon-Fri 11:00-15:00, 18:30-23:30;Sat-Sun 09:00-01:00")
    assert hours.text == WEEKLY
    assert OpenHours.parse(hours.text) == hours
    assert hours.is_open(at(0, 12)) and not hours.is_open(at(0, 16))
    assert hours.is_open(at(0, 23, 29)) and not hours.is_open(at(0, 23, 30))


def test_a_range_past_midnight_belongs_to_the_day_it_starts() -> None:
    hours = OpenHours.parse(WEEKLY)
    assert hours.is_open(at(6, 0, 30))  # Sunday 00:30: Saturday's 09:00-01:00
    assert not hours.is_open(at(5, 0, 30))  # Saturday 00:30: Friday closed at 23:30
    assert hours.is_open(at(7, 0, 59))  # Monday 00:59: Sunday's range
    assert not hours.is_open(at(7, 1, 0))


def test_a_day_no_rule_names_is_closed() -> None:
    hours = OpenHours.parse("Tue-Sun 16:00-23:30")
    assert not hours.is_open(at(0, 18))  # Monday
    assert hours.next_opening(at(0, 18)) == at(1, 16)


def test_the_next_opening_is_the_first_start_after_the_moment() -> None:
    hours = OpenHours.parse(WEEKLY)
    assert hours.next_opening(at(0, 16)) == at(0, 18, 30)
    assert hours.next_opening(at(4, 23, 45)) == at(5, 9)  # Friday night → Saturday
    in_utc = at(0, 16).astimezone(UTC)
    assert hours.next_opening(in_utc) == at(0, 18, 30)  # the same instant in any zone


def test_all_day_is_always_open() -> None:
    hours = OpenHours.parse("00:00-24:00")
    assert hours.text == "00:00-24:00"
    assert all(hours.is_open(at(0, 0) + timedelta(minutes=37 * n)) for n in range(300))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "no hours"),
        ("Mon", "not a range"),
        ("Xyz 10:00-11:00", "not a weekday"),
        ("25:00-26:00", "not a time of day"),
        ("10:60-11:00", "not a time of day"),
        ("Mon 10:00-12:00,11:00-13:00", "overlap"),
        ("Mon 10:00-11:00; Mon 12:00-13:00", "named twice"),
        ("10am-11pm", "not a range"),
    ],
)
def test_bad_hours_are_refused_naming_the_field(text: str, says: str) -> None:
    with pytest.raises(ValidationFailed, match=says) as error:
        OpenHours.parse(text)
    assert error.value.field == "open_hours"


minutes = st.integers(0, 24 * 60 - 1)
spans = st.tuples(minutes, st.integers(1, 23 * 60)).map(
    lambda s: (
        f"{s[0] // 60:02d}:{s[0] % 60:02d}-"
        f"{(s[0] + s[1]) % 1440 // 60:02d}:{(s[0] + s[1]) % 1440 % 60:02d}"
    )
)


@given(daily=spans, moment=st.integers(0, 14 * 24 * 60))
def test_open_exactly_inside_a_span_and_the_next_opening_is_closed_before_it(
    daily: str, moment: int
) -> None:
    hours = OpenHours.parse(daily)
    assert OpenHours.parse(hours.text) == hours
    now = at(0, 0) + timedelta(minutes=moment)
    opens = hours.next_opening(now)
    assert opens is not None and opens > now
    assert hours.is_open(opens)
    if not hours.is_open(now):
        assert not hours.is_open(opens - timedelta(minutes=1))
