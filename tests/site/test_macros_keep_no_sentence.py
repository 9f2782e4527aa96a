"""Issue 24: one catalogue of words. The page makers (macros/) put the catalogue's words in order
(stillworried/core/words/: pages.py, contacts.py, questions.py, page.py ...); they keep no
heading, label, button text, hint or sentence of their own, so a new one cannot creep back in.

The check reads each module's syntax tree and lists its string constants that look like words a
reader sees: two lowercase words with a space between ("Read the procedures", "save them all"),
or a capitalised word ("Continue", "Back", "Stage %d"). Left alone: docstrings (they are for the
maintainers), markup written as a string ('<template id="%s">'), and the values of HTML
attributes no reader sees (class, id, href, aria-describedby, data-...), which name CSS and
targets, not words. An aria-label is read out, so it is checked like any text."""
import ast
import re

from tests.conftest import ROOT
from tests.python_strings import string_nodes

MACROS = ROOT / "macros"
WORDS = re.compile(r"[a-z]+ [a-z]+|\b[A-Z][a-z]+\b")
CODE_ATTRIBUTES = {"class", "id", "href", "src", "type", "rel", "for", "name", "role", "action", "inputmode",
                   "autocomplete", "spellcheck", "tabindex", "value", "aria-describedby", "aria-labelledby"}


def _attribute_values(tree):
    """The nodes under the value of a code attribute in a dict ({"class": "md-button " + kind})."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and \
                        (key.value in CODE_ATTRIBUTES or key.value.startswith("data-")):
                    found.update(id(inner) for inner in ast.walk(value))
    return found


def sentences(source, file_name="module.py"):
    """["file:line: 'text'"] for each string constant of source that looks like a reader's words."""
    tree = ast.parse(source)
    found = [node for node in string_nodes(tree, _attribute_values(tree))
             if "<" not in node.value and WORDS.search(node.value)]
    return ["%s:%d: %r" % (file_name, node.lineno, node.value)
            for node in sorted(found, key=lambda node: (node.lineno, node.col_offset))]


def test_the_check_finds_words_and_leaves_code_alone():
    source = '''"""A page: its docstring may say anything."""
def page(kind):
    """Read the procedures."""
    return [el("a", {"class": "md-button md-button--primary", "href": "#sw-area", "aria-describedby": "a-hint b-hint"},
               "Continue"),
            el("h2", {"id": "sw-fallback-title"}, "Read the procedures"),
            el("nav", {"aria-label": "Agencies"}, words.AGENCIES),
            el("div", {"class": "admonition " + kind, "data-step": "when raised"}),
            '<template id="%s">%s</template>', "sw-step-" + kind, " (%d contacts) at their agency:"]
'''
    assert sentences(source) == ["module.py:5: 'Continue'", "module.py:6: 'Read the procedures'",
                                 "module.py:7: 'Agencies'", "module.py:9: ' (%d contacts) at their agency:'"]


def test_no_page_maker_keeps_a_sentence_of_its_own():
    modules = sorted(MACROS.glob("*.py"))
    assert len(modules) > 10  # the check reads the page makers, not an empty folder
    found = [line for path in modules for line in sentences(path.read_text(encoding="utf-8"), path.name)]
    assert found == [], ("Words a reader sees belong in the catalogue, stillworried/core/words/ (a constant in "
                         "capitals, or a small function for words with values), not in macros/:\n" + "\n".join(found))


# Strings of the engine and the glue that look like words but no reader sees, each with why.
NOT_READ = {
    "sw-agency sw-agency--adults": "CSS classes (make's cls=)",
    "sw-timeline__step sw-timeline__step--": "CSS classes (make's cls=)",
    "sw-result__actions sw-noprint": "CSS classes (make's cls=)",
    "#sw-result details": "a CSS selector",
    "Europe/London": "the time zone's name, for the clock",
    "the data for ": "an error for the browser's console: the page says the catalogue's words",
    " could not be fetched": "an error for the browser's console: the page says the catalogue's words",
    "Still worried? wizard: ": "the browser console's prefix",
    "-//Still Worried?//Escalation deadline//EN": "the calendar file's PRODID, read by calendar programs",
    ", substitute day": "the holidays data's own name for a moved bank holiday (a key, not shown)",
}


def test_neither_the_engine_nor_the_glue_keeps_a_sentence_of_its_own():
    """Issue 24's 'done': the engine (stillworried/core/, its catalogue core/words/ apart) and the
    browser glue (pyscript/) hold no reader sentence: they take them from the catalogue."""
    modules = sorted((ROOT / "stillworried" / "core").glob("*.py")) + sorted((ROOT / "pyscript").glob("*.py"))
    assert len(modules) > 20
    found = [line for path in modules for line in sentences(path.read_text(encoding="utf-8"), path.name)
             if line.split(": ", 1)[1].strip("'\"") not in NOT_READ]
    assert found == [], "Words a reader sees belong in the catalogue, stillworried/core/words/:\n" + "\n".join(found)
