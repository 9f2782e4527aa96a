"""The engine runs unchanged under Pyodide, the wizard's second interpreter (PyScript's
type="py"), and gives exactly the answers CPython gives (the tests are in interpreter_parity.py).

Pyodide (the npm package pyodide, pinned in package-lock.json) runs in Node from
node_modules/pyodide, offline: tests/pyodide/run.mjs loads no Pyodide package and stops the run
if anything tries to reach another host.
"""
import subprocess

import pytest

from tests.conftest import ROOT
from tests.engine.interpreter_parity import (  # noqa: F401 (pytest collects the imported tests here)
    PACKAGE, suite_run_fixture, test_every_working_day_case_passes, test_the_same_answer_as_cpython_for_every_stage,
    test_the_same_answers_from_the_shared_data_and_one_areas_part,
    test_the_same_calendar_files_as_cpython, test_the_same_gov_uk_messages_as_cpython_for_typed_dates,
    test_the_same_office_hours_as_cpython, test_the_same_where_today_and_timelines_as_cpython,
    test_the_same_wizard_steps_as_cpython_for_every_link_and_partial_answer,
    test_where_should_i_be_today_gives_the_hand_worked_answers, test_the_same_follow_ups_situations_and_agencies_as_cpython)

RUNNER = ROOT / "tests" / "pyodide" / "run.mjs"
# With pytest-xdist, every test of this file runs in one worker, so the suite runs once.
pytestmark = pytest.mark.xdist_group("pyodide")
suite_run = suite_run_fixture("pyodide", "pyodide/pyodide.asm.wasm")


def test_it_really_is_pyodide(suite_run):
    header, _, _ = suite_run
    # CPython compiled to WebAssembly, not the CPython running this test.
    assert (header["implementation"], header["platform"]) == ("cpython", "emscripten")


def test_the_pyodide_runner_stops_anything_that_reaches_for_the_network(tmp_path):
    script = tmp_path / "download.py"
    script.write_text("from js import fetch\nfetch('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/micropip.whl')\n")
    (tmp_path / "input.json").write_text("{}")
    result = subprocess.run(["node", str(RUNNER), str(script), str(tmp_path / "input.json"), str(PACKAGE),
                             "__init__.py"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Pyodide tried to reach the network (fetch https://cdn.jsdelivr.net/" in result.stderr
