"""The same engine, the same answers, whichever Python runs it: each test here runs once on each
interpreter of the `suite_run` fixture (tests/engine/conftest.py: MicroPython and Pyodide),
against CPython's answers to the same questions (tests/engine/interpreter_parity.py)."""
import json

from tests.engine.interpreter_parity import assert_same_as_cpython
from tests.engine.test_where_today import WHERE_CASES


def test_every_working_day_case_passes(suite_run):
    header, _, given = suite_run
    assert header["cases"] == len(given["cases"]) > 0
    assert header["failures"] == []


def test_the_same_answer_as_cpython_for_every_stage(suite_run):
    assert_same_as_cpython(suite_run, ["next_step"])


def test_the_same_wizard_steps_as_cpython_for_every_link_and_partial_answer(suite_run):
    assert_same_as_cpython(suite_run, ["fragment", "step", "asks_when_it_started"])


def test_the_same_answers_from_the_shared_data_and_one_areas_part(suite_run):
    """What the browser holds (the shared part and the part of the area a question names) gives
    the same wizard steps and answers as the whole data, under this interpreter and CPython."""
    assert_same_as_cpython(suite_run, ["next_step_from_parts", "step_from_parts"])
    _, results, given = suite_run
    whole = {(kind, json.dumps(question)): answer for kind, question, answer in results}
    compared = 0
    for kind, question, answer in results:
        if kind == "step_from_parts":
            assert answer == whole[("fragment", json.dumps(question))][1], question
        elif kind == "next_step_from_parts" and question[0] in given["shared"]["procedure_areas"]:
            assert answer == whole[("next_step", json.dumps(question))], question
        elif kind == "next_step_from_parts":
            assert "error" in answer  # a procedure we do not have (the flow says so before asking)
        else:
            continue
        compared += 1
    assert compared == len(given["questions"]) + len(given["fragments"])


def test_the_same_gov_uk_messages_as_cpython_for_typed_dates(suite_run):
    assert_same_as_cpython(suite_run, ["date_from_parts"])


def test_the_same_calendar_files_as_cpython(suite_run):
    assert_same_as_cpython(suite_run, ["deadline_event"])


def test_the_same_office_hours_as_cpython(suite_run):
    assert_same_as_cpython(suite_run, ["office_status"])


def test_the_same_abbreviations_written_out_as_cpython(suite_run):
    """The hand tokenizer (MicroPython's re has no lookbehind or \\b) reads addresses, longer
    words, brackets and punctuation outside ASCII alike everywhere."""
    assert_same_as_cpython(suite_run, ["write_out"])


def test_the_same_where_today_and_timelines_as_cpython(suite_run):
    assert_same_as_cpython(suite_run, ["where_today", "timeline", "where_known"])


def test_the_same_links_that_keep_every_answer_as_cpython(suite_run):
    """Each question on the way to an answer asked again and answered as before, and the day the
    answer says it counted from (engine.counted_from)."""
    assert_same_as_cpython(suite_run, ["asked_again"])


def test_the_same_follow_ups_situations_and_agencies_as_cpython(suite_run):
    """Issue 21: "I made a referral and have heard nothing" (its answer from the whole data and from
    one area's part, and its calendar file), the situations offered and the agencies at each stage
    (children's contacts first, adults-only apart, one choice for a trust printed two ways)."""
    assert_same_as_cpython(suite_run, ["follow_up", "follow_up_from_parts", "follow_up_event", "situations",
                                       "situations_from_parts", "agencies"])
    _, results, _ = suite_run
    referral = [line[2] for line in results if line[0] == "follow_up"
                and line[1] == ["salford-vcse", "referral", "2026-11-23", "2026-12-09"]]
    assert referral[0]["result"]["deadline"]["date"] == "2026-11-30"  # a Monday and a week on: 30 November
    whole = {(line[0], str(line[1])): line[2] for line in results}
    for kind, question, answer in results:
        if kind == "follow_up_from_parts" and question[0] == "salford-vcse":
            assert answer == whole[("follow_up", str(question))], question
        if kind == "situations_from_parts":
            assert answer == whole[("situations", str(question))], question


def test_where_should_i_be_today_gives_the_hand_worked_answers(suite_run):
    """The cases of test_where_today.py, checked against the dates worked out by hand in this
    interpreter's own output, not only against CPython's."""
    _, results, _ = suite_run
    answers = [line[2] for line in results if line[0] == "where_today"][:len(WHERE_CASES)]
    for case, answer in zip(WHERE_CASES, answers):
        result = answer["result"]
        deadline = result["deadline"]
        got = (result["stage"], result["since"], deadline["date"] if deadline else None,
               deadline["status"] if deadline else None)
        assert got == case[-1], case[0]
