"""Issue 24: the wizard's loading line (docs/assets/wizard/status.js) keeps no sentence of its
own. Its words are the catalogue's (stillworried/core/words/questions.py LOADING and
NOT_LOADED), written by the build into the wizard element's data-status-words; the browser test
tests/browser/test_emergency_browser.py reads them on the page."""
import re

from tests.conftest import ROOT
from tests.site.test_emergency_written_once import said

STATUS_JS = ROOT / "docs" / "assets" / "wizard" / "status.js"
# A JavaScript string literal, and words in it: two or more words of letters with a space between.
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
WORDS = re.compile(r"[A-Za-z]+ [A-Za-z]+")


def sentences(javascript):
    code = said("status.js", javascript)[0]  # without its comments, as the emergency check reads it
    return [literal for literal in LITERAL.findall(code) if WORDS.search(literal) and literal[1:-1] != "use strict"]


def test_the_check_finds_a_sentence_in_a_string_and_not_in_a_comment():
    assert sentences('"use strict";\n// The quick answer is loading\nstatus.textContent = "The quick answer is loading.";\n'
                     'var a = wizard.getAttribute("data-status-words"); /* Use the procedure pages */') \
        == ['"The quick answer is loading."']


def test_status_js_keeps_no_sentence_of_its_own():
    assert sentences(STATUS_JS.read_text(encoding="utf-8")) == []
