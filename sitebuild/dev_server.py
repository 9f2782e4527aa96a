"""bin/serve: build the site, serve it on 127.0.0.1, and build it again on every save.

Why not `mkdocs serve`: MkDocs 1.6 watches files only with live reload on, and live reload
injects an inline script that every page's Content-Security-Policy rightly blocks; and it
rebuilds in the same process, so an edit to mkdocs_hooks.py, macros/, stillworried/ or any
other Python module is not seen (the modules stay imported). So each build here is a fresh
`mkdocs build --strict` process, the Python included, into a new folder, and the server
switches to that folder only when the build succeeded: a broken edit prints the build's own
message (data problems as file:line) and the last good build stays served, as nothing
half-built is ever published.

Reload the page to see a change. Nothing here is part of the published site.
"""
import argparse
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
# What a save in these folders or files can change in the built site. The rest of the checkout
# (tests, benchmarks, the virtual environment, node_modules, builds) is not watched.
WATCHED = ("data", "docs", "exports", "macros", "overrides", "pyscript", "sitebuild", "stillworried",
           "templates", "mkdocs.yml", "mkdocs_hooks.py", "package-lock.json")
IGNORED_PARTS = ("__pycache__", ".git")
IGNORED_SUFFIXES = (".pyc", ".swp", ".swx", "~", ".tmp")
WRITES = ("created", "modified", "moved", "deleted", "closed")  # "closed": closed after writing
QUIET = 0.3  # seconds without a save before building: an editor's save is often several events


def watched_folders(data_dir):
    """(folder, recursive) to watch: the checkout's top (for its files in WATCHED), each folder
    in WATCHED, and the data folder where STILLWORRIED_DATA points elsewhere."""
    folders = [(ROOT, False)] + [(ROOT / name, True) for name in WATCHED if (ROOT / name).is_dir()]
    if data_dir is not None and Path(data_dir).is_dir():
        folders.append((Path(data_dir).resolve(), True))
    return folders


def counts(path, data_dir=None):
    """Whether a save at this path can change the site: under a WATCHED folder or file (or the
    data folder), and not an editor's swap file or a bytecode cache."""
    path = Path(path).resolve()
    parts = path.parts
    if any(part in IGNORED_PARTS for part in parts) or path.name.endswith(IGNORED_SUFFIXES) \
            or path.name.startswith(".#"):
        return False
    if data_dir is not None and Path(data_dir).resolve() in path.parents:
        return True
    try:
        top = path.relative_to(ROOT).parts[0]
    except (ValueError, IndexError):
        return False
    return top in WATCHED


class Site:
    """The folder being served (None until the first build succeeds) and the builds behind it."""

    def __init__(self, work, address):
        self.work = Path(work)
        self.address = address
        self.current = None
        self.lock = threading.Lock()
        self.number = 0

    def build(self, reason):
        """One fresh `mkdocs build` into a new folder; serve it if it succeeded. Returns True
        when the new build is being served."""
        self.number += 1
        target = self.work / ("build-%d" % self.number)
        started = time.monotonic()
        print("serve: building (%s)..." % reason, flush=True)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                                 str(target)], cwd=ROOT, env=env, capture_output=True, text=True)
        took = time.monotonic() - started
        if result.returncode != 0:
            shutil.rmtree(target, ignore_errors=True)
            print((result.stdout + result.stderr).rstrip(), flush=True)
            still = ("the last good build is still served at %s" % self.address) if self.current else \
                "nothing is served until it builds"
            print("serve: the site did not build (%.1f s); %s. Fix the problem above and save again."
                  % (took, still), flush=True)
            return False
        with self.lock:
            old, self.current = self.current, target
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        print("serve: built in %.1f s; serving %s (reload the page to see it)" % (took, self.address), flush=True)
        return True


class Rebuilder(FileSystemEventHandler):
    """Collects saves and builds once they have stopped for QUIET seconds; a save during a build
    starts another build after it, so the site served is never older than the last save."""

    def __init__(self, site, data_dir=None):
        self.site = site
        self.data_dir = data_dir
        self.changed = []
        self.wake = threading.Event()
        threading.Thread(target=self.run, daemon=True).start()

    def on_any_event(self, event):
        # Only writes count: the build itself opens and reads these files.
        if event.event_type not in WRITES or (event.is_directory and event.event_type == "modified"):
            return
        path = getattr(event, "dest_path", None) or event.src_path
        if counts(path, self.data_dir):
            self.changed.append(path)
            self.wake.set()

    def run(self):
        while True:
            self.wake.wait()
            while self.wake.wait(QUIET):  # until the saves stop
                self.wake.clear()
            changed, self.changed = self.changed, []
            if changed:
                names = sorted(set(os.path.relpath(path, ROOT) for path in changed))
                self.site.build("changed: " + ", ".join(names[:3]) + (" ..." if len(names) > 3 else ""))


def handler_for(site):
    class Handler(http.server.SimpleHTTPRequestHandler):
        """Serves the current build. No caching, so a reload always shows the newest build."""

        def __init__(self, *args, **kwargs):
            with site.lock:
                folder = site.current
            self.folder = folder
            super().__init__(*args, directory=str(folder or site.work), **kwargs)

        def send_head(self):
            if self.folder is None:
                self.send_error(503, "The site has not built yet: see the terminal running bin/serve")
                return None
            return super().send_head()

        def send_error(self, code, message=None, explain=None):
            page = self.folder and Path(self.folder) / "404.html"
            if code == 404 and page and page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, *args):
            pass
    return Handler


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build the site, serve it on 127.0.0.1 and rebuild on every save.")
    parser.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default 8000)")
    args = parser.parse_args(argv)
    data_dir = os.environ.get("STILLWORRIED_DATA")
    with tempfile.TemporaryDirectory(prefix="stillworried-serve-") as work:
        server = socketserver.ThreadingTCPServer(("127.0.0.1", args.port), None, bind_and_activate=False)
        server.allow_reuse_address = True
        server.daemon_threads = True
        server.server_bind()
        server.server_activate()
        site = Site(work, "http://127.0.0.1:%d/" % server.server_address[1])
        server.RequestHandlerClass = handler_for(site)
        site.build("first build")
        observer = Observer()
        rebuilder = Rebuilder(site, data_dir)
        for folder, recursive in watched_folders(data_dir):
            observer.schedule(rebuilder, str(folder), recursive=recursive)
        observer.start()
        print("serve: watching data/, docs/ and the code for saves; Ctrl-C stops.", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            observer.stop()
            server.server_close()


if __name__ == "__main__":
    main()
