"""The engine runs unchanged under Pyodide, the wizard's second interpreter (PyScript's
type="py"), and gives exactly the answers CPython gives (the tests are in test_interpreter_parity.py).

Pyodide (the npm package pyodide, pinned in package-lock.json) runs in Node from
node_modules/pyodide, offline: tests/pyodide/run.mjs loads no Pyodide package and stops the run
if anything tries to reach another host.
"""
import subprocess

import pytest

from tests.conftest import ROOT
from tests.engine.interpreter_parity import PACKAGE

RUNNER = ROOT / "tests" / "pyodide" / "run.mjs"


@pytest.mark.parametrize("suite_run", ["pyodide"], indirect=True)
def test_it_really_is_pyodide(suite_run):
    header, _, _ = suite_run
    # CPython compiled to WebAssembly, not the CPython running this test.
    assert (header["implementation"], header["platform"]) == ("cpython", "emscripten")


@pytest.mark.slow  # starts Pyodide
def test_the_pyodide_runner_stops_anything_that_reaches_for_the_network(tmp_path):
    script = tmp_path / "download.py"
    script.write_text("from js import fetch\nfetch('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/micropip.whl')\n")
    (tmp_path / "input.json").write_text("{}")
    result = subprocess.run(["node", str(RUNNER), str(script), str(tmp_path / "input.json"), str(PACKAGE),
                             "__init__.py"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Pyodide tried to reach the network (fetch https://cdn.jsdelivr.net/" in result.stderr
