// Run a Python script under PyScript's MicroPython (the interpreter the browser wizard uses),
// in Node, with the engine's modules copied into its file system.
//   node tests/micropython/run.mjs SCRIPT INPUT_JSON PACKAGE_DIR MODULE...
// The script reads /input.json and prints its results; a Python error exits non-zero.
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [script, input, packageDir, ...modules] = process.argv.slice(2);
const out = [];
const mp = await loadMicroPython({
  heapsize: 32 * 1024 * 1024,
  stdout: (line) => out.push(line),
  stderr: (line) => process.stderr.write(line + "\n"),
});
mp.FS.mkdir("/lib");
mp.FS.mkdir("/lib/stillworried");
for (const name of modules) {
  mp.FS.writeFile("/lib/stillworried/" + name, readFileSync(join(packageDir, name), "utf8"));
}
mp.FS.writeFile("/input.json", readFileSync(input, "utf8"));
try {
  mp.runPython("import sys\nif '/lib' not in sys.path: sys.path.append('/lib')\n" + readFileSync(script, "utf8"));
} catch (error) {
  process.stderr.write(String(error) + "\n");
  process.exit(1);
}
process.stdout.write(out.join("\n") + "\n");
