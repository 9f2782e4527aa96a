"""What the wizard page loads, all of it served by the site itself: PyScript and the Python
interpreter from node_modules (pinned by package-lock.json), the engine's modules from the one
copy in stillworried/, the glue from pyscript/, and the engine's data as JSON.

The build (mkdocs_hooks.py) copies these files into the site; the wizard page writes the script
tags and PyScript's config from the same manifest, so the two can never disagree. Nothing is copied
into git: the engine is shipped from the package, the data from data/.
"""
import hashlib
import json
from pathlib import Path

from stillworried import BROWSER_MODULES, bundle_parts, page_ids

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
GLUE = ROOT / "pyscript"
PACKAGE = ROOT / "stillworried"
BASE = "assets/wizard/"
PAGE = page_ids.WIZARD
# The shared part of the data, in the interpreter's file system (the glue opens it by this name).
SHARED_DATA = "shared.json"

# The interpreters the wizard can run on; mkdocs.yml's extra.wizard_interpreter picks one.
# MicroPython is the default: on a throttled phone it is ready in a fraction of Pyodide's time.
INTERPRETERS = {
    "micropython": {
        "script_type": "mpy",
        "package": NODE_MODULES / "@micropython" / "micropython-webassembly-pyscript",
        "files": ("micropython.mjs", "micropython.wasm"),
        "entry": "micropython.mjs",
        "fetched": ("micropython.wasm",),
    },
    "pyodide": {
        "script_type": "py",
        "package": NODE_MODULES / "pyodide",
        "files": ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"),
        "entry": "pyodide.mjs",
        "fetched": ("pyodide.asm.wasm", "python_stdlib.zip"),
    },
}

# PyScript's plugins we do not use (editor, terminal, game, the error banner, the "donkey"
# helper and the deprecation notices). Listing them with "!" stops PyScript fetching them.
UNUSED_PLUGINS = ("codemirror", "deprecations-manager", "donkey", "error", "py-editor", "py-game", "py-terminal")


class MissingRuntime(Exception):
    """The Node packages are not installed, so the wizard cannot be built."""


def interpreter(name):
    if name not in INTERPRETERS:
        raise MissingRuntime("extra.wizard_interpreter in mkdocs.yml must be one of %s, not %r."
                             % (", ".join(sorted(INTERPRETERS)), name))
    return INTERPRETERS[name]


def pyscript_files():
    """PyScript's built files, without source maps and without its service worker (the site
    must never cache an old phone number)."""
    if not (PYSCRIPT_DIST / "core.js").is_file():
        raise MissingRuntime("PyScript is not installed in node_modules. Run bin/setup (it runs npm ci).")
    return {BASE + "pyscript/" + path.name: path for path in sorted(PYSCRIPT_DIST.iterdir())
            if path.suffix in (".js", ".css") and path.name not in ("service-worker.js", "storage.js")}


def interpreter_files(name):
    chosen = interpreter(name)
    files = {}
    for file_name in chosen["files"]:
        path = chosen["package"] / file_name
        if not path.is_file():
            raise MissingRuntime("%s is missing. Run bin/setup (it runs npm ci)." % path.relative_to(ROOT))
        files[BASE + name + "/" + file_name] = path
    return files


def data_json(engine_bundle):
    # ensure_ascii=False: MicroPython reads an escaped surrogate pair (an emoji, say) as two broken characters.
    return json.dumps(engine_bundle, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def content_hashed(name, text):
    """name-<hash>.json: a file name that changes whenever the content does, so no browser or
    proxy can serve an old copy of a phone number after it changes."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return name + "-" + digest + ".json"


def data_files(engine_bundle):
    """(site path of the shared part, its JSON, {site path: JSON} of every area's part).

    The wizard loads the shared part with the engine (bank holidays, the list of areas, the
    national contacts, which file holds each area) and fetches one area's part when the address
    or the area answer names it (stillworried.bundle_parts). The shared part names each area's
    file relative to the wizard page, so the site works under any path."""
    shared, parts = bundle_parts.split(engine_bundle)
    areas = {}
    for partnership_id in sorted(parts):
        text = data_json(parts[partnership_id])
        path = BASE + "data/" + content_hashed("area-" + partnership_id, text)
        areas[path] = text
        shared["parts"][partnership_id] = page_ids.from_wizard(path)
    text = data_json(shared)
    return BASE + "data/" + content_hashed("shared", text), text, areas


def python_files(data):
    """{site path: (path in the interpreter's file system, text)} for the engine, the glue and
    the shared part of the data (data_files), which PyScript puts in the interpreter's file
    system before the glue starts."""
    files = {}
    for name in BROWSER_MODULES:
        files[BASE + "py/stillworried/" + name] = ("stillworried/" + name, (PACKAGE / name).read_text())
    for path in sorted(GLUE.glob("*.py")):
        files[BASE + "py/" + path.name] = (path.name, path.read_text())
    shared_path, shared_text, _ = data
    files[shared_path] = (SHARED_DATA, shared_text)
    return files


def build(engine_bundle, interpreter_name):
    """(the manifest, {site path: text or a Path to copy}) for one build: the data is cut into
    its parts and written as JSON once, for both."""
    data = data_files(engine_bundle)
    python = python_files(data)
    return manifest(python, interpreter_name), site_files(python, data, interpreter_name)


def manifest(python, interpreter_name):
    """Everything the page needs to know: the script type, the site paths to preload, and the
    PyScript config (interpreter, files, plugins off) with paths relative to the site root."""
    chosen = interpreter(interpreter_name)
    glue = BASE + "py/wizard.py"
    return {
        "script_type": chosen["script_type"],
        "core": BASE + "pyscript/core.js",
        "glue": glue,
        "status": BASE + "status.js",
        # Runs before PyScript and stops it creating an IndexedDB database (see the file).
        "no_storage": BASE + "no-storage.js",
        "interpreter": BASE + interpreter_name + "/" + chosen["entry"],
        "files": {site_path: target for site_path, (target, _) in python.items() if site_path != glue},
        "plugins": ["!" + plugin for plugin in UNUSED_PLUGINS],
        "modulepreload": [BASE + "pyscript/core.js"] + [path for path in pyscript_files() if "/core-" in path]
                         + [BASE + interpreter_name + "/" + chosen["entry"]],
        # The interpreter's own files first and at high priority: the phone can compile the
        # WebAssembly while the Python files, needed only once it has started, arrive.
        "fetch_first": [BASE + interpreter_name + "/" + name for name in chosen["fetched"]],
        "fetch": [glue] + sorted(site_path for site_path in python if site_path != glue),
    }


def site_files(python, data, interpreter_name):
    """{site path: text or a Path to copy} for every file the wizard needs."""
    files = dict(pyscript_files())
    files.update(interpreter_files(interpreter_name))
    for site_path, (_, content) in python.items():
        files[site_path] = content
    files.update(data[2])
    return files
