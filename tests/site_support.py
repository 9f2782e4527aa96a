"""Build the site once per test session and serve it on 127.0.0.1, and start Debian's Chromium
through Playwright with the flags this machine needs (no browser download, no network).
The benchmarks (bench/) use the same build and server, with gzip on as a real static host has it."""
import functools
import gzip
import http.server
import io
import os
import shutil
import socketserver
import subprocess
import threading
from pathlib import Path

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 412, "height": 915}


def build_site(site_dir, data_dir=None, docs_dir=None, config_file=None):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if data_dir:
        env["STILLWORRIED_DATA"] = str(data_dir)
    extra = ["--config-file", str(config_file)] if config_file else []
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)] + extra,
                            cwd=ROOT, env=env, capture_output=True, text=True)
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# What static hosts compress. Images, fonts and vCards are sent as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml",
                    "application/wasm")


class _GzipHandler(_QuietHandler):
    """Sends text files gzip-compressed to a browser that accepts it, as a static host does, so
    that the benchmarks count the bytes a phone would really download."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        # The build's own .gz copy when there is one, as nginx's gzip_static sends it.
        ready = path.with_name(path.name + ".gz")
        body = ready.read_bytes() if ready.is_file() else gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class Server:
    """A static file server for the built site, on the loopback address only."""

    def __init__(self, directory, compress=False):
        self.directory = Path(directory)
        handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
        self.httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path=""):
        return self.origin + "/" + path

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def site_pages(site_dir):
    """The site path of every page in the built site, home first."""
    pages = []
    for path in sorted(Path(site_dir).rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def chromium_available():
    return shutil.which(CHROMIUM) is not None or Path(CHROMIUM).exists()
