"""The same engine, the same answers, whichever Python runs it.

The wizard runs the engine's browser modules (stillworried.BROWSER_MODULES) under PyScript's
MicroPython, or under Pyodide by a one-line change, as the site ships them: compiled to
MicroPython bytecode (.mpy), or as source without docstrings and comments for Pyodide
(sitebuild.wizard_assets.shipped_modules, the same bytes as in the site's py-<hash>.tar.gz:
test_wizard_bundle.py checks that). tests/micropython/suite.py asks them every
question the wizard can ask (every stage on awkward dates, every link in tests/test_flow.py and a
few hundred random ones, the typed dates, the calendar files, the office hours, "where should I be
today?" and the timelines) and prints the
answers; here the same suite is run in CPython and the two are compared, answer by answer.

test_micropython.py and test_pyodide.py each make the `suite_run` fixture for their interpreter
with suite_run_fixture() and import the tests below, so both interpreters meet exactly the same tests.
"""
import importlib.util
import fcntl
import json
import os
import random
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, working_day_cases
from sitebuild.wizard_assets import shipped_modules
from stillworried import bundle_parts
from stillworried.data import engine_bundle
from tests.flow.test_flow import HOSTILE, TYPED, answer_links, every_stage
from tests.engine.test_where_today import WHERE_CASES
from tests.engine.test_abbreviations import TRICKY

SUITE = ROOT / "tests" / "micropython" / "suite.py"
PACKAGE = ROOT / "stillworried"
DATES = ["2026-11-23", "2026-11-28", "2026-12-24", "2026-12-25", "2022-09-16", "2023-05-05", "2024-02-28",
         "2027-03-25", "2015-01-01", "2035-12-24"]
TODAY = "2026-11-23"
PIECES = ["procedure", "stage", "since", "started", "area", "raised", "ask", "when", "=", "&", "#", "wigan",
          "southwark", "salford", "salford-vcse", "2", "02", "99", "2026-11-23", "2026-02-30", "2014-12-31", "<script>", "%3C", "\uff12",
          "javascript:", "\n", "\u202e", "\x00", "\U0001f469", "-", "a" * 61]
OFFICE_DAYS = ["2026-11-23", "2026-11-28", "2026-12-25", "2026-12-28", "2036-01-02"]
OFFICE_TIMES = ["00:00", "08:29", "08:30", "12:00", "16:30", "16:59", "17:00", "23:59"]


def questions(bundle):
    asked = []
    for procedure_id, number in every_stage(bundle):
        for since in DATES:
            asked.append([procedure_id, number, since, None])
        asked.append([procedure_id, number, "2026-12-24", "2026-10-31"])
    asked.append(["nowhere", 1, "2026-11-23", None])
    asked.append(["wigan", 9, "2026-11-23", None])
    asked.append(["wigan", 1, "2026-02-30", None])
    asked.append(["wigan", 1, "2026-11-02", "2026-11-23"])
    return asked


def where_questions(bundle):
    """The hand-worked cases of test_where_today.py, and every procedure walked from awkward days
    (with and without the stages tried, and a start of the disagreement given), seen from days
    before, on and after its deadlines, over Christmas too."""
    asked = [[procedure, raised, today, tried, None] for _, procedure, raised, today, tried, _ in WHERE_CASES]
    for procedure_id in sorted(bundle["procedures"]):
        for raised in ("2026-11-23", "2026-12-18", "2026-12-24"):
            for today in (raised, "2026-12-01", "2026-12-25", "2027-01-04", "2027-03-01"):
                if today >= raised:
                    asked.append([procedure_id, raised, today, None, None])
                    asked.append([procedure_id, raised, today, [1], "2026-11-02"])
    asked += [["wigan", "2026-12-01", "2026-11-23", None, None], ["wigan", "2026-11-23", "2026-12-01", [9], None],
              ["nowhere", "2026-11-23", "2026-12-01", None, None], ["wigan", "2035-12-24", "2035-12-31", None, None]]
    return asked


def follow_up_questions(bundle):
    """Every follow-up (a referral with no answer) from awkward days, seen from several todays,
    and some that cannot be answered."""
    asked = []
    for procedure_id in sorted(bundle["procedures"]):
        for item in bundle["procedures"][procedure_id].get("follow_ups", []):
            for since in DATES:
                for today in (None, "2026-12-09", "2027-01-04"):
                    asked.append([procedure_id, item["id"], since, today])
    return asked + [["salford-vcse", "nothing", "2026-11-25", None], ["nowhere", "referral", "2026-11-25", None],
                    ["salford-vcse", "referral", "2026-02-30", None]]


def where_known_questions(bundle):
    """Every later stage of every procedure, its day given, seen from days around its limits."""
    asked = []
    for procedure_id, number in every_stage(bundle):
        if number == bundle["procedures"][procedure_id]["stages"][0]["number"]:
            continue
        for since, today in (("2026-11-24", "2026-12-08"), ("2026-12-18", "2026-12-24"), ("2026-12-18", "2027-01-04")):
            asked.append([procedure_id, "2026-11-16", number, since, today])
    asked += [["wigan", "2026-11-16", 1, "2026-11-24", "2026-12-08"], ["wigan", "2026-11-16", 2, "2026-11-13", "2026-12-08"],
              ["wigan", "2026-11-16", 2, "2026-12-09", "2026-12-08"]]
    return asked


def timeline_questions(bundle):
    asked = []
    for procedure_id, number in every_stage(bundle):
        asked.append([procedure_id, None, None, None, None])
        asked.append([procedure_id, number, "2026-12-21", None, "2026-12-24"])
        asked.append([procedure_id, number, "2026-11-23", "2026-11-02", "2027-01-04"])
    return asked


def fragments(bundle):
    """Every link the wizard makes, the broken and hostile links of test_flow.py, and random ones."""
    links = ["", "#", "#area", "#immediate-danger"] + ["#area=" + area for area in sorted(bundle["partnerships"])]
    for procedure_id, number in every_stage(bundle):
        links += ["#procedure=" + procedure_id, "#procedure=%s&stage=%d" % (procedure_id, number),
                  "#procedure=%s&stage=%d&since=2026-11-23" % (procedure_id, number),
                  "#procedure=%s&stage=%d&since=2026-11-23&started=2026-11-02" % (procedure_id, number)]
    for procedure_id in sorted(bundle["procedures"]):
        for item in bundle["procedures"][procedure_id].get("follow_ups", []):
            links += ["#procedure=%s&after=%s" % (procedure_id, item["id"]),
                      "#procedure=%s&after=%s&since=2026-11-25" % (procedure_id, item["id"]),
                      "#procedure=%s&after=%s&since=2026-12-25" % (procedure_id, item["id"])]
    links += ["#procedure=salford-vcse&after=nothing", "#procedure=wigan&stage=2&agency=wrightington-wigan-leigh-nhs-"
              "foundation-trust&since=2026-11-23", "#procedure=wigan&stage=1&agency=education-settings"]
    links += [fragment for fragment, _, _ in HOSTILE]
    links += [link + "&ask=" + question for link in answer_links(bundle)[::7]
              for question in ("area", "stage", "agency", "when", "when-raised", "when-escalated", "nonsense")]
    links += ["#procedure=wigan&raised=2026-11-16&stage=2", "#procedure=wigan&raised=2026-11-16&stage=2&since=2026-11-13",
              "#procedure=wigan&raised=2026-11-16&stage=1&since=2026-11-16"]
    chance = random.Random(4)
    for _ in range(300):
        links.append("".join(chance.choice(PIECES) for _ in range(chance.randint(0, 12))))
    return links


def partial_answers(bundle):
    answers = [{}, {"area": None}, {"area": "wigan"}, {"area": "nowhere"}, {"stage": 2}]
    for procedure_id, number in every_stage(bundle):
        answers += [{"procedure": procedure_id}, {"procedure": procedure_id, "stage": number},
                    {"procedure": procedure_id, "stage": number, "since": "2026-11-23"},
                    {"procedure": procedure_id, "stage": number, "since": "2026-11-24"},
                    {"procedure": procedure_id, "stage": number, "since": "2026-11-23", "started": "2026-11-30"}]
    return answers


def typed_dates():
    typed = [list(parts) + ["date this stage began"] for parts, _ in TYPED]
    return typed + [["23", "11", "2026", "date the disagreement began"], ["29", "2", "2024", "date"],
                    [" 3 ", "01", "2027", "date"]]


def suite_input(bundle):
    contacts = sorted(contact_id for contact_id, contact in bundle["contacts"].items() if contact.get("hours"))
    contacts.append("southwark-sscp")  # no hours in its source
    shared, parts = bundle_parts.split(engine_bundle(bundle))
    return {
        "bundle": engine_bundle(bundle),
        "shared": shared,
        "parts": parts,
        "cases": working_day_cases(),
        "questions": questions(bundle),
        "where": where_questions(bundle),
        "timelines": timeline_questions(bundle),
        "where_known": where_known_questions(bundle),
        "asked_again": answer_links(bundle),
        "where_today": "2026-12-08",
        "fragments": fragments(bundle),
        "answers": partial_answers(bundle),
        "typed_dates": typed_dates(),
        "today": TODAY,
        "stamp": "20261123T093000Z",
        "office": [[contact, day, time] for contact in contacts for day in OFFICE_DAYS for time in OFFICE_TIMES],
        "abbreviations": [[area, TRICKY] for area in sorted(bundle["partnerships"])],
        "follow_ups": follow_up_questions(bundle),
    }


def suite_run_fixture(interpreter, installed):
    """The module's `suite_run` fixture: the suite run once under tests/<interpreter>/run.mjs,
    needing node_modules/<installed>."""
    @pytest.fixture(scope="session")
    def suite_run(bundle, tmp_path_factory):
        if not (ROOT / "node_modules" / installed).exists():
            pytest.fail(interpreter + " is not installed: run bin/setup (it runs npm ci)")
        # Once per test run, also when pytest-xdist spreads this interpreter's tests over its
        # workers (its xdist_group is not honoured by pytest-xdist 3.8 under pytest 9): the first
        # worker runs the suite and writes what it gave, the others wait for it and read it.
        shared = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            shared = shared.parent
        saved = shared / ("suite-" + interpreter + ".json")
        with open(shared / ("suite-" + interpreter + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not saved.exists():
                header, results, given = run_suite(interpreter, bundle, tmp_path_factory.mktemp(interpreter))
                saved.write_text(json.dumps([header, results, given], ensure_ascii=False), encoding="utf-8")
            header, results, given = json.loads(saved.read_text(encoding="utf-8"))
        return header, results, given
    return suite_run


def shipped_package(interpreter, folder):
    """(folder, file names): the engine's browser modules as the site ships them to this
    interpreter, written into folder."""
    names = []
    for path, content in shipped_modules(interpreter).items():
        if path.startswith("stillworried/"):
            names.append(path.split("/", 1)[1])
            (folder / names[-1]).write_bytes(content)
    return folder, names


def run_suite(interpreter, bundle, folder):
    """(header, results, given) from running the suite under tests/<interpreter>/run.mjs in Node,
    on the modules as the site ships them."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to run the engine under " + interpreter + ": run bin/setup")
    package, names = shipped_package(interpreter, folder)
    given = suite_input(bundle)
    path = folder / "input.json"
    # Written as UTF-8, not \u escapes: MicroPython's json.loads reads an escaped surrogate pair
    # (an emoji, say) as two characters, so a file for MicroPython must not use them.
    path.write_text(json.dumps(given, ensure_ascii=False), encoding="utf-8")
    runner = ROOT / "tests" / interpreter / "run.mjs"
    result = subprocess.run(["node", str(runner), str(SUITE), str(path), str(package), *names],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    header, *results = [json.loads(line) for line in result.stdout.splitlines() if line]
    return header, results, given


CPYTHON_RESULTS = {}  # the suite's input, as JSON -> CPython's answers: worked out once per process


def cpython_results(given):
    """The suite's answers from CPython, as they look after a trip through JSON."""
    key = json.dumps(given, sort_keys=True)
    if key not in CPYTHON_RESULTS:
        CPYTHON_RESULTS[key] = run_in_cpython(given)
    return CPYTHON_RESULTS[key]


def run_in_cpython(given):
    spec = importlib.util.spec_from_file_location("interpreter_suite", SUITE)
    suite = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(suite)
    return json.loads(json.dumps(list(suite.results(given))))


def assert_same_as_cpython(suite_run, kinds):
    _, results, given = suite_run
    expected = [line for line in cpython_results(given) if line[0] in kinds]
    got = [line for line in results if line[0] in kinds]
    assert len(got) == len(expected) > 0
    for answer, wanted in zip(got, expected):
        assert answer == wanted, wanted[:2]


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
