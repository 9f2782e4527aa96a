"""The same engine, the same answers, whichever Python runs it.

The wizard runs the engine's browser modules (stillworried/core/) under PyScript's
MicroPython, or under Pyodide by a one-line change, as the site ships them: compiled to
MicroPython bytecode (.mpy), or as source without docstrings and comments for Pyodide
(sitebuild.wizard_assets.shipped_modules, the same bytes as in the site's py-<hash>.tar.gz:
tests/browser/test_offline.py checks that). tests/micropython/suite.py asks them every
question the wizard can ask (every stage on awkward dates, every link in tests/flow/test_flow.py and a
few hundred random ones, the typed dates, the calendar files, the office hours, "where should I be
today?" and the timelines) and prints the
answers; here the same suite is run in CPython and the two are compared, answer by answer.

This module makes the questions and runs the suite; the `suite_run` fixture
(tests/engine/conftest.py) runs it once per interpreter, and each test of test_interpreter_parity.py
runs on every interpreter, so a parity test written once is met by all of them.
"""
import importlib.util
import json
import random
import shutil
import subprocess

import pytest

from sitebuild.wizard_assets import browser_sources, joined, shipped_modules, ships_joined
from stillworried.core import bundle_parts
from stillworried.data import engine_bundle
from tests.conftest import ROOT, working_day_cases
from tests.engine.test_abbreviations import TRICKY
from tests.engine.test_where_today import WHERE_CASES
from tests.flow.test_flow import HOSTILE, TYPED, answer_links, every_stage

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


def joined_suite():
    """(file name, bytecode): the engine's browser modules joined with the suite in the glue's
    place, as one module, suite_joined (sitebuild/one_module.py)."""
    return joined(browser_sources(glue=False) + [("interpreter_suite", "tests/micropython/suite.py", SUITE.read_text())],
                  "suite_joined")


def shipped_package(interpreter, folder):
    """(folder, file names, the script to run): the engine's browser modules as the site ships
    them to this interpreter, written into folder. MicroPython's are joined into one module with
    the glue (sitebuild/one_module.py); here the suite takes the glue's place, joined by the same
    code into one module of bytecode, and the script runs its main()."""
    if ships_joined(interpreter):
        name, content = joined_suite()
        (folder / name).write_bytes(content)
        script = folder / "run_joined.py"
        script.write_text("import sys\nsys.path.append('/lib/stillworried')\nimport suite_joined\nsuite_joined.main()\n")
        return folder, [name], script
    names = []
    for path, content in shipped_modules(interpreter).items():
        if path.startswith("stillworried/"):
            names.append(path.split("/", 1)[1])
            (folder / names[-1]).parent.mkdir(parents=True, exist_ok=True)
            (folder / names[-1]).write_bytes(content)
    return folder, names, SUITE


def run_suite(interpreter, bundle, folder):
    """(header, results, given) from running the suite under tests/<interpreter>/run.mjs in Node,
    on the modules as the site ships them."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to run the engine under " + interpreter + ": run bin/setup")
    package, names, script = shipped_package(interpreter, folder)
    given = suite_input(bundle)
    path = folder / "input.json"
    # Written as UTF-8, not \u escapes: MicroPython's json.loads reads an escaped surrogate pair
    # (an emoji, say) as two characters, so a file for MicroPython must not use them.
    path.write_text(json.dumps(given, ensure_ascii=False), encoding="utf-8")
    runner = ROOT / "tests" / interpreter / "run.mjs"
    result = subprocess.run(["node", str(runner), str(script), str(path), str(package), *names],
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
