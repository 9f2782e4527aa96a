// What the MicroPython and Pyodide runners share: write the engine's modules and the input into
// the interpreter's file system, run the suite script, and print what it printed.
//   node tests/<interpreter>/run.mjs SCRIPT INPUT_JSON PACKAGE_DIR MODULE...
// The modules (paths in the package, in folders too) are written byte for byte: the ones the site ships (.mpy for MicroPython, source
// without docstrings for Pyodide; tests/engine/interpreter_parity.py unpacks them from the build's own
// bundle), or any .py file.
// The script reads /input.json and prints its results; a Python error exits non-zero.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const [script, input, packageDir, ...modules] = process.argv.slice(2);

// python: a loaded interpreter (both have FS and runPython); out: the lines it printed so far.
export function runSuite(python, out) {
  for (const folder of ["/lib", "/lib/stillworried"]) {
    if (!python.FS.analyzePath(folder).exists) python.FS.mkdir(folder);  // Pyodide already has /lib
  }
  for (const name of modules) {
    // A module in a folder of the package (core/words/dates.mpy): its folders first.
    const parts = name.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = "/lib/stillworried/" + parts.slice(0, depth).join("/");
      if (!python.FS.analyzePath(folder).exists) python.FS.mkdir(folder);
    }
    python.FS.writeFile("/lib/stillworried/" + name, readFileSync(join(packageDir, name)));
  }
  python.FS.writeFile("/input.json", readFileSync(input, "utf8"));
  try {
    python.runPython("import sys\nif '/lib' not in sys.path: sys.path.append('/lib')\n" + readFileSync(script, "utf8"));
  } catch (error) {
    process.stderr.write(String(error) + "\n");
    process.exit(1);
  }
  process.stdout.write(out.join("\n") + "\n");
}
