""""Where should I be today?" and the timeline: the procedure walked from the day it was raised,
each stage given its full time limit in turn, the next beginning on the day the last one's
limit ends (Southwark's "within a further five days", Wigan's "10 working days between stages").

The dates were worked out by hand from a calendar: November 2026 has Monday 23rd; Christmas
Day is Friday 25 December 2026, Boxing Day Saturday 26th (substitute day Monday 28th), New
Year's Day Friday 1 January 2027. WHERE_CASES are also asked under MicroPython and Pyodide
(tests/engine/interpreter_parity.py), which must give the same stage and dates.
"""
import pytest

from stillworried.core.procedures import EngineError
from stillworried.core.worded import timeline, where_today
from stillworried.core.workdays import DateError

# (what the source gives, procedure, raised on, today, tried,
#  expected: stage, the day that stage began, its headline date, its status)
WHERE_CASES = [
    # Southwark 3.2: the receiving practitioner speaks with you within 3 working days of your
    # raising it (24, 25, 26 November); 3.3: then "within the same working day" to the line
    # managers, who resolve it "within a further five days", counted as 5 days, the earlier
    # reading (27, 28, 29, 30 Nov, 1 Dec; as working days it would be Thursday 3 December).
    ("Southwark: raised on Monday 23 November 2026, on 1 December: stage 2, line managers by today, Tuesday "
     "1 December", "southwark", "2026-11-23", "2026-12-01", None, (2, "2026-11-26", "2026-12-01", "today")),
    ("Southwark: on Thursday 26 November the practitioner's 3 working days end today: still stage 1",
     "southwark", "2026-11-23", "2026-11-26", None, (1, "2026-11-23", "2026-11-26", "today")),
    ("Southwark: on Friday 27 November stage 1 has run out: stage 2", "southwark", "2026-11-23", "2026-11-27",
     None, (2, "2026-11-26", "2026-12-01", "upcoming")),
    # 3.4: senior managers, a further 5 working days (2, 3, 4, 7, 8 December); 3.5: the Quality
    # Assurance Unit, a further two (9, 10); 3.6: the Chair, five (11, 14, 15, 16, 17).
    ("Southwark: on Wednesday 9 December it should be with the Quality Assurance Unit (stage 4) until Thursday 10th",
     "southwark", "2026-11-23", "2026-12-09", None, (4, "2026-12-08", "2026-12-10", "upcoming")),
    ("Southwark: on Christmas Eve every stage has run out: stage 5, the Chair's 5 working days ended on "
     "17 December", "southwark", "2026-11-23", "2026-12-24", None, (5, "2026-12-10", "2026-12-17", "overdue")),
    # Wigan: "Time scales not exceeding 10 working days ... for each stage"; "10 working days between stages".
    ("Wigan: raised on Monday 23 November 2026, on 1 December still stage 1, practitioners until Monday 7 "
     "December", "wigan", "2026-11-23", "2026-12-01", None, (1, "2026-11-23", "2026-12-07", "upcoming")),
    ("Wigan: on Tuesday 8 December, stage 2, line managers until Monday 21 December", "wigan", "2026-11-23",
     "2026-12-08", None, (2, "2026-12-07", "2026-12-21", "upcoming")),
    ("Wigan: on Christmas Eve, stage 3, heads of service until Thursday 7 January 2027 (Christmas, Boxing Day "
     "and New Year skipped)", "wigan", "2026-11-23", "2026-12-24", None, (3, "2026-12-21", "2027-01-07", "upcoming")),
    # Wigan stage 4: heads of service raise it with directors "within a further 2 working days"
    # (8, 11 January); the source sets no limit for the directors' meeting, so the walk stops.
    ("Wigan: on 20 January 2027, stage 4: the directors should have been told by Monday 11 January, and no "
     "date can be given for stage 5", "wigan", "2026-11-23", "2027-01-20", None, (4, "2027-01-07", "2027-01-11", "overdue")),
    # Salford VCSE App. 2 §4: 5 working days each for the Practice Manager, Service Manager and
    # Head of Service; the first talk with the caseworker has no time limit.
    ("Salford VCSE: spoke to the caseworker, then contacted the Bridge on Monday 23 November 2026; on 1 "
     "December the Service Manager (stage 3) has until Monday 7 December", "salford-vcse", "2026-11-23",
     "2026-12-01", [1], (3, "2026-11-30", "2026-12-07", "upcoming")),
    ("Salford VCSE: raised with the caseworker on 23 November: the source sets no time limit for that talk, "
     "so stage 1 it stays", "salford-vcse", "2026-11-23", "2026-12-01", None, (1, "2026-11-23", None, None)),
    # Salford 2014 3.4: the Escalation Notice copied to the Service Manager within 2 working days.
    ("Salford 2014: practitioners and line managers tried, raised with the Operational Manager on 23 "
     "November: the notice was due by 25 November", "salford-sscb-2014", "2026-11-23", "2026-12-01", [1, 2],
     (3, "2026-11-23", "2026-11-25", "overdue")),
]


def deadline_date(answer):
    return answer["deadline"]["date"] if answer["deadline"] else None


@pytest.mark.parametrize("words, procedure, raised, today, tried, expected", WHERE_CASES,
                         ids=[case[0] for case in WHERE_CASES])
def test_where_should_i_be_today(bundle, words, procedure, raised, today, tried, expected):
    answer = where_today(bundle, procedure, raised, today, tried)
    status = answer["deadline"]["status"] if answer["deadline"] else None
    assert (answer["stage"], answer["since"], deadline_date(answer), status) == expected
    assert answer["walk"]["today_stage"] == answer["stage"]
    assert answer["raised_on"] == raised and answer["today"] == today


def test_southwark_the_answer_is_next_steps_for_stage_2_with_the_walk(bundle):
    answer = where_today(bundle, "southwark", "2026-11-23", "2026-12-01")
    assert answer["where_words"] == ("You raised it on Monday 23 November 2026. Giving each stage its full time "
                                     "limit, on Tuesday 1 December 2026 it should be at stage 2: Line manager to "
                                     "line manager.")
    assert answer["who"]["receiving"] == "The other practitioner's line manager"
    # Raised on the 23rd: the disagreement began on that day or before it, so it is not guessed.
    assert answer["started"] is None
    assert answer["overall"] is None  # 3.1's week is for stage 1
    steps = answer["walk"]["steps"]
    assert [(step["since"], step["ends"], step["state"]) for step in steps] == [
        ("2026-11-23", "2026-11-26", "past"), ("2026-11-26", "2026-12-01", "current"),
        ("2026-12-01", "2026-12-08", "future"), ("2026-12-08", "2026-12-10", "future"),
        ("2026-12-10", "2026-12-17", "future")]


def test_wigan_the_directors_stage_ends_after_its_ten_working_days_so_the_walk_goes_on_to_stage_5(bundle):
    """Wigan: "Time scales not exceeding 10 working days should be agreed for each stage" covers the
    directors' stage too. Raised 23 November 2026: stage 4 begins on Thursday 7 January 2027 and its
    10 working days end on Thursday 21 January, where stage 5 begins; its "further week" (7 calendar
    days) ends on Thursday 28 January. On 20 January it should be at stage 4."""
    answer = where_today(bundle, "wigan", "2026-11-23", "2027-01-20")
    walk = answer["walk"]
    assert walk["stopped"] is None and answer["stage"] == 4
    assert [(step["since"], step["ends"]) for step in walk["steps"]][3:] == [
        ("2027-01-07", "2027-01-21"), ("2027-01-21", None)]
    assert walk["steps"][3]["deadline"]["date"] == "2027-01-11"  # raised with the directors within 2 working days
    assert walk["steps"][4]["deadline"]["date"] == "2027-01-28"


def test_wigan_on_christmas_eve_stage_3_runs_past_the_month(bundle):
    """Raised 23 November 2026: the month ends on Wednesday 23 December, the heads of service's
    10 working days on 7 January 2027."""
    answer = where_today(bundle, "wigan", "2026-11-23", "2026-12-24")
    assert answer["overall"]["date"] == "2026-12-23" and answer["overall"]["status"] == "overdue"
    assert answer["deadline"]["after_overall"] is True


def test_the_walk_at_the_stage_after_those_tried_never_guesses_when_the_disagreement_began(bundle):
    """Wigan, stage 1 tried, raised with the line managers on 23 November: the month counts from the
    start of the disagreement, which was before that and not given."""
    answer = where_today(bundle, "wigan", "2026-11-23", "2026-12-01", [1])
    assert answer["stage"] == 2 and answer["started"] is None
    assert answer["overall"]["date"] is None and answer["overall"]["missing"] == "started"
    given = where_today(bundle, "wigan", "2026-11-23", "2026-12-01", [1], started="2026-11-09")
    assert given["overall"]["date"] == "2026-12-09"


def test_a_stage_without_a_time_limit_in_the_walk_salford_2014_stage_1(bundle):
    answer = where_today(bundle, "salford-sscb-2014", "2026-11-23", "2026-12-01")
    assert answer["stage"] == 1 and answer["deadline"] is None
    assert answer["walk"]["stopped"] == 1
    assert [step["since"] for step in answer["walk"]["steps"]] == ["2026-11-23", None, None]


@pytest.mark.parametrize("raised, today, tried, error, message", [
    ("2026-12-01", "2026-11-23", None, DateError, "cannot be after today"),
    ("2026-11-23", "2026-12-01", [9], EngineError, "has no stage 9"),
    ("2026-11-23", "2026-12-01", [1, 2, 3, 4, 5], EngineError, "the last stage of this procedure"),
    ("2026-02-30", "2026-12-01", None, DateError, "not a real date"),
])
def test_questions_the_walk_cannot_answer_say_why(bundle, raised, today, tried, error, message):
    with pytest.raises(error, match=message):
        where_today(bundle, "wigan", raised, today, tried)


# --- The timeline ----------------------------------------------------------------------------------

def test_the_bare_ladder_for_a_procedure_page_has_every_stage_and_no_dates(bundle):
    ladder = timeline(bundle, "southwark")
    assert [step["title"] for step in ladder["steps"]] == [
        "Involve the worker from the other agency", "Line manager to line manager",
        "Heads of service or assistant directors", "Quality Assurance Unit", "SSCP Independent Chair"]
    assert [step["deadline"]["rule"] for step in ladder["steps"]][3] == (
        "The Quality Assurance Unit should reach a resolution within 2 working days of the day it was referred to them.")
    assert all(step["since"] is None and step["deadline"]["date"] is None for step in ladder["steps"])
    assert ladder["overall"]["applies_to_stages"] == [1] and ladder["overall"]["date"] is None
    assert (ladder["holidays"], ladder["first"], ladder["today_stage"]) == ([], None, None)


def test_wigan_timeline_from_23_november_2026_has_the_christmas_bank_holidays_by_name(bundle):
    line = timeline(bundle, "wigan", 1, "2026-11-23", today="2026-12-24")
    assert [(step["since"], step["ends"]) for step in line["steps"]] == [
        ("2026-11-23", "2026-12-07"), ("2026-12-07", "2026-12-21"), ("2026-12-21", "2027-01-07"),
        ("2027-01-07", "2027-01-21"), ("2027-01-21", None)]
    assert line["steps"][3]["deadline"]["date"] == "2027-01-11"  # raised with the directors
    assert line["overall"]["date"] == "2026-12-23"
    assert (line["first"], line["last"]) == ("2026-11-23", "2027-01-28")
    # Boxing Day on Saturday 26 December is not a day off; Monday 28th, its substitute, is
    assert [(day["date"], day["name"]) for day in line["holidays"]] == [
        ("2026-12-25", "Christmas Day"), ("2026-12-28", "Boxing Day, substitute day"),
        ("2027-01-01", "New Year's Day")]
    assert line["today_stage"] == 3
    assert [step["state"] for step in line["steps"]] == ["past", "past", "current", "future", "future"]


def test_a_timeline_from_a_later_stage_leaves_the_earlier_ones_undated(bundle):
    line = timeline(bundle, "salford-vcse", 3, "2026-12-21")
    assert [step["since"] for step in line["steps"]] == [None, None, "2026-12-21", "2026-12-30"]
    assert [step["state"] for step in line["steps"]] == ["tried", "tried", None, None]
    assert line["steps"][3]["deadline"]["date"] == "2027-01-07"  # 31 Dec, 4, 5, 6, 7 January


def test_a_stage_whose_headline_is_for_raising_it_still_ends_on_its_resolution_limit(bundle):
    """Should Wigan's directors' stage get the protocol's "not exceeding 10 working days ... for each
    stage" beside its 2 working days to raise it, the walk goes on from that limit: from Thursday
    7 January 2027, 10 working days end on Thursday 21 January, and stage 5 begins there."""
    import copy
    changed = copy.deepcopy(bundle)
    stage_4 = changed["procedures"]["wigan"]["stages"][3]
    stage_4["timescales"].append(dict(stage_4["timescales"][0], id="resolve", measures="resolve", amount=10,
                                      counts_from="stage_start"))
    line = timeline(changed, "wigan", 1, "2026-11-23")
    assert line["stopped"] is None
    assert (line["steps"][3]["ends"], line["steps"][4]["since"]) == ("2027-01-21", "2027-01-21")
    assert line["steps"][3]["deadline"]["id"] == "raise"  # the headline is still the 2 working days


def test_southwark_raised_on_26_november_the_limit_for_raising_it_is_met_not_overdue(bundle):
    """Southwark 3.1: raise it within 2 working days of the disagreement. A teacher who raised it
    on Thursday 26 November and is still waiting on Tuesday 1 December has met that limit; the
    answer is due today (3 working days: 27, 30 November, 1 December)."""
    answer = where_today(bundle, "southwark", "2026-11-26", "2026-12-01")
    assert answer["stage"] == 1 and answer["deadline"]["date"] == "2026-12-01"
    assert answer["deadline"]["status"] == "today"
    raise_limit = [limit for limit in answer["deadlines"] if limit["measures"] == "raise"][0]
    assert raise_limit["status"] == "done"
    assert raise_limit["status_words"] == "You raised it on Thursday 26 November 2026."


# --- When the walk reaches a later stage, its day is an assumption (issue 21) ----------------------

def test_wigan_health_visitor_stage_2_counted_from_the_day_her_line_manager_took_it_there(bundle):
    """Wigan: "Time scales not exceeding 10 working days should be agreed for each stage". Raised on
    Monday 16 November 2026; her line manager took it to stage 2 on Tuesday 24 November. On
    Tuesday 8 December stage 2's 10 working days end that day (25, 26, 27, 30 November, 1, 2, 3, 4,
    7, 8 December): due today, not on the walk's Monday 14 December."""
    from stillworried.core.worded import counted_from, where_known
    walked = where_today(bundle, "wigan", "2026-11-16", "2026-12-08")
    assert (walked["stage"], walked["since"], walked["deadline"]["date"]) == (2, "2026-11-30", "2026-12-14")
    assert walked["since_from"] == "walk"
    said = counted_from(walked)
    assert said["assumed"] and said["words"] == (
        "Counted from Monday 30 November 2026. We assumed stage 2 began that day, when stage 1's time limit ended: "
        "you have not told us the day it really began.")
    known = where_known(bundle, "wigan", "2026-11-16", 2, "2026-11-24", "2026-12-08")
    assert (known["stage"], known["since"], known["deadline"]["date"], known["deadline"]["status"]) == (
        2, "2026-11-24", "2026-12-08", "today")
    assert known["flag"]["words"] == "This is due today."
    assert known["started"] == "2026-11-16"  # the month counts from the day it was raised
    assert known["overall"]["date"] == "2026-12-16"
    assert known["where_words"] == ("You raised it on Monday 16 November 2026, and it was taken to stage 2 on "
                                    "Tuesday 24 November 2026.")
    assert counted_from(known) == {"words": "Counted from Tuesday 24 November 2026, the day you told us stage 2 began.",
                                   "assumed": False, "day": "2026-11-24", "what": "the day you told us stage 2 began"}


def test_every_walk_past_the_first_stage_says_its_day_is_assumed(bundle):
    """For every procedure, raised on days across Christmas and seen from later days: where the walk
    reaches a stage after the first, the counted-from line says the day was assumed; at the first
    stage, that it is the day the person raised it."""
    from stillworried.core.worded import counted_from
    seen = set()
    for procedure_id in sorted(bundle["procedures"]):
        for raised in ("2026-11-16", "2026-12-18"):
            for today in ("2026-11-20", "2026-12-08", "2027-01-04", "2027-03-01"):
                if today < raised:
                    continue
                answer = where_today(bundle, procedure_id, raised, today)
                said = counted_from(answer)
                if said is None:
                    assert answer["deadline"] is None or answer["deadline"]["date"] is None
                    continue
                later = answer["stage"] > bundle["procedures"][procedure_id]["stages"][0]["number"]
                assert said["assumed"] == (later and answer["keep_to"] == "stage"), (procedure_id, raised, today)
                if not said["assumed"]:
                    assert "the day you told us you raised it" in said["words"]
                seen.add(said["assumed"])
    assert seen == {True, False}


def test_the_answer_repeats_the_day_the_person_gave(bundle):
    """Salford SSCB 2014 3.4: the Escalation Notice within 2 working days. Begun Thursday
    17 December 2026: Monday 21 December, counted from the 17th, which the answer repeats."""
    from stillworried.core.worded import counted_from, next_step
    answer = next_step(bundle, "salford-sscb-2014", 3, "2026-12-17", None, "2026-12-18")
    assert answer["deadline"]["date_words"] == "Monday 21 December 2026"
    assert counted_from(answer)["words"] == "Counted from Thursday 17 December 2026, the day you told us this stage began."
    # Wigan, begun 2 November, stage 2 from 23 November: the month is the date in bold, from 2 November.
    answer = next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02", "2026-12-01")
    assert counted_from(answer)["words"] == ("Counted from Monday 2 November 2026, the day you told us the "
                                             "disagreement began.")
    assert counted_from(next_step(bundle, "salford-vcse", 1, "2026-11-23")) is None  # no time limit


@pytest.mark.parametrize("stage, since, message", [
    (1, "2026-11-24", "is where it was raised"),
    (2, "2026-11-13", "must be the same as or after the day you raised it"),
    (2, "2026-12-09", "must be today or in the past"),
    (9, "2026-11-24", "has no stage 9"),
])
def test_a_known_stage_day_the_engine_cannot_use_says_why(bundle, stage, since, message):
    from stillworried.core.worded import where_known
    with pytest.raises(ValueError, match=message):
        where_known(bundle, "wigan", "2026-11-16", stage, since, "2026-12-08")
