import fcntl
import json
import os
import sys
from pathlib import Path

import pytest

from stillworried import source_documents
from stillworried.data import build_bundle
from stillworried.core.workdays import WorkingCalendar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for the site's macros package
DATA = ROOT / "data"
CASES = Path(__file__).parent / "cases"
# What makes a test slow (more than a few seconds): the fixtures that build the site or run an
# interpreter's suite. A test slow for another reason (a build or bin/serve of its own, a sweep of
# every date or every hostile case) is marked slow where it is.
SLOW_FIXTURES = {"built_site", "server", "suite_run"}
NO_SOURCES = "STILLWORRIED_NO_SOURCES"


def pytest_collection_modifyitems(config, items):
    """The markers, from where a test is and what it uses: `browser` for every test in
    tests/browser/ and any that asks for the browser, `slow` for any that needs the built site or
    an interpreter's suite, `sources` for any that needs the built site (the build checks the data
    against the documents) besides those marked so by hand."""
    browser_folder = Path(__file__).parent / "browser"
    for item in items:
        uses = set(item.fixturenames)
        if browser_folder in Path(item.path).parents or "browser" in uses:
            item.add_marker(pytest.mark.browser)
        if uses & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if uses & {"built_site", "server"}:
            item.add_marker(pytest.mark.sources)
    keep_groups_together(config, items)


def keep_groups_together(config, items):
    """--dist loadgroup: the tests marked xdist_group(name) run on one worker, one after another.
    pytest-xdist 3.8 says so by adding "@name" to each test's id in item._nodeid, which pytest 9
    no longer reads (a test's id is item._id), so without this the marks were ignored: the second
    worker stood waiting for the first to run MicroPython's suite (about 20 s) and Pyodide's, then
    ran the same tests itself. Where xdist's own suffix took, nothing is changed."""
    if not getattr(config.option, "loadgroup", False):  # set by xdist in each worker for --dist loadgroup
        return
    from _pytest.nodeid import coerce_node_id
    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid and hasattr(item, "_id"):
            item._id = coerce_node_id("%s@%s" % (item.nodeid, "_".join(names)))


def pytest_runtest_setup(item):
    """A test that reads the source documents fails where they are absent, saying why: it is
    never skipped silently. STILLWORRIED_NO_SOURCES=1 leaves such tests out, as skipped with the
    reason (pytest -rs lists them), for a quick run on a machine without the documents."""
    if item.get_closest_marker("sources") is None:
        return
    documents = source_documents.find()
    if documents.found:
        return
    if os.environ.get(NO_SOURCES, "") == "1":
        pytest.skip("the source documents are absent and %s=1 leaves out the tests that read them" % NO_SOURCES)
    pytest.fail("This test reads the source documents, and they are not here: %s. Put them in %s (or name their "
                "folder with %s), or set %s=1 to leave out the tests that read them (CI always has them)."
                % (documents.why, documents.folder, source_documents.ENVIRONMENT, NO_SOURCES), pytrace=False)


@pytest.fixture(scope="session")
def bundle():
    return build_bundle(DATA)


@pytest.fixture(scope="session")
def calendar(bundle):
    return WorkingCalendar(bundle["calendar"])


def working_day_cases():
    return json.loads((CASES / "working_days.json").read_text())["cases"]


def once_per_run(tmp_path_factory, name, make):
    """The folder `name`, filled by make(folder) once per test run, also when pytest-xdist runs the
    tests in several processes: the first to ask makes it, the others wait for it and read it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    folder = shared / name
    with open(shared / (name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / (name + ".done")
        if not done.exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            done.write_text("yes")
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once from the real data: once per run, also with pytest-xdist."""
    from tests.site_support import build_site

    def build(folder):
        result = build_site(folder / "site")
        assert result.returncode == 0, result.stderr
        (folder / "stderr.txt").write_text(result.stderr)  # for tests/site/test_site_build.py
    return once_per_run(tmp_path_factory, "built-site", build) / "site"


@pytest.fixture(scope="session")
def server(built_site):
    from tests.site_support import Server
    running = Server(built_site)
    yield running
    running.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    from tests.site_support import CHROMIUM, CHROMIUM_ARGS, chromium_available
    if not chromium_available():
        pytest.fail("Debian's Chromium is needed for the browser tests: run bin/test (it installs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield WorkersBlocked(launched)
        launched.close()


class WorkersBlocked:
    """The browser, whose new contexts block the site's service worker unless a test asks for it
    (service_workers="allow": tests/browser/test_offline.py): installing it caches the runtime in every
    context, CPU the other browser tests do not need."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def __getattr__(self, name):
        return getattr(self._browser, name)
