"""What the answer says about each date: due today, overdue, on a day offices may be closed,
after the overall limit, or not worked out because a date was not given.

The dates were worked out by hand from a calendar: November 2026 has Monday 23rd; Christmas
Day is Friday 25 December 2026, Boxing Day Saturday 26th (observed Monday 28th), New Year's
Day Friday 1 January 2027.
"""
import pytest

from stillworried.core.procedures import PROCESS_START
from stillworried.core.worded import next_step


def limit(answer, limit_id):
    [found] = [item for item in answer["deadlines"] if item["id"] == limit_id]
    return found


# --- One answer shape ---------------------------------------------------------------------------

def test_the_headline_deadline_is_one_object_shared_with_the_list_of_limits(bundle):
    answer = next_step(bundle, "southwark", 2, "2026-11-26", today="2026-12-01")
    assert answer["deadline"] is limit(answer, "resolve")
    assert [item["headline"] for item in answer["deadlines"]] == [False, True, False]
    assert answer["deadline"]["label"] == "Resolution due by"
    for gone in ("deadline_id", "deadline_words", "deadline_rule", "overall_deadline"):
        assert gone not in answer


def test_every_limit_and_the_overall_one_have_exactly_the_same_keys(bundle):
    shapes = set()
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            answer = next_step(bundle, procedure_id, stage["number"], "2026-11-23", today="2026-11-30")
            for item in answer["deadlines"] + ([answer["overall"]] if answer["overall"] else []):
                shapes.add(tuple(sorted(item)))
    assert len(shapes) == 1
    assert {"id", "date", "date_words", "rule", "measures", "label", "counts_from", "from_date", "from_words",
            "amount", "unit", "source", "quote", "non_working_day", "after_overall", "status",
            "working_days_left", "missing", "missing_words"} <= set(shapes.pop())


# --- Today and overdue (issue 9) ------------------------------------------------------------------

@pytest.mark.parametrize("today, status, working_days_left, words", [
    ("2026-11-27", "upcoming", 1, "In 1 working day."),  # Friday: Monday is next
    ("2026-11-28", "upcoming", 1, "In 1 working day."),  # Saturday
    ("2026-11-29", "upcoming", 1, "In 1 working day."),  # Sunday
    ("2026-11-30", "today", 0, "Due today."),
    ("2026-12-01", "overdue", -1, "Overdue: it was due 1 working day ago."),
    ("2026-12-07", "overdue", -5, "Overdue: it was due 5 working days ago."),
])
def test_salford_vcse_stage_2_the_practice_managers_5_working_days_seen_across_a_weekend(
        bundle, today, status, working_days_left, words):
    """App. 2 §4 step 2: contacted on Monday 23 November 2026, the Practice Manager answers by
    Monday 30 November."""
    deadline = next_step(bundle, "salford-vcse", 2, "2026-11-23", today=today)["deadline"]
    assert deadline["date"] == "2026-11-30"
    assert (deadline["status"], deadline["working_days_left"], deadline["status_words"]) == \
        (status, working_days_left, words)


@pytest.mark.parametrize("today, status, working_days_left, days_left", [
    ("2026-12-24", "upcoming", 2, 6),  # Thursday: then Christmas, Boxing Day observed, 29th, 30th
    ("2026-12-25", "upcoming", 2, 5),  # Christmas Day
    ("2026-12-29", "upcoming", 1, 1),
    ("2026-12-30", "today", 0, 0),
    ("2026-12-31", "overdue", -1, -1),
    ("2027-01-04", "overdue", -2, -5),  # 31 December and Monday 4 January; New Year's Day is not counted
])
def test_salford_vcse_stage_3_the_service_managers_5_working_days_seen_across_christmas(
        bundle, today, status, working_days_left, days_left):
    """App. 2 §4 step 3: contacted on Monday 21 December 2026, the Service Manager answers by
    Wednesday 30 December (22, 23, 24, 29, 30: Christmas Day and Boxing Day observed are skipped)."""
    deadline = next_step(bundle, "salford-vcse", 3, "2026-12-21", today=today)["deadline"]
    assert deadline["date"] == "2026-12-30"
    assert (deadline["status"], deadline["working_days_left"], deadline["days_left"]) == \
        (status, working_days_left, days_left)


def test_without_today_nothing_is_flagged(bundle):
    deadline = next_step(bundle, "salford-vcse", 2, "2026-11-23")["deadline"]
    assert (deadline["status"], deadline["status_words"], deadline["working_days_left"]) == (None, None, None)


def test_every_limit_is_flagged_including_the_overall_one(bundle):
    """Wigan stage 2 begun 23 November 2026, the disagreement on 2 November: on 3 December the
    month (2 December) is overdue and the stage's 10 working days (7 December) are not."""
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02", today="2026-12-03")
    assert (answer["deadline"]["status"], answer["overall"]["status"]) == ("upcoming", "overdue")


# --- A deadline on a weekend or bank holiday (issue 14) ---------------------------------------------

@pytest.mark.parametrize("since, due, words", [
    ("2026-12-18", "2026-12-25",
     "Friday 25 December 2026 is a bank holiday (Christmas Day): offices may be closed. The last working day before "
     "it is Thursday 24 December 2026."),
    # Issue 22: a bank holiday at the weekend is named, with the weekday it is kept on.
    ("2026-12-19", "2026-12-26",
     "Saturday 26 December 2026 is Boxing Day, at the weekend; the bank holiday for it is Monday 28 December 2026: "
     "offices may be closed. The last working day before it is Thursday 24 December 2026."),
    ("2026-12-21", "2026-12-28",
     "Monday 28 December 2026 is a bank holiday (Boxing Day, substitute day): offices may be closed. The last "
     "working day before it is Thursday 24 December 2026."),
    ("2026-12-25", "2027-01-01",
     "Friday 1 January 2027 is a bank holiday (New Year's Day): offices may be closed. The last working day before "
     "it is Thursday 31 December 2026."),
    ("2026-12-22", "2026-12-29", None),
    ("2026-12-13", "2026-12-18", None),  # from a Sunday the 5 working days end first: Friday 18th, not Sunday 20th
    ("2027-12-18", "2027-12-24", None),  # from a Saturday too: never a weekend, so Christmas Day 2027 is never the date
])
def test_wigan_stage_5_within_further_week_can_fall_on_a_bank_holiday_and_says_so(bundle, since, due, words):
    """Appendix 1, "Level 4 Exceptional Circumstances Within further week or sooner": a week (7
    days), or 5 working days where those end first, so the date can land on Christmas Day; the
    answer names the day, says offices may be closed and gives the last working day before it."""
    deadline = next_step(bundle, "wigan", 5, since, "2026-11-30")["deadline"]
    assert deadline["date"] == due
    assert deadline["non_working_day"] == words


def test_wigans_month_can_end_at_the_weekend_and_says_so(bundle):
    """"One month for the overall process": from Thursday 26 November 2026 to Saturday 26 December,
    Boxing Day at the weekend."""
    overall = next_step(bundle, "wigan", 1, "2026-11-26")["overall"]
    assert overall["date"] == "2026-12-26"
    assert overall["non_working_day"] == (
        "Saturday 26 December 2026 is Boxing Day, at the weekend; the bank holiday for it is Monday 28 December 2026: "
        "offices may be closed. The last working day before it is Thursday 24 December 2026.")
    assert overall["working_day_before"] == "2026-12-24"


@pytest.mark.parametrize("began, due, words", [
    # Christmas Day 2027 is a Saturday: its bank holiday is Monday 27 December (Boxing Day's, Tuesday 28th).
    ("2027-11-25", "2027-12-25",
     "Saturday 25 December 2027 is Christmas Day, at the weekend; the bank holiday for it is Monday 27 December "
     "2027: offices may be closed. The last working day before it is Friday 24 December 2027."),
    ("2027-11-26", "2027-12-26",
     "Sunday 26 December 2027 is Boxing Day, at the weekend; the bank holiday for it is Tuesday 28 December 2027: "
     "offices may be closed. The last working day before it is Friday 24 December 2027."),
    ("2027-11-27", "2027-12-27",
     "Monday 27 December 2027 is a bank holiday (Christmas Day, substitute day): offices may be closed. The last "
     "working day before it is Friday 24 December 2027."),
])
def test_a_saturday_christmas_day_is_named_with_its_substitute_day(bundle, began, due, words):
    """Issue 22: "A Saturday 25 December is 'at the weekend', not Christmas Day, and says nothing of
    the substitute days". Wigan's month from 25 November 2027 ends on Christmas Day, a Saturday."""
    overall = next_step(bundle, "wigan", 1, began)["overall"]
    assert (overall["date"], overall["non_working_day"]) == (due, words)


def test_a_limit_in_working_days_never_falls_on_a_day_offices_are_closed(bundle):
    answer = next_step(bundle, "southwark", 2, "2026-12-24", "2026-12-24")  # same working day, then 5, then 2
    assert [item["non_working_day"] for item in answer["deadlines"]] == [None, None, None]


# --- A stage deadline after the overall limit (issue 14) ---------------------------------------------

def test_wigan_stage_2_the_line_managers_deadline_falls_after_the_one_month_overall_limit(bundle):
    """Wigan stage 2: raised on 23 November 2026, the line managers have until 7 December, after the
    one-month overall limit of 2 December (the disagreement began on 2 November)."""
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02")
    assert (answer["deadline"]["date"], answer["overall"]["date"]) == ("2026-12-07", "2026-12-02")
    assert answer["deadline"]["after_overall"] is True
    assert answer["deadline"]["after_overall_words"] == \
        "This is after the overall time limit, which ends on Wednesday 2 December 2026."
    assert answer["overall"]["after_overall"] is False


def test_wigan_stage_2_within_the_month_says_nothing(bundle):
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-16")  # the month ends 16 December
    assert answer["deadline"]["after_overall"] is False and answer["deadline"]["after_overall_words"] is None


# --- Southwark's one working week, where it means something (issue 14) ---------------------------------

def test_southwark_31_the_discussion_within_one_working_week_is_shown_at_stage_1_only(bundle):
    """3.1: "Professionals should attempt to resolve differences through discussion within one
    working week", the target for the first discussion. At stage 4, counted from the start, it
    would be a date weeks in the past."""
    first = next_step(bundle, "southwark", 1, "2026-11-23", "2026-11-23")
    assert first["overall"]["date"] == "2026-11-30" and first["overall"]["applies_to_stages"] == [1]
    for stage in (2, 3, 4, 5):
        assert next_step(bundle, "southwark", stage, "2026-12-14", "2026-11-23")["overall"] is None


def test_wigans_one_month_is_shown_at_every_stage(bundle):
    for stage in (1, 2, 3, 4, 5):
        assert next_step(bundle, "wigan", stage, "2026-11-23", "2026-11-02")["overall"]["date"] == "2026-12-02"


def test_southwark_stage_1_answer_after_the_working_week_says_so(bundle):
    """Disagreement on Monday 16 November 2026, raised a week later on the 23rd: the answer due
    on the 26th is after the week, which ended on the 23rd."""
    answer = next_step(bundle, "southwark", 1, "2026-11-23", "2026-11-16")
    assert answer["overall"]["date"] == "2026-11-23"
    assert limit(answer, "answer")["after_overall"] is True
    assert limit(answer, "raise")["date"] == "2026-11-18" and limit(answer, "raise")["after_overall"] is False


# --- Never count from a date the person did not give (issue 9) ---------------------------------------

def test_wigan_stage_3_without_the_day_the_disagreement_began_has_no_overall_date(bundle):
    """A link whose started is missing at stage 3 never shows an overall date counted from the stage."""
    overall = next_step(bundle, "wigan", 3, "2026-11-23", today="2026-12-01")["overall"]
    assert (overall["date"], overall["date_words"], overall["status"]) == (None, None, None)
    assert overall["missing"] == "started"
    assert overall["missing_words"] == "We need the date the disagreement began to work this out."
    assert overall["rule"] == ("Everyone involved should complete the whole process within 1 month of the day "
                               "the disagreement began.")


def test_wigan_stage_1_begins_with_the_disagreement_so_the_month_counts_from_it(bundle):
    """Wigan: "one month for the overall process", which stage 1 begins."""
    answer = next_step(bundle, "wigan", 1, "2026-11-23")
    assert answer["started"] == "2026-11-23" and answer["overall"]["date"] == "2026-12-23"


def test_southwark_stage_1_is_the_day_you_raised_it_so_the_disagreements_day_is_never_guessed(bundle):
    """Southwark 3.2: raise it "within 2 working days of the disagreement or receipt of a
    decision"; the stage's day is the day you raised it, so the disagreement began on it or up to 2
    working days before. Counting 3.1's working week from the day raised would give a later date
    than the true one (a teacher who got the decision on Friday 27 November and raised it on
    Monday 30th: Friday 4 December, not Monday 7th), so without that day there is no date, and the
    answer says so; with it, both limits count from it."""
    answer = next_step(bundle, "southwark", 1, "2026-11-30")
    assert answer["started"] is None
    assert limit(answer, "raise")["date"] is None and answer["overall"]["date"] is None
    assert answer["which_wins"].startswith("The aim at stage 1 may end sooner: it counts from the day the "
                                           "disagreement began, which was not given.")
    given = next_step(bundle, "southwark", 1, "2026-11-30", "2026-11-27")
    assert limit(given, "raise")["date"] == "2026-12-01" and given["overall"]["date"] == "2026-12-04"


def test_no_limit_is_ever_counted_from_a_start_of_the_disagreement_not_given(bundle):
    """Every stage after the first of every procedure, without started: each limit counted from the
    process start (or counted on from one) has no date and says why; every other limit has one."""
    checked = 0
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"][1:]:
            answer = next_step(bundle, procedure_id, stage["number"], "2026-11-23")
            assert answer["started"] is None
            from_start = set()
            for timescale in stage["timescales"]:
                if timescale["counts_from"] == PROCESS_START or timescale["counts_from"] in from_start:
                    from_start.add(timescale["id"])
            limits = answer["deadlines"] + ([answer["overall"]] if answer["overall"] else [])
            for item in limits:
                counted_from_start = item["id"] in from_start or item is answer["overall"]
                assert (item["date"] is None) == counted_from_start, (procedure_id, stage["number"], item["id"])
                assert (item["missing"] == "started") == counted_from_start
                checked += 1
    assert checked > 10


def test_the_procedures_with_a_limit_counted_from_the_start_are_wigan_and_southwark(bundle):
    """Checked against every procedure: Wigan's month (Step 2), Southwark's week (3.1) and its
    stage 1 "within 2 working days of the disagreement" (3.2). Salford counts from each stage."""
    from_start = set()
    for procedure_id, procedure in bundle["procedures"].items():
        if procedure.get("overall"):
            from_start.add((procedure_id, "overall"))
        for stage in procedure["stages"]:
            for timescale in stage["timescales"]:
                if timescale["counts_from"] == PROCESS_START:
                    from_start.add((procedure_id, stage["number"], timescale["id"]))
    assert from_start == {("wigan", "overall"), ("southwark", "overall"), ("southwark", 1, "raise")}


def test_the_procedure_pages_say_where_an_overall_limit_applies(bundle):
    from stillworried.core.words import dates, limits
    assert limits.overall_rule(bundle["procedures"]["southwark"]["overall"]) == (
        "The professionals should try to resolve the difference through discussion within 5 working days of the "
        "day the disagreement began. It applies at stage 1.")
    assert limits.overall_rule(bundle["procedures"]["wigan"]["overall"]).endswith("of the day the disagreement began.")
    assert dates.stages_words([1, 2, 3]) == "stages 1, 2 and 3"


def test_the_day_the_disagreement_began_is_worth_asking_only_where_a_limit_shown_counts_from_it(bundle):
    """Wigan's month applies at every stage; Southwark's week and its "within 2 working days of the
    disagreement" only at stage 1; Salford counts from each stage."""
    from stillworried.core.procedures import needs_started
    asks = {(procedure_id, stage["number"]): needs_started(procedure, stage["number"])
            for procedure_id, procedure in bundle["procedures"].items() for stage in procedure["stages"]}
    assert {key for key, value in asks.items() if value} == {
        ("wigan", 1), ("wigan", 2), ("wigan", 3), ("wigan", 4), ("wigan", 5), ("southwark", 1)}
