"""bin/serve builds the site again on every save (sitebuild/dev_server.py): a maintainer who fixes
a step or breaks the YAML sees it on reload, and a broken save never replaces the last good site.

The server is started on a copy of data/ (STILLWORRIED_DATA), so the test never edits the
checkout. Each build is a fresh process, so an edit to the Python is seen too (it is the same
mechanism: a save anywhere watched starts a new `mkdocs build`)."""
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.slow  # starts bin/serve and waits for its builds

STEP = "Identify clearly what the problem is and what you are aiming to achieve."
PAGE = "salford/salford-vcse/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/%s" % (port, path), timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


class Lines:
    """The server's output, line by line, read in a thread so a wait can time out."""

    def __init__(self, process):
        self.lines = queue.Queue()
        self.seen = []
        threading.Thread(target=self.read, args=(process.stdout,), daemon=True).start()

    def read(self, stream):
        for line in stream:
            self.lines.put(line)

    def wait_for(self, words, seconds=90):
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            try:
                line = self.lines.get(timeout=ends - time.monotonic())
            except queue.Empty:
                break
            self.seen.append(line)
            if words in line:
                return line
        raise AssertionError("bin/serve never said %r; it said:\n%s" % (words, "".join(self.seen)))


def test_a_save_rebuilds_the_site_and_a_broken_save_keeps_the_last_good_one(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    stages = data / "stages.yaml"
    original = stages.read_text()
    assert STEP in original
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitebuild.dev_server", "--port", str(port)], cwd=ROOT,
                               env=dict(os.environ, STILLWORRIED_DATA=str(data), PYTHONUNBUFFERED="1"),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = Lines(process)
    try:
        output.wait_for("serve: built in")
        status, page = fetch(port, PAGE)
        assert status == 200 and STEP in page

        # A maintainer rewords a step and saves: the next reload shows it.
        stages.write_text(original.replace(STEP, "Say clearly what the problem is."))
        output.wait_for("serve: built in")
        status, page = fetch(port, PAGE)
        assert status == 200 and "Say clearly what the problem is." in page and STEP not in page

        # A broken save: the build's own file:line message, and the last good site stays served.
        stages.write_text(original.replace("        do:\n", "        do: [\n", 1))
        said = output.wait_for("the site did not build")
        assert "last good build is still served" in said
        assert "stages.yaml:" in "".join(output.seen)
        status, page = fetch(port, PAGE)
        assert status == 200 and "Say clearly what the problem is." in page
    finally:
        process.terminate()
        process.wait(timeout=20)
