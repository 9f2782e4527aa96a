"""The engine runs unchanged under PyScript's MicroPython, the browser wizard's interpreter,
and gives exactly the answers CPython gives.

MicroPython (the npm package @micropython/micropython-webassembly-pyscript, pinned in
package-lock.json) runs in Node; bin/setup installs it with npm ci.
"""
import json
import shutil
import subprocess

import pytest

from conftest import ROOT, working_day_cases
from stillworried import BROWSER_MODULES
from stillworried.data import engine_bundle
from stillworried.engine import next_step

RUNNER = ROOT / "tests" / "micropython" / "run.mjs"
SUITE = ROOT / "tests" / "micropython" / "suite.py"
PACKAGE = ROOT / "stillworried"
DATES = ["2026-11-23", "2026-11-28", "2026-12-24", "2026-12-25", "2022-09-16", "2023-05-05", "2024-02-28",
         "2027-03-25", "2015-01-01", "2035-12-24"]


def questions(bundle):
    asked = []
    for procedure_id, procedure in sorted(bundle["procedures"].items()):
        for stage in procedure["stages"]:
            for since in DATES:
                asked.append([procedure_id, stage["number"], since, None])
            asked.append([procedure_id, stage["number"], "2026-12-24", "2026-10-31"])
    asked.append(["nowhere", 1, "2026-11-23", None])
    asked.append(["wigan", 9, "2026-11-23", None])
    asked.append(["wigan", 1, "2026-02-30", None])
    return asked


@pytest.fixture(scope="module")
def micropython_run(bundle, tmp_path_factory):
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to run the engine under MicroPython: run bin/setup")
    if not (ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript").is_dir():
        pytest.fail("MicroPython is not installed: run bin/setup (it runs npm ci)")
    given = {"bundle": engine_bundle(bundle), "cases": working_day_cases(), "questions": questions(bundle)}
    path = tmp_path_factory.mktemp("mpy") / "input.json"
    path.write_text(json.dumps(given))
    result = subprocess.run(["node", str(RUNNER), str(SUITE), str(path), str(PACKAGE), *BROWSER_MODULES],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    header, *answers = [json.loads(line) for line in result.stdout.splitlines() if line]
    header["answers"] = answers
    return header, given


def test_it_really_is_micropython(micropython_run):
    output, _ = micropython_run
    assert output["implementation"] == "micropython"


def test_every_working_day_case_passes_under_micropython(micropython_run):
    output, _ = micropython_run
    assert output["failures"] == []


def test_micropython_gives_the_same_answer_as_cpython_for_every_stage(micropython_run, bundle):
    output, given = micropython_run
    assert len(output["answers"]) == len(given["questions"])
    for question, answer in zip(given["questions"], output["answers"]):
        procedure, stage, since, started = question
        try:
            expected = json.loads(json.dumps(next_step(engine_bundle(bundle), procedure, stage, since, started)))
        except ValueError as error:
            expected = {"error": str(error)}
        assert answer == expected, question
