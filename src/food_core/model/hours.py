"""A restaurant's weekly open hours, in India's time zone (UTC+05:30, no daylight saving).

Written as text, one rule per group of weekdays, which is also how it is stored::

    10:00-23:00                                   every day
    Mon-Fri 11:00-15:00,18:30-23:30; Sat-Sun 09:00-01:00

A range whose end is at or before its start runs past midnight into the next day
(``18:00-02:00`` on Friday is open until 02:00 on Saturday); ``00:00-24:00`` is all day.
A weekday no rule names is closed. :meth:`OpenHours.parse` refuses anything else with a
``ValidationFailed`` naming ``open_hours``; :attr:`OpenHours.text` writes the canonical
form back.
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta, timezone

from attrs import field, frozen

from food_core.errors import ValidationFailed

IST = timezone(timedelta(hours=5, minutes=30), "IST")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MINUTES_PER_DAY = 24 * 60
_RANGE = re.compile(r"(\d{2}):(\d{2})-(\d{2}):(\d{2})")
_RULE = re.compile(r"(?:([A-Za-z]{3}(?:-[A-Za-z]{3})?)\s+)?(.+)")


def _bad(why: str) -> ValidationFailed:
    return ValidationFailed(f"open_hours: {why}", field="open_hours")


@frozen(order=True)
class Span:
    """Open from ``start`` for ``minutes`` (minutes after midnight; it may run into the
    next day)."""

    start: int
    minutes: int

    @property
    def text(self) -> str:
        end = self.start + self.minutes
        if self.start == 0 and self.minutes == _MINUTES_PER_DAY:
            return "00:00-24:00"
        end %= _MINUTES_PER_DAY
        return f"{_clock(self.start)}-{_clock(end)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _span(text: str) -> Span:
    match = _RANGE.fullmatch(text)
    if not match:
        raise _bad(f"{text!r} is not a range like 11:00-23:00")
    start_h, start_m, end_h, end_m = (int(g) for g in match.groups())
    if start_h > 23 or start_m > 59 or end_m > 59 or end_h > 24 or (end_h == 24 and end_m):
        raise _bad(f"{text!r} is not a time of day")
    start, end = start_h * 60 + start_m, end_h * 60 + end_m
    minutes = end - start if end > start else end + _MINUTES_PER_DAY - start
    return Span(start, minutes)


def _days(text: str) -> list[int]:
    first, _, last = text.partition("-")
    if first not in DAYS or (last and last not in DAYS):
        raise _bad(f"{text!r} is not a weekday or a range of them (Mon … Sun)")
    a, b = DAYS.index(first), DAYS.index(last or first)
    return [d % 7 for d in range(a, b + 1 if b >= a else b + 8)]


def _week(week: tuple[tuple[Span, ...], ...]) -> None:
    if len(week) != 7:
        raise ValueError("open hours name the seven weekdays")


@frozen
class OpenHours:
    """Monday first: the spans each weekday opens (sorted, never overlapping)."""

    week: tuple[tuple[Span, ...], ...] = field(validator=lambda _i, _a, v: _week(v))

    @classmethod
    def parse(cls, text: str) -> OpenHours:
        week: list[list[Span]] = [[] for _ in DAYS]
        rules = [rule.strip() for rule in text.split(";") if rule.strip()]
        if not rules:
            raise _bad("no hours given")
        for rule in rules:
            match = _RULE.fullmatch(rule)
            assert match is not None  # the second group takes anything
            days_text, ranges_text = match.groups()
            days = _days(days_text) if days_text else list(range(7))
            spans = [_span(part.strip()) for part in ranges_text.split(",")]
            for day in days:
                if week[day]:
                    raise _bad(f"{DAYS[day]} is named twice")
                week[day] = sorted(spans)
        for day, spans in enumerate(week):
            for before, after in itertools.pairwise(spans):
                if before.start + before.minutes > after.start:
                    raise _bad(f"the hours of {DAYS[day]} overlap")
        return cls(tuple(tuple(spans) for spans in week))

    @property
    def text(self) -> str:
        """The canonical text: consecutive weekdays with the same hours grouped."""
        groups: list[tuple[int, int, tuple[Span, ...]]] = []
        for day, spans in enumerate(self.week):
            if groups and groups[-1][2] == spans and groups[-1][1] == day - 1:
                groups[-1] = (groups[-1][0], day, spans)
            else:
                groups.append((day, day, spans))
        open_groups = [g for g in groups if g[2]]
        if len(open_groups) == 1 and open_groups[0][:2] == (0, 6):
            return ",".join(s.text for s in open_groups[0][2])
        return "; ".join(
            f"{DAYS[a]}{'' if a == b else '-' + DAYS[b]} " + ",".join(s.text for s in spans)
            for a, b, spans in open_groups
        )

    def _spans_around(self, at: datetime) -> list[tuple[datetime, datetime]]:
        """(opens, closes) of yesterday's, today's and tomorrow's spans, in IST."""
        local = at.astimezone(IST)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        found = []
        for offset in (-1, 0, 1, 2):
            day = midnight + timedelta(days=offset)
            for span in self.week[day.weekday()]:
                opens = day + timedelta(minutes=span.start)
                found.append((opens, opens + timedelta(minutes=span.minutes)))
        return found

    def is_open(self, at: datetime) -> bool:
        return any(opens <= at < closes for opens, closes in self._spans_around(at))

    def next_opening(self, at: datetime) -> datetime | None:
        """When it next opens after ``at`` (IST), or None if it never opens."""
        if not any(self.week):
            return None
        for days_ahead in range(8):
            later = at + timedelta(days=days_ahead)
            upcoming = [o for o, _ in self._spans_around(later) if o > at]
            if upcoming:
                return min(upcoming)
        return None


EVERY_DAY = OpenHours.parse("00:00-24:00")
