"""Build the site once per test session and serve it on 127.0.0.1, and start Debian's Chromium
through Playwright with the flags this machine needs (no browser download, no network)."""
import functools
import http.server
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


class Server:
    """A static file server for the built site, on the loopback address only."""

    def __init__(self, directory):
        handler = functools.partial(_QuietHandler, directory=str(directory))
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
