"""Issue 24: what to do if a child is in immediate danger is said once. Its sentences live in the
words catalogue (stillworried/core/words/emergency.py), its box is one template
(templates/emergency.html), and the number is the data's (contact emergency-999). Before, the
box was written in five places in three wordings ("Child in immediate danger?", "Is a child in
immediate danger?", "Call 999 now. Then contact the front door for your area.").

These checks read the site's source, not the built site, so they are quick: a second copy of the
wording anywhere a reader's text is made fails them."""
import ast
import re

from tests.conftest import ROOT
from tests.python_strings import string_nodes

# Where the text a reader sees is made: pages, templates, the theme, the build, the glue, the
# engine and the catalogue. The catalogue's emergency module is the one place the words may be.
SOURCES = ["macros", "templates", "overrides", "docs", "sitebuild", "pyscript", "stillworried/core",
           "mkdocs.yml", "mkdocs_hooks.py"]
CATALOGUE = "stillworried/core/words/emergency.py"
# The wording: the danger itself, and the emergency number written as text ("Call 999", "999"),
# not the contact's id (emergency-999).
WORDING = re.compile(r"immediate danger|(?<![\w-])999(?![\w-])", re.IGNORECASE)
# Places where 999 is not said to a reader.
NOT_WORDS = {
    "sitebuild/site_search.py": "a pattern that finds the phone numbers a page's text holds",
}


def python_strings(text):
    """The string literals of a Python file that are not docstrings (comments are not read)."""
    return [node.value for node in string_nodes(ast.parse(text))]


def said(path, text):
    """What of a source file can reach a reader: Python's strings, anything else without its
    comments (Jinja's {# #}, HTML's <!-- -->, JavaScript's and CSS's /* */ and //, YAML's #)."""
    if path.endswith(".py"):
        return python_strings(text)
    text = re.sub(r"\{#.*?#\}|<!--.*?-->|/\*.*?\*/", "", text, flags=re.DOTALL)
    if path.endswith(".js"):
        text = re.sub(r"(?m)^\s*//.*$|\s//\s.*$", "", text)
    if path.endswith((".yml", ".yaml")):
        text = re.sub(r"(?m)^\s*#.*$", "", text)
    return [text]


def copies(files):
    """{path: [the wording found]} for files {path: text}, the catalogue left out."""
    found = {}
    for path, text in files.items():
        if path == CATALOGUE or path in NOT_WORDS:
            continue
        hits = [match.group(0) for piece in said(path, text) for match in WORDING.finditer(piece)]
        if hits:
            found[path] = hits
    return found


def source_files():
    files = {}
    for name in SOURCES:
        where = ROOT / name
        for path in [where] if where.is_file() else sorted(where.rglob("*")):
            # docs/decisions/ is for developers: mkdocs.yml leaves it out of the site.
            if path.is_file() and path.suffix in {".py", ".html", ".md", ".js", ".yml", ".css"} \
                    and ".min." not in path.name and "node_modules" not in path.parts \
                    and "decisions" not in path.relative_to(ROOT).parts[:2]:
                files[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    return files


def test_the_check_finds_a_second_copy_of_the_wording():
    """Each way the wording was written before this issue is found; the id and comments are not."""
    assert copies({
        "macros/contacts.py": 'el("p", {"class": "sw-emergency__title"}, "Child in immediate danger?")',
        "overrides/main.html": '<strong>Child in immediate danger?</strong> <a href="tel:999">Call 999</a>.',
        "macros/front_doors.py": 'el("p", None, "Call ", el("a", {}, "999"), " now.")',
        "stillworried/core/words/page.py": 'EMERGENCY = "If a child is in immediate danger, call 999."',
        "docs/assets/wizard/status.js": 'status.textContent = "If a child is in immediate danger, call 999";',
        "mkdocs.yml": 'copyright: "If a child is in immediate danger, call 999."',
        "docs/offline.md": "Call 999 now.",
    }) == {
        "macros/contacts.py": ["immediate danger"], "overrides/main.html": ["immediate danger", "999", "999"],
        "macros/front_doors.py": ["999"], "stillworried/core/words/page.py": ["immediate danger", "999"],
        "docs/assets/wizard/status.js": ["immediate danger", "999"], "mkdocs.yml": ["immediate danger", "999"],
        "docs/offline.md": ["999"],
    }
    assert copies({
        "stillworried/core/contacts.py": '"""The number to call if a child is in immediate danger."""\n'
                                         'EMERGENCY = "emergency-999"  # 999\n',
        "overrides/partials/header.html": '{#- 999 stays in reach on every page -#}<a href="tel:{{ tel }}">',
        "docs/assets/wizard/status.js": "// Call 999\nvar a = 1; /* immediate danger */",
        CATALOGUE: 'QUESTION = "Is a child in immediate danger?"',
    }) == {}


def test_the_emergency_wording_is_in_the_catalogue_and_nowhere_else():
    files = source_files()
    assert CATALOGUE in files and "templates/emergency.html" in files and "overrides/main.html" in files
    assert copies(files) == {}
