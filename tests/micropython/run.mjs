// Run a Python script under PyScript's MicroPython (the interpreter the browser wizard uses),
// in Node, with the engine's modules copied into its file system.
//   node tests/micropython/run.mjs SCRIPT INPUT_JSON PACKAGE_DIR MODULE...
// The script reads /input.json and prints its results; a Python error exits non-zero.
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import { runSuite } from "../interpreter_suite.mjs";

const out = [];
const mp = await loadMicroPython({
  heapsize: 32 * 1024 * 1024,
  stdout: (line) => out.push(line),
  stderr: (line) => process.stderr.write(line + "\n"),
});
runSuite(mp, out);
