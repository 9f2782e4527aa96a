"""A pull request is untrusted input. Each case here is one hostile (or simply broken) edit of a
copy of data/: anchors that expand a few bytes into gigabytes, tags that ask for code, control
characters, lone surrogates, bidirectional overrides, ids ending in a newline, premium-rate
front doors, a data file that is a folder, a link or a pipe. Every one must be refused:

- exit code 1 from `check`, and the site build stops (mkdocs_hooks.load_bundle raises
  mkdocs' Abort, which prints the messages without a traceback);
- a file:line:col message at the right file and line, in words a maintainer can act on;
- nothing that acts in a terminal in the output, no line over 1,500 characters;
- an answer within ten seconds (the billion-laughs case in well under one).

The cases run in-process through `python -m stillworried check`'s own entry point
(stillworried.cli.main), whose validate.check is the one the build calls too; a few run through
the real command and the real `mkdocs build` at the end. The unchanged data files are parsed
once and reused (load_once), which keeps the suite fast.
"""
import copy
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, ROOT
from stillworried import cli, text_policy, validate, yaml_limits, yamlmarks

DATA_FILES = ("stages.yaml", "contacts.yaml", "guidance.yaml")
TODAY = "2026-11-23"
# Within ten seconds of the processor's time; and, so that a hang (a pipe that is never written)
# cannot pass for an idle wait, a minute of the clock's on this shared, busy machine.
SECONDS = 10
WALL_SECONDS = 60
# Words that tell a maintainer what to do; every message has at least one.
ACTIONS = ("Remove", "Delete", "Write", "Put", "Check", "Restore", "Save", "Use", "Add", "Keep", "Replace",
           "Rewrite", "retype", "Undo", "Indent", "Did you mean", "Ask", "Choose", "shorten")
JARGON = ("Traceback", "Error:", "Exception", "NoneType", "KeyError", "TypeError", "RecursionError",
          "ConstructorError", "ReaderError", "<scalar>", "is not valid under", "did not foresee")


def front_door_contact():
    """The contact id of the first partnership's front door, read from the real data."""
    stages = yaml.safe_load((DATA / "stages.yaml").read_text(encoding="utf-8"))
    return stages["partnerships"][0]["front_door"]["contacts"][0]


FRONT_DOOR = front_door_contact()

# Where an edit goes: (file, a line that comes before it, a pattern whose group 1 is replaced).
TARGETS = {
    "list id": ("contacts.yaml", "\nlists:\n", r"^  - id: (.+)$"),
    "contact id": ("contacts.yaml", "\ncontacts:\n", r"^  - id: (.+)$"),
    "contact name": ("contacts.yaml", "\ncontacts:\n", r"^    name: (.+)$"),
    "after contact name": ("contacts.yaml", "\ncontacts:\n", r"^    name: .+$()"),
    "phone label": ("contacts.yaml", "\ncontacts:\n", r"^        label: (.+)$"),
    "contact lists": ("contacts.yaml", "\ncontacts:\n", r"^    lists: (.+)$"),
    "contact note": ("contacts.yaml", "\ncontacts:\n", r"^    note: (.+)$"),
    "front door number": ("contacts.yaml", "\n  - id: %s\n" % FRONT_DOOR, r'^      - number: (".+")$'),
    "email": ("contacts.yaml", "\ncontacts:\n", r"^      - address: (.+)$"),
    # No contact claims a check (issue 22), so the line is added after the first contact's name.
    "verified_on": ("contacts.yaml", "\ncontacts:\n", r'^    name: .+$()'),
    "opens": ("contacts.yaml", "\ncontacts:\n", r'^      opens: (".+")$'),
    "source file": ("stages.yaml", "\nsources:\n", r"^  - file: (.+)$"),
    "partnership id": ("stages.yaml", "\npartnerships:\n", r"^  - id: (.+)$"),
    "partnership name": ("stages.yaml", "\npartnerships:\n", r"^    name: (.+)$"),
    "after partnership name": ("stages.yaml", "\npartnerships:\n", r"^    name: .+$()"),
    "form id": ("stages.yaml", "\nforms:\n", r"^  - id: (.+)$"),
    "procedure id": ("stages.yaml", "\nprocedures:\n", r"^  - id: (.+)$"),
    "procedure title": ("stages.yaml", "\nprocedures:\n", r"^    title: (.+)$"),
    "stage title": ("stages.yaml", "\nprocedures:\n", r"^        title: (.+)$"),  # a note's, or a stage's
    "stage step": ("stages.yaml", "\nprocedures:\n", r"^          - (Talk to .+)$"),
    "guidance title": ("guidance.yaml", "\nguidance:\n", r"^      title: (.+)$"),
    "guidance audience": ("guidance.yaml", "\nguidance:\n", r"^      audience: (.+)$"),
    "glossary term": ("guidance.yaml", "\nglossary:\n", r"^    term: (.+)$"),
    "glossary id": ("guidance.yaml", "\nglossary:\n", r"^  - id: (.+)$"),
    "after glossary term": ("guidance.yaml", "\nglossary:\n", r"^    term: .+$()"),
}


@dataclass(frozen=True)
class Case:
    """One hostile edit: in TARGETS[target], group 1 becomes `new` (or, for a target "whole X",
    file X becomes `new`). The problem must be reported at `at`, text looked for inside `new`
    ("^" marks the column; without one, where `at` starts); by default where `new` starts.
    `says`: fragments the message must contain."""
    id: str
    target: str
    new: str
    says: tuple
    at: str = None
    col: bool = True

    def __str__(self):
        return self.id

    @property
    def file(self):
        return self.target.split(" ", 1)[1] if self.target.startswith("whole ") else TARGETS[self.target][0]


LAUGHS = "".join(['lol0: &l0 "lol"\n'] + ["lol%d: &l%d [%s]\n" % (level, level, ", ".join(["*l%d" % (level - 1)] * 9))
                                          for level in range(1, 10)])
DEEP_FLOW = "[" * 5000 + "]" * 5000
DEEP_MAP = "{a: " * 5000 + "b" + "}" * 5000
DEEP_BLOCK = "".join("  " * level + "k%d:\n" % level for level in range(1000)) + "  " * 1000 + "end\n"
ANCHOR = ("YAML anchor", "Remove '&")
ALIAS = ("YAML alias", "Write the value out in full")
TAG = ("is a YAML tag", "write the value as plain text")
CONTROL = ("Delete it",)
ONE_LINE = ("a line break", "must stay on one line")
SURROGATE = ("lone surrogate", "write the whole character instead")
BIDI = ("right-to-left or left-to-right control", "Delete it")
PREMIUM = ("premium-rate number", "will not be published", "Check the number against the source")


def controls(target, new_for, label):
    return [Case("%s: %s in double quotes" % (label, name), target, new_for(escape), CONTROL + (described,))
            for name, escape, described in (
                ("NUL", "\\0", "NUL"), ("\\x01", "\\x01", "U+0001"), ("bell", "\\a", "U+0007"),
                ("backspace", "\\b", "U+0008"), ("tab", "\\t", "a tab"), ("vertical tab", "\\v", "vertical tab"),
                ("form feed", "\\f", "form feed"), ("carriage return", "\\r", "carriage return"),
                ("ESC clear screen", "\\e[2J\\e[H", "escape character"),
                ("OSC window title", "\\x1b]0;pwned\\x07", "escape character"),
                ("DEL", "\\x7f", "DEL"), ("C1 CSI", "\\x9b2J", "U+009B"), ("NEL", "\\N", "next-line"),
                ("line separator", "\\L", "line separator"), ("paragraph separator", "\\P", "paragraph separator"),
                ("byte-order mark", "\\ufeff", "byte-order mark"), ("non-character", "\\uffff", "U+FFFF"))]


CASES = [
    # --- what YAML can do and the data never needs: refused before anything is built ------
    Case("billion laughs (nine levels) as the whole of contacts.yaml", "whole contacts.yaml", LAUGHS, ANCHOR,
         at="&l0"),
    Case("billion laughs as the whole of stages.yaml", "whole stages.yaml", LAUGHS, ANCHOR, at="&l0"),
    Case("billion laughs as the whole of guidance.yaml", "whole guidance.yaml", LAUGHS, ANCHOR, at="&l0"),
    Case("billion laughs after the real data", "after contact name", "\n    x: &a [1, 2]\n    y: [*a, *a, *a]",
         ANCHOR, at="&a"),
    Case("anchor on a contact name", "contact name", "&name The Bridge", ANCHOR),
    Case("anchor on a list of lists", "contact lists", "&lists [salford-useful-contacts]", ANCHOR),
    Case("alias as a contact name", "contact name", "*name", ALIAS),
    Case("recursive alias", "contact lists", "&a [*a]", ANCHOR),
    Case("alias to an anchor in another file", "partnership name", "*lol", ALIAS),
    Case("bullet written with * (read as an alias)", "stage step", "*Talk to the person*", ALIAS + ("double quotes",)),
    Case("text starting with & (read as an anchor)", "contact note", "&see the source", ANCHOR + ("double quotes",)),
    Case("text starting with '& ' (an anchor with no name)", "contact note", "& see the source",
         ("YAML's own marks", "double quotes"), col=False),
    Case("merge key copying another group", "after contact name", "\n    <<: {partnership: national}",
         ("merge key", "Write the fields out in full"), at="<<"),
    Case("merge key with an alias", "after partnership name", "\n    <<: *other", ("merge key",), at="<<"),
    Case("merge key in guidance", "after glossary term", "\n    <<: {term: x}", ("merge key",), at="<<"),
    Case("tag python/name (would look up os.system)", "contact name", "!!python/name:os.system ''",
         TAG + ("!!python/name:os.system",)),
    Case("tag python/object/apply (would run a command)", "stage title",
         "!!python/object/apply:os.system ['echo pwned']", TAG),
    Case("tag python/object/new", "guidance title", "!!python/object/new:subprocess.Popen [[ls]]", TAG),
    Case("tag python/module", "contact note", "!!python/module:os", TAG),
    Case("tag !!str on a harmless value", "partnership name", "!!str Salford", TAG + ("!!str",)),
    Case("tag !!binary", "contact name", "!!binary aGVsbG8=", TAG),
    Case("tag !!set", "contact lists", "!!set {a, b}", TAG),
    Case("tag !!omap", "contact lists", "!!omap [a: 1]", TAG),
    Case("tag !!timestamp", "verified_on", "\n    verified_on: !!timestamp 2014-05-15", TAG, at="!!timestamp"),
    Case("local tag !include", "glossary term", "!include /etc/passwd", TAG + ("!include",)),
    Case("non-specific tag !", "phone label", "! Helpline", TAG),
    Case("tag on a whole file", "whole guidance.yaml", "--- !!map\nguidance: {}\n", TAG, at="!!map"),
    Case("%TAG directive and its shorthand", "whole stages.yaml", "%TAG !e! tag:example.com,2000:\n---\nx: !e!thing y\n",
         TAG, at="!e!thing"),
    Case("text starting with ! (read as a tag)", "contact note", "!important: call first", TAG + ("double quotes",)),
    Case("list as a field name", "after contact name", "\n    ? [a, b]\n    : c", ("A field name here is a list",),
         at="[a, b]"),
    Case("group as a field name", "after contact name", "\n    ? {a: 1}\n    : c", ("A field name here is a list",),
         at="{a: 1}"),
    Case("flow list as a field name", "after glossary term", "\n    [a, b]: c", ("A field name here is a list",),
         at="[a, b]"),
    Case("number as a field name", "after contact name", "\n    12: twelve", ("field name '12' is not a word",
                                                                            "a number"), at="12"),
    Case("null as a field name", "after contact name", "\n    ~: nothing", ("is not a word", "empty"), at="~"),
    Case("yes as a field name (YAML 1.1 true)", "after partnership name", "\n    yes: please",
         ("is not a word", "true/false"), at="yes"),
    Case("empty quoted field name", "after glossary term", '\n    "": nothing', ("field name here is empty",),
         at='""'),
    Case("field written twice", "after contact name", "\n    name: Again", ("written twice",), at="name: Again"),
    Case("a second document in the file", "whole guidance.yaml", "guidance: {}\n---\nglossary: []\n",
         ("second document", "remove the line"), at="---"),
    # --- sizes no real data comes near --------------------------------------------------------
    Case("5,000-deep flow list", "contact lists", DEEP_FLOW, ("nested more than 20 deep",), col=False),
    Case("5,000-deep flow mapping", "partnership name", DEEP_MAP, ("nested more than 20 deep",), col=False),
    Case("1,000-deep block mapping", "whole contacts.yaml", DEEP_BLOCK, ("nested more than 20 deep",),
         at="  " * 20 + "^k20"),
    Case("21 deep, one past the limit", "whole guidance.yaml", "x: " + "[" * 20 + "]" * 20,
         ("nested more than 20 deep",), at="x: " + "[" * 19 + "^["),
    Case("one-megabyte contact name", "contact name", '"%s"' % ("A" * 1000000),
         ("characters long", "more than the 20000 allowed")),
    Case("one-megabyte phone number", "front door number", '"%s"' % ("0161 603 4500 " * 75000),
         ("characters long",)),
    Case("30,000-character plain value", "glossary term", "x" * 30000, ("characters long",)),
    Case("5,000-digit number", "contact name", "1" * 5000, ("cannot be read as a value", "double quotes")),
    # A maintainer's typo in an unquoted date: YAML's own date reading fails, and the message says
    # it is the date that is wrong (a tester was told only that it "cannot be read as a value").
    Case("unquoted date with no such day", "verified_on", "\n    verified_on: 2026-13-45",
         ("'2026-13-45' is not a real date", "YYYY-MM-DD", "double quotes"), at="2026-13-45"),
    Case("200-character phone number is quoted short in the message", "front door number", '"%s"' % ("0" * 200),
         ("is not a valid UK phone number", "more characters)")),
    Case("id of 5,000 letters is quoted short in the message", "procedure id", "a" * 4999 + "!",
         ("should be an id", "more characters)")),
    # --- characters YAML itself does not allow in a file --------------------------------------
    *[Case("raw %s in a value" % name, "contact name", "The %sBridge" % char, ("YAML does not allow", described),
           at="The ^%s" % char)
      for name, char, described in (("NUL", "\x00", "NUL"), ("\\x01", "\x01", "U+0001"),
                                    ("vertical tab", "\x0b", "vertical tab"), ("form feed", "\x0c", "form feed"),
                                    ("ESC", "\x1b[2J", "escape character"), ("DEL", "\x7f", "DEL"),
                                    ("backspace", "\x08", "U+0008"), ("C1 CSI", "\x9b", "U+009B"),
                                    ("non-character U+FFFE", "\ufffe", "U+FFFE"))],
    Case("raw NUL in stages.yaml", "stage title", "Practitioner\x00", ("NUL",), at="Practitioner^\x00"),
    Case("raw ESC in guidance.yaml", "guidance audience", "Anyone\x1b[31m", ("escape character",),
         at="Anyone^\x1b"),
    # --- characters the data may not hold, however they are written ---------------------------
    *controls("contact name", lambda escape: '"The Bridge%s Partnership"' % escape, "contact name"),
    *controls("stage title", lambda escape: '"Practice%s Manager"' % escape, "stage title"),
    Case("raw tab inside a plain value", "contact name", "The\tBridge", ("has a tab in it",), at="The^\t"),
    Case("raw right-to-left override in a plain value", "contact name", "The \u202eBridge", BIDI),
    Case("raw left-to-right isolate", "partnership name", "Salford\u2066", BIDI),
    Case("raw right-to-left mark", "glossary term", "Asset\u200f-based", BIDI),
    Case("right-to-left override escaped", "stage title", '"Practice \\u202eManager"', BIDI),
    Case("left-to-right override escaped", "guidance title", '"Support \\u202d"', BIDI),
    Case("pop directional formatting", "procedure title", '"A title\\u202c"', BIDI),
    Case("first strong isolate", "phone label", '"Helpline \\u2068"', BIDI),
    Case("Arabic letter mark", "contact note", '"See \\u061c"', BIDI),
    Case("right-to-left override in the front door's number", "front door number", '"0161 603 \\u202e0054"', BIDI),
    Case("left-to-right mark in an email address", "email", '"worried\\u200e@salford.gov.uk"', BIDI),
    Case("lone high surrogate in a name", "contact name", '"The Bridge \\ud800"', SURROGATE),
    Case("lone low surrogate in a stage title", "stage title", '"\\udfff"', SURROGATE),
    Case("surrogate pair written as two escapes", "glossary term", '"Smile \\ud83d\\ude00"', SURROGATE),
    Case("lone surrogate in an id", "procedure id", '"salford\\ud800"', SURROGATE),
    Case("lone surrogate as a field name", "after contact name", '\n    "na\\ud800me": x',
         ("This field name contains", "lone surrogate"), at='"na'),
    Case("escape character in a field name", "after glossary term", '\n    "te\\x1brm": x',
         ("This field name contains", "escape character"), at='"te'),
    Case("escape naming no character", "contact name", '"\\U0011ffff"', ("Unicode has none with that number",),
         at='"^\\U0011ffff'),
    Case("unknown escape \\q", "contact name", '"a \\q b"', ("escape YAML does not know",), col=False),
    Case("escape cut short \\x0", "stage title", '"a \\x0"', ("must start a valid escape",), col=False),
    # --- ids and other one-line values: the whole text must match ------------------------------
    Case("partnership id ending in a newline (publishes a folder wigan\\n/)", "partnership id", '"salford\\n"',
         ONE_LINE),
    Case("contact id ending in a newline (publishes a file name with a newline)", "contact id",
         '"emergency-999\\n"', ONE_LINE),
    Case("procedure id ending in a newline", "procedure id", '"salford-vcse\\n"', ONE_LINE),
    Case("form id ending in a newline", "form id", '"salford-escalation-notice\\n"', ONE_LINE),
    Case("list id ending in a newline", "list id", '"salford-useful-contacts\\n"', ONE_LINE),
    Case("glossary id ending in a newline", "glossary id", '"asset-based-approaches\\n"', ONE_LINE),
    Case("id written as a literal block keeps its newline", "procedure id", "|\n      salford-vcse",
         ("should be an id", "\\x0a")),
    Case("id written as a folded block", "partnership id", ">\n      salford", ONE_LINE),
    Case("source file name ending in a newline", "source file", '"salford-vcse-joint-working-protocol.md\\n"',
         ONE_LINE),
    Case("verified_on ending in a newline", "verified_on", '\n    verified_on: "2015-01\\n"', ONE_LINE, at='"2015-01'),
    Case("opening time ending in a newline", "opens", '"08:30\\n"', ONE_LINE),
    Case("contact name with a newline in quotes", "contact name", '"The Bridge\\nPartnership"', ONE_LINE),
    Case("number with a newline (would forge a line in check)", "front door number",
         '"0161 603 4500\\ndata/contacts.yaml:1:1: all fine"', ONE_LINE),
    Case("id with a trailing space", "procedure id", '"salford-vcse "', ("should be an id",)),
    Case("id with a Cyrillic letter that looks Latin", "procedure id", "s\u0430lford-vcse",
         ("mixes letters of different alphabets", "Cyrillic")),
    Case("id with a full-width digit", "glossary id", "asset\uff11", ("a digit that only looks like ours",)),
    # --- phone numbers a safeguarding contact cannot have ---------------------------------------
    Case("front door changed to a premium-rate 0909 number", "front door number", '"0909 879 0000"', PREMIUM),
    Case("front door changed to a premium-rate 0906 number", "front door number", '"0906 123 4567"', PREMIUM),
    Case("premium-rate number written +44", "front door number", '"+44 909 879 0000"', PREMIUM),
    Case("service number 0871", "front door number", '"0871 123 4567"', ("service number", "will not be published")),
    Case("service number 0845", "front door number", '"0845 123 4567"', ("service number",)),
    Case("personal number 070 looking like a mobile", "front door number", '"0700 123 4567"',
         ("personal number", "Mobiles start")),
    Case("pager number 076", "front door number", '"07640 123456"', ("pager number",)),
    Case("internet number 056", "front door number", '"0560 123 4567"', ("internet phone number",)),
    Case("directory enquiries short code 118 118", "front door number", '"118118"',
         ("not one of the short numbers", "999, 112, 101, 111")),
    Case("Samaritans' short code as a contact number", "front door number", '"116 123"',
         ("not one of the short numbers",)),
    Case("NUL inside a number", "front door number", '"0161 603\\x004500"', CONTROL + ("NUL",)),
]

# The files themselves: (id, file, what to do to the copy, fragments, line, col).
def _folder(path):
    path.unlink()
    path.mkdir()


def _link(path):
    path.unlink()
    path.symlink_to(DATA / "guidance.yaml")


def _pipe(path):
    path.unlink()
    os.mkfifo(path)


def _huge(path):
    with open(path, "ab") as handle:
        handle.write(b"# padding\n" * (yaml_limits.MAX_FILE_BYTES // 10 + 1))


def _latin1(path):
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("Salford", "Salf\u00f6rd", 1).encode("latin-1", "replace"))


def _surrogate_bytes(path):
    raw = path.read_bytes()
    index = raw.index(b"\ncontacts:\n") + 1
    path.write_bytes(raw[:index] + b"# \xed\xa0\x80\n" + raw[index:])


def _empty(path):
    path.write_text("")


def _comment_only(path):
    path.write_text("# nothing here\n")


def _a_list(path):
    path.write_text("- one\n- two\n")


def _a_word(path):
    path.write_text("hello\n")


def _where(path, needle, offset):
    """(line, col) of the byte `offset` bytes into `needle` in the file (ASCII before it on its line)."""
    raw = path.read_bytes()
    index = raw.index(needle) + offset
    return raw[:index].count(b"\n") + 1, index - (raw.rfind(b"\n", 0, index) + 1) + 1


FILES = [
    ("stages.yaml is a folder", "stages.yaml", _folder, ("This is a folder, not a file",), 1, 1),
    ("contacts.yaml is a link to another file", "contacts.yaml", _link, ("link to another file",), 1, 1),
    ("guidance.yaml is a named pipe (reading it would hang)", "guidance.yaml", _pipe, ("not an ordinary file",), 1, 1),
    ("contacts.yaml bigger than the limit", "contacts.yaml", _huge, ("more than the 8 MB",), 1, 1),
    ("stages.yaml saved as Latin-1", "stages.yaml", _latin1, ("not saved as UTF-8",), b"Salf\xf6rd", 4),
    ("contacts.yaml with a surrogate encoded in UTF-8", "contacts.yaml", _surrogate_bytes, ("not saved as UTF-8",),
     b"# \xed", 2),
    ("guidance.yaml empty", "guidance.yaml", _empty, ("should hold groups of fields", "it is empty"), 1, 1),
    ("guidance.yaml only a comment", "guidance.yaml", _comment_only, ("should hold groups of fields",), 1, 1),
    ("stages.yaml a list", "stages.yaml", _a_list, ("should hold groups of fields", "it is a list"), 1, 1),
    ("contacts.yaml one word", "contacts.yaml", _a_word, ("should hold groups of fields", "it is text"), 1, 1),
    ("guidance.yaml deleted", "guidance.yaml", lambda path: path.unlink(), ("This file is missing",), 1, 1),
]


# ---------------------------------------------------------------------------------------
# Running a case
# ---------------------------------------------------------------------------------------

def edit(data_dir, case):
    """Make the edit; return (edited text, start, end) of the replacement."""
    path = data_dir / case.file
    if case.target.startswith("whole "):
        path.write_text(case.new, encoding="utf-8")
        return case.new, 0, len(case.new)
    _, after, pattern = TARGETS[case.target]
    text = path.read_text(encoding="utf-8")
    assert text.count(after) == 1, "%s: %r should occur once in %s" % (case.id, after, case.file)
    found = re.compile(pattern, re.M).search(text, text.index(after))
    assert found, "%s: nothing matches %r in %s" % (case.id, pattern, case.file)
    start, end = found.span(1)
    edited = text[:start] + case.new + text[end:]
    path.write_text(edited, encoding="utf-8", newline="")
    return edited, start, start + len(case.new)


def position(text, start, end, at):
    """(line, col) counted from 1 of `at` inside text[start:end] ("^" marks the column)."""
    offset = at.index("^") if "^" in at else 0
    needle = at.replace("^", "")
    index = text.find(needle, start, end)
    assert index >= 0, "cannot find %r in the edit" % needle
    return yaml_limits.position(text, index + offset)


_parsed = {}
real_load = yamlmarks.load


def load_once(file, text):
    """yamlmarks.load, remembering successful loads of text seen before: each case edits one
    file, so the other two are parsed once for the whole suite. The edited file is always
    parsed afresh (its text is new), and only successes are remembered."""
    if text not in _parsed:
        _parsed[text] = real_load(file, text)
    marked = copy.copy(_parsed[text])
    marked.file = file
    return marked


_schema_errors = {}
real_validator = validate.Validator


class ValidateOnce:
    """validate.Validator, remembering the schema errors of data seen before: the unchanged
    files' data comes from load_once, the same objects every time, so they are checked against
    their schema once for the whole suite."""

    def __init__(self, schema):
        self.name = schema.get("$id")
        self.inner = real_validator(schema)

    def iter_errors(self, data):
        key = (self.name, id(data))
        if key not in _schema_errors:
            _schema_errors[key] = (data, list(self.inner.iter_errors(data)))  # data kept, so its id stays its own
        return iter(_schema_errors[key][1])


@dataclass
class Outcome:
    code: int
    lines: list
    seconds: float
    wall: float
    build_message: str = ""
    problems: list = field(default_factory=list)


def run_check(data_dir, capsys, monkeypatch):
    """`check` in-process, then the site build's loader on the same folder (it reuses the one
    validate.check result: check is a pure function of the files, which do not change)."""
    from mkdocs.exceptions import Abort

    import mkdocs_hooks
    results = {}
    real_check = validate.check

    def check_once(folder, *args, **kwargs):
        key = str(Path(folder).resolve())
        if key not in results:
            results[key] = real_check(folder, *args, **kwargs)
        return results[key]

    monkeypatch.setattr(yamlmarks, "load", load_once)
    monkeypatch.setattr(validate, "Validator", ValidateOnce)
    monkeypatch.setattr(validate, "check", check_once)
    monkeypatch.setenv("STILLWORRIED_DATA", str(data_dir))
    capsys.readouterr()
    began, cpu = time.perf_counter(), time.process_time()
    code = cli.main(["--data", str(data_dir), "check", "--today", TODAY])
    seconds, wall = time.process_time() - cpu, time.perf_counter() - began
    output = capsys.readouterr()
    assert output.err == ""
    with pytest.raises(Abort) as stopped:
        mkdocs_hooks.load_bundle()
    return Outcome(code, output.out.splitlines(), seconds, wall, str(stopped.value),
                   results[str(Path(data_dir).resolve())][0])


def assert_refused(outcome, data_dir, file, line, col, says):
    shown = validate.display_path(data_dir / file)
    errors = [row for row in outcome.lines[:-1] if ": warning: " not in row]
    summary = outcome.lines[-1]
    assert outcome.code == 1, "\n".join(outcome.lines)
    assert re.match(r"^\d+ problems? found\. Nothing can be published", summary), summary
    assert outcome.seconds < SECONDS and outcome.wall < WALL_SECONDS, "took %.1f s" % outcome.seconds
    prefix = "%s:%d:" % (shown, line) if col is None else "%s:%d:%d: " % (shown, line, col)
    if line is None:
        prefix = shown + ":"
    hits = [row for row in errors if row.startswith(prefix)]
    assert hits, "expected a problem at %s, got:\n%s" % (prefix, "\n".join(errors))
    matching = [row for row in hits if all(fragment in row for fragment in says)]
    assert matching, "no message at %s says %r:\n%s" % (prefix, says, "\n".join(hits))
    for row in errors:
        assert re.match(r"^%s/(stages|contacts|guidance)\.yaml:[1-9][0-9]*:[1-9][0-9]*: \S"
                        % re.escape(validate.display_path(data_dir)), row), row
        assert len(row) <= 1500, "a message of %d characters" % len(row)
        assert not text_policy.FORBIDDEN.search(row), "a character that acts in a terminal: %r" % row
        for word in JARGON:
            assert word not in row, "%r in: %s" % (word, row)
        assert any(word.lower() in row.lower() for word in ACTIONS), "nothing to act on in: %s" % row
    # The build stops with the same messages (mkdocs' Abort prints them without a traceback).
    assert outcome.build_message.startswith("The data has problems, so the site was not built:")
    assert matching[0] in outcome.build_message.splitlines()


@pytest.mark.parametrize("case", CASES, ids=str)
@pytest.mark.slow  # a sweep: every case through the whole check
def test_hostile_yaml_is_refused_at_its_line(case, tmp_path, capsys, monkeypatch):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA, data_dir)
    text, start, end = edit(data_dir, case)
    line, col = position(text, start, end, case.at or case.new[:1])
    outcome = run_check(data_dir, capsys, monkeypatch)
    assert_refused(outcome, data_dir, case.file, line, col if case.col else None, case.says)


@pytest.mark.parametrize("name, file, make, says, line, col", FILES, ids=[row[0] for row in FILES])
@pytest.mark.sources  # check's output says whether the documents were checked
def test_a_data_file_that_is_not_a_plain_file_is_refused(name, file, make, says, line, col, tmp_path, capsys,
                                                           monkeypatch):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA, data_dir)
    path = data_dir / file
    make(path)
    if isinstance(line, bytes):
        line, col = _where(path, line, col)
    outcome = run_check(data_dir, capsys, monkeypatch)
    assert_refused(outcome, data_dir, file, line, col, says)


def test_there_are_over_a_hundred_cases_with_distinct_names():
    names = [case.id for case in CASES] + [row[0] for row in FILES]
    assert len(names) >= 100
    assert len(set(names)) == len(names)


def test_every_target_is_found_once_in_the_real_data():
    for target, (file, after, pattern) in TARGETS.items():
        text = (DATA / file).read_text(encoding="utf-8")
        assert text.count(after) == 1, target
        assert re.compile(pattern, re.M).search(text, text.index(after)), target


def test_billion_laughs_answers_in_well_under_a_second():
    """Nine levels of nine: fully expanded, 9**9 (387 million) strings. Refused at the first anchor."""
    began, cpu = time.perf_counter(), time.process_time()
    with pytest.raises(yamlmarks.Problem) as refused:
        yamlmarks.load("data/contacts.yaml", LAUGHS)
    assert time.process_time() - cpu < 0.5 and time.perf_counter() - began < 5
    assert (refused.value.line, refused.value.col) == (1, 7)


def test_a_byte_order_mark_at_the_start_of_a_file_is_fine(tmp_path):
    """Windows editors save one; it is not part of the text."""
    data_dir = tmp_path / "data"
    shutil.copytree(DATA, data_dir)
    path = data_dir / "guidance.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlmarks, "load", load_once)
        problems, _ = validate.check(data_dir)
    assert [str(problem) for problem in problems] == []


def test_multi_line_text_written_as_a_block_may_hold_newlines(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA, data_dir)
    edit(data_dir, Case("block", "contact note", "|\n      First line.\n      Second line.", ()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlmarks, "load", load_once)
        problems, files = validate.check(data_dir)
    assert [str(problem) for problem in problems] == []
    notes = [c.get("note") for c in files["contacts.yaml"].data["contacts"]]
    assert "First line.\nSecond line.\n" in notes


# ---------------------------------------------------------------------------------------
# The same through the real command line and the real site build
# ---------------------------------------------------------------------------------------

REAL = ("billion laughs (nine levels) as the whole of contacts.yaml", "raw NUL in a value",
        "tag python/name (would look up os.system)", "lone high surrogate in a name",
        "stage title: ESC clear screen in double quotes",
        "number with a newline (would forge a line in check)",
        "front door changed to a premium-rate 0909 number")


def hostile_copy(tmp_path, name):
    case = next(case for case in CASES if case.id == name)
    data_dir = tmp_path / "data"
    shutil.copytree(DATA, data_dir)
    text, start, end = edit(data_dir, case)
    return case, data_dir, position(text, start, end, case.at or case.new[:1])


@pytest.mark.parametrize("name", REAL)
def test_the_real_check_command_refuses_it(name, tmp_path):
    case, data_dir, (line, col) = hostile_copy(tmp_path, name)
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "stillworried", "--data", str(data_dir), "check",
                             "--today", TODAY], cwd=ROOT, capture_output=True, text=True, timeout=60)
    seconds = time.perf_counter() - began
    assert result.stderr == ""
    errors = [row for row in result.stdout.splitlines()[:-1] if ": warning: " not in row]
    assert result.returncode == 1, result.stdout
    assert any(row.startswith("%s:%d:%d: " % (validate.display_path(data_dir / case.file), line, col))
               and all(fragment in row for fragment in case.says) for row in errors), result.stdout
    assert not text_policy.FORBIDDEN.search(result.stdout.replace("\n", ""))
    assert seconds < WALL_SECONDS  # the clock's time, with a fresh interpreter's start-up on top


def test_github_format_cannot_be_forged_by_a_newline_in_a_number(tmp_path):
    case, data_dir, (line, col) = hostile_copy(tmp_path, "number with a newline (would forge a line in check)")
    result = subprocess.run([sys.executable, "-m", "stillworried", "--data", str(data_dir), "check",
                             "--format", "github", "--today", TODAY], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    commands = [row for row in result.stdout.splitlines() if row.startswith("::error ")]
    assert commands and all("line=%d" % line in row for row in commands), result.stdout
    assert not any(row.startswith("data/contacts.yaml:1:1") for row in result.stdout.splitlines())


@pytest.mark.parametrize("command", [["next", "wigan", "--stage", "1", "--since", TODAY], ["diff", "HEAD"]])
def test_next_and_diff_refuse_hostile_data_without_a_traceback(command, tmp_path):
    case, data_dir, (line, col) = hostile_copy(tmp_path, "billion laughs (nine levels) as the whole of contacts.yaml")
    result = subprocess.run([sys.executable, "-m", "stillworried", "--data", str(data_dir)] + command, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "%s:%d:%d: " % (validate.display_path(data_dir / "contacts.yaml"), line, col) in result.stderr


@pytest.mark.parametrize("name", ["billion laughs (nine levels) as the whole of contacts.yaml",
                                  "partnership id ending in a newline (publishes a folder wigan\\n/)"])
@pytest.mark.slow  # the real mkdocs build, in its own process
def test_the_real_site_build_refuses_it(name, tmp_path):
    from tests.site_support import build_site
    case, data_dir, (line, col) = hostile_copy(tmp_path, name)
    result = build_site(tmp_path / "site", data_dir=data_dir)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "%s:%d:%d: " % (validate.display_path(data_dir / case.file), line, col) in output
    assert not (tmp_path / "site" / "index.html").exists()


# ---------------------------------------------------------------------------------------
# libyaml's fast parser and PyYAML's own give the same tree
# ---------------------------------------------------------------------------------------

SAME_TREE = {
    "plain scalar over lines": "a: one\n  two\n\n  three\nb: x\n",
    "folded blocks": "a: >\n  one\n  two\n\n  three\n\n    indented\n  end\nb: >-\n  x\n  y\n",
    "literal blocks": "a: |+\n  one\n\n\nb: |-\n  x\n",
    "double-quoted escapes": 'a: "tab\\tnl\\nuni\\u00e9 \\x41 \\\\ \\" end"\nb: "multi\n  line\n\n  para"\n',
    "single quotes": "a: 'it''s'\nb: 'multi\n  line'\n",
    "columns after non-ASCII text": "a: \u201cquoted\u201d \u2013 dash\nb: \u00e9: x\n",
    "Windows line ends": "a: 1\r\nb: two\r\nc:\r\n  - x\r\n",
    "raw next-line character": "a: one\x85two\nb: x\n",
    "raw line separator": "a: one\u2028two\nb: x\n",
    "byte-order mark": "\ufeffa: 1\n",
    "flow collections": "a: {b: [1, 2, {c: d}], e: 'f'}\n",
    "numbers, booleans, null, times": "a: 0x1F\nb: yes\nc: ~\nd: 1:30\ne: 08:30\n",
    "a tab (PyYAML refuses it between words)": "a:\tb\n",
    "a merge key": "a:\n  <<: {b: c}\n",
}


def tree(text, fast):
    saved = yamlmarks._FastLimitedLoader
    if not fast:
        yamlmarks._FastLimitedLoader = None
    try:
        marked = yamlmarks.load("data/x.yaml", text)
        return (marked.data, marked._values, marked._keys, marked._plain, marked._written, marked._styles)
    except yamlmarks.Problem as problem:
        return str(problem)
    finally:
        yamlmarks._FastLimitedLoader = saved


@pytest.mark.skipif(yamlmarks._FastLimitedLoader is None, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize("name", list(SAME_TREE) + list(DATA_FILES))
def test_the_fast_parser_and_pyyaml_give_the_same_tree(name):
    text = (DATA / name).read_text(encoding="utf-8") if name in DATA_FILES else SAME_TREE[name]
    assert tree(text, fast=True) == tree(text, fast=False)
