"""Property test: the engine's working-day arithmetic agrees with a plain reference built
directly on datetime and the holidays package, for any start date and count in range."""
import datetime

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

ENGLAND = holidays.country_holidays("GB", subdiv="ENG", years=range(2015, 2036))


def reference_add_working_days(start, count):
    day = start
    while count:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in ENGLAND:
            count -= 1
    return day


# Late enough in 2035 that 30 working days still end inside the covered range.
starts = st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2035, 10, 31))


@settings(max_examples=400, deadline=None)
@given(start=starts, count=st.integers(min_value=1, max_value=30))
def test_add_working_days_matches_the_reference(calendar, start, count):
    got = calendar.add_working_days(start, count)
    assert got == reference_add_working_days(start, count)
    assert calendar.is_working_day(got)
    assert calendar.count_working_days(start, got) == count


@settings(max_examples=200, deadline=None)
@given(start=starts)
def test_same_working_day_is_the_first_working_day_on_or_after(calendar, start):
    got = calendar.same_working_day(start)
    assert got >= start and calendar.is_working_day(got)
    assert calendar.count_working_days(start, got) == (0 if got == start else 1)


@settings(max_examples=200, deadline=None)
@given(start=st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2035, 9, 30)),
       months=st.integers(min_value=1, max_value=3))
def test_calendar_months_keep_the_day_or_clamp_to_month_end(calendar, start, months):
    got = calendar.add_calendar_months(start, months)
    assert (got.year * 12 + got.month) - (start.year * 12 + start.month) == months
    assert got.day == start.day or (got.day < start.day and (got + datetime.timedelta(days=1)).day == 1)
