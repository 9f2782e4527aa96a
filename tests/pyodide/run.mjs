// Run a Python script under Pyodide (CPython compiled to WebAssembly: the wizard's second
// interpreter, PyScript's type="py"), in Node, with the engine's modules written into its file
// system. Offline: Pyodide loads its interpreter and standard library from node_modules/pyodide,
// no Pyodide package is loaded, and any attempt to reach another host (a package download from
// the CDN, say) ends the run with exit code 2.
//   node tests/pyodide/run.mjs SCRIPT INPUT_JSON PACKAGE_DIR MODULE...
// The script reads /input.json and prints its results; a Python error exits non-zero.
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { loadPyodide } from "pyodide";
import { runSuite } from "../interpreter_suite.mjs";

function refuse(what) {
  process.stderr.write("Pyodide tried to reach the network (" + what + "): nothing may be downloaded\n");
  process.exit(2);
}
globalThis.fetch = async (url) => refuse("fetch " + String(url));
http.request = http.get = () => refuse("http");
https.request = https.get = () => refuse("https");

const indexURL = dirname(createRequire(import.meta.url).resolve("pyodide/package.json")) + "/";
const out = [];
const pyodide = await loadPyodide({
  indexURL,
  // Never the CDN: were a package ever asked for, it would be looked for in the installed package.
  packageBaseUrl: indexURL,
  packages: [],
  stdout: (line) => out.push(line),
  stderr: (line) => process.stderr.write(line + "\n"),
});
runSuite(pyodide, out);
