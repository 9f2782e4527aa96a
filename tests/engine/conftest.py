"""The engine's suite under each interpreter the wizard can run on (tests/engine/interpreter_parity.py)."""
import json

import pytest

from tests.conftest import ROOT, once_per_run
from tests.engine.interpreter_parity import run_suite

# Each interpreter, and what of it node_modules must hold (package-lock.json pins both).
INTERPRETERS = {"micropython": "@micropython/micropython-webassembly-pyscript", "pyodide": "pyodide/pyodide.asm.wasm"}


@pytest.fixture(scope="session", params=[pytest.param(name, marks=pytest.mark.xdist_group(name)) for name in INTERPRETERS])
def suite_run(request, bundle, tmp_path_factory):
    """(header, results, given): the suite run under tests/<interpreter>/run.mjs, once per test run
    and interpreter. Every test that takes it runs on every interpreter; a test about one only
    asks for it with @pytest.mark.parametrize("suite_run", [name], indirect=True)."""
    interpreter = request.param
    if not (ROOT / "node_modules" / INTERPRETERS[interpreter]).exists():
        pytest.fail(interpreter + " is not installed: run bin/setup (it runs npm ci)")

    def run(folder):
        header, results, given = run_suite(interpreter, bundle, folder)
        (folder / "suite.json").write_text(json.dumps([header, results, given], ensure_ascii=False), encoding="utf-8")
    folder = once_per_run(tmp_path_factory, "suite-" + interpreter, run)
    return tuple(json.loads((folder / "suite.json").read_text(encoding="utf-8")))
