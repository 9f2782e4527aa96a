"""The browser's modules joined into one for the phone (sitebuild/one_module.py): the joined
module is the same program, and what would not be is refused with FILE:LINE and what to change.

The whole engine's parity suite runs on the joined module under MicroPython
(tests/engine/interpreter_parity.py); these tests pin the joining's own rules on small modules,
run in CPython."""
import pytest

from sitebuild import one_module, wizard_assets

LIMITS = '''
DAYS = 5
def next_step(day):
    return day + DAYS
def label(day):
    return "day %d" % next_step(day)
'''
WORDS = '''
def next_step(day):
    return "then day %d" % day
'''
ANSWER = '''
from pkg import limits
from pkg.words import next_step as said_next, label_of
from pkg.limits import DAYS
def answer(day):
    return [limits.next_step(day), said_next(day), limits.label(day), label_of(day), DAYS]
ANSWERED = answer(1)
'''
LABEL = '''
def label_of(day):
    return "label %d" % day
'''


def run(sources):
    """The joined module's globals after running it."""
    text, final = one_module.flatten(sources)
    scope = {}
    exec(compile(text, "joined.py", "exec"), scope)
    return scope, final, text


def test_two_modules_with_the_same_name_keep_their_own_meanings():
    """The engine's next_step and the words' next_step both exist in the joined module, each
    called where its own module's was."""
    scope, final, _ = run([("pkg.limits", "pkg/limits.py", LIMITS),
                           ("pkg.words", "pkg/words.py", WORDS + LABEL),
                           ("answer", "answer.py", ANSWER)])
    assert scope[final[("answer", "ANSWERED")]] == [6, "then day 1", "day 6", "label 1", 5]
    assert final[("pkg.limits", "next_step")] == "limits__next_step"
    assert final[("pkg.words", "next_step")] == "words__next_step"
    assert final[("pkg.limits", "label")] == "label"  # no other module has one: its own name


def test_the_modules_run_in_the_order_they_import_each_other():
    """The answer module is given first but imports the others: its module-level code runs
    after theirs, so ANSWERED is worked out with them defined."""
    scope, final, _ = run([("answer", "answer.py", ANSWER),
                           ("pkg.words", "pkg/words.py", WORDS + LABEL),
                           ("pkg.limits", "pkg/limits.py", LIMITS)])
    assert scope[final[("answer", "ANSWERED")]][0] == 6


def test_other_imports_are_kept_once_at_the_top():
    _, _, text = run([("a", "a.py", "import json\nA = json.dumps(1)\n"),
                      ("b", "b.py", "import json\nfrom a import A\nB = json.dumps([A])\n")])
    assert text.count("import json") == 1 and text.startswith("import json")


@pytest.mark.parametrize("source, problem", [
    ("from pkg import limits\ndef f(limits):\n    return limits\n",
     "answer.py:2: limits is the name of a module this file imports"),
    ("from pkg import limits\nf = limits\n",
     "answer.py:2: the module limits is used as a value"),
    ("from pkg import limits\ndef f():\n    DAYS = 2\n    return limits.DAYS + DAYS\n",
     "answer.py:4: the local name DAYS hides limits.DAYS"),
    ("from pkg import limits\ndef f():\n    limits.DAYS = 2\n",
     "answer.py:3: limits.DAYS is assigned to"),
    ("def f():\n    from pkg import limits\n    return limits.DAYS\n",
     "answer.py:2: import at module level"),
    ("X = 1\ndef f():\n    global X\n    X = 2\n",
     "answer.py:3: `global` is not allowed"),
    ("from pkg import limits\nX = limits.NOTHING\n",
     "answer.py:2: pkg.limits has no NOTHING"),
    ("from . import limits\n",
     "answer.py:1: a relative import"),
])
def test_what_would_not_be_the_same_program_is_refused_with_its_file_and_line(source, problem):
    with pytest.raises(one_module.NotJoinable) as refused:
        one_module.flatten([("pkg.limits", "pkg/limits.py", LIMITS), ("answer", "answer.py", source)])
    assert problem in str(refused.value)


def test_a_parameter_named_like_a_renamed_name_is_refused_because_callers_pass_it_by_keyword():
    """next_step is renamed in both modules: a parameter called next_step could not be renamed
    with it (a caller may write next_step=...), so the build says which line to change."""
    with pytest.raises(one_module.NotJoinable, match=r"pkg/words.py:4: next_step is also a name at module level"):
        one_module.flatten([("pkg.limits", "pkg/limits.py", LIMITS),
                            ("pkg.words", "pkg/words.py", WORDS + "def show(next_step):\n    return next_step\n")])


def test_the_browser_modules_join_and_a_problem_stops_the_build_with_its_file_and_line(monkeypatch):
    """The real modules join (the build ships the result: tests/browser/test_offline.py), and a
    maintainer's change that would not stay the same program stops the build with a message, not
    a traceback from the compiler."""
    sources = wizard_assets.browser_sources()
    assert sources[-1][0] == wizard_assets.GLUE_MODULE
    text, _ = one_module.flatten(sources)
    compile(text, "wizard.py", "exec")
    name, path, source = sources[-1]
    broken = sources[:-1] + [(name, path, source + "\ndef shown(words):\n    return words.READY\n")]
    monkeypatch.setattr(wizard_assets, "browser_sources", lambda glue=True: broken)
    with pytest.raises(wizard_assets.MissingRuntime, match=r"pyscript/wizard.py:\d+: words is the name of a module"):
        wizard_assets.shipped_modules("micropython")


def test_what_nothing_in_the_program_uses_is_left_out_and_what_runs_is_kept():
    """The phone downloads only what runs: a definition nothing uses goes, with what only it
    used; a statement that may do more than define a name stays, with everything it uses."""
    words = ('SHOWN = "shown"\nBUILD_ONLY = "only on the pages"\ndef helper():\n    return SHOWN\n'
             'def build_only():\n    return BUILD_ONLY\nNOTICED = []\nNOTICED.append(1)\n')
    scope, final, text = run([("words", "words.py", words), ("glue", "glue.py", "from words import helper\nOUT = helper()\n")])
    assert scope["OUT"] == "shown" and scope["NOTICED"] == [1]
    assert "BUILD_ONLY" not in text and "build_only" not in text


def test_the_pages_own_words_do_not_go_to_the_phone():
    """The search index's address and the contacts pages' "At a glance" are the build's, not the
    wizard's: they are not in what ships; the answer's own words are."""
    text, final = one_module.flatten(wizard_assets.browser_sources())
    assert "SEARCH_INDEX" not in text and "AT_A_GLANCE" not in text
    assert "def %s(" % final[("stillworried.core.words.answers", "stage_title")] in text


def test_an_import_inside_a_module_level_block_is_kept_and_a_comprehensions_names_are_not_the_modules():
    """An import under a module-level try stays in the joined module (it was dropped, leaving an
    empty try); a comprehension's loop name is its own, so another module's name of the same
    spelling keeps its name."""
    scope, final, text = run([("a", "a.py", "try:\n    import json\nexcept ImportError:\n    pass\n"
                                           "LETTERS = [name for name in 'ab']\nOUT = json.dumps(LETTERS)\n"),
                              ("b", "b.py", "name = 'b'\n")])
    assert scope["OUT"] == '["a", "b"]'
    assert final[("b", "name")] == "name" and ("a", "name") not in final
