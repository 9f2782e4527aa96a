"""Every stage of every procedure answers on dates across the whole covered range, and every
date it gives obeys the counting rule for its unit.

The dates and their words come from the engine's answer put in words (worded.in_words of
answers.next_step) on every sampled day; writing out the area's abbreviations (written_out,
what worded.next_step adds) rewrites the texts and never a date, and takes most of the time, so
the whole answer is asked on every twentieth sampled day (a weekday, a weekend day and
bank holidays among them) and must give the same dates."""
import datetime

import pytest

from stillworried.core import answers, worded
from stillworried.core.worded import next_step
from stillworried.core.workdays import DateError

pytestmark = pytest.mark.slow  # every stage on every sampled day of 21 years

FIRST = datetime.date(2015, 1, 1)
LAST = datetime.date(2035, 11, 30)  # late enough that a month-long deadline is still covered


def sample_days(holidays=()):
    day = FIRST
    while day <= LAST:
        yield day
        day += datetime.timedelta(days=5)  # every weekday and weekend position over the years
    for year in range(2015, 2036):  # and every day of every Christmas and Easter fortnight
        for start in (datetime.date(year, 12, 18), datetime.date(year, 3, 20)):
            for offset in range(21):
                if start + datetime.timedelta(days=offset) <= LAST:
                    yield start + datetime.timedelta(days=offset)
    for holiday in holidays:  # and the days around every other bank holiday (a late Easter, May, August, a jubilee)
        for offset in range(-3, 2):
            if FIRST <= datetime.date.fromisoformat(holiday) + datetime.timedelta(days=offset) <= LAST:
                yield datetime.date.fromisoformat(holiday) + datetime.timedelta(days=offset)


def stages(bundle):
    return [(pid, stage["number"]) for pid, p in sorted(bundle["procedures"].items()) for stage in p["stages"]]


# The years in three parts, so that pytest-xdist can run them side by side.
PARTS = [(2015, 2021), (2022, 2028), (2029, 2035)]


@pytest.mark.parametrize("first_year,last_year", PARTS, ids=["%d-%d" % part for part in PARTS])
def test_every_stage_obeys_its_counting_rule_on_every_sampled_date(bundle, calendar, first_year, last_year):
    checked = 0
    for number, day in enumerate(sorted(set(sample_days(bundle["calendar"]["holidays"])))):
        if not first_year <= day.year <= last_year:
            continue
        since = day.isoformat()
        for procedure, stage in stages(bundle):
            answer = worded.in_words(answers.next_step(bundle, procedure, stage, since, since))
            if number % 20 == 0:
                whole = next_step(bundle, procedure, stage, since, since)
                assert [(item["date"], item["non_working_day"], item["after_overall"]) for item in whole["deadlines"]] == [
                    (item["date"], item["non_working_day"], item["after_overall"]) for item in answer["deadlines"]]
                assert (whole["overall"] or {}).get("date") == (answer["overall"] or {}).get("date")
            for item in answer["deadlines"] + ([answer["overall"]] if answer["overall"] else []):
                start = datetime.date.fromisoformat(item["from_date"])
                due = datetime.date.fromisoformat(item["date"])
                # a date on a weekend or bank holiday is always said, and only then
                assert (item["non_working_day"] is None) == calendar.is_working_day(due)
                assert item["after_overall"] == bool(answer["overall"] and item["date"] > answer["overall"]["date"])
                # Where the source reads two ways and the other reading ends first, that one is counted.
                count = next((reading["rejected_count"] for reading in item["readings"] if reading["other_first"]), item)
                if count["unit"] == "working_days":
                    assert calendar.is_working_day(due)
                    assert calendar.count_working_days(start, due) == count["amount"]
                elif count["unit"] == "same_working_day":
                    assert calendar.is_working_day(due) and calendar.count_working_days(start, due) <= 1
                elif count["unit"] == "calendar_days":
                    assert (due - start).days == count["amount"]
                else:
                    assert (due.year * 12 + due.month) - (start.year * 12 + start.month) == count["amount"]
                assert due > start or item["unit"] == "same_working_day"
            checked += 1
    assert checked > 8000


def test_a_stage_whose_deadline_would_fall_after_2035_is_refused_clearly(bundle):
    with pytest.raises(DateError, match="outside that range"):
        next_step(bundle, "wigan", 1, "2035-12-24")
