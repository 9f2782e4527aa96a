"""Working days in England: dates in, dates out (the cases are in tests/cases/working_days.json,
shared with the MicroPython run)."""
import datetime

import pytest

from tests.conftest import working_day_cases
from stillworried.core.workdays import DateError, parse_date, parse_month_or_date

OPERATIONS = {
    "working_days": lambda calendar, start, amount: calendar.add_working_days(start, amount),
    "same_working_day": lambda calendar, start, amount: calendar.same_working_day(start),
    "calendar_days": lambda calendar, start, amount: calendar.add_calendar_days(start, amount),
    "calendar_months": lambda calendar, start, amount: calendar.add_calendar_months(start, amount),
}


@pytest.mark.parametrize("case", working_day_cases(), ids=lambda case: case["name"])
def test_working_day_case(calendar, case):
    start = parse_date(case["start"])
    if case["expected"] == "refused":
        with pytest.raises(DateError, match="outside that range"):
            OPERATIONS[case["op"]](calendar, start, case.get("amount"))
    else:
        assert OPERATIONS[case["op"]](calendar, start, case.get("amount")).isoformat() == case["expected"]


def test_the_start_day_itself_is_never_counted(calendar):
    monday = datetime.date(2026, 11, 23)
    assert calendar.add_working_days(monday, 1) == datetime.date(2026, 11, 24)


def test_weekends_and_bank_holidays_are_not_working_days(calendar):
    assert not calendar.is_working_day(datetime.date(2026, 11, 28))  # Saturday
    assert not calendar.is_working_day(datetime.date(2026, 11, 29))  # Sunday
    assert not calendar.is_working_day(datetime.date(2026, 12, 28))  # Boxing Day (substitute)
    assert calendar.is_working_day(datetime.date(2026, 12, 24))      # Christmas Eve is not a bank holiday


def test_the_covered_range_is_at_least_2015_to_2035(calendar):
    assert calendar.first <= datetime.date(2015, 1, 1)
    assert calendar.last >= datetime.date(2035, 12, 31)


@pytest.mark.parametrize("text, message", [
    ("23/11/2026", "YYYY-MM-DD"),
    ("2026-11-31", "not a real date"),
    ("2026-13-01", "not a real date"),
    ("20261123", "YYYY-MM-DD"),
    ("2026-1-5", "YYYY-MM-DD"),
    ("", "YYYY-MM-DD"),
    ("２０２６-11-23", "YYYY-MM-DD"),
])
def test_malformed_dates_are_refused_with_a_clear_message(text, message):
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_a_month_alone_counts_from_its_first_day_the_oldest_it_can_be():
    """The data may give YYYY-MM where the source prints only a month (verified_on, review_due)."""
    assert parse_month_or_date("2015-01") == datetime.date(2015, 1, 1)
    assert parse_month_or_date("2015-01-31") == datetime.date(2015, 1, 31)
    with pytest.raises(DateError, match="not a real date"):
        parse_month_or_date("2015-13")
    with pytest.raises(DateError):
        parse_month_or_date(None)
