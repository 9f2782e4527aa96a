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

# The repository (bench/ imports this module too, with tests/ on its path).
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 412, "height": 915}


def build_site(site_dir, data_dir=None, docs_dir=None, config_file=None, env=None):
    """`mkdocs build --strict`, which must check the data against the source documents: the tests
    build as CI does, with STILLWORRIED_REQUIRE_SOURCES=1 (a build without them stops)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", STILLWORRIED_REQUIRE_SOURCES="1", **(env or {}))
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

    # "br" sends Brotli to a browser that accepts it, as a host with nginx's brotli_static (or a
    # CDN that compresses) does; the default is gzip alone, which every static host offers.
    encoding = "gzip"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        # A copy the browser already has is answered "304 Not Modified", as every static host does
        # (a service worker asks again for each page it shows).
        modified = self.date_time_string(int(path.stat().st_mtime))
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return None
        encoding = "br" if self.encoding == "br" and "br" in self.headers.get("Accept-Encoding", "") else "gzip"
        # The build's own .gz or .br copy when there is one, as nginx's gzip_static and
        # brotli_static send it; else compressed now, at the quality hosts use on the fly.
        ready = path.with_name(path.name + "." + ("br" if encoding == "br" else "gz"))
        if ready.is_file():
            body = ready.read_bytes()
        elif encoding == "br":
            import brotli
            body = brotli.compress(path.read_bytes(), quality=5)
        else:
            body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", encoding)
        self.send_header("Last-Modified", modified)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(socketserver.ThreadingTCPServer):
    """Says nothing when the browser hangs up mid-answer (a page or a browser context closed
    while the service worker was still saving files): that is not an error of the site."""

    def handle_error(self, request, client_address):
        import sys
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server:
    """A static file server for the built site, on the loopback address only."""

    def __init__(self, directory, compress=False):
        """compress: False (as the files are), True or "gzip" (gzip, as every static host does),
        or "br" (Brotli where the browser accepts it, gzip otherwise)."""
        self.directory = Path(directory)
        if compress:
            handler_class = type("Handler", (_GzipHandler,), {"encoding": "br" if compress == "br" else "gzip"})
        else:
            handler_class = _QuietHandler
        handler = functools.partial(handler_class, directory=str(directory))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path=""):
        return self.origin + "/" + path

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# A page's script for Playwright: true once every path given is in the site's Cache Storage (a
# path ending in "-" stands for any hash). The service worker's tests and benchmark wait on it.
CACHE_HOLDS = """async (wanted) => {
    const urls = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) { urls.push(new URL(request.url).pathname); }
    }
    return wanted.every((path) => urls.some((url) => path.endsWith("-") ? url.startsWith(path) : url === path));
}"""


def site_pages(site_dir):
    """The site path of every page in the built site, home first."""
    pages = []
    for path in sorted(Path(site_dir).rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def chromium_available():
    return shutil.which(CHROMIUM) is not None or Path(CHROMIUM).exists()
