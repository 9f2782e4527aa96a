"""Issue 23: text that does not read as it looks, lists too long to check, and dates and states
that cannot be true, each refused by `check` and the build at its line (tests/data/hostile_edits.py
runs them).

- Text (stillworried/text_policy.py): invisible format characters (Unicode's Cf: zero-width
  spaces and joiners, word joiners, soft hyphens, tag characters), blank-looking names, words
  mixing alphabets, digits of other scripts, letters under piles of combining marks.
- Limits (stillworried/yaml_limits.py): a list or group longer than any real data has, refused as
  it is read, with the limit in the message, and within seconds (the issue's form of 200,000
  fields kept the build busy for minutes).
- Dates (stillworried/validation/dates.py): a review decades after its document, a check of a
  contact before its document or in the future, an office that closes before it opens.
"""
import time
import unicodedata

import pytest

from tests.data.hostile_edits import Edit, ids, refused
from stillworried import text_policy, yaml_limits

NAME = "    name: Salford CVS\n"
TITLE = "        title: Practice Manager\n"
TERM = "    term: Asset-based approaches\n"
INVISIBLE = ("Delete it",)
BLANK = ("is blank", "which show nothing")
MIXED = ("mixes letters of different alphabets",)


def name(case_id, written, says):
    return Edit(case_id, "contacts.yaml", NAME, "    name: %s\n" % written, says, at=written)


def title(case_id, written, says):
    return Edit(case_id, "stages.yaml", TITLE, "        title: %s\n" % written, says, at=written)


def term(case_id, written, says):
    return Edit(case_id, "guidance.yaml", TERM, "    term: %s\n" % written, says, at=written)


TEXT = [
    name("a zero-width space in a name", '"Salford\\u200bCVS"', INVISIBLE + ("zero-width space",)),
    name("a raw zero-width space in a name", "Salford\u200b CVS", INVISIBLE + ("zero-width space",)),
    title("a zero-width joiner in a stage title", '"Practice\\u200dManager"', INVISIBLE + ("zero-width joiner",)),
    term("a zero-width non-joiner in a glossary term", '"Asset\\u200c-based approaches"',
         INVISIBLE + ("zero-width non-joiner",)),
    name("a word joiner in a name", '"Salford\\u2060 CVS"', INVISIBLE + ("word joiner",)),
    name("a soft hyphen in a name", '"Sal\\u00adford CVS"', INVISIBLE + ("soft hyphen",)),
    name("tag characters hiding words in a name", '"Salford CVS\\U000e0069\\U000e0067\\U000e006e"',
         INVISIBLE + ("tag character",)),
    title("an invisible times in a stage title", '"Practice\\u2062Manager"', INVISIBLE + ("invisible times",)),
    term("a function application in a glossary term", '"Asset\\u2061based"', INVISIBLE),
    name("an Arabic number sign in a name", '"\\u0600Salford CVS"', INVISIBLE),
    name("an interlinear annotation in a name", '"Salford \\ufff9CVS\\ufffb"', INVISIBLE),
    name("a Mongolian vowel separator in a name", '"Salford\\u180eCVS"', INVISIBLE + ("Mongolian vowel separator",)),
    name("a name that is one no-break space", '"\\u00a0"', BLANK + ("no-break space",)),
    name("a name that is a Hangul filler", '"\\u3164"', BLANK + ("hangul filler",)),
    name("a name that is a blank Braille pattern", '"\\u2800"', BLANK),
    name("a name that is ideographic spaces", '"\\u3000\\u3000"', BLANK),
    name("a name that is one space", '" "', BLANK),
    title("a stage title that is a half-width Hangul filler", '"\\uffa0"', BLANK),
    name("a Cyrillic capital Ve in 'Bridge'", "The \u0412ridge Partnership", MIXED + ("Cyrillic and Latin",)),
    name("a Cyrillic small a in 'Salford'", "S\u0430lford CVS", MIXED + ("Cyrillic",)),
    name("a Greek capital Beta in 'Bridge'", "The \u0392ridge", MIXED + ("Greek",)),
    title("a full-width letter in a stage title", "\uff30ractice Manager", MIXED + ("Fullwidth",)),
    term("a mathematical bold letter in a glossary term", "\U0001d400sset-based approaches", MIXED),
    title("a Cherokee letter that looks like a Latin one", "Practice Manag\u13acr", MIXED + ("Cherokee",)),
    name("5,000 combining marks on a name", '"S%salford CVS"' % ("\\u0301" * 5000),
         ("accents or other marks stacked on one letter",)),
    title("three accents on one letter", '"Pra\\u0301\\u0300\\u0302ctice Manager"', ("stacked on one letter",)),
    term("a full-width digit in a glossary term", "Asset-based approaches \uff12", ("a digit that only looks like",)),
]


def many_fields(count):
    return "".join("      - Field %d\n" % index for index in range(count))


FIELDS_END = "      - Who has a copy of this notice been sent to?\n    send_to: [salford-sscb-business-manager]\n    source: {file: salford-sscb"
LIMITS = [
    Edit("a form with 200,000 fields", "stages.yaml", FIELDS_END, many_fields(200000) + FIELDS_END,
         ("more than %d items" % yaml_limits.MAX_ITEMS, "the most a list may have here"),
         at="      - ^Field %d\n" % (yaml_limits.MAX_ITEMS - 6)),  # after the form's own 6
    Edit("a form with one field too many", "stages.yaml", FIELDS_END,
         many_fields(yaml_limits.MAX_ITEMS - 6) + FIELDS_END, ("more than %d items" % yaml_limits.MAX_ITEMS,),
         at="      - ^Who has a copy of this notice been sent to?\n    send_to: [salford-sscb-business-manager]\n"
            "    source: {file: salford-sscb"),
    Edit("a stage with 5,000 steps", "stages.yaml", "          - Identify clearly what the problem is",
         "".join("          - Step %d.\n" % index for index in range(5000)) + "          - Identify clearly what the "
         "problem is", ("more than %d items" % yaml_limits.MAX_ITEMS,),
         at="          - ^Step %d.\n" % (yaml_limits.MAX_ITEMS - 1)),
    Edit("a contact with 100,000 made-up fields", "contacts.yaml", NAME,
         NAME + "".join("    x%d: y\n" % index for index in range(100000)),
         ("more than %d items" % yaml_limits.MAX_ITEMS,), at="    ^x%d: y\n" % (yaml_limits.MAX_ITEMS - 2)),
    Edit("a list of 50,000 contacts a stage names", "stages.yaml",
         "contacts: [salford-bridge, salford-quality-assurance-unit-jwp]",
         "contacts: [%s]" % ", ".join(["salford-bridge"] * 50000), ("more than %d items" % yaml_limits.MAX_ITEMS,),
         at="contacts: [" + "salford-bridge, " * yaml_limits.MAX_ITEMS + "^salford-bridge", col=True),
]

NEW_CONTACT = """  - id: salford-qa-unit-checked
    name: Safeguarding and Quality Assurance Unit (as checked)
    organisation: Salford City Council
    partnership: salford
    phones:
      - number: "0161 603 4350"
        sources:
          - file: salford-sscb-escalation-procedure-2014.md
            section: "3.2"
    lists: [salford-useful-contacts]
    verified_on: "%s"
    sources:
      - file: salford-sscb-escalation-procedure-2014.md
        section: "3.2"

  - id: wigan-cafcass
"""
WIGAN_ROLE = "    role: Learning and Improvement Lead (temp)\n"


def checked_on(case_id, day, says):
    return Edit(case_id, "contacts.yaml", "  - id: wigan-cafcass\n", NEW_CONTACT % day, says, at='"%s"' % day)


VCSE_STATUS = '    status: lapsed\n    review_due: "2016-01"\n'
SSCB_STATUS = '    status: lapsed\n    review_due: "2016-05-15"\n'
HOURS = '      opens: "08:30"\n      closes: "17:00"\n'
DATES = [
    checked_on("verified_on 1900-01-01", "1900-01-01", ("before salford-sscb-escalation-procedure-2014.md was "
                                                        "published (15 May 2014)",)),
    checked_on("verified_on a document's month, not the day of a check", "2014-05",
               ("'verified_on' should be the day you checked", "never a document's month or date")),
    checked_on("verified_on the day before its document", "2014-05-14", ("before salford-sscb-escalation",)),
    checked_on("verified_on in the future", "2099-01-01", ("which is after today",)),
    Edit("verified_on 1999 on a contact whose document is undated", "contacts.yaml", WIGAN_ROLE,
         WIGAN_ROLE + '    verified_on: "1999-01-01"\n', ("before the oldest source document",), at='"1999-01-01"'),
    Edit("a lapsed 2015 protocol marked current with a review in 2099", "stages.yaml", VCSE_STATUS,
         '    status: current\n    review_due: "2099-01"\n', ("more than 3 years after the document's date",),
         at='"2099-01"'),
    Edit("a review date in 2099 on a lapsed protocol", "stages.yaml", VCSE_STATUS,
         '    status: lapsed\n    review_due: "2099-12-31"\n', ("more than 3 years after",), at='"2099-12-31"'),
    Edit("a review date before the document's own", "stages.yaml", SSCB_STATUS,
         '    status: lapsed\n    review_due: "2013-05-15"\n', ("before the document's own date",),
         at='"2013-05-15"'),
    Edit("a 2015 protocol marked current with its review date taken out", "stages.yaml", VCSE_STATUS,
         "    status: current\n", ("marked current, but it has no 'review_due'",), at="current"),
    Edit("a review date in 2099 on an undated protocol", "stages.yaml", "  - id: wigan\n    partnership: wigan\n",
         '  - id: wigan\n    partnership: wigan\n    review_due: "2099-01-01"\n', ("more than 3 years after today",),
         at='"2099-01-01"'),
    Edit("a document dated in the future", "stages.yaml", '    date: "2015-01"\n', '    date: "2099-01"\n',
         ("after today",), at='"2099-01"'),
    Edit("an office that closes before it opens", "contacts.yaml", HOURS,
         '      opens: "08:30"\n      closes: "05:00"\n', ("closes at 05:00, before it opens (08:30)",),
         at='"05:00"'),
    Edit("an office that opens and closes at the same minute", "contacts.yaml", HOURS,
         '      opens: "08:30"\n      closes: "08:30"\n', ("closes at 08:30, when it opens",),
         at='closes: ^"08:30"'),
    Edit("an office that closes at midnight before it opens", "contacts.yaml", HOURS,
         '      opens: "08:30"\n      closes: "00:00"\n', ("before it opens",), at='"00:00"'),
]

CASES = TEXT + LIMITS + DATES


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
@pytest.mark.slow  # a sweep: every case through the whole check
def test_what_cannot_be_true_is_refused(case, tmp_path, capsys, monkeypatch):
    outcome = refused(case, tmp_path, capsys, monkeypatch)
    assert outcome.seconds < 5  # the check's own time (the processor's), whatever the list's length


def test_the_format_characters_are_all_of_unicodes():
    """text_policy.FORMAT names every character Unicode gives the category Cf (as far as this
    Python's Unicode knows), so none can slip between the ranges."""
    missing = [hex(point) for point in range(0x110000)
               if unicodedata.category(chr(point)) == "Cf" and not text_policy.FORBIDDEN.match(chr(point))]
    assert missing == []


def test_ordinary_text_from_the_real_world_is_fine():
    for text in ("Café crème", "Naïve résumé", "\u00a0non-breaking\u00a0spaces and an emoji \U0001f600",
                 "Māori and Cymraeg: ŵ ŷ", "Ukrainian: Київ", "Greek: Αθήνα", "Vietnamese: Việt",
                 "0161 603 4500", "5 working days"):
        assert text_policy.unreadable(text) is None, text
        assert text_policy.problem_in(text) is None, text


def test_a_hostile_list_is_refused_as_it_is_read():
    """The refusal comes at the first item past the limit: the rest is never read."""
    text = "forms:\n  - id: x\n    fields:\n" + many_fields(200000)
    began = time.process_time()
    with pytest.raises(Exception) as stopped:
        __import__("stillworried.yamlmarks", fromlist=["load"]).load("data/stages.yaml", text)
    assert "more than %d items" % yaml_limits.MAX_ITEMS in str(stopped.value)
    assert time.process_time() - began < 2
