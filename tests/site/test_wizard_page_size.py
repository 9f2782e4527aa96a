"""The wizard page is the same size whatever the number of areas, but for the list of areas
(issue 11): the questions after the area's are one form each, their choices filled in the
browser from the chosen area's data, and the 999 answer and the no-script list name each area
in a line. Rendered straight from macros/wizard.py with bench/synthetic_data.py's copies of
the three real areas, so no site build is needed. The stylesheet tests at the end (the page
links its own small base, not Material's stylesheet) read the built site."""
import gzip
import re
import sys

import pytest

from tests.conftest import ROOT
from macros import first_paint, wizard
from macros.context import Context
from stillworried.data import build_bundle

sys.path.insert(0, str(ROOT / "bench"))

# What the page may add for each area: its radio in the area question (name and full name) and
# its line in the 999 answer (about 440 bytes). Its procedures' first-paint files are named by
# one pattern, and the no-script list is a link to the home page's, so neither grows.
PER_AREA_BYTES = 500
MANIFEST = {"interpreter": "i.mjs", "files": {}, "plugins": [], "script_type": "mpy", "main": "import wizard",
            "no_storage": "no-storage.js", "core": "core.js", "status": "status.js"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    import synthetic_data
    made = {}
    for count in (3, 20):
        folder = tmp_path_factory.mktemp("areas-%d" % count)
        data = synthetic_data.write_data(ROOT / "data", folder / "data", count)
        bundle = build_bundle(data, synthetic_data.documents_of(data))
        assert len(bundle["partnerships"]) == count
        manifest = dict(MANIFEST, first_paint=first_paint.fragments(bundle)[1])  # as the build makes them
        made[count] = str(wizard.wizard_page(Context(bundle, "still-worried/"), manifest))
    return made


@pytest.mark.slow  # two synthetic data sets and their wizard pages
def test_seventeen_more_areas_add_a_line_or_two_each_and_no_form_or_choice(pages):
    """One test, so that only one pytest-xdist worker builds the two data sets."""
    grown = len(pages[20].encode()) - len(pages[3].encode())
    assert grown < 17 * PER_AREA_BYTES, "the wizard page grew by %d bytes for 17 areas" % grown
    for html in pages.values():
        # area, situation, stage, agency, and three dates (the stage's, the day it was raised, and
        # the day a later stage began in "where should I be today?")
        assert len(re.findall(r"<form\b", html)) == 7
        assert html.count('id="sw-tpl-choice"') == 1
        # No area's situations, stages, agencies or front-door numbers are written into the page.
        # The only numbers: the blank contact card's (templates/contact_card.html) and 999 (the
        # answer to "Is a child in immediate danger?", from templates/macros.html).
        assert "Stage 1:" not in html
        assert sorted(re.findall(r'href="tel(?::|&#58;)([^"]*)"', html)) == ["", "999"]


# -- The stylesheets a shared link waits for (issue 11) ----------------------------------------
# The wizard page links its own small base (docs/assets/wizard/base.css) instead of Material's
# stylesheet, which is about 25 KB gzip. These read the built site.

BASE_CSS = ROOT / "docs" / "assets" / "wizard" / "base.css"
BASE_CSS_MOST_GZIP = 3000
# Material's classes on the wizard page that need no style of their own: wrappers, and things
# the page keeps hidden (the dialog and "Back to top" are for Material's script, not loaded here).
UNSTYLED = {"md-dialog__inner", "md-header--shadow", "md-nav--secondary", "md-nav__button", "md-nav__item--active",
            "md-nav__toggle", "md-sidebar__inner", "md-top"}


def stylesheets(html):
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def test_the_wizard_page_links_only_its_base_and_the_sites_stylesheet(built_site):
    wizard_html = (built_site / "still-worried" / "index.html").read_text()
    assert stylesheets(wizard_html) == ["../assets/wizard/base.css", "../assets/stillworried.css"]
    assert "assets/stylesheets/" not in wizard_html
    # The other pages keep Material's stylesheet.
    assert any("assets/stylesheets/main." in href for href in stylesheets((built_site / "index.html").read_text()))
    assert (built_site / "assets" / "wizard" / "base.css").read_bytes() == BASE_CSS.read_bytes()


def test_the_wizard_base_stylesheet_is_small():
    size = len(gzip.compress(BASE_CSS.read_bytes(), compresslevel=9))
    assert size < BASE_CSS_MOST_GZIP, "base.css is %d bytes gzip" % size


def test_every_material_class_the_wizard_uses_is_styled_by_its_own_stylesheets(built_site):
    """A Material class added to the wizard's markup (its page, its templates or the glue) would
    be unstyled on this page, where Material's stylesheet is not loaded: it must be in base.css
    or stillworried.css, or named above as needing no style."""
    sources = [(built_site / "still-worried" / "index.html").read_text()]
    sources += [path.read_text() for path in (ROOT / "pyscript").glob("*.py")]
    sources += [path.read_text() for path in (ROOT / "templates").glob("*.html")]
    used = set()
    for text in sources:
        # class="..." in markup, cls="..." in the glue's make().
        for names in re.findall(r'\bcl(?:ass|s)="([^"]*)"', text):
            used.update(name for name in names.split() if name.startswith("md-"))
    css = BASE_CSS.read_text() + (ROOT / "docs" / "assets" / "stillworried.css").read_text()
    unstyled = sorted(name for name in used - UNSTYLED if not re.search(r"\." + re.escape(name) + r"(?![\w-])", css))
    assert unstyled == []
