"""Where a source can be read two ways and the reading moves a date, the answer keeps to the
earlier date and says why in one line (issue 21, item 4). Each reading is in the data (a
timescale's `readings`), with the source's words, the reading kept and the one not kept.

The dates were worked out by hand from a calendar: Friday 4 December 2026; Christmas Day Friday
25 December 2026, Boxing Day Saturday 26th (substitute day Monday 28th); 31 January 2027 is a
Sunday, February 2027 has 28 days, February 2028 has 29.
"""
import datetime
import html

import pytest

from macros import procedures
from macros.context import Context
from stillworried.core import limits, worded
from stillworried.core.words import limits as words
from stillworried.core.worded import next_step
from stillworried.core.workdays import WorkingCalendar


def limit(answer, limit_id):
    [found] = [item for item in answer["deadlines"] if item["id"] == limit_id]
    return found


def test_southwark_3_3_within_a_further_five_days_is_counted_as_5_days_the_earlier_date(bundle):
    """Stage 2 from Friday 4 December 2026: 5 days is Wednesday 9 December; as 5 working days it
    would be Friday 11 December. The answer keeps to the 9th and says why, with the other date."""
    answer = next_step(bundle, "southwark", 2, "2026-12-04", today="2026-12-07")
    assert answer["deadline"]["date"] == "2026-12-09"
    assert answer["deadline"]["reading_words"] == (
        'The policy says "within a further five days" here, not "working days" as at stage 3, so we count 5 days: '
        "the earlier date. Counted as 5 working days, it would be Friday 11 December 2026.")
    [reading] = answer["deadline"]["readings"]
    assert (reading["kept"], reading["rejected"], reading["other_date"]) == ("5 days", "5 working days", "2026-12-11")
    # Confirmed "within a further two working days" of the resolution: 10 and 11 December.
    assert limit(answer, "confirm")["date"] == "2026-12-11"


def test_southwark_3_1_within_one_working_week_keeps_the_week_where_a_bank_holiday_makes_it_end_first(bundle):
    """Disagreement on Monday 21 December 2026: 5 working days are 22, 23, 24, 29 and 30
    December; a week ends on Monday 28th (Boxing Day's substitute day), which is earlier, so that
    is the date, said with the last working day before it. On Monday 23 November both end on the
    30th: nothing to explain."""
    week = next_step(bundle, "southwark", 1, "2026-12-21", "2026-12-21")["overall"]
    assert week["date"] == "2026-12-28" and week["counted"] == "7 days from Monday 21 December 2026"
    assert week["reading_words"].endswith("Here a week (7 days) ends first, so that is the date: Monday 28 December 2026.")
    assert week["working_day_before"] == "2026-12-24"
    plain = next_step(bundle, "southwark", 1, "2026-11-23", "2026-11-23")["overall"]
    assert plain["date"] == "2026-11-30" and plain["reading_words"] is None


def test_wigan_appendix_1_within_further_week_from_a_saturday_the_5_working_days_end_first(bundle):
    """"Within further week or sooner" from Saturday 5 December 2026: a week ends on Saturday
    12th, 5 working days on Friday 11th, so the 11th it is."""
    refer = next_step(bundle, "wigan", 5, "2026-12-05", "2026-11-30")["deadline"]
    assert refer["date"] == "2026-12-11" and refer["non_working_day"] is None
    assert refer["counted"] == "5 working days from Saturday 5 December 2026"
    assert "Here 5 working days ends first" in refer["reading_words"]


@pytest.mark.parametrize("began, ends, counted", [
    ("2027-01-31", "2027-02-28", "1 month from Sunday 31 January 2027 (February 2027 has no 31st, so the month ends "
                                 "on its last day)"),
    ("2028-01-31", "2028-02-29", "1 month from Monday 31 January 2028 (February 2028 has no 31st, so the month ends "
                                 "on its last day)"),
    ("2026-10-31", "2026-11-30", "1 month from Saturday 31 October 2026 (November 2026 has no 31st, so the month ends "
                                 "on its last day)"),
])
def test_wigan_step_2_one_month_from_31_january_ends_on_28_february_and_says_why(bundle, began, ends, counted):
    """Issue 22: "Wigan's one month from 31 Jan ending on 28 Feb is not explained". The month never
    runs on into March (the later reading)."""
    overall = next_step(bundle, "wigan", 1, began)["overall"]
    assert (overall["date"], overall["counted"]) == (ends, counted)
    assert overall["reading_words"].startswith('The protocol says "one month for the overall process"')
    assert next_step(bundle, "wigan", 1, "2027-01-15")["overall"]["reading_words"] is None


def test_salford_vcse_app_2_section_2_step_4_within_one_week_is_the_referral_day_plus_7(bundle):
    answer = worded.follow_up(bundle, "salford-vcse", "referral", "2026-11-25")
    assert answer["deadline"]["date"] == "2026-12-02"
    assert answer["deadline"]["reading_words"] is None  # a week and 5 working days agree here


def test_southwark_3_3_a_stage_begun_on_a_bank_holiday_moves_the_same_day_step_and_says_so(bundle):
    """Issue 22: "A stage begun on a bank holiday moves a same-day step without saying so". Stage 1
    could not resolve it on Christmas Day: "within the same working day" is then Tuesday 29
    December, and the answer says why."""
    escalate = limit(next_step(bundle, "southwark", 2, "2026-12-25"), "escalate")
    assert escalate["date"] == "2026-12-29"
    assert escalate["counted"] == ("the next working day after Friday 25 December 2026, which is a bank holiday "
                                   "(Christmas Day)")
    assert limit(next_step(bundle, "southwark", 2, "2026-12-04"), "escalate")["counted"] == \
        "the same working day as Friday 4 December 2026"
    [step] = next_step(bundle, "southwark", 2, "2026-12-25", today="2026-12-29")["steps_due"]
    assert step["words"] == ("You should escalate it to your line manager by Tuesday 29 December 2026: the next "
                             "working day after Friday 25 December 2026, which is a bank holiday (Christmas Day). "
                             "That is today.")


def every_reading(bundle):
    """(procedure, where, timescale) for every timescale with a reading: stages, overall limits, follow-ups."""
    for procedure_id, procedure in bundle["procedures"].items():
        limits = [(stage["number"], item) for stage in procedure["stages"] for item in stage["timescales"]]
        limits += [("overall", procedure["overall"])] if procedure.get("overall") else []
        limits += [(item["id"], timescale) for item in procedure.get("follow_ups", []) for timescale in item["timescales"]]
        for where, timescale in limits:
            if timescale.get("readings"):
                yield procedure_id, where, timescale


def test_these_are_the_readings_the_sources_give(bundle):
    """Every reading found in the sources (listed in data/README.md and the closing note)."""
    found = {(procedure, where, reading["words"]) for procedure, where, timescale in every_reading(bundle)
             for reading in timescale["readings"]}
    assert found == {
        ("southwark", "overall", "within one working week"),
        ("southwark", 1, "within 2 working days of the disagreement or receipt of a decision"),
        ("southwark", 2, "within a further five days"),
        ("wigan", "overall", "one month for the overall process to be completed"),
        ("wigan", 5, "Within further week"),
        ("salford-vcse", 2, "within 5 working days"), ("salford-vcse", 3, "within 5 working days"),
        ("salford-vcse", 4, "within 5 working days"),
        ("salford-vcse", "referral", "within one week"),
        ("salford-sscb-2014", 3, "within 2 working days"),
    }


def test_every_reading_keeps_the_earlier_date_on_every_day_of_2026_and_2027(bundle):
    """Counted from each day of two years, a limit read two ways is never later than either
    reading: the engine counts both and keeps the earlier."""
    calendar = WorkingCalendar(bundle["calendar"])
    names = bundle["calendar"]["names"]
    checked = 0
    for _, _, timescale in every_reading(bundle):
        for reading in timescale["readings"]:
            if not reading.get("rejected_count"):
                continue
            other = dict(reading["rejected_count"])
            day = datetime.date(2026, 1, 1)
            while day.year < 2028:
                [got] = limits.resolve_timescales(calendar, names, [dict(timescale, counts_from="stage_start")], day, day)
                kept = limits.timescale_date(calendar, timescale, day)
                rejected = limits.timescale_date(calendar, {"unit": other["unit"], "amount": other.get("amount")}, day)
                assert got["date"] == min(kept, rejected).isoformat(), (timescale["id"], day)
                day += datetime.timedelta(days=1)
                checked += 1
    assert checked == 4 * 730  # Southwark 3.1 and 3.3, Wigan Appendix 1, Salford App. 2 section 2


def test_every_reading_says_why_on_the_procedure_page(bundle):
    pages = {}
    for procedure_id, _, timescale in every_reading(bundle):
        if procedure_id not in pages:
            pages[procedure_id] = html.unescape(str(procedures.procedure_page(Context(bundle, "x/"), procedure_id)))
        for reading in timescale["readings"]:
            assert reading["why"] in pages[procedure_id], reading["why"]


def test_a_reading_said_without_dates_is_its_why(bundle):
    reading = {"why": "Why.", "rejected": "5 working days"}
    assert words.reading_line(reading) == "Why."
    assert words.reading_line(reading, "2026-12-11") == "Why. Counted as 5 working days, it would be Friday 11 December 2026."
