"""Benchmark: how long MicroPython takes to import the engine, as one joined module (what the
site ships, sitebuild/one_module.py) and as a .mpy file per module (what it shipped before).

The glue cannot run outside a page, so the entry is the parity suite (tests/micropython/suite.py),
which imports most of the engine: both layouts hold the same code and the same suite. Each run
is a fresh MicroPython in Node (tests/micropython/run.mjs) timing its own import with
time.ticks_us; the layouts alternate, so a busy machine slows both alike. Prints medians (min-max).
The bytes the phone downloads are wizard_bench.py's (the joined file leaves out what the glue
never uses, so this suite's join is not the shipped file).

    .venv/bin/python bench/micropython_import.py [--runs 15]
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild import wizard_assets  # noqa: E402
from tests.engine.interpreter_parity import joined_suite  # noqa: E402

SUITE = ROOT / "tests" / "micropython" / "suite.py"
RUNNER = ROOT / "tests" / "micropython" / "run.mjs"
TIMED = "import sys, time\nsys.path.append('/lib/stillworried')\nstart = time.ticks_us()\nimport %s\n" \
        "print(time.ticks_diff(time.ticks_us(), start))\n"


def layouts(folder):
    """{layout: (package folder, file names, script)} for the joined and the separate layouts."""
    joined = folder / "joined"
    joined.mkdir()
    name, content = joined_suite()
    (joined / name).write_bytes(content)
    (folder / "joined.py").write_text(TIMED % name[:-len(".mpy")])
    separate, names = folder / "separate", []
    for _, path, source in wizard_assets.browser_sources(glue=False):
        target = separate / (path.split("/", 1)[1][:-len(".py")] + ".mpy")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(wizard_assets.compiled(source, path))
        names.append(target.relative_to(separate).as_posix())
    (separate / "suite_alone.mpy").write_bytes(wizard_assets.compiled(SUITE.read_text(), "suite_alone.py"))
    names.append("suite_alone.mpy")
    (folder / "separate.py").write_text(TIMED % "suite_alone")
    return {"joined": (joined, [name], folder / "joined.py"), "separate": (separate, names, folder / "separate.py")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stillworried-import-") as temp:
        folder = Path(temp)
        (folder / "input.json").write_text("{}")
        found, times = layouts(folder), {"joined": [], "separate": []}
        for _ in range(args.runs):
            for layout, (package, names, script) in found.items():
                shown = subprocess.run(["node", str(RUNNER), str(script), str(folder / "input.json"), str(package), *names],
                                       cwd=ROOT, capture_output=True, text=True, check=True).stdout
                times[layout].append(int(shown.split()[-1]) / 1000)
    print("MicroPython importing the engine with the parity suite, %d runs each, in Node" % args.runs)
    for layout in times:
        values = times[layout]
        print("  %-9s %5.1f ms median (%.1f-%.1f), %d files"
              % (layout, statistics.median(values), min(values), max(values), len(found[layout][1])))


if __name__ == "__main__":
    main()
