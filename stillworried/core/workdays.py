"""Working days in England, counted the way the protocols count them.

This module runs under CPython and PyScript's MicroPython alike, so it uses only the parts
of ``datetime`` that MicroPython has (``date``, ``timedelta``, ``weekday``, ``isoformat``)
and takes dates as ISO strings: whole numbers from JavaScript wrap above 2**31, strings do not.

The bank holidays are not typed here. They come from the maintained ``holidays`` package
(see ``bank_holidays.py``) and are passed in as data, with the range of years they cover.
A date outside that range is refused rather than guessed, because a missing bank holiday
would silently make a deadline one day too early.
"""
import datetime

from stillworried.core.words import dates as words

ONE_DAY = datetime.timedelta(days=1)
# Saturday and Sunday are days 5 and 6 of date.weekday().
FIRST_WEEKEND_DAY = 5


class DateError(ValueError):
    """A date that cannot be read, or that lies outside the years we can count."""


class OutsideCalendar(DateError):
    """A date outside the years we have bank holidays for: the command line says which years."""


def parse_date(text, what="date"):
    """Read a YYYY-MM-DD date strictly, with a message a person can act on."""
    if not isinstance(text, str):
        raise DateError(words.must_be_iso(what))
    parts = text.split("-")
    if len(text) != 10 or len(parts) != 3 or len(parts[0]) != 4 or len(parts[1]) != 2 or len(parts[2]) != 2:
        raise DateError(words.not_iso(what, text))
    for char in parts[0] + parts[1] + parts[2]:
        # Only ASCII digits: str.isdigit() would also accept other scripts' digits.
        if char not in "0123456789":
            raise DateError(words.not_iso(what, text))
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise DateError(words.not_real(what, text))


def parse_month_or_date(text, what="date"):
    """A YYYY-MM-DD date, or the first day of a YYYY-MM month. The data gives a month alone
    when the source prints only a month; its first day is the oldest the date can be."""
    if isinstance(text, str) and len(text) != 10:
        text += "-01"
    return parse_date(text, what)


def days_in_month(year, month):
    if month == 12:
        return 31
    return (datetime.date(year, month + 1, 1) - ONE_DAY).day


class WorkingCalendar:
    """Weekends and the bank holidays of England and Wales, over a stated range of dates."""

    def __init__(self, calendar):
        self.first = parse_date(calendar["first"], words.FIRST_COVERED_WHAT)
        self.last = parse_date(calendar["last"], words.LAST_COVERED_WHAT)
        self.holidays = set(calendar["holidays"])

    def check(self, day):
        """Refuse any date we have no bank holiday data for."""
        if day < self.first or day > self.last:
            raise OutsideCalendar(words.outside_range(self.first.isoformat(), self.last.isoformat(), day.isoformat()))
        return day

    def is_working_day(self, day):
        self.check(day)
        return day.weekday() < FIRST_WEEKEND_DAY and day.isoformat() not in self.holidays

    def add_working_days(self, start, count):
        """The count-th working day after start; start itself is never counted."""
        self.check(start)
        day = start
        remaining = count
        while remaining > 0:
            day = day + ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def same_working_day(self, start):
        """start if it is a working day, otherwise the next working day."""
        day = self.check(start)
        while not self.is_working_day(day):
            day = day + ONE_DAY
        return day

    def add_calendar_days(self, start, count):
        self.check(start)
        return self.check(start + datetime.timedelta(days=count))

    def add_calendar_months(self, start, count):
        """The same day count months later, or that month's last day if it has no such day."""
        self.check(start)
        month_index = start.month - 1 + count
        year = start.year + month_index // 12
        month = month_index % 12 + 1
        day = min(start.day, days_in_month(year, month))
        return self.check(datetime.date(year, month, day))

    def count_working_days(self, start, end):
        """How many working days fall after start, up to and including end."""
        self.check(start)
        self.check(end)
        total = 0
        day = start
        while day < end:
            day = day + ONE_DAY
            if self.is_working_day(day):
                total += 1
        return total
