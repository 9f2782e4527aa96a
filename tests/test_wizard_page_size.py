"""The wizard page is the same size whatever the number of areas, but for the list of areas
(issue 11): the questions after the area's are one form each, their choices filled in the
browser from the chosen area's data, and the 999 answer and the no-script list name each area
in a line. Rendered straight from macros/wizard.py with bench/synthetic_data.py's copies of
the three real areas, so no site build is needed."""
import re
import sys

import pytest

from conftest import ROOT
from macros import render, wizard
from stillworried.data import build_bundle

sys.path.insert(0, str(ROOT / "bench"))

# What the page may add for each area: its radio in the area question (name and full name), its
# line in the 999 answer and in the no-script list, and its procedures' first-paint files.
PER_AREA_BYTES = 700
MANIFEST = {"interpreter": "i.mjs", "files": {}, "plugins": [], "script_type": "mpy", "glue": "wizard.py",
            "no_storage": "no-storage.js", "core": "core.js", "status": "status.js"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    import synthetic_data
    made = {}
    for count in (3, 20):
        folder = tmp_path_factory.mktemp("areas-%d" % count)
        bundle = build_bundle(synthetic_data.write_data(ROOT / "data", folder / "data", count))
        assert len(bundle["partnerships"]) == count
        made[count] = str(wizard.wizard_page(render.Context(bundle, "still-worried/"), MANIFEST))
    return made


def test_seventeen_more_areas_add_a_line_or_two_each_and_no_form_or_choice(pages):
    """One test, so that only one pytest-xdist worker builds the two data sets."""
    grown = len(pages[20].encode()) - len(pages[3].encode())
    assert grown < 17 * PER_AREA_BYTES, "the wizard page grew by %d bytes for 17 areas" % grown
    for html in pages.values():
        assert len(re.findall(r"<form\b", html)) == 6  # area, situation, stage, agency, two dates
        assert html.count('id="sw-tpl-choice"') == 1
        # No area's situations, stages, agencies or front-door numbers are written into the page.
        assert "Stage 1:" not in html and html.count('href="tel:') == 1
