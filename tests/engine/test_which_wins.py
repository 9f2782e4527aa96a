"""Two limits at one stage (issue 9): which comes first, and the today/overdue flag that looks at
both the stage's date and the whole process's limit.

Dates worked out by hand from a calendar. Wigan: "Where possible this should not exceed 10
working days between stages and one month for the overall process to be completed" (Step 2).
Christmas Day is Friday 25 December 2026, Boxing Day is observed on Monday 28 December, New
Year's Day is Friday 1 January 2027.
"""
import pytest

from stillworried.core import worded
from stillworried.core.worded import next_step


def test_wigan_stage_2_the_month_ends_before_the_10_working_days_so_the_month_wins(bundle):
    """Begun 2 November, stage 2 from Monday 23 November: 10 working days end on Monday 7 December,
    the month on Wednesday 2 December."""
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02")
    assert answer["deadline"]["date"] == "2026-12-07"
    # The first screen shows 2 December in bold ("Whole process due by"), and says the stage's later date.
    assert answer["keep_to"] == "overall" and answer["overall"]["date"] == "2026-12-02"
    assert answer["which_wins"] == "This stage's own limit ends later, on Monday 7 December 2026."


def test_wigan_stage_2_over_christmas_the_10_working_days_end_before_the_month(bundle):
    """Begun 1 December, stage 2 from Monday 14 December: 10 working days skip Christmas Day and
    Boxing Day (observed) and end on Wednesday 30 December; the month ends on New Year's Day."""
    answer = next_step(bundle, "wigan", 2, "2026-12-14", "2026-12-01")
    assert (answer["deadline"]["date"], answer["overall"]["date"]) == ("2026-12-30", "2027-01-01")
    assert answer["which_wins"] == ("This stage's date comes first. The whole process should end by "
                                    "Friday 1 January 2027. Friday 1 January 2027 is a bank holiday (New Year's "
                                    "Day): offices may be closed. The last working day before it is Thursday "
                                    "31 December 2026.")


def test_southwark_stage_1_the_3_working_days_come_before_the_working_week(bundle):
    """3.1 one working week for the discussion; 3.2 three working days for the receiving practitioner."""
    answer = next_step(bundle, "southwark", 1, "2026-11-23", "2026-11-23")
    assert answer["deadline"]["date"] == "2026-11-26"
    # The working week is the aim for the first discussion (applies_to_stages: [1]), not a limit
    # for the whole process (issue 22).
    assert answer["which_wins"] == "This stage's date comes first. The aim at stage 1 ends on Monday 30 November 2026."


def test_same_day_says_so(bundle):
    """Wigan stage 2 begun on 2 November 2026 itself... the month ends 2 December; 10 working
    days from Wednesday 18 November end on Wednesday 2 December too."""
    answer = next_step(bundle, "wigan", 2, "2026-11-18", "2026-11-02")
    assert answer["which_wins"] == ("This stage's date and the whole process's limit are the same day: "
                                    "Wednesday 2 December 2026.")


def test_only_one_limit_no_line(bundle):
    """Southwark's working week applies at stage 1 only; Salford has no whole-process limit."""
    assert next_step(bundle, "southwark", 2, "2026-11-23")["which_wins"] is None
    assert next_step(bundle, "salford-vcse", 2, "2026-11-23")["which_wins"] is None


def test_wigan_stage_3_without_the_day_it_began_says_the_month_may_end_sooner(bundle):
    """With only the stage's date, "whichever ends first" compares nothing: the line says the
    whole month may end sooner and what to give to work it out (a phone tester at stage 5)."""
    answer = next_step(bundle, "wigan", 3, "2026-11-23")
    assert answer["overall"]["date"] is None
    assert answer["which_wins"] == ("The whole process's limit may end sooner: it counts from the day the "
                                    "disagreement began, which was not given. Give that day to work it out.")


def test_the_procedure_pages_say_the_rule_where_both_apply(bundle):
    wigan = bundle["procedures"]["wigan"]
    assert worded.which_wins_rule(wigan, 2).startswith("Two time limits apply here")
    assert worded.which_wins_rule(bundle["procedures"]["southwark"], 2) is None


# --- The flag: the stage's date and the whole process's limit --------------------------------

@pytest.mark.parametrize("today, flag", [
    ("2026-12-01", None),
    ("2026-12-02", {"status": "today", "limit": "overall", "words": "The whole process should be finished today."}),
    ("2026-12-03", {"status": "overdue", "limit": "overall", "words": "The whole process should have been finished by Wednesday "
                                                  "2 December 2026. It is now overdue: move to stage 3 now."}),
    ("2026-12-07", {"status": "overdue", "limit": "overall", "words": "The whole process should have been finished by Wednesday "
                                                  "2 December 2026. It is now overdue: move to stage 3 now."}),
    ("2026-12-08", {"status": "overdue", "limit": "overall", "words": "The whole process should have been finished by Wednesday "
                                                  "2 December 2026. It is now overdue: move to stage 3 now."}),
])
def test_wigan_stage_2_overdue_once_the_month_has_passed_even_within_the_10_working_days(bundle, today, flag):
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02", today)
    assert answer["flag"] == flag
    if today == "2026-12-03":
        assert answer["deadline"]["status"] == "upcoming"  # the stage's own date has not passed


@pytest.mark.parametrize("today, flag", [
    ("2026-12-24", None),   # Thursday before Christmas
    ("2026-12-25", None),   # Christmas Day
    ("2026-12-29", None),
    ("2026-12-30", {"status": "today", "limit": "stage", "words": "This is due today."}),
    ("2026-12-31", {"status": "overdue", "limit": "stage", "words": "This was due on Wednesday 30 December 2026. It is now "
                                                  "overdue: move to stage 3 now."}),
    ("2027-01-04", {"status": "overdue", "limit": "stage", "words": "This was due on Wednesday 30 December 2026. It is now "
                                                  "overdue: move to stage 3 now."}),
])
def test_wigan_stage_2_over_christmas_before_on_and_after_the_deadline(bundle, today, flag):
    assert next_step(bundle, "wigan", 2, "2026-12-14", "2026-12-01", today)["flag"] == flag


@pytest.mark.parametrize("today, status", [
    ("2026-11-27", None), ("2026-11-30", "today"), ("2026-12-01", "overdue"),
])
def test_salford_vcse_stage_2_five_working_days_across_a_weekend(bundle, today, status):
    flag = next_step(bundle, "salford-vcse", 2, "2026-11-23", today=today)["flag"]
    assert (flag and flag["status"]) == status


def test_the_last_stage_overdue_says_to_contact_them_again(bundle):
    flag = next_step(bundle, "southwark", 5, "2026-11-23", today="2026-12-02")["flag"]
    assert flag["words"] == ("This was due on Monday 30 November 2026. It is now overdue: contact them again and "
                             "tell your manager.")


def test_without_today_no_flag(bundle):
    assert next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02")["flag"] is None


# --- "If it is not resolved by then": only where there is a date ----------------------------

def test_a_stage_with_a_date_says_by_then(bundle):
    assert next_step(bundle, "southwark", 2, "2026-11-23")["next_words"] == \
        "If it is not resolved by then, go to stage 3: Heads of service or assistant directors."


def test_once_the_date_has_passed_the_next_step_drops_by_then(bundle):
    """Southwark 3.3 Stage 2: the line managers resolve it within 5 working days, so from Monday
    23 November by Monday 30 November; on 3 December the flag says to move on, and "by then"
    would point at a day gone by."""
    answer = next_step(bundle, "southwark", 2, "2026-11-23", today="2026-12-03")
    assert answer["flag"]["status"] == "overdue"
    assert answer["next_words"] == "If it is not resolved, go to stage 3: Heads of service or assistant directors."
    assert next_step(bundle, "southwark", 2, "2026-11-23", today="2026-11-24")["next_words"].startswith(
        "If it is not resolved by then")


def test_salford_stages_with_no_time_limit_never_say_by_then(bundle):
    """Salford VCSE stage 1 and the 2014 procedure's stages 1 and 2 set no time limit."""
    assert next_step(bundle, "salford-vcse", 1, "2026-11-23")["next_words"] == \
        "If it is not resolved, go to stage 2: Practice Manager."
    for stage in (1, 2):
        assert "by then" not in next_step(bundle, "salford-sscb-2014", stage, "2026-11-23")["next_words"]


def test_the_last_stage_says_so(bundle):
    assert next_step(bundle, "wigan", 5, "2026-11-23")["next_words"] == "This is the last stage of the procedure."


# --- The date the first screen shows in bold -------------------------------------------------

@pytest.mark.parametrize("procedure_id, stage, since, started, keep", [
    ("wigan", 2, "2026-11-23", "2026-11-02", "overall"),  # the month (2 Dec) ends before 10 working days (7 Dec)
    ("wigan", 2, "2026-12-14", "2026-12-01", "stage"),    # 10 working days (30 Dec) end before the month (1 Jan)
    ("wigan", 2, "2026-11-18", "2026-11-02", "stage"),    # the same day: the stage's own
    ("wigan", 3, "2026-11-23", None, "stage"),            # no start given: the month has no date
    ("southwark", 1, "2026-11-23", None, "stage"),        # 3 working days before the working week
    ("salford-vcse", 1, "2026-11-23", None, None),        # the source sets no time limit at stage 1
])
def test_the_first_screen_keeps_to_the_limit_that_ends_first(bundle, procedure_id, stage, since, started, keep):
    assert next_step(bundle, procedure_id, stage, since, started)["keep_to"] == keep


def test_the_calendar_event_is_for_the_date_in_bold(bundle):
    from stillworried.core import calendar_file
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02")
    assert calendar_file.event_date(answer) == "2026-12-02"
    assert "SUMMARY:The overall time limit ends today" in calendar_file.deadline_event(answer, "20261201T100000Z")
    assert calendar_file.event_date(next_step(bundle, "wigan", 2, "2026-12-14", "2026-12-01")) == "2026-12-30"


def test_southwark_stage_1_the_limit_for_raising_it_is_met_on_the_day_you_raised_it(bundle):
    """3.2 Stage 1: raise it within 2 working days of the disagreement; the practitioner then has
    3 working days from the day you raised it. The stage's day is the day you raised it, so the
    first limit is met, never a step still to do: a teacher who raised it on Friday 27 November
    is not told on 2 December to raise it (a phone tester was told "That is today")."""
    answer = next_step(bundle, "southwark", 1, "2026-11-27", today="2026-12-02")
    (raise_it,) = [limit for limit in answer["deadlines"] if limit["measures"] == "raise"]
    assert (raise_it["status"], raise_it["status_words"]) == ("done", "You raised it on Friday 27 November 2026.")
    assert answer["steps_due"] == []
    on_the_day = next_step(bundle, "southwark", 1, "2026-11-30", today="2026-12-02")
    assert on_the_day["steps_due"] == []
    assert [l["status"] for l in on_the_day["deadlines"] if l["measures"] == "raise"] == ["done"]
    # The stage's own date (the practitioner's 3 working days) is flagged as before.
    assert answer["flag"]["status"] == "today"


def test_southwark_stage_1_raised_after_2_working_days_says_so(bundle):
    """The disagreement began on Monday 23 November; raised on Friday 27th, after the 2 working
    days (Wednesday 25th)."""
    answer = next_step(bundle, "southwark", 1, "2026-11-27", "2026-11-23", today="2026-12-02")
    (raise_it,) = [limit for limit in answer["deadlines"] if limit["measures"] == "raise"]
    assert raise_it["status_words"] == ("You raised it on Friday 27 November 2026, after this limit "
                                        "(Wednesday 25 November 2026).")
    assert answer["steps_due"] == []


# --- Issue 21, items 5, 7 and 11: what is due, beside the date, in words that fit ---------------

def test_southwark_3_3_the_same_working_day_escalation_once_overdue_is_on_the_first_screen(bundle):
    """Stage 2 from Friday 4 December 2026, seen on Monday 7th: the escalation to the line manager
    was due that Friday. The answer says so, the same day as what, and what to do now."""
    answer = next_step(bundle, "southwark", 2, "2026-12-04", today="2026-12-07")
    assert answer["steps_due"] == [{
        "id": "escalate", "status": "overdue", "date": "2026-12-04",
        "words": "You should escalate it to your line manager by Friday 4 December 2026, the same working day as the "
                 "day stage 1 could not resolve it. It is overdue: if it is not done yet, do it now."}]
    assert "same working day that stage 1 could not resolve it" in answer["who"]["sentence"]
    today = next_step(bundle, "southwark", 2, "2026-12-07", today="2026-12-07")["steps_due"]
    assert [step["status"] for step in today] == ["today"] and today[0]["words"].endswith("That is today.")


def test_southwark_3_2_raised_within_its_2_working_days_is_done_in_time(bundle):
    """Disagreement on Thursday 19 November, raised on Monday 23rd: the 2nd working day."""
    answer = next_step(bundle, "southwark", 1, "2026-11-23", "2026-11-19", today="2026-11-24")
    (raise_it,) = [limit for limit in answer["deadlines"] if limit["measures"] == "raise"]
    assert (raise_it["date"], raise_it["status_words"]) == ("2026-11-23", "You raised it on Monday 23 November 2026.")
    assert answer["steps_due"] == []


@pytest.mark.parametrize("started, today", [(None, "2026-12-29"), ("2026-11-20", "2026-12-21")])
def test_wigan_stage_5_never_says_contact_them_again_before_anyone_was_contacted(bundle, started, today):
    """Begun 18 December 2026: the step is to refer it to the WSCP Business Manager, so once its
    week or the whole month has passed, the answer says to do that, not "contact them again"."""
    words = next_step(bundle, "wigan", 5, "2026-12-18", started, today)["flag"]["words"]
    assert words.endswith("It is now overdue: if it is not done yet, the manager or named safeguarding lead should "
                          "refer it to the WSCP Business Manager now.")
    assert "contact them again" not in words


@pytest.mark.parametrize("started", [None, "2026-11-20", "2026-12-01"])
def test_wigan_stage_5_the_christmas_day_warning_stays_whatever_else_is_given(bundle, started):
    """Begun Friday 18 December 2026: the week ends on Christmas Day. Giving the optional day the
    disagreement began can put the whole month's date in bold, but never takes away the warning."""
    answer = next_step(bundle, "wigan", 5, "2026-12-18", started, "2026-12-18")
    christmas = [line for line in answer["closed_days"] if "Friday 25 December 2026 is a bank holiday (Christmas Day)" in line]
    assert len(christmas) == 1 and christmas[0].endswith("The last working day before it is Thursday 24 December 2026.")


def test_a_step_of_your_own_is_labelled_by_what_it_is(bundle):
    """"Send it by" must not come before the page says what "it" is: a step your side takes is
    labelled by its action; answers and resolutions keep their labels."""
    labels = {(procedure_id, stage["number"]): next_step(bundle, procedure_id, stage["number"], "2026-11-23")["deadline"]["label"]
              for procedure_id, procedure in bundle["procedures"].items() for stage in procedure["stages"]
              if stage.get("deadline")}
    assert labels[("salford-sscb-2014", 3)] == \
        "Copy the Escalation Notice to the appropriate Service Manager (or equivalent) by"
    assert labels[("wigan", 5)] == "Refer it to the WSCP Business Manager by"
    assert labels[("southwark", 2)] == "Resolution due by"
    assert not [label for label in labels.values() if label in ("Send it by", "Raise it by")]


def test_a_lapsed_procedure_never_tells_a_safeguarding_lead_to_ask_their_safeguarding_lead(bundle):
    for procedure in bundle["procedures"].values():
        note = procedure.get("status_note") or ""
        assert "check with your safeguarding lead" not in note.lower()
        if procedure["status"] == "lapsed":
            assert "ask the Partnership Bridge, or your organisation's safeguarding lead if that is not you" in note


def test_wigan_the_whole_months_end_on_christmas_day_is_warned_of_where_the_stage_comes_first(bundle):
    """Wigan stage 1 begun Wednesday 25 November 2026: its 10 working days come first, and the
    line under them says the month ends on Friday 25 December, Christmas Day, with the warning
    beside that date (not under the stage's date in bold, where it read as being about it)."""
    answer = next_step(bundle, "wigan", 1, "2026-11-25", today="2026-12-01")
    assert answer["keep_to"] == "stage" and answer["closed_days"] == []
    assert answer["which_wins"] == (
        "This stage's date comes first. The whole process should end by Friday 25 December 2026. Friday 25 "
        "December 2026 is a bank holiday (Christmas Day): offices may be closed. The last working day before it is "
        "Thursday 24 December 2026.")


def test_southwark_3_3_the_next_step_says_stage_2_is_taken_up_the_same_working_day(bundle):
    """3.3: "the concern or difficulty should be escalated to their respective line managers
    within the same working day": stage 1's answer says so in its next step."""
    assert next_step(bundle, "southwark", 1, "2026-11-30")["next_words"] == (
        "If it is not resolved by then, go to stage 2: Line manager to line manager, and escalate it to your line "
        "manager on the same working day.")
