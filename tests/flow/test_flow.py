"""The wizard's questions and the page address (stillworried/core/: address_grammar.py,
question_order.py, question_answers.py, wizard_choices.py and date_answers.py).

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

from stillworried.core import address_grammar, date_answers, question_answers, question_order, wizard_choices
from stillworried.core.worded import next_step
from stillworried.core.workdays import DateError

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
    return question_order.step(bundle, address_grammar.parse_fragment(fragment), today)


# --- Links that work ----------------------------------------------------------------------------

def test_a_link_to_southwark_stage_4_opens_on_the_answer(bundle):
    step, answers, problem = opens_on(bundle, "#procedure=southwark&stage=4&since=2026-11-23")
    assert (step, problem) == (address_grammar.RESULT, None)
    assert answers == {"procedure": "southwark", "partnership": "southwark", "stage": 4, "since": "2026-11-23"}
    answer = next_step(bundle, answers["procedure"], answers["stage"], answers["since"], answers.get("started"))
    assert answer["title"] == "Quality Assurance Unit"


def test_a_wigan_link_with_the_day_the_disagreement_began_keeps_it_for_the_overall_deadline(bundle):
    step, answers, problem = opens_on(bundle, "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02")
    assert (step, problem) == (address_grammar.RESULT, None)
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
            fragment = address_grammar.make_fragment(answers)
            assert address_grammar.parse_fragment(fragment) == answers, fragment
            step, kept, problem = question_order.step(bundle, address_grammar.parse_fragment(fragment), "2035-12-31")
            assert (step, problem) == (address_grammar.RESULT, None), fragment
            assert address_grammar.make_fragment(kept) == fragment


def test_the_address_holds_the_answers_in_a_fixed_order_and_nothing_else():
    answers = {"started": "2026-11-02", "since": "2026-11-23", "stage": 2, "partnership": "wigan",
               "procedure": "wigan", "unreadable": ["area"]}
    assert address_grammar.make_fragment(answers) == "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02"


def test_the_questions_before_the_procedure_have_their_own_addresses(bundle):
    assert address_grammar.make_fragment({"area": None}) == "#area"
    assert address_grammar.make_fragment({"area": "salford"}) == "#area=salford"
    assert address_grammar.parse_fragment("#area") == {"area": None}
    assert address_grammar.parse_fragment("#area=salford") == {"area": "salford"}
    for area in bundle["partnerships"]:
        expected = (address_grammar.SITUATION, {"area": area}, None)
        only = wizard_choices.area_procedures(bundle, area)
        if len(only) == 1:  # one situation is no question: straight on to the stages
            expected = (address_grammar.STAGE, {"procedure": only[0], "partnership": area}, None)
        assert opens_on(bundle, address_grammar.make_fragment({"area": area})) == expected


# --- Which question comes next ------------------------------------------------------------------

def test_with_no_answers_the_first_question_is_whether_a_child_is_in_immediate_danger(bundle):
    assert opens_on(bundle, "") == (address_grammar.DANGER, {}, None)
    assert opens_on(bundle, "#") == (address_grammar.DANGER, {}, None)
    assert opens_on(bundle, "#immediate-danger") == (address_grammar.DANGER, {}, None)


def test_no_to_immediate_danger_asks_which_area(bundle):
    assert opens_on(bundle, "#area") == (address_grammar.AREA, {"area": None}, None)


def test_the_step_for_every_partial_answer(bundle):
    for procedure_id, number in every_stage(bundle):
        partnership = bundle["procedures"][procedure_id]["partnership"]
        kept = {"procedure": procedure_id, "partnership": partnership}
        if len(wizard_choices.area_procedures(bundle, partnership)) > 1:
            assert question_order.step(bundle, {"area": partnership}, TODAY) == (address_grammar.SITUATION, {"area": partnership}, None)
        else:
            assert question_order.step(bundle, {"area": partnership}, TODAY) == (address_grammar.STAGE, kept, None)
        assert question_order.step(bundle, {"procedure": procedure_id}, TODAY) == (address_grammar.STAGE, kept, None)
        kept["stage"] = number
        asks = address_grammar.AGENCY if wizard_choices.agencies(bundle, procedure_id, number) else address_grammar.WHEN
        assert question_order.step(bundle, {"procedure": procedure_id, "stage": number}, TODAY) == (asks, kept, None)
        done = {"procedure": procedure_id, "stage": number, "since": TODAY}
        assert question_order.step(bundle, done, TODAY) == (address_grammar.RESULT, dict(kept, since=TODAY), None)


def test_a_stage_and_date_without_a_procedure_start_again_at_the_area(bundle):
    assert opens_on(bundle, "#stage=2&since=2026-11-23") == (address_grammar.AREA, {"area": None}, None)


def test_a_date_without_a_stage_asks_for_the_stage_and_forgets_the_date(bundle):
    step, answers, problem = opens_on(bundle, "#procedure=wigan&since=2026-11-23")
    assert (step, answers, problem) == (address_grammar.STAGE, {"procedure": "wigan", "partnership": "wigan"}, None)


def back_links(bundle, fragment, today=TODAY):
    """The addresses the page's Back link leads to, one after another, with the step each shows."""
    _, answers, _ = opens_on(bundle, fragment, today)
    addresses = []
    while answers is not None:
        answers = question_order.back(answers, bundle)
        if answers is not None:
            addresses.append(address_grammar.make_fragment(answers))
            shown, answers, problem = question_order.step(bundle, address_grammar.parse_fragment(addresses[-1]), today)
            assert problem is None
            addresses[-1] = (addresses[-1], shown)
    return addresses


def test_the_back_link_steps_back_through_the_questions_one_at_a_time_keeping_every_answer(bundle):
    """Wigan stage 2 asks whose decision it is, and Wigan has one situation, so that question is
    skipped on the way back as on the way in. Each question is asked again (&ask=) with the
    other answers still in the address: going back never loses the dates."""
    kept = "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02&ask="
    assert back_links(bundle, kept[:-5]) == [(kept + "when", address_grammar.WHEN), (kept + "agency", address_grammar.AGENCY),
                                             (kept + "stage", address_grammar.STAGE), (kept + "area", address_grammar.AREA)]


def test_back_on_the_way_in_goes_to_the_question_before_as_it_always_did(bundle):
    assert back_links(bundle, "#procedure=wigan") == [("#area", address_grammar.AREA)]
    assert back_links(bundle, "#procedure=salford-vcse") == [("#area=salford", address_grammar.SITUATION), ("#area", address_grammar.AREA)]


def test_only_procedures_with_a_limit_counted_from_the_start_ask_when_the_disagreement_began(bundle):
    asks = {procedure_id: wizard_choices.asks_when_it_started(procedure)
            for procedure_id, procedure in bundle["procedures"].items()}
    # Wigan: "one month for the overall process"; Southwark: raised within 5 working days of the
    # discussion, and 20 working days overall. The two Salford procedures count only from each stage.
    assert asks == {"wigan": True, "southwark": True, "salford-vcse": False, "salford-sscb-2014": False}


# --- Broken and hostile links -------------------------------------------------------------------

WHEN = "#procedure=wigan&stage=2&since="
HOSTILE = [
    # (what the link says, the question it opens on, the sentence shown)
    ("#procedure=<script>alert(1)</script>", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=javascript:alert(1)", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=%3Cscript%3E", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=Wigan", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=" + "a" * 61, address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=" + "wigan" * 10000, address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=constructor", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=__proto__", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=salford", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#procedure=wigan\u0000", address_grammar.AREA, "The link was for a procedure we do not have. Choose your area."),
    ("#area=<img src=x onerror=alert(1)>", address_grammar.AREA, "We do not have an area called that. Choose an area."),
    ("#area=", address_grammar.AREA, "We do not have an area called that. Choose an area."),
    ("#area=london", address_grammar.AREA, "We do not have an area called that. Choose an area."),
    ("#procedure=wigan&stage=99", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=0", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=-1", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=100", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=\uff12", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=2.0", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=wigan&stage=", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    ("#procedure=salford-sscb-2014&stage=4", address_grammar.STAGE, "That procedure has no such stage. Choose a stage."),
    (WHEN + "\uff12\uff10\uff12\uff16-11-23", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "\u0662\u0660\u0662\u0666-11-23", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "23-11-2026", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-1-123", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23<script>", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23" * 1000, address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "+026-11-23", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23&started=2026-11-2", address_grammar.WHEN, "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-11-23&started=javascript:alert(1)", address_grammar.WHEN,
     "The link had a date we could not read. Enter the dates again."),
    (WHEN + "2026-02-30", address_grammar.WHEN, "The date this stage began must be a real date."),
    (WHEN + "2026-13-01", address_grammar.WHEN, "The date this stage began must be a real date."),
    (WHEN + "2014-12-31", address_grammar.WHEN, "The date this stage began"" must be between Thursday 1 January 2015 and Monday 31 December 2035."),
    (WHEN + "2036-01-01", address_grammar.WHEN, "The date this stage began"" must be between Thursday 1 January 2015 and Monday 31 December 2035."),
    (WHEN + "2026-11-24", address_grammar.WHEN, "The date this stage began must be today or in the past."),
    (WHEN + "2026-11-23&started=2026-11-24", address_grammar.WHEN,
     "The date the disagreement began must be the same as or before the date this stage began."),
    (WHEN + "2026-11-23&started=1999-01-01", address_grammar.WHEN, "The date the disagreement began"" must be between Thursday 1 January 2015 and Monday 31 December 2035."),
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
    assert address_grammar.parse_fragment("#procedure=wigan&procedure=southwark&stage=2&stage=3") == \
        {"procedure": "wigan", "stage": 2}
    # A first value that cannot be read is not replaced by a later one smuggled in after it.
    assert address_grammar.parse_fragment("#procedure=<b>&procedure=wigan") == {"unreadable": ["procedure"]}


def test_a_stage_written_with_a_leading_zero_is_that_stage(bundle):
    assert opens_on(bundle, "#procedure=southwark&stage=02")[:2] == (
        address_grammar.WHEN, {"procedure": "southwark", "partnership": "southwark", "stage": 2})


def test_unknown_keys_are_ignored_and_never_kept(bundle):
    answers = address_grammar.parse_fragment("#procedure=wigan&stage=2&since=2026-11-23&name=Alice+Smith&dob=2015-01-01")
    assert answers == {"procedure": "wigan", "stage": 2, "since": "2026-11-23"}
    assert opens_on(bundle, "#name=Alice") == (address_grammar.DANGER, {}, None)


def test_the_day_the_disagreement_began_may_be_the_day_this_stage_began(bundle):
    assert opens_on(bundle, WHEN + "2026-11-23&started=2026-11-23")[0] == address_grammar.RESULT


def test_today_in_london_is_not_in_the_future(bundle):
    assert date_answers.check_dates(bundle, "2026-11-23", None, "2026-11-23") is None
    assert date_answers.check_dates(bundle, "2035-12-31", "2015-01-01", "2035-12-31") is None


def assert_safe_answers(bundle, answers):
    """Whatever a link says, the answers kept are ids the data has, a stage number and real dates."""
    assert set(answers) <= {"area", "procedure", "partnership", "stage", "since", "started", "agency", address_grammar.RAISED,
                            address_grammar.ASK, "landed"}
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
    if answers.get(address_grammar.RAISED) is not None:  # "raised" with no date asks for the date
        datetime.date.fromisoformat(answers[address_grammar.RAISED])
    if answers.get("agency") is not None:
        assert set(answers["agency"]) <= SAFE_VALUE
    assert set(address_grammar.make_fragment(answers)) <= SAFE_VALUE | set("#=&")


FRAGMENT_PIECES = st.sampled_from(["procedure", "stage", "since", "started", "area", "=", "&", "#", "wigan",
                                   "southwark", "salford-vcse", "2", "02", "2026-11-23", "2026-02-30", "<", "%3C",
                                   "\uff12", ":", "javascript:", "\n", "\u202e", "raised", "agency",
                                   "wigan-council", "other", "ask", "when", "stage", "when-escalated", "area"])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(FRAGMENT_PIECES, max_size=12).map("".join)))
def test_whatever_the_address_says_only_the_fixed_alphabet_gets_through(bundle, fragment):
    parsed = address_grammar.parse_fragment(fragment)
    for key, value in parsed.items():
        if key == "stage":
            assert isinstance(value, int) and 0 <= value <= 99
        elif key == "unreadable":
            assert set(value) <= {"area", "procedure", "stage", "since", "started", "agency", address_grammar.RAISED}
        else:
            assert key in ("area", "procedure", "since", "started", "agency", address_grammar.RAISED, address_grammar.ASK)
            assert value is None or set(value) <= SAFE_VALUE
    step, answers, problem = question_order.step(bundle, parsed, TODAY)
    assert step in (address_grammar.DANGER, address_grammar.AREA, address_grammar.SITUATION, address_grammar.STAGE, address_grammar.AGENCY, address_grammar.WHEN, address_grammar.WHEN_RAISED,
                    address_grammar.WHEN_ESCALATED, address_grammar.RESULT)
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
        date_answers.date_from_parts(typed[0], typed[1], typed[2], WHAT)
    assert str(error.value) == message


@pytest.mark.parametrize("typed, iso", [
    (("23", "11", "2026"), "2026-11-23"),
    (("3", "1", "2027"), "2027-01-03"),
    (("03", "01", "2027"), "2027-01-03"),
    ((" 29 ", " 2 ", " 2024 "), "2024-02-29"),
    (("31", "12", "2035"), "2035-12-31"),
])
def test_a_real_date_typed_in_three_boxes_becomes_yyyy_mm_dd(typed, iso):
    assert date_answers.date_from_parts(typed[0], typed[1], typed[2], WHAT) == iso


def test_a_date_box_is_never_filled_with_today():
    """Only the link's own dates, or those this person gave for the same stage on this page:
    never today, so the answer counts from a day the person typed."""
    assert question_answers.prefill({"procedure": "wigan", "stage": 2}, {}) == (None, None)
    assert question_answers.prefill({"procedure": "wigan", "stage": 2}, {"procedure": "wigan", "stage": 2, "since": "2026-11-23",
                                                              "started": "2026-11-02"}) == ("2026-11-23", "2026-11-02")
    # Another stage began on another day: only the day the disagreement began is the same.
    assert question_answers.prefill({"procedure": "wigan", "stage": 3}, {"procedure": "wigan", "stage": 2, "since": "2026-11-23",
                                                              "started": "2026-11-02"}) == (None, "2026-11-02")
    assert question_answers.prefill({"procedure": "wigan", "stage": 2, "since": "2026-11-24"}, {}) == ("2026-11-24", None)


def test_the_boxes_are_filled_back_from_the_address_without_leading_zeros():
    assert date_answers.date_parts("2026-11-03") == ("3", "11", "2026")
    for iso in ("2015-01-01", "2024-02-29", "2026-11-23", "2035-12-31"):
        assert date_answers.date_from_parts(*date_answers.date_parts(iso), WHAT) == iso


# --- Every link on an answer keeps the other answers (&ask=) -----------------------------------

ASKED_VALUES = {
    address_grammar.AREA: lambda kept: kept["partnership"],
    address_grammar.SITUATION: lambda kept: kept["procedure"],
    address_grammar.STAGE: lambda kept: address_grammar.RAISED if address_grammar.RAISED in kept else kept["stage"],
    address_grammar.AGENCY: lambda kept: kept.get("agency") or address_grammar.OTHER_AGENCY,
    address_grammar.WHEN: lambda kept: (kept["since"], kept.get("started")),
    address_grammar.WHEN_RAISED: lambda kept: kept[address_grammar.RAISED],
    address_grammar.WHEN_ESCALATED: lambda kept: kept.get("since"),
}


def answer_links(bundle):
    """An answer link for every stage of every procedure, with and without the day the
    disagreement began and an agency, and "where should I be today?" links on both its paths."""
    links = []
    for procedure_id, number in every_stage(bundle):
        choices = wizard_choices.agencies(bundle, procedure_id, number)
        for started in (None, "2026-11-02"):
            answers = {"procedure": procedure_id, "stage": number, "since": "2026-11-23", "started": started}
            if choices:
                answers["agency"] = choices[-1]["id"]
            links.append(address_grammar.make_fragment(answers))
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
        step, kept, problem = question_order.step(bundle, address_grammar.parse_fragment(link), today)
        assert (step, problem) == (address_grammar.RESULT, None), link
        assert address_grammar.make_fragment(kept) == link
        for question in question_order.questions(bundle, kept):
            if question == address_grammar.WHEN_ESCALATED and "stage" not in kept:
                continue  # the walk's answer: "when did stage N begin?" is a question of its own (below)
            again = address_grammar.make_fragment(address_grammar.asking(kept, question))
            shown, asked, problem = question_order.step(bundle, address_grammar.parse_fragment(again), today)
            assert (shown, problem) == (question, None), again
            assert address_grammar.make_fragment(asked) == again
            value = ASKED_VALUES[question](kept)
            then = question_answers.answered(bundle, asked, question, value, today)
            if question == address_grammar.AGENCY and "agency" not in kept:
                assert then == dict(address_grammar.given_answers(kept), agency=value)  # answered for the first time
            else:
                assert address_grammar.make_fragment(then) == link, again
            checked += 1
        previous = question_order.back(kept, bundle)
        assert previous.get(address_grammar.ASK) or previous.get("stage"), link
    assert checked > 150


def test_old_links_open_on_the_same_answer(bundle):
    """Links made before &ask existed open as they did."""
    for link, expected in (("#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02", address_grammar.RESULT),
                           ("#procedure=wigan&stage=2&since=2026-11-23", address_grammar.RESULT),
                           ("#procedure=wigan&stage=2&agency=gmmh", address_grammar.WHEN),
                           ("#procedure=wigan&stage=2", address_grammar.AGENCY),
                           ("#procedure=southwark&raised", address_grammar.WHEN_RAISED),
                           ("#procedure=wigan&raised=2026-11-16", address_grammar.RESULT)):
        step, kept, problem = opens_on(bundle, link, "2026-12-08")
        assert (step, problem, address_grammar.make_fragment(kept)) == (expected, None, link)


def test_choose_the_agency_on_a_shared_answer_keeps_the_day_the_stage_began(bundle):
    """Issue 21: "Choose the agency to see its numbers" went to #procedure=wigan&stage=2 without the
    day, and the wizard asked for it again."""
    shared = "#procedure=wigan&stage=2&since=2026-11-23&started=2026-11-02"
    _, kept, _ = opens_on(bundle, shared)
    link = address_grammar.make_fragment(address_grammar.asking(kept, address_grammar.AGENCY))
    assert link == shared + "&ask=agency"
    step, asked, _ = opens_on(bundle, link)
    assert step == address_grammar.AGENCY
    chosen = question_answers.answered(bundle, asked, address_grammar.AGENCY, "wigan-council", TODAY)
    assert address_grammar.make_fragment(chosen) == "#procedure=wigan&stage=2&agency=wigan-council&since=2026-11-23&started=2026-11-02"
    assert opens_on(bundle, address_grammar.make_fragment(chosen))[0] == address_grammar.RESULT


def test_a_new_stage_keeps_the_agency_and_the_day_the_disagreement_began(bundle):
    """Another stage began on another day, so its day is asked; the agency (where the new stage
    lists it) and the day the disagreement began are kept. At the first stage that day was the
    day the stage began."""
    _, kept, _ = opens_on(bundle, "#procedure=wigan&stage=2&agency=wigan-council&since=2026-11-23&started=2026-11-02")
    assert question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.STAGE), address_grammar.STAGE, "3", TODAY) == {
        "procedure": "wigan", "stage": 3, "agency": "wigan-council", "started": "2026-11-02"}
    _, kept, _ = opens_on(bundle, "#procedure=wigan&stage=1&agency=childrens-social-care&since=2026-11-16")
    chosen = question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.STAGE), address_grammar.STAGE, "2", TODAY)
    assert chosen == {"procedure": "wigan", "stage": 2, "started": "2026-11-16"}
    step, kept, _ = opens_on(bundle, address_grammar.make_fragment(chosen))
    assert step == address_grammar.AGENCY and kept["started"] == "2026-11-16"
    assert question_answers.prefill(address_grammar.parse_fragment(address_grammar.make_fragment(chosen)), {}) == (None, "2026-11-16")


def test_a_new_area_starts_afresh_and_the_same_area_returns_to_the_answer(bundle):
    _, kept, _ = opens_on(bundle, "#procedure=wigan&stage=2&since=2026-11-23")
    assert question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.AREA), address_grammar.AREA, "southwark", TODAY) == {"area": "southwark"}
    assert question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.AREA), address_grammar.AREA, "wigan", TODAY) == {
        "procedure": "wigan", "stage": 2, "since": "2026-11-23"}


def test_an_asked_question_that_does_not_fit_the_answers_is_not_asked(bundle):
    """&ask= names only a question on the way to these answers, and never one after the first
    still unanswered; a made-up name is dropped."""
    for link, expected in (("#procedure=southwark&stage=2&since=2026-11-23&ask=agency", address_grammar.RESULT),
                           ("#procedure=southwark&stage=2&ask=when-raised", address_grammar.WHEN),
                           ("#procedure=wigan&ask=when", address_grammar.STAGE),
                           ("#procedure=southwark&stage=2&since=2026-11-23&ask=situation", address_grammar.RESULT),
                           ("#procedure=southwark&stage=2&since=2026-11-23&ask=<script>", address_grammar.RESULT),
                           ("#procedure=southwark&stage=2&since=2026-11-23&ask=result", address_grammar.RESULT)):
        step, kept, _ = opens_on(bundle, link)
        assert step == expected, link
        assert address_grammar.ASK not in kept


# --- "Where should I be today?": when did the stage the walk reached begin? --------------------

def test_wigan_the_walk_reaches_stage_2_so_the_wizard_asks_when_stage_2_began(bundle):
    """A Wigan health visitor raised it on Monday 16 November 2026; on Tuesday 8 December the walk
    (10 working days a stage) puts it at stage 2, from 30 November. That day is only the walk's:
    the wizard asks when stage 2 began, and counts from her day, 24 November."""
    today = "2026-12-08"
    chosen = question_answers.answered(bundle, {"procedure": "wigan", address_grammar.RAISED: None}, address_grammar.WHEN_RAISED, "2026-11-16", today)
    assert address_grammar.make_fragment(chosen) == "#procedure=wigan&raised=2026-11-16&stage=2"
    step, kept, problem = question_order.step(bundle, chosen, today)
    assert (step, problem, kept["landed"]) == (address_grammar.WHEN_ESCALATED, None, 2)
    chosen = question_answers.answered(bundle, kept, address_grammar.WHEN_ESCALATED, "2026-11-24", today)
    # Wigan's stage 2 lists contacts agency by agency (Appendix 2), so that is asked next.
    assert address_grammar.make_fragment(chosen) == "#procedure=wigan&raised=2026-11-16&stage=2&since=2026-11-24&ask=agency"
    step, kept, _ = question_order.step(bundle, chosen, today)
    assert step == address_grammar.AGENCY
    chosen = question_answers.answered(bundle, kept, address_grammar.AGENCY, "wigan-council", today)
    step, kept, _ = question_order.step(bundle, chosen, today)
    assert step == address_grammar.RESULT
    assert address_grammar.make_fragment(kept) == "#procedure=wigan&raised=2026-11-16&stage=2&agency=wigan-council&since=2026-11-24"
    # "I don't know": the walk's answer, which says its day is assumed.
    _, kept, _ = question_order.step(bundle, address_grammar.parse_fragment("#procedure=wigan&raised=2026-11-16&stage=2"), today)
    assert address_grammar.make_fragment(question_answers.answered(bundle, kept, address_grammar.WHEN_ESCALATED, None, today)) == \
        "#procedure=wigan&raised=2026-11-16&ask=agency"


def test_where_the_walk_stays_at_the_first_stage_nothing_more_is_asked(bundle):
    chosen = question_answers.answered(bundle, {"procedure": "southwark", address_grammar.RAISED: None}, address_grammar.WHEN_RAISED, "2026-11-26",
                           "2026-12-01")
    assert address_grammar.make_fragment(chosen) == "#procedure=southwark&raised=2026-11-26"


@pytest.mark.parametrize("since, message", [
    ("2026-11-13", "The day stage 2 began must be the same as or after the day you raised it."),
    ("2026-12-09", "The day stage 2 began must be today or in the past."),
    ("2026-02-30", "The day stage 2 began must be a real date."),
    ("2026-1-1", "The link had a date we could not read. Enter the date again."),
])
def test_a_day_stage_2_began_that_cannot_be_used_asks_again_and_says_why(bundle, since, message):
    step, kept, problem = opens_on(bundle, "#procedure=wigan&raised=2026-11-16&stage=2&since=" + since, "2026-12-08")
    assert (step, problem) == (address_grammar.WHEN_ESCALATED, message)
    assert "since" not in kept and kept["stage"] == 2


def test_a_stage_in_a_where_link_that_is_not_after_the_first_is_dropped(bundle):
    step, kept, _ = opens_on(bundle, "#procedure=wigan&raised=2026-11-16&stage=1&since=2026-11-16", "2026-12-08")
    assert step == address_grammar.RESULT and "stage" not in kept and "since" not in kept


def test_choosing_a_stage_after_where_should_i_be_today_keeps_the_day_it_was_raised(bundle):
    """The day it was raised is the day the first stage began, and the day the disagreement began
    for a later one."""
    today = "2026-12-08"
    _, kept, _ = opens_on(bundle, "#procedure=wigan&raised=2026-11-16&stage=2&since=2026-11-24", today)
    assert question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.STAGE), address_grammar.STAGE, "2", today) == {
        "procedure": "wigan", "stage": 2, "since": "2026-11-24", "started": "2026-11-16", address_grammar.ASK: address_grammar.AGENCY}
    assert question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.STAGE), address_grammar.STAGE, "1", today) == {
        "procedure": "wigan", "stage": 1, "since": "2026-11-16", address_grammar.ASK: address_grammar.AGENCY}
    _, kept, _ = opens_on(bundle, "#procedure=southwark&stage=1&since=2026-11-26", today)
    assert question_answers.answered(bundle, address_grammar.asking(kept, address_grammar.STAGE), address_grammar.STAGE, address_grammar.RAISED, today) == {
        "procedure": "southwark", address_grammar.RAISED: "2026-11-26", address_grammar.ASK: address_grammar.WHEN_RAISED}


def test_the_first_paint_script_reads_the_address_grammar_from_the_page_not_a_copy(built_site):
    """Issue 24: status.js shows a shared answer's first screen while Python starts, reading the
    address with the grammar's own patterns, which the build writes into the wizard page."""
    import html
    import json
    import re
    from tests.conftest import ROOT
    page = (built_site / "still-worried" / "index.html").read_text()
    written = re.search(r'data-address="([^"]*)"', page)
    assert written and json.loads(html.unescape(written.group(1))) == address_grammar.patterns()
    script = (ROOT / "docs" / "assets" / "wizard" / "status.js").read_text()
    assert "{1,60}" not in script and "{1,2}" not in script and "[0-9]{4}" not in script
    grammar = address_grammar.patterns()
    for procedure, stage, since in (("wigan", "2", "2026-11-23"), ("wigan", "02", "2026-11-23"),
                                    ("Wigan", "2", "2026-11-23"), ("wigan", "123", "2026-11-23"),
                                    ("a" * 61, "2", "2026-11-23"), ("wigan", "2", "2026-1-23"),
                                    ("wig%20an", "2", "2026-11-23"), ("wigan", "x", "2026-11-23")):
        read = address_grammar.parse_fragment("#procedure=%s&stage=%s&since=%s" % (procedure, stage, since))
        matched = all(re.search(grammar[key], value) for key, value in
                      (("procedure", procedure), ("stage", stage), ("since", since)))
        assert matched == (read.get("procedure") == procedure and "stage" in read and read.get("since") == since)
