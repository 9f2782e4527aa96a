"""The wizard's questions and the page address (stillworried/flow.py).

The address fragment is the wizard's only memory: a link like
#procedure=southwark&stage=4&since=2026-11-23 opens straight on the answer, the back button steps
back through the questions, and nothing but ids and dates from a fixed alphabet is ever read from
it. A broken or hostile link leads to the first question still unanswered, with a plain-English
sentence saying what was wrong, and never puts what was typed into the page.
"""
import datetime
import string

import pytest
from hypothesis import given, settings, strategies as st

from stillworried import flow
from stillworried.engine import next_step
from stillworried.workdays import DateError

TODAY = "2026-11-23"  # a Monday
SAFE_VALUE = set(string.ascii_lowercase + string.digits + "-")
# What a sentence shown to the volunteer may contain: words, and at most a date or a number
# from the link, which the alphabet above already limits to digits and hyphens.
PLAIN_ENGLISH = set(string.ascii_letters + string.digits + " .,'-")


def every_stage(bundle):
    return [(procedure_id, stage["number"])
            for procedure_id, procedure in sorted(bundle["procedures"].items())
            for stage in procedure["stages"]]


def opens_on(bundle, fragment, today=TODAY):
    return flow.step(bundle, flow.parse_fragment(fragment), today)


# --- Links that work ----------------------------------------------------------------------------

def test_a_link_to_southwark_stage_4_opens_on_the_answer(bundle):
    step, answers, problem = opens_on(bundle, "#procedure=southwark&stage=4&since=2026-11-23")
    assert (step, problem) == (flow.RESULT, None)
    assert answers == {"procedure": "southwark", "partnership": "southwark", "stage": 4, "since": "2026-11-23"}
    answer = next_step(bundle, answers["procedure"], answers["stage"], answers["since"], answers.get("started"))
    assert answer["title"] == "Quality Assurance Unit"


def test_a_wigan_link_with_the_day_the_disagreement_began_keeps_it_for_the_overall_deadline(bundle):
    step, answers, problem = opens_on(bundle, "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02")
    assert (step, problem) == (flow.RESULT, None)
    assert answers["started"] == "2026-11-02"
    answer = next_step(bundle, "wigan", 2, answers["since"], answers["started"])
    assert answer["overall"]["date"] == "2026-12-02"  # one month for the overall process, from 2 November


@pytest.mark.parametrize("since", ["2026-11-23", "2015-01-01", "2035-12-31", "2024-02-29", "2026-12-25"])
def test_every_answer_survives_the_trip_through_the_address(bundle, since):
    for procedure_id, number in every_stage(bundle):
        for started in (None, "2015-01-01"):
            answers = {"procedure": procedure_id, "stage": number, "since": since}
            if started:
                answers["started"] = started
            fragment = flow.make_fragment(answers)
            assert flow.parse_fragment(fragment) == answers, fragment
            step, kept, problem = flow.step(bundle, flow.parse_fragment(fragment), "2035-12-31")
            assert (step, problem) == (flow.RESULT, None), fragment
            assert flow.make_fragment(kept) == fragment


def test_the_address_holds_the_answers_in_a_fixed_order_and_nothing_else():
    answers = {"started": "2026-11-02", "since": "2026-11-23", "stage": 2, "partnership": "wigan",
               "procedure": "wigan", "unreadable": ["area"]}
    assert flow.make_fragment(answers) == "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02"


def test_the_questions_before_the_procedure_have_their_own_addresses(bundle):
    assert flow.make_fragment({"area": None}) == "#area"
    assert flow.make_fragment({"area": "salford"}) == "#area=salford"
    assert flow.parse_fragment("#area") == {"area": None}
    assert flow.parse_fragment("#area=salford") == {"area": "salford"}
    for area in bundle["partnerships"]:
        expected = (flow.SITUATION, {"area": area}, None)
        only = flow.area_procedures(bundle, area)
        if len(only) == 1:  # one situation is no question: straight on to the stages
            expected = (flow.STAGE, {"procedure": only[0], "partnership": area}, None)
        assert opens_on(bundle, flow.make_fragment({"area": area})) == expected


# --- Which question comes next ------------------------------------------------------------------

def test_with_no_answers_the_first_question_is_whether_a_child_is_in_immediate_danger(bundle):
    assert opens_on(bundle, "") == (flow.DANGER, {}, None)
    assert opens_on(bundle, "#") == (flow.DANGER, {}, None)
    assert opens_on(bundle, "#immediate-danger") == (flow.DANGER, {}, None)


def test_no_to_immediate_danger_asks_which_area(bundle):
    assert opens_on(bundle, "#area") == (flow.AREA, {"area": None}, None)


def test_the_step_for_every_partial_answer(bundle):
    for procedure_id, number in every_stage(bundle):
        partnership = bundle["procedures"][procedure_id]["partnership"]
        kept = {"procedure": procedure_id, "partnership": partnership}
        if len(flow.area_procedures(bundle, partnership)) > 1:
            assert flow.step(bundle, {"area": partnership}, TODAY) == (flow.SITUATION, {"area": partnership}, None)
        else:
            assert flow.step(bundle, {"area": partnership}, TODAY) == (flow.STAGE, kept, None)
        assert flow.step(bundle, {"procedure": procedure_id}, TODAY) == (flow.STAGE, kept, None)
        kept["stage"] = number
        asks = flow.AGENCY if flow.agencies(bundle, procedure_id, number) else flow.WHEN
        assert flow.step(bundle, {"procedure": procedure_id, "stage": number}, TODAY) == (asks, kept, None)
        done = {"procedure": procedure_id, "stage": number, "since": TODAY}
        assert flow.step(bundle, done, TODAY) == (flow.RESULT, dict(kept, since=TODAY), None)


def test_a_stage_and_date_without_a_procedure_start_again_at_the_area(bundle):
    assert opens_on(bundle, "#stage=2&since=2026-11-23") == (flow.AREA, {"area": None}, None)


def test_a_date_without_a_stage_asks_for_the_stage_and_forgets_the_date(bundle):
    step, answers, problem = opens_on(bundle, "#procedure=wigan&since=2026-11-23")
    assert (step, answers, problem) == (flow.STAGE, {"procedure": "wigan", "partnership": "wigan"}, None)


def back_links(bundle, fragment, today=TODAY):
    """The addresses the page's Back link leads to, one after another, with the step each shows."""
    _, answers, _ = opens_on(bundle, fragment, today)
    addresses = []
    while answers is not None:
        answers = flow.back(answers, bundle)
        if answers is not None:
            addresses.append(flow.make_fragment(answers))
            shown, answers, problem = flow.step(bundle, flow.parse_fragment(addresses[-1]), today)
            assert problem is None
            addresses[-1] = (addresses[-1], shown)
    return addresses


def test_the_back_link_steps_back_through_the_questions_one_at_a_time_keeping_every_answer(bundle):
    """Wigan stage 2 asks whose decision it is, and Wigan has one situation, so that question is
    skipped on the way back as on the way in. Each question is asked again (&ask=) with the
    other answers still in the address: going back never loses the dates."""
    kept = "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02&ask="
    assert back_links(bundle, kept[:-5]) == [(kept + "when", flow.WHEN), (kept + "agency", flow.AGENCY),
                                             (kept + "stage", flow.STAGE), (kept + "area", flow.AREA)]


def test_back_on_the_way_in_goes_to_the_question_before_as_it_always_did(bundle):
    assert back_links(bundle, "#procedure=wigan") == [("#area", flow.AREA)]
    assert back_links(bundle, "#procedure=salford-vcse") == [("#area=salford", flow.SITUATION), ("#area", flow.AREA)]


def test_only_procedures_with_a_limit_counted_from_the_start_ask_when_the_disagreement_began(bundle):
    asks = {procedure_id: flow.asks_when_it_started(procedure)
            for procedure_id, procedure in bundle["procedures"].items()}
    # Wigan: "one month for the overall process"; Southwark: raised within 5 working days of the
    # discussion, and 20 working days overall. The two Salford procedures count only from each stage.
    assert asks == {"wigan": True, "southwark": True, "salford-vcse": False, "salford-sscb-2014": False}


# --- Broken and hostile links -------------------------------------------------------------------

WHEN = "#procedure=wigan&stage=2&since="
HOSTILE = [
    # (what the link says, the question it opens on, the sentence shown)
    ("#procedure=<script>alert(1)</script>", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=javascript:alert(1)", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=%3Cscript%3E", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=Wigan", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=" + "a" * 61, flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=" + "wigan" * 10000, flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=constructor", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=__proto__", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=salford", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=wigan\u0000", flow.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#area=<img src=x onerror=alert(1)>", flow.AREA, "We do not have an area called that. Choose an area."),
    ("#area=", flow.AREA, "We do not have an area called that. Choose an area."),
    ("#area=london", flow.AREA, "We do not have an area called that. Choose an area."),
    ("#procedure=wigan&stage=99", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=0", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=-1", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=100", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=\uff12", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=2.0", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=salford-sscb-2014&stage=4", flow.STAGE, "That procedure has no such stage. Choose a stage."),
    (WHEN + "\uff12\uff10\uff12\uff16-11-23", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "\u0662\u0660\u0662\u0666-11-23", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "23-11-2026", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-1-123", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23<script>", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23" * 1000, flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "+026-11-23", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23&started=2026-11-2", flow.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23&started=javascript:alert(1)", flow.WHEN,
     "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-02-30", flow.WHEN, "The date this stage began must be a real date."),
    (WHEN + "2026-13-01", flow.WHEN, "The date this stage began must be a real date."),
    (WHEN + "2014-12-31", flow.WHEN, "The date this stage began"" must be between Thursday 1 January 2015 and Monday 31 December 2035."),
    (WHEN + "2036-01-01", flow.WHEN, "The date this stage began"" must be between Thursday 1 January 2015 and Monday 31 December 2035."),
    (WHEN + "2026-11-24", flow.WHEN, "The date this stage began must be today or in the past."),
    (WHEN + "2026-11-23&started=2026-11-24", flow.WHEN,
     "The date the disagreement began must be the same as or before the date this stage began."),
    (WHEN + "2026-11-23&started=1999-01-01", flow.WHEN, "The date the disagreement began"" must be between Thursday 1 January 2015 and Monday 31 December 2035."),
]


@pytest.mark.parametrize("fragment, expected_step, expected_problem", HOSTILE,
                         ids=[fragment[:60] for fragment, _, _ in HOSTILE])
def test_a_broken_link_opens_the_question_to_answer_again_and_says_why_in_plain_english(
        bundle, fragment, expected_step, expected_problem):
    step, answers, problem = opens_on(bundle, fragment)
    assert (step, problem) == (expected_step, expected_problem)
    assert set(problem) <= PLAIN_ENGLISH
    assert_safe_answers(bundle, answers)


def test_the_first_of_a_repeated_key_counts():
    assert flow.parse_fragment("#procedure=wigan&procedure=southwark&stage=2&stage=3") == \
        {"procedure": "wigan", "stage": 2}
    # A first value that cannot be read is not replaced by a later one smuggled in after it.
    assert flow.parse_fragment("#procedure=<b>&procedure=wigan") == {"unreadable": ["procedure"]}


def test_a_stage_written_with_a_leading_zero_is_that_stage(bundle):
    assert opens_on(bundle, "#procedure=southwark&stage=02")[:2] == (
        flow.WHEN, {"procedure": "southwark", "partnership": "southwark", "stage": 2})


def test_unknown_keys_are_ignored_and_never_kept(bundle):
    answers = flow.parse_fragment("#procedure=wigan&stage=2&since=2026-11-23&name=Alice+Smith&dob=2015-01-01")
    assert answers == {"procedure": "wigan", "stage": 2, "since": "2026-11-23"}
    assert opens_on(bundle, "#name=Alice") == (flow.DANGER, {}, None)


def test_the_day_the_disagreement_began_may_be_the_day_this_stage_began(bundle):
    assert opens_on(bundle, WHEN + "2026-11-23&started=2026-11-23")[0] == flow.RESULT


def test_today_in_london_is_not_in_the_future(bundle):
    assert flow.check_dates(bundle, "2026-11-23", None, "2026-11-23") is None
    assert flow.check_dates(bundle, "2035-12-31", "2015-01-01", "2035-12-31") is None


def assert_safe_answers(bundle, answers):
    """Whatever a link says, the answers kept are ids the data has, a stage number and real dates."""
    assert set(answers) <= {"area", "procedure", "partnership", "stage", "since", "started", "agency", flow.RAISED,
                            flow.ASK, "landed"}
    for key in ("area", "procedure", "partnership"):
        if answers.get(key) is not None:
            assert set(answers[key]) <= SAFE_VALUE
    if "area" in answers and answers["area"] is not None:
        assert answers["area"] in bundle["partnerships"]
    if "procedure" in answers:
        assert answers["procedure"] in bundle["procedures"]
    if "stage" in answers:
        assert isinstance(answers["stage"], int)
    for key in ("since", "started"):
        if key in answers:
            datetime.date.fromisoformat(answers[key])
    if answers.get(flow.RAISED) is not None:  # "raised" with no date asks for the date
        datetime.date.fromisoformat(answers[flow.RAISED])
    if answers.get("agency") is not None:
        assert set(answers["agency"]) <= SAFE_VALUE
    assert set(flow.make_fragment(answers)) <= SAFE_VALUE | set("#=&")


FRAGMENT_PIECES = st.sampled_from(["procedure", "stage", "since", "started", "area", "=", "&", "#", "wigan",
                                   "southwark", "salford-vcse", "2", "02", "2026-11-23", "2026-02-30", "<", "%3C",
                                   "\uff12", ":", "javascript:", "\n", "\u202e", "raised", "agency",
                                   "wigan-council", "other", "ask", "when", "stage", "when-escalated", "area"])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(FRAGMENT_PIECES, max_size=12).map("".join)))
def test_whatever_the_address_says_only_the_fixed_alphabet_gets_through(bundle, fragment):
    parsed = flow.parse_fragment(fragment)
    for key, value in parsed.items():
        if key == "stage":
            assert isinstance(value, int) and 0 <= value <= 99
        elif key == "unreadable":
            assert set(value) <= {"area", "procedure", "stage", "since", "started", "agency", flow.RAISED}
        else:
            assert key in ("area", "procedure", "since", "started", "agency", flow.RAISED, flow.ASK)
            assert value is None or set(value) <= SAFE_VALUE
    step, answers, problem = flow.step(bundle, parsed, TODAY)
    assert step in (flow.DANGER, flow.AREA, flow.SITUATION, flow.STAGE, flow.AGENCY, flow.WHEN, flow.WHEN_RAISED,
                    flow.WHEN_ESCALATED, flow.RESULT)
    assert problem is None or set(problem) <= PLAIN_ENGLISH
    assert_safe_answers(bundle, answers)


# --- Dates typed in three boxes (the GOV.UK date pattern) ---------------------------------------

WHAT = "date this stage began"
TYPED = [
    # (day, month, year) typed, and what the volunteer is told
    (("", "", ""), "Enter the date this stage began."),
    ((" ", "\t", None), "Enter the date this stage began."),
    (("23", "", "2026"), "The date this stage began must include a month."),
    (("", "11", "2026"), "The date this stage began must include a day."),
    (("23", "11", ""), "The date this stage began must include a year."),
    (("", "", "2026"), "The date this stage began must include a day and a month."),
    (("23", "", ""), "The date this stage began must include a month and a year."),
    (("23", "11", "26"), "The year of the date this stage began must have 4 numbers, for example 2026."),
    (("23", "11", "026"), "The year of the date this stage began must have 4 numbers, for example 2026."),
    (("30", "2", "2026"), "The date this stage began must be a real date."),
    (("29", "2", "2025"), "The date this stage began must be a real date."),
    (("0", "11", "2026"), "The date this stage began must be a real date."),
    (("23", "13", "2026"), "The date this stage began must be a real date."),
    # Too many numbers is said, never cut (a maxlength box kept "18" when "17" was typed after it).
    (("123", "1", "2026"), "The day of the date this stage began has too many numbers. A day has 1 or 2 numbers, "
                           "for example 27."),
    (("1817", "12", "2026"), "The day of the date this stage began has too many numbers. A day has 1 or 2 numbers, "
                             "for example 27."),
    (("1", "011", "2026"), "The month of the date this stage began has too many numbers. A month has 1 or 2 "
                           "numbers, for example 11."),
    (("23", "11", "0000"), "The date this stage began must be a real date."),
    (("twenty", "11", "2026"), "The date this stage began must be a real date, written in numbers."),
    (("\uff12\uff13", "11", "2026"), "The date this stage began must be a real date, written in numbers."),
    (("23", "11", "\u0662\u0660\u0662\u0666"), "The date this stage began must be a real date, written in numbers."),
    (("-1", "11", "2026"), "The date this stage began must be a real date, written in numbers."),
    (("<script>", "11", "2026"), "The date this stage began must be a real date, written in numbers."),
    (("23", "11", "20266"), "The year of the date this stage began has too many numbers. A year has 4 numbers, "
                            "for example 2026."),
]


@pytest.mark.parametrize("typed, message", TYPED, ids=[repr(typed) for typed, _ in TYPED])
def test_a_date_that_cannot_be_used_gets_the_gov_uk_message_without_repeating_what_was_typed(typed, message):
    with pytest.raises(DateError) as error:
        flow.date_from_parts(typed[0], typed[1], typed[2], WHAT)
    assert str(error.value) == message


@pytest.mark.parametrize("typed, iso", [
    (("23", "11", "2026"), "2026-11-23"),
    (("3", "1", "2027"), "2027-01-03"),
    (("03", "01", "2027"), "2027-01-03"),
    ((" 29 ", " 2 ", " 2024 "), "2024-02-29"),
    (("31", "12", "2035"), "2035-12-31"),
])
def test_a_real_date_typed_in_three_boxes_becomes_yyyy_mm_dd(typed, iso):
    assert flow.date_from_parts(typed[0], typed[1], typed[2], WHAT) == iso


def test_a_date_box_is_never_filled_with_today():
    """Only the link's own dates, or those this person gave for the same stage on this page:
    never today, so the answer counts from a day the person typed."""
    assert flow.prefill({"procedure": "wigan", "stage": 2}, {}) == (None, None)
    assert flow.prefill({"procedure": "wigan", "stage": 2}, {"procedure": "wigan", "stage": 2, "since": "2026-11-23",
                                                              "started": "2026-11-02"}) == ("2026-11-23", "2026-11-02")
    # Another stage began on another day: only the day the disagreement began is the same.
    assert flow.prefill({"procedure": "wigan", "stage": 3}, {"procedure": "wigan", "stage": 2, "since": "2026-11-23",
                                                              "started": "2026-11-02"}) == (None, "2026-11-02")
    assert flow.prefill({"procedure": "wigan", "stage": 2, "since": "2026-11-24"}, {}) == ("2026-11-24", None)


def test_the_boxes_are_filled_back_from_the_address_without_leading_zeros():
    assert flow.date_parts("2026-11-03") == ("3", "11", "2026")
    for iso in ("2015-01-01", "2024-02-29", "2026-11-23", "2035-12-31"):
        assert flow.date_from_parts(*flow.date_parts(iso), WHAT) == iso


# --- Every link on an answer keeps the other answers (&ask=) -----------------------------------

ASKED_VALUES = {
    flow.AREA: lambda kept: kept["partnership"],
    flow.SITUATION: lambda kept: kept["procedure"],
    flow.STAGE: lambda kept: flow.RAISED if flow.RAISED in kept else kept["stage"],
    flow.AGENCY: lambda kept: kept.get("agency") or flow.OTHER_AGENCY,
    flow.WHEN: lambda kept: (kept["since"], kept.get("started")),
    flow.WHEN_RAISED: lambda kept: kept[flow.RAISED],
    flow.WHEN_ESCALATED: lambda kept: kept.get("since"),
}


def answer_links(bundle):
    """An answer link for every stage of every procedure, with and without the day the
    disagreement began and an agency, and "where should I be today?" links on both its paths."""
    links = []
    for procedure_id, number in every_stage(bundle):
        choices = flow.agencies(bundle, procedure_id, number)
        for started in (None, "2026-11-02"):
            answers = {"procedure": procedure_id, "stage": number, "since": "2026-11-23", "started": started}
            if choices:
                answers["agency"] = choices[-1]["id"]
            links.append(flow.make_fragment(answers))
    for procedure_id in sorted(bundle["procedures"]):
        links += ["#procedure=%s&raised=2026-11-16" % procedure_id, "#procedure=%s&raised=2026-12-07" % procedure_id]
    links += ["#procedure=wigan&raised=2026-11-16&stage=2&since=2026-11-24",
              "#procedure=wigan&raised=2026-11-16&stage=2&agency=wigan-council&since=2026-11-24",
              "#procedure=southwark&raised=2026-11-16&stage=3&since=2026-11-30"]
    return links


def test_every_change_and_back_link_on_an_answer_keeps_every_other_answer(bundle):
    """For every answer, each question on the way to it can be asked again with the other answers
    kept in the address; answered as before, it leads straight back to the same answer, so
    nobody types a date twice. The page's Back link is one of these."""
    today = "2026-12-08"
    checked = 0
    for link in answer_links(bundle):
        step, kept, problem = flow.step(bundle, flow.parse_fragment(link), today)
        assert (step, problem) == (flow.RESULT, None), link
        assert flow.make_fragment(kept) == link
        for question in flow.questions(bundle, kept):
            if question == flow.WHEN_ESCALATED and "stage" not in kept:
                continue  # the walk's answer: "when did stage N begin?" is a question of its own (below)
            again = flow.make_fragment(flow.asking(kept, question))
            shown, asked, problem = flow.step(bundle, flow.parse_fragment(again), today)
            assert (shown, problem) == (question, None), again
            assert flow.make_fragment(asked) == again
            value = ASKED_VALUES[question](kept)
            then = flow.answered(bundle, asked, question, value, today)
            if question == flow.AGENCY and "agency" not in kept:
                assert then == dict(flow.given_answers(kept), agency=value)  # answered for the first time
            else:
                assert flow.make_fragment(then) == link, again
            checked += 1
        previous = flow.back(kept, bundle)
        assert previous.get(flow.ASK) or previous.get("stage"), link
    assert checked > 150


def test_old_links_open_on_the_same_answer(bundle):
    """Links made before &ask existed open as they did."""
    for link, expected in (("#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02", flow.RESULT),
                           ("#procedure=wigan&stage=2&since=2026-11-23", flow.RESULT),
                           ("#procedure=wigan&stage=2&agency=gmmh", flow.WHEN),
                           ("#procedure=wigan&stage=2", flow.AGENCY),
                           ("#procedure=southwark&raised", flow.WHEN_RAISED),
                           ("#procedure=wigan&raised=2026-11-16", flow.RESULT)):
        step, kept, problem = opens_on(bundle, link, "2026-12-08")
        assert (step, problem, flow.make_fragment(kept)) == (expected, None, link)


def test_choose_the_agency_on_a_shared_answer_keeps_the_day_the_stage_began(bundle):
    """Issue 21: "Choose the agency to see its numbers" went to #procedure=wigan&stage=2 without the
    day, and the wizard asked for it again."""
    shared = "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02"
    _, kept, _ = opens_on(bundle, shared)
    link = flow.make_fragment(flow.asking(kept, flow.AGENCY))
    assert link == shared + "&ask=agency"
    step, asked, _ = opens_on(bundle, link)
    assert step == flow.AGENCY
    chosen = flow.answered(bundle, asked, flow.AGENCY, "wigan-council", TODAY)
    assert flow.make_fragment(chosen) == "#procedure=wigan&stage=2&agency=wigan-council&since=2026-11-23&started=2026-11-02"
    assert opens_on(bundle, flow.make_fragment(chosen))[0] == flow.RESULT


def test_a_new_stage_keeps_the_agency_and_the_day_the_disagreement_began(bundle):
    """Another stage began on another day, so its day is asked; the agency (where the new stage
    lists it) and the day the disagreement began are kept. At the first stage that day was the
    day the stage began."""
    _, kept, _ = opens_on(bundle, "#procedure=wigan&stage=2&agency=wigan-council&since=2026-11-23&started=2026-11-02")
    assert flow.answered(bundle, flow.asking(kept, flow.STAGE), flow.STAGE, "3", TODAY) == {
        "procedure": "wigan", "stage": 3, "agency": "wigan-council", "started": "2026-11-02"}
    _, kept, _ = opens_on(bundle, "#procedure=wigan&stage=1&agency=childrens-social-care&since=2026-11-16")
    chosen = flow.answered(bundle, flow.asking(kept, flow.STAGE), flow.STAGE, "2", TODAY)
    assert chosen == {"procedure": "wigan", "stage": 2, "started": "2026-11-16"}
    step, kept, _ = opens_on(bundle, flow.make_fragment(chosen))
    assert step == flow.AGENCY and kept["started"] == "2026-11-16"
    assert flow.prefill(flow.parse_fragment(flow.make_fragment(chosen)), {}) == (None, "2026-11-16")


def test_a_new_area_starts_afresh_and_the_same_area_returns_to_the_answer(bundle):
    _, kept, _ = opens_on(bundle, "#procedure=wigan&stage=2&since=2026-11-23")
    assert flow.answered(bundle, flow.asking(kept, flow.AREA), flow.AREA, "southwark", TODAY) == {"area": "southwark"}
    assert flow.answered(bundle, flow.asking(kept, flow.AREA), flow.AREA, "wigan", TODAY) == {
        "procedure": "wigan", "stage": 2, "since": "2026-11-23"}


def test_an_asked_question_that_does_not_fit_the_answers_is_not_asked(bundle):
    """&ask= names only a question on the way to these answers, and never one after the first
    still unanswered; a made-up name is dropped."""
    for link, expected in (("#procedure=southwark&stage=2&since=2026-11-23&ask=agency", flow.RESULT),
                           ("#procedure=southwark&stage=2&ask=when-raised", flow.WHEN),
                           ("#procedure=wigan&ask=when", flow.STAGE),
                           ("#procedure=southwark&stage=2&since=2026-11-23&ask=situation", flow.RESULT),
                           ("#procedure=southwark&stage=2&since=2026-11-23&ask=<script>", flow.RESULT),
                           ("#procedure=southwark&stage=2&since=2026-11-23&ask=result", flow.RESULT)):
        step, kept, _ = opens_on(bundle, link)
        assert step == expected, link
        assert flow.ASK not in kept


# --- "Where should I be today?": when did the stage the walk reached begin? --------------------

def test_wigan_the_walk_reaches_stage_2_so_the_wizard_asks_when_stage_2_began(bundle):
    """A Wigan health visitor raised it on Monday 16 November 2026; on Tuesday 8 December the walk
    (10 working days a stage) puts it at stage 2, from 30 November. That day is only the walk's:
    the wizard asks when stage 2 began, and counts from her day, 24 November."""
    today = "2026-12-08"
    chosen = flow.answered(bundle, {"procedure": "wigan", flow.RAISED: None}, flow.WHEN_RAISED, "2026-11-16", today)
    assert flow.make_fragment(chosen) == "#procedure=wigan&raised=2026-11-16&stage=2"
    step, kept, problem = flow.step(bundle, chosen, today)
    assert (step, problem, kept["landed"]) == (flow.WHEN_ESCALATED, None, 2)
    chosen = flow.answered(bundle, kept, flow.WHEN_ESCALATED, "2026-11-24", today)
    # Wigan's stage 2 lists contacts agency by agency (Appendix 2), so that is asked next.
    assert flow.make_fragment(chosen) == "#procedure=wigan&raised=2026-11-16&stage=2&since=2026-11-24&ask=agency"
    step, kept, _ = flow.step(bundle, chosen, today)
    assert step == flow.AGENCY
    chosen = flow.answered(bundle, kept, flow.AGENCY, "wigan-council", today)
    step, kept, _ = flow.step(bundle, chosen, today)
    assert step == flow.RESULT
    assert flow.make_fragment(kept) == "#procedure=wigan&raised=2026-11-16&stage=2&agency=wigan-council&since=2026-11-24"
    # "I don't know": the walk's answer, which says its day is assumed.
    _, kept, _ = flow.step(bundle, flow.parse_fragment("#procedure=wigan&raised=2026-11-16&stage=2"), today)
    assert flow.make_fragment(flow.answered(bundle, kept, flow.WHEN_ESCALATED, None, today)) == \
        "#procedure=wigan&raised=2026-11-16&ask=agency"


def test_where_the_walk_stays_at_the_first_stage_nothing_more_is_asked(bundle):
    chosen = flow.answered(bundle, {"procedure": "southwark", flow.RAISED: None}, flow.WHEN_RAISED, "2026-11-26",
                           "2026-12-01")
    assert flow.make_fragment(chosen) == "#procedure=southwark&raised=2026-11-26"


@pytest.mark.parametrize("since, message", [
    ("2026-11-13", "The day stage 2 began must be the same as or after the day you raised it."),
    ("2026-12-09", "The day stage 2 began must be today or in the past."),
    ("2026-02-30", "The day stage 2 began must be a real date."),
    ("2026-1-1", "The link had a date we could not read. Enter the date again."),
])
def test_a_day_stage_2_began_that_cannot_be_used_asks_again_and_says_why(bundle, since, message):
    step, kept, problem = opens_on(bundle, "#procedure=wigan&raised=2026-11-16&stage=2&since=" + since, "2026-12-08")
    assert (step, problem) == (flow.WHEN_ESCALATED, message)
    assert "since" not in kept and kept["stage"] == 2


def test_a_stage_in_a_where_link_that_is_not_after_the_first_is_dropped(bundle):
    step, kept, _ = opens_on(bundle, "#procedure=wigan&raised=2026-11-16&stage=1&since=2026-11-16", "2026-12-08")
    assert step == flow.RESULT and "stage" not in kept and "since" not in kept


def test_choosing_a_stage_after_where_should_i_be_today_keeps_the_day_it_was_raised(bundle):
    """The day it was raised is the day the first stage began, and the day the disagreement began
    for a later one."""
    today = "2026-12-08"
    _, kept, _ = opens_on(bundle, "#procedure=wigan&raised=2026-11-16&stage=2&since=2026-11-24", today)
    assert flow.answered(bundle, flow.asking(kept, flow.STAGE), flow.STAGE, "2", today) == {
        "procedure": "wigan", "stage": 2, "since": "2026-11-24", "started": "2026-11-16", flow.ASK: flow.AGENCY}
    assert flow.answered(bundle, flow.asking(kept, flow.STAGE), flow.STAGE, "1", today) == {
        "procedure": "wigan", "stage": 1, "since": "2026-11-16", flow.ASK: flow.AGENCY}
    _, kept, _ = opens_on(bundle, "#procedure=southwark&stage=1&since=2026-11-26", today)
    assert flow.answered(bundle, flow.asking(kept, flow.STAGE), flow.STAGE, flow.RAISED, today) == {
        "procedure": "southwark", flow.RAISED: "2026-11-26", flow.ASK: flow.WHEN_RAISED}
