import json
import sys
from pathlib import Path

import pytest

from stillworried.data import build_bundle
from stillworried.workdays import WorkingCalendar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for the site's macros package
DATA = ROOT / "data"
CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="session")
def bundle():
    return build_bundle(DATA)


@pytest.fixture(scope="session")
def calendar(bundle):
    return WorkingCalendar(bundle["calendar"])


def working_day_cases():
    return json.loads((CASES / "working_days.json").read_text())["cases"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once from the real data."""
    from site_support import build_site
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def server(built_site):
    from site_support import Server
    running = Server(built_site)
    yield running
    running.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    from site_support import CHROMIUM, CHROMIUM_ARGS, chromium_available
    if not chromium_available():
        pytest.fail("Debian's Chromium is needed for the browser tests: run bin/test (it installs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
