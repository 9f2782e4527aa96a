"""Seeded mistakes: copy data/, make ONE mistake a maintainer could make, and check that
`python -m stillworried check` says exactly what is wrong, in which file, on which line and
column, in words a non-programmer can act on.

Each mistake is a precise textual edit of one data file. The text being replaced must occur
exactly once, so when the data changes these tests fail loudly instead of quietly testing
nothing. The expected line and column are worked out from the edited text, never typed in.
"""
import copy
import datetime
import re
from collections import Counter
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.source_copies import record_fingerprints, sources_copy
from stillworried import data_warnings, validate, yamlmarks

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
FILES = ("stages.yaml", "contacts.yaml", "guidance.yaml")
JARGON = ("Traceback", "KeyError", "NoneType", "dict", "jsonschema", "schema", "Exception", "Error:", "{'", "\\t",
          "<block", "<scalar>", "should not be valid", "is not valid under")
SUMMARY_OK = re.compile(r"^No problems: \d+ procedures, \d+ stages, \d+ contacts checked\.$")
SUMMARY_BAD = re.compile(r"^\d+ problems? found\. Nothing can be published until (it is|they are) fixed\."
                         r"( Also \d+ warnings? to look at\.)?$")
SUMMARY_WARNED = re.compile(r"^No problems: \d+ procedures, \d+ stages, \d+ contacts checked\. \d+ warnings? to look "
                            r"at; the site can still be built\.$")
# The day the warning mutations are checked on, so that they do not change with the clock.
TODAY = datetime.date(2026, 11, 23)


# No contact in the real data claims a check (issue 22: a document's date is not one), so the
# mistakes in a verified_on add the line to the 2014 Quality Assurance Unit, after its note.
UNIT_NOTE = "The 2014 procedure was due for review on 15 May 2016.\n"


def unit_verified(value):
    return UNIT_NOTE + "    verified_on: %s\n" % value


@dataclass(frozen=True)
class Mistake:
    """One mistake: in `file`, `old` (which must occur exactly once) becomes `new`.

    `at` is where the problem must be reported: text looked for inside `new` first, else the
    nearest place before the edit. A "^" in it marks the exact column; without one the
    column is where `at` starts. `says` are fragments the message must contain. Exactly
    one problem must be reported.
    """
    id: str
    file: str
    old: str
    new: str
    at: str
    says: tuple

    def __str__(self):
        return self.id


def locate(text, start, end, at):
    """(line, col), counted from 1, of `at` in text: inside [start, end) or else before start."""
    offset = at.index("^") if "^" in at else 0
    needle = at.replace("^", "")
    pos = text.find(needle, start, end)
    if pos < 0:
        pos = text.rfind(needle, 0, start)
    assert pos >= 0, "cannot find %r near the edit" % needle
    pos += offset
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def line_of(text, needle):
    """Line number of the only occurrence of needle."""
    assert text.count(needle) == 1, "%r should occur exactly once" % needle
    return text.count("\n", 0, text.index(needle)) + 1


def copy_data(folder):
    target = Path(folder) / "data"
    shutil.copytree(DATA, target)
    return target


def apply(data_dir, mistake):
    """Make the edit; return the edited text and the span of the replacement."""
    path = data_dir / mistake.file
    text = path.read_text(encoding="utf-8")
    count = text.count(mistake.old)
    assert count == 1, "%s: expected the text to replace once in %s, found it %d times: %r" % (
        mistake.id, mistake.file, count, mistake.old)
    start = text.index(mistake.old)
    edited = text[:start] + mistake.new + text[start + len(mistake.old):]
    path.write_text(edited, encoding="utf-8")
    return edited, start, start + len(mistake.new)


# ---------------------------------------------------------------------------------------
# The mistakes
# ---------------------------------------------------------------------------------------

# Wigan stage 5's week: "amount: 7" alone is in more than one time limit.
WIGAN_5 = "            unit: calendar_days\n            counts_from: stage_start\n            from_words: the day the directors"

STAGES = [
    Mistake("field name misspelt in a timescale (ammount)", "stages.yaml",
            "            amount: 7\n" + WIGAN_5, "            ammount: 7\n" + WIGAN_5,
            "ammount", ("'ammount' is not a field we know here", "Did you mean 'amount'?")),
    Mistake("stage title line deleted", "stages.yaml",
            "      - number: 3\n        title: Service Manager\n", "      - number: 3\n",
            "number: 3", ("'title' is missing here",)),
    Mistake("source line of a timescale deleted", "stages.yaml",
            '            source: {file: southwark-professional-disagreement-policy.txt, section: "3.6 Stage 5"}\n', "",
            "id: recommend", ("'source' is missing here",)),
    Mistake("source file typed as .txt instead of .md", "stages.yaml",
            '            source: {file: salford-vcse-joint-working-protocol.md, section: "Appendix 2, section 4, step 2"}',
            '            source: {file: salford-vcse-joint-working-protocol.txt, section: "Appendix 2, section 4, step 2"}',
            "salford-vcse-joint-working-protocol.txt",
            ("There is no source file 'salford-vcse-joint-working-protocol.txt'",
             "Did you mean the source file 'salford-vcse-joint-working-protocol.md'?")),
    Mistake("procedure copied and its id not changed", "stages.yaml",
            "  - id: salford-sscb-2014\n", "  - id: salford-vcse\n",
            "salford-vcse", ("The procedure 'salford-vcse' is used twice", "Each procedure needs its own")),
    Mistake("contact id misspelt in a stage", "stages.yaml",
            "contacts: [salford-bridge, salford-quality-assurance-unit-jwp]",
            "contacts: [salford-bridge, salford-quality-assurance-unit-jpw]",
            "salford-quality-assurance-unit-jpw",
            ("There is no contact 'salford-quality-assurance-unit-jpw'",
             "Did you mean the contact id 'salford-quality-assurance-unit-jwp'?")),
    Mistake("form id misspelt in send", "stages.yaml",
            "send: [wigan-resolution-seeking-proforma]", "send: [wigan-resolution-seeking-pro-forma]",
            "wigan-resolution-seeking-pro-forma",
            ("There is no form 'wigan-resolution-seeking-pro-forma'", "Did you mean the form id 'wigan-resolution-seeking-proforma'?")),
    Mistake("directory names a contact list that does not exist", "stages.yaml",
            "directory: wigan-stage-1-useful-contacts", "directory: wigan-stage-one-useful-contacts",
            "wigan-stage-one-useful-contacts",
            ("There is no contact list 'wigan-stage-one-useful-contacts'", "Did you mean the contact list id 'wigan-stage-1-useful-contacts'?")),
    Mistake("deadline names a timescale that does not exist", "stages.yaml",
            "deadline: recommend", "deadline: recommendation",
            "recommendation", ("There is no timescale 'recommendation' in this stage", "Did you mean the timescale id 'recommend'?")),
    Mistake("counts_from names a later timescale", "stages.yaml",
            "counts_from: escalate", "counts_from: confirm",
            "confirm", ("'counts_from' is 'confirm'", "an earlier timescale in this stage (escalate)")),
    Mistake("counts_from written stage-start with a hyphen", "stages.yaml",
            "            counts_from: stage_start\n            from_words: the day the issue was brought to their attention",
            "            counts_from: stage-start\n            from_words: the day the issue was brought to their attention",
            "stage-start", ("'counts_from' is 'stage-start'", "Did you mean 'stage_start'?")),
    Mistake("overall time limit not counted from process_start", "stages.yaml",
            "      unit: calendar_months\n      counts_from: process_start\n",
            "      unit: calendar_months\n      counts_from: stage_start\n",
            "stage_start", ("The overall time limit must count from process_start",)),
    Mistake("same_working_day timescale given an amount", "stages.yaml",
            "            unit: same_working_day\n", "            amount: 1\n            unit: same_working_day\n",
            "amount: ^1", ("A same_working_day timescale has no amount. Remove it.",)),
    Mistake("working_days timescale with its amount deleted", "stages.yaml",
            "            amount: 2\n            unit: working_days\n            counts_from: process_start\n",
            "            unit: working_days\n            counts_from: process_start\n",
            "id: raise", ("This timescale needs an 'amount': how many working days",)),
    Mistake("stage numbers out of order", "stages.yaml",
            "      - number: 3\n        title: Service Manager\n", "      - number: 4\n        title: Service Manager\n",
            "number: ^4", ("Stages must be numbered 1, 2, 3... in order; this one should be 3",)),
    Mistake("lapsed procedure with its review_due deleted", "stages.yaml",
            '    review_due: "2016-05-15"\n', "",
            "status: ^lapsed", ("A lapsed procedure needs 'review_due'",)),
    Mistake("review date that does not exist (30 February)", "stages.yaml",
            'review_due: "2016-05-15"', 'review_due: "2016-02-30"',
            '"2016-02-30"', ("'2016-02-30' is not a real date",)),
    Mistake("measures given as respond", "stages.yaml",
            "            measures: answer\n            who: the Independent Chair",
            "            measures: respond\n            who: the Independent Chair",
            "respond", ("'measures' cannot be 'respond'", "Use one of: raise, answer, resolve, confirm, send")),
    Mistake("unit typed calendar-days with a hyphen", "stages.yaml",
            "            unit: calendar_days\n            counts_from: escalate\n",
            "            unit: calendar-days\n            counts_from: escalate\n",
            "calendar-days", ("'unit' cannot be 'calendar-days'", "Did you mean 'calendar_days'?")),
    Mistake("amount written in words", "stages.yaml",
            "            amount: 7\n" + WIGAN_5, '            amount: "five"\n' + WIGAN_5,
            '"five"', ("'amount' should be a whole number, but it is text",)),
    Mistake("amount of zero days", "stages.yaml",
            "            amount: 7\n" + WIGAN_5, "            amount: 0\n" + WIGAN_5,
            "amount: ^0", ("'amount' is 0, which is too small (the minimum is 1)",)),
    Mistake("procedure id written with a capital letter", "stages.yaml",
            "  - id: wigan\n    partnership: wigan\n", "  - id: Wigan\n    partnership: wigan\n",
            "Wigan", ("'id' should be an id: lower-case letters", "but it is 'Wigan'")),
    Mistake("form id written with spaces", "stages.yaml",
            "  - id: salford-escalation-notice\n", "  - id: salford escalation notice\n",
            "salford escalation notice", ("'id' should be an id", "but it is 'salford escalation notice'")),
    Mistake("form title left empty", "stages.yaml",
            "    title: Pro-forma for reporting where issues have been resolved\n", '    title: ""\n',
            '""', ("'title' is empty. Write something here or remove the field.",)),
    Mistake("same key written twice in a timescale", "stages.yaml",
            "            amount: 7\n" + WIGAN_5, "            amount: 7\n            amount: 10\n" + WIGAN_5,
            "amount: 10", ("'amount' is written twice here. Keep one and delete the other.",)),
    Mistake("line indented one space too far", "stages.yaml",
            "      - number: 3\n        title: Service Manager\n", "      - number: 3\n         title: Service Manager\n",
            "title^: Service Manager", ("The file is not valid YAML", "':' where none can go", "Check the indentation")),
    Mistake("indented with a tab", "stages.yaml",
            "        title: Service Manager\n", "\ttitle: Service Manager\n",
            "\ttitle", ("this line has a tab in it. Indent with spaces, never tabs",)),
    Mistake("section number 1.4 left without quotes", "stages.yaml",
            'source: {file: southwark-professional-disagreement-policy.txt, section: "1.4"}',
            "source: {file: southwark-professional-disagreement-policy.txt, section: 1.4}",
            "1.4}", ("'section' must be text in quotes", "in double quotes")),
    Mistake("closing quote left off a title", "stages.yaml",
            "conflict and resolution on a service user's file\"\n", "conflict and resolution on a service user's file\n",
            'title: ^"Agency report', ('the quote mark (") here is never closed',)),
    Mistake("list bracket not closed", "stages.yaml",
            "send: [wigan-resolution-seeking-proforma]", "send: [wigan-resolution-seeking-proforma",
            "send: ^[wigan", ("a '[' list here is not closed with ']'",)),
    Mistake("colon missing after a field name", "stages.yaml",
            "            amount: 7\n" + WIGAN_5, "            amount 7\n" + WIGAN_5,
            "amount 7", ("a field name here is not followed by ':'",)),
    Mistake("line indented one space too little", "stages.yaml",
            "      - number: 3\n        title: Service Manager\n", "      - number: 3\n       title: Service Manager\n",
            "title: Service Manager", ("this line does not line up with the lines above it",)),
    Mistake("two timescales in a stage with the same id", "stages.yaml",
            "          - id: confirm\n            measures: confirm\n            who: the receiving line manager\n",
            "          - id: resolve\n            measures: confirm\n            who: the receiving line manager\n",
            "resolve", ("Two timescales in this stage are called 'resolve'",)),
    Mistake("form sent to a contact that does not exist", "stages.yaml",
            "send_to: [southwark-sscp]", "send_to: [southwark-sccp]",
            "southwark-sccp", ("There is no contact 'southwark-sccp'", "Did you mean the contact id 'southwark-sscp'?")),
    Mistake("procedure on a partnership that does not exist", "stages.yaml",
            "  - id: southwark\n    partnership: southwark\n", "  - id: southwark\n    partnership: southwalk\n",
            "southwalk", ("There is no partnership 'southwalk'", "Did you mean the partnership id 'southwark'?")),
]

CONTACTS = [
    Mistake("phone number typed with letter O", "contacts.yaml",
            '"01942 828300"', '"01942 8283O0"',
            '"01942 8283O0"', ("is not a valid UK phone number", "letter O in a phone number?",
                               "Did you mean the digit 0?", 'With digits only it is "01942 828300"')),
    Mistake("phone number starting with letter O", "contacts.yaml",
            '"01942 828300"', '"O1942 828300"',
            '"O1942 828300"', ("is not a valid UK phone number", "letter O")),
    Mistake("phone number typed with letter l for 1", "contacts.yaml",
            '"0161 603 4555"', '"0l61 603 4555"',
            '"0l61 603 4555"', ("letter l or I in a phone number?", "digit 1", '"0161 603 4555"')),
    Mistake("phone number with a letter left on the end", "contacts.yaml",
            '"0161 909 6508"', '"0161 909 6508x"',
            '"0161 909 6508x"', ("is not a valid UK phone number", "not digits")),
    Mistake("phone number with a digit missing", "contacts.yaml",
            '"0161 603 4555"', '"0161 603 455"',
            '"0161 603 455"', ("it has 10 digits, and UK numbers have 11",)),
    Mistake("phone number with a digit too many", "contacts.yaml",
            '"0161 909 6508"', '"0161 909 65088"',
            '"0161 909 65088"', ("it has 12 digits, and UK numbers have 11",)),
    Mistake("phone number from another country", "contacts.yaml",
            '"0161 778 0391"', '"+33 1 42 68 53 00"',
            '"+33 1 42 68 53 00"', ("UK numbers start with 0 (or +44)",)),
    Mistake("phone number in no UK range", "contacts.yaml",
            '"0161 779 7860"', '"0100 779 7860"',
            '"0100 779 7860"', ("no UK phone number has this form",)),
    Mistake("phone number left empty", "contacts.yaml",
            '"0161 686 5264"', '""',
            '""', ("it is empty",)),
    Mistake("unquoted landline number", "contacts.yaml",
            'number: "01942 828300"', "number: 01942828300",
            "01942828300", ("Put the phone number in double quotes: number: \"01942828300\"",)),
    Mistake("unquoted +44 number", "contacts.yaml",
            'number: "0161 603 4500"', "number: +441616034500",
            "+441616034500", ("'number' must be text in quotes", "+441616034500")),
    Mistake("unquoted mobile number", "contacts.yaml",
            'number: "07917173758"', "number: 07917173758",
            "07917173758", ("Put the phone number in double quotes",)),
    Mistake("unquoted mobile number YAML reads as another number", "contacts.yaml",
            'number: "07387 095778"', "number: 07377015776",
            "07377015776", ("'number' must be text in quotes", "07377015776")),
    Mistake("invalid_in_source left on a valid number", "contacts.yaml",
            '      - number: "01942 828300"\n', '      - number: "01942 828300"\n        invalid_in_source: true\n',
            '"01942 828300"', ("is a valid number, so remove 'invalid_in_source: true'",)),
    Mistake("email address without @", "contacts.yaml",
            "address: office@salfordcvs.co.uk", "address: office.salfordcvs.co.uk",
            "office.salfordcvs.co.uk", ("'office.salfordcvs.co.uk' is not a valid email address", "@")),
    Mistake("email address with two @", "contacts.yaml",
            "address: fgc@salford.gov.uk", "address: fgc@@salford.gov.uk",
            "fgc@@salford.gov.uk", ("'fgc@@salford.gov.uk' is not a valid email address",)),
    Mistake("verified_on a day that does not exist", "contacts.yaml",
            UNIT_NOTE, unit_verified('"2015-02-30"'),
            '"2015-02-30"', ("'2015-02-30' is not a real date",)),
    Mistake("verified_on with only the year and no quotes", "contacts.yaml",
            UNIT_NOTE, unit_verified('2014'),
            "verified_on: ^2014", ("'verified_on' must be text in quotes", "YAML read 2014 as a number", "YYYY-MM-DD")),
    Mistake("verified_on written day first", "contacts.yaml",
            UNIT_NOTE, unit_verified('"15/05/2014"'),
            '"15/05/2014"', ("'verified_on' should be the day you checked, written YYYY-MM-DD", "'15/05/2014'",
                             'Did you mean "2014-05-15"?')),
    Mistake("opening time written 8.30", "contacts.yaml",
            '      opens: "08:30"\n      closes: "17:00"\n', '      opens: "8.30"\n      closes: "17:00"\n',
            '"8.30"', ("'opens' should be a 24-hour time written HH:MM", 'Did you mean "08:30"?')),
    Mistake("opening time 8.30 without quotes", "contacts.yaml",
            '      opens: "08:30"\n      closes: "17:00"\n', '      opens: 8.30\n      closes: "17:00"\n',
            "8.30", ("'opens' must be text in quotes", "YAML read 8.30 as the number 8.3", "HH:MM",
                     'Write it as opens: "08:30"')),
    Mistake("opening time 8:30 without quotes", "contacts.yaml",
            '      opens: "08:30"\n      closes: "17:00"\n', '      opens: 8:30\n      closes: "17:00"\n',
            "8:30", ("'opens' must be text in quotes", "8:30", "HH:MM", 'Write it as opens: "08:30"')),
    Mistake("closing time 24:00", "contacts.yaml",
            '      opens: "08:30"\n      closes: "17:00"\n', '      opens: "08:30"\n      closes: "24:00"\n',
            '"24:00"', ("'closes' should be a 24-hour time",)),
    Mistake("day of the week misspelt", "contacts.yaml",
            "days: [monday, tuesday, wednesday, thursday, friday]", "days: [monday, tuesday, wendesday, thursday, friday]",
            "wendesday", ("'days' cannot be 'wendesday'", "Did you mean 'wednesday'?")),
    Mistake("contact copied and its id not changed", "contacts.yaml",
            "  - id: salford-cvs-louise-murray\n", "  - id: salford-cvs\n",
            "salford-cvs\n", ("The contact 'salford-cvs' is used twice", "Each contact needs its own")),
    Mistake("contact on a partnership that does not exist", "contacts.yaml",
            "    partnership: wigan\n    phones:\n      - number: \"01942 828300\"",
            "    partnership: wigna\n    phones:\n      - number: \"01942 828300\"",
            "wigna", ("There is no partnership 'wigna'", "Did you mean the partnership id 'wigan'?")),
    Mistake("contact in a list that does not exist", "contacts.yaml",
            "    address: [5 Irwell Place, Eccles, M30 0FN]\n    lists: [salford-useful-contacts]",
            "    address: [5 Irwell Place, Eccles, M30 0FN]\n    lists: [salford-usefull-contacts]",
            "salford-usefull-contacts",
            ("There is no contact list 'salford-usefull-contacts'", "Did you mean the contact list id 'salford-useful-contacts'?")),
    Mistake("label misspelt on a phone", "contacts.yaml",
            "        label: Helpline\n", "        lable: Helpline\n",
            "lable", ("'lable' is not a field we know here", "Did you mean 'label'?")),
    Mistake("source file misspelt in contacts", "contacts.yaml",
            '          - file: salford-sscb-escalation-procedure-2014.md\n            section: "3.2"\n',
            '          - file: salford-sscb-escalation-procedure-2104.md\n            section: "3.2"\n',
            "salford-sscb-escalation-procedure-2104.md",
            ("There is no source file 'salford-sscb-escalation-procedure-2104.md'",
             "Did you mean the source file 'salford-sscb-escalation-procedure-2014.md'?")),
    # A check cannot have happened in the future: a problem, not a warning, since it is never true.
    Mistake("verified_on in the future (year typed wrong)", "contacts.yaml",
            "    role: Learning and Improvement Lead (temp)\n",
            '    role: Learning and Improvement Lead (temp)\n    verified_on: "2062-11-01"\n',
            '"2062-11-01"', ("'verified_on' is 2062-11-01, which is after today", "check the year")),
]

GUIDANCE = [
    Mistake("unknown contact in guidance", "guidance.yaml",
            "contacts: [salford-family-group-conferencing]", "contacts: [salford-family-group-conference]",
            "salford-family-group-conference]",
            ("There is no contact 'salford-family-group-conference'", "Did you mean the contact id 'salford-family-group-conferencing'?")),
    Mistake("phone number typed into guidance text", "guidance.yaml",
            "          Ask the Bridge Partnership for advice and guidance.\n",
            "          Ask the Bridge Partnership for advice and guidance on 0161 603 4555.\n",
            "what_to_do: ^>-", ("'what_to_do' contains '0161 603 4555'", "phone number", "contacts.yaml",
                                "0161 603 4555 is the contact 'salford-bridge-advice'")),
    Mistake("email address typed into guidance text", "guidance.yaml",
            "          Early help is everyone's business.\n",
            "          Early help is everyone's business. Email earlyhelp@salford.gov.uk.\n",
            "summary: ^>-", ("'summary' contains '@'", "email address", "contacts.yaml")),
    Mistake("glossary term for all partnerships and one more", "guidance.yaml",
            "who have committed a criminal offence.\n    partnerships: [all]\n",
            "who have committed a criminal offence.\n    partnerships: [all, salford]\n",
            "[all, salford]", ("'partnerships' is not written the way this field needs", "just all")),
    Mistake("note kind misspelt in guidance", "guidance.yaml",
            "          - kind: lost-in-extraction\n            text: The source shows examples of support at this level",
            "          - kind: lost-in-extracton\n            text: The source shows examples of support at this level",
            "lost-in-extracton", ("'kind' cannot be 'lost-in-extracton'", "Did you mean 'lost-in-extraction'?")),
    Mistake("field name misspelt in guidance (also_form)", "guidance.yaml",
            "      also_from:\n        - file: salford-support-and-safeguarding-guidance.txt\n          section: Who is this document for?\n\n    levels:",
            "      also_form:\n        - file: salford-support-and-safeguarding-guidance.txt\n          section: Who is this document for?\n\n    levels:",
            "also_form", ("'also_form' is not a field we know here", "Did you mean 'also_from'?")),
]

# Mistakes whose message goes further than saying what is wrong: it names the likely fix.
SUGGESTIONS = [
    Mistake("contact named without its area (mast for wigan-mast)", "stages.yaml",
            "      contacts: [wigan-mast]\n", "      contacts: [mast]\n",
            "mast]", ("There is no contact 'mast'", "Did you mean the contact id 'wigan-mast'?")),
    Mistake("contact id misspelt by one letter (salford-bridg)", "stages.yaml",
            "contacts: [salford-bridge, salford-quality-assurance-unit-jwp]",
            "contacts: [salford-bridg, salford-quality-assurance-unit-jwp]",
            "salford-bridg,", ("There is no contact 'salford-bridg'", "Did you mean the contact id 'salford-bridge'?")),
    Mistake("phone number typed where a contact id goes", "stages.yaml",
            "      contacts: [wigan-mast]\n", '      contacts: ["01942 828300"]\n',
            '"01942 828300"', ("'contacts' should be an id", "01942 828300 is the contact 'wigan-mast'")),
    Mistake("email address typed into guidance text names its contact", "guidance.yaml",
            "          Early help is everyone's business.\n",
            "          Early help is everyone's business. Email worriedaboutachild@salford.gov.uk.\n",
            "summary: ^>-", ("'summary' contains '@'", "worriedaboutachild@salford.gov.uk is the contact 'salford-bridge'")),
    Mistake("verified_on with the month and day not padded", "contacts.yaml",
            UNIT_NOTE, unit_verified('"2014-5-15"'),
            '"2014-5-15"', ("'verified_on' should be the day you checked, written YYYY-MM-DD", 'Did you mean "2014-05-15"?')),
    Mistake("review date written day first", "stages.yaml",
            'review_due: "2016-05-15"', 'review_due: "15.05.2016"',
            '"15.05.2016"', ("'review_due' should be a date written YYYY-MM-DD", 'Did you mean "2016-05-15"?')),
    Mistake("closing time written 5.00 in quotes", "contacts.yaml",
            '      opens: "08:30"\n      closes: "17:00"\n', '      opens: "08:30"\n      closes: "17.00"\n',
            '"17.00"', ("'closes' should be a 24-hour time written HH:MM", 'Did you mean "17:00"?')),
    Mistake("phone number with capital I for 1", "contacts.yaml",
            '"0161 603 4555"', '"0I61 603 4555"',
            '"0I61 603 4555"', ("letter l or I in a phone number?", 'With digits only it is "0161 603 4555"')),
    Mistake("unquoted mobile number names the quoted form", "contacts.yaml",
            'number: "07917173758"', "number: 07917173758",
            "07917173758", ('number: "07917173758"', "Without quotes YAML can change it")),
]

MISTAKES = STAGES + CONTACTS + GUIDANCE + SUGGESTIONS

_outcomes = {}
_parsed = {}
real_load = yamlmarks.load


def load_once(file, text):
    """yamlmarks.load, remembering the result for text seen before.

    Each mistake edits one file, so the other two are the untouched originals every time;
    parsing them once keeps this file fast. load is a pure function of (file, text), and only
    successful loads are remembered; the mutated file is always parsed afresh.
    """
    if text not in _parsed:
        _parsed[text] = real_load(file, text)
    marked = copy.copy(_parsed[text])
    marked.file = file
    return marked


def outcome(mistake, tmp_path_factory):
    """Run check() once per mistake (the format test reuses the results)."""
    if mistake.id not in _outcomes:
        data_dir = copy_data(tmp_path_factory.mktemp("mutation"))
        text, start, end = apply(data_dir, mistake)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(yamlmarks, "load", load_once)
            problems, _ = validate.check(data_dir)
        _outcomes[mistake.id] = (data_dir, text, start, end, problems)
    return _outcomes[mistake.id]


def test_mistake_ids_are_unique():
    assert len(MISTAKES) >= 35
    assert len({mistake.id for mistake in MISTAKES}) == len(MISTAKES)


@pytest.mark.parametrize("mistake", MISTAKES, ids=str)
@pytest.mark.slow  # a sweep: every case through the whole check
def test_seeded_mistake_is_reported_where_it_was_made(mistake, tmp_path_factory):
    """Reported once, at its line and column, and every message (however many there are) is
    file:line:col and plain English, for a maintainer who is not a programmer."""
    data_dir, text, start, end, problems = outcome(mistake, tmp_path_factory)
    prefix = re.escape(validate.display_path(data_dir / mistake.file))
    for problem in problems:
        line = str(problem)
        assert re.match(r"^%s:[1-9][0-9]*:[1-9][0-9]*: \S" % prefix, line), line
        assert len(line) >= 30, line
        assert "\n" not in line, line
        for word in JARGON:
            assert word not in problem.message, "%r in: %s" % (word, line)
    assert len(problems) == 1, "expected 1 problem, got:\n%s" % "\n".join(str(problem) for problem in problems)
    problem = problems[0]
    assert problem.file == validate.display_path(data_dir / mistake.file), str(problem)
    assert (problem.line, problem.col) == locate(text, start, end, mistake.at), str(problem)
    for fragment in mistake.says:
        assert fragment in problem.message, "%r not in: %s" % (fragment, problem)


def test_duplicate_id_message_names_the_line_of_the_first(tmp_path_factory):
    mistake = next(m for m in MISTAKES if m.id == "contact copied and its id not changed")
    data_dir, text, start, end, problems = outcome(mistake, tmp_path_factory)
    first = line_of(text, "  - id: salford-cvs\n    name: Salford CVS\n")
    assert "(first on line %d)" % first in problems[0].message


@pytest.mark.parametrize("name", FILES)
def test_file_deleted_is_reported_once_on_its_first_line(name, tmp_path):
    data_dir = copy_data(tmp_path)
    (data_dir / name).unlink()
    problems, _ = validate.check(data_dir)
    assert [(p.file, p.line, p.col) for p in problems] == [(validate.display_path(data_dir / name), 1, 1)], \
        [str(p) for p in problems]
    assert "This file is missing. Restore it" in problems[0].message


def test_untouched_data_has_no_problems(tmp_path):
    problems, files = validate.check(copy_data(tmp_path))
    assert [str(problem) for problem in problems] == []
    assert set(files) == set(FILES)


# ---------------------------------------------------------------------------------------
# Warnings: not wrong, but worth a maintainer's look. Each seeded change must add exactly one
# warning to those the untouched data already has on TODAY, at the right line, and no error.
# ---------------------------------------------------------------------------------------

NEW_CONTACT = """  - id: wigan-new-team
    name: A team added and not used yet
    organisation: Wigan Council
    partnership: wigan
    phones:
      - number: "01942 828300"
        sources:
          - file: wigan-resolution-protocol.txt
            section: "Appendix 2: Stage 1 Useful Contacts"
    verified_on: "2026-11-20"
    sources:
      - file: wigan-resolution-protocol.txt
        section: "Appendix 2: Stage 1 Useful Contacts"

  - id: wigan-cafcass
"""

# The line of the Bridge's referral number, which the warning names (the file's layout may move it).
BRIDGE_LINE = 1 + (DATA / "contacts.yaml").read_text().split("\n").index('      - number: "0161 603 4500"')


WARNINGS = [
    Mistake("verified_on more than 12 months before today", "contacts.yaml",
            "    role: Learning and Improvement Lead (temp)\n",
            '    role: Learning and Improvement Lead (temp)\n    verified_on: "2025-11-22"\n',
            '"2025-11-22"', ("'wigan-ashley-carrick' were last verified on 2025-11-22, more than 12 months ago",
                             "set 'verified_on' to the date you checked")),
    Mistake("verified_on given only a month, more than 12 months ago", "contacts.yaml",
            "    role: Learning and Improvement Lead (temp)\n",
            '    role: Learning and Improvement Lead (temp)\n    verified_on: "2025-10-01"\n',
            '"2025-10-01"', ("last verified on 2025-10-01, more than 12 months ago",)),
    Mistake("current procedure past its review date", "stages.yaml",
            "  - id: wigan\n    partnership: wigan\n",
            '  - id: wigan\n    partnership: wigan\n    review_due: "2026-11-20"\n',
            '"2026-11-20"', ("The procedure 'wigan' was due for review on 2026-11-20, which has passed",
                             "set 'status: lapsed'")),
    Mistake("number changed for one contact of a team and not the other", "contacts.yaml",
            '      - number: "0161 603 4555"\n', '      - number: "0161 686 5264"\n',
            '"0161 686 5264"', ("The team 'salford-bridge' has a different number here (0161 686 5264)",
                                "from 'salford-bridge' (0161 603 4500, line %d)" % BRIDGE_LINE, "'conflict' note")),
    # The Bridge's referral line has no conflict note of its own (every source gives it for
    # referrals and challenges); its number must then be named in its teammate's note.
    Mistake("conflict note rewritten without the other number of its team", "contacts.yaml",
            "and 0161 603 4500 ('call for advice' in 'The Bridge Partnership - Making a Referral'). It does not say "
            "whether the two numbers reach the same desk. For a referral, for a child who may need immediate "
            "protection, and to challenge a decision (the VCSE protocol), every source gives 0161 603 4500.\"",
            "and the referral line ('call for advice').\"",
            '"0161 603 4500"', ("The team 'salford-bridge' has a different number here (0161 603 4500)",)),
    Mistake("another team's contact put in the team", "contacts.yaml",
            "    note: Contact for other partners", "    team: salford-bridge\n    note: Contact for other partners",
            '"0161 787 7795"',
            ("The team 'salford-bridge' has a different number here (0161 787 7795)",)),
    Mistake("contact added and not used anywhere", "contacts.yaml",
            "  - id: wigan-cafcass\n", NEW_CONTACT,
            "wigan-new-team", ("Nothing uses the contact 'wigan-new-team'", "If it is no longer needed, delete it")),
    Mistake("contact taken out of its only list", "contacts.yaml",
            "    lists: [wigan-stage-1-useful-contacts]\n    sources:\n      - file: wigan-resolution-protocol.txt\n"
            "        section: \"Appendix 2: Stage 1 Useful Contacts (CAFCASS)\"",
            "    sources:\n      - file: wigan-resolution-protocol.txt\n"
            "        section: \"Appendix 2: Stage 1 Useful Contacts (CAFCASS)\"",
            "wigan-cafcass", ("Nothing uses the contact 'wigan-cafcass'",)),
    Mistake("number the source prints wrongly kept with invalid_in_source", "contacts.yaml",
            '      - number: "01942 828300"\n', '      - number: "01942 82830"\n        invalid_in_source: true\n',
            '"01942 82830"', ("'01942 82830' is kept as the source prints it, but it cannot be dialled",
                              "Ask the partnership for the right number")),
]

_baseline = {}
# Warnings whose seeded change is the source's own: the copy of the documents the data is checked
# against prints it (source_copies), as a new version of the document would.
SOURCE_EDITS = {
    "number the source prints wrongly kept with invalid_in_source":
        [("wigan-resolution-protocol.txt", "01942 828300", "01942 82830")],
}


def warning_outcome(mistake, tmp_path_factory):
    """(text, start, end, errors, new warnings) for a seeded change, checked on TODAY."""
    if "untouched" not in _baseline:
        _, files = validate.check(DATA)
        _baseline["untouched"] = Counter(w.message for w in data_warnings.find(files, TODAY))
    folder = tmp_path_factory.mktemp("warning")
    data_dir = copy_data(folder)
    text, start, end = apply(data_dir, mistake)
    sources = None
    if mistake.id in SOURCE_EDITS:
        sources = sources_copy(folder, SOURCE_EDITS[mistake.id])
        record_fingerprints(data_dir, sources)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlmarks, "load", load_once)
        problems, files = validate.check(data_dir, sources)
    found = data_warnings.find(files, TODAY)
    extra = Counter(w.message for w in found) - _baseline["untouched"]
    return data_dir, text, start, end, problems, [w for w in found if w.message in extra]


def test_warning_ids_are_unique_and_enough():
    assert len(WARNINGS) >= 8
    assert len({mistake.id for mistake in WARNINGS + MISTAKES}) == len(WARNINGS) + len(MISTAKES)


@pytest.mark.parametrize("mistake", [pytest.param(mistake, marks=pytest.mark.sources) if mistake.id in SOURCE_EDITS
                                     else mistake for mistake in WARNINGS], ids=str)
def test_seeded_warning_is_reported_where_it_was_made(mistake, tmp_path_factory):
    data_dir, text, start, end, problems, new = warning_outcome(mistake, tmp_path_factory)
    assert problems == [], "a warning case must not be an error:\n%s" % "\n".join(map(str, problems))
    assert len(new) == 1, "expected 1 new warning, got:\n%s" % "\n".join(map(str, new))
    warning = new[0]
    assert warning.severity == "warning" and ": warning: " in str(warning)
    assert warning.file == validate.display_path(data_dir / mistake.file), str(warning)
    assert (warning.line, warning.col) == locate(text, start, end, mistake.at), str(warning)
    for fragment in mistake.says:
        assert fragment in warning.message, "%r not in: %s" % (fragment, warning)
    for word in JARGON:
        assert word not in warning.message, "%r in: %s" % (word, warning)


def run_cli(data_dir, *options):
    return subprocess.run([sys.executable, "-m", "stillworried", "--data", str(data_dir), "check", *options],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


# Edits that leave a copy of the data with nothing to warn about on 1 February 2015, when
# every source was recent and the 2014 procedure not yet due for review.
WARNING_FREE = (
    ("contacts.yaml", '      - number: "0300 456 400"\n        invalid_in_source: true\n',
     '      - number: "0300 456 4000"\n'),
    ("contacts.yaml", "    note: Contact for other partners who want to sign up",
     "    lists: [salford-useful-contacts]\n    note: Contact for other partners who want to sign up"),
    ("contacts.yaml", "    note: Advise on completing a CAF",
     "    lists: [salford-useful-contacts]\n    note: Advise on completing a CAF"),
)


def confirmed_on(text, day):
    """contacts.yaml with verified_on: day for every contact that has none (the data does not
    pretend such a check happened; this copy does, so that nothing is left to warn about)."""
    lines = text.splitlines(keepends=True)
    return "".join(('    verified_on: "%s"\n' % day if line == "    sources:\n" and not
                    lines[index - 1].startswith("    verified_on:") else "") + line for index, line in enumerate(lines))


@pytest.mark.sources  # check's output says whether the documents were checked
def test_cli_prints_one_summary_line_for_good_data(tmp_path):
    data_dir = copy_data(tmp_path)
    for file, old, new in WARNING_FREE:
        apply(data_dir, Mistake("make warning-free", file, old, new, "", ()))
    contacts = data_dir / "contacts.yaml"
    contacts.write_text(confirmed_on(contacts.read_text(encoding="utf-8"), "2015-01-20"), encoding="utf-8")
    # CAFCASS's number as a corrected version of the Wigan protocol would print it.
    sources = sources_copy(tmp_path, [("wigan-resolution-protocol.txt", "0300 456 400", "0300 456 4000")])
    record_fingerprints(data_dir, sources)
    result = run_cli(data_dir, "--today", "2015-02-01", "--sources", str(sources))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and SUMMARY_OK.match(lines[0]), result.stdout
    strict = run_cli(data_dir, "--today", "2015-02-01", "--strict", "--sources", str(sources))
    assert strict.returncode == 0 and strict.stdout == result.stdout


@pytest.mark.sources  # check's output says whether the documents were checked
def test_cli_lists_warnings_then_the_summary_and_exits_0_unless_strict(tmp_path):
    data_dir = copy_data(tmp_path)
    result = run_cli(data_dir, "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    *warned, summary = result.stdout.splitlines()
    assert warned and SUMMARY_WARNED.match(summary), result.stdout
    assert summary.endswith(" %d warnings to look at; the site can still be built." % len(warned))
    prefix = re.escape(validate.display_path(data_dir))
    for line in warned:
        assert re.match(r"^%s/(stages|contacts|guidance)\.yaml:[1-9][0-9]*:[1-9][0-9]*: warning: \S" % prefix, line), line
    strict = run_cli(data_dir, "--today", TODAY.isoformat(), "--strict")
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[:-1] == warned
    assert "--strict counts them as problems" in strict.stdout.splitlines()[-1]


def test_max_age_months_moves_the_line(tmp_path):
    """Verified on 15 May 2014: 12 months later is 15 May 2015, so on 16 May 2015 it is stale,
    and with --max-age-months 13 it is not."""
    data_dir = copy_data(tmp_path)
    apply(data_dir, Mistake("checked on 15 May 2014", "contacts.yaml", UNIT_NOTE, unit_verified('"2014-05-15"'), "", ()))

    def stale(*options):
        output = run_cli(data_dir, *options).stdout
        return "'salford-quality-assurance-unit-2014' were last verified on 2014-05-15" in output
    assert not stale("--today", "2015-05-15")
    assert stale("--today", "2015-05-16")
    assert not stale("--today", "2015-05-16", "--max-age-months", "13")
    assert stale("--today", "2015-05-16", "--max-age-months", "12")


@pytest.mark.sources  # check's output says whether the documents were checked
def test_cli_lists_mistakes_in_two_files_and_nothing_else(tmp_path):
    """A field misspelt in stages.yaml must not hide a wrong phone number in contacts.yaml."""
    data_dir = copy_data(tmp_path)
    stages = next(m for m in MISTAKES if m.id == "field name misspelt in a timescale (ammount)")
    contacts = next(m for m in MISTAKES if m.id == "phone number typed with letter O")
    stages_text, s_start, s_end = apply(data_dir, stages)
    contacts_text, c_start, c_end = apply(data_dir, contacts)
    result = run_cli(data_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    lines = [line for line in result.stdout.splitlines() if ": warning: " not in line]
    assert len(lines) == 3, result.stdout
    contacts_line, contacts_col = locate(contacts_text, c_start, c_end, contacts.at)
    stages_line, stages_col = locate(stages_text, s_start, s_end, stages.at)
    assert lines[0].startswith("%s:%d:%d: " % (validate.display_path(data_dir / "contacts.yaml"),
                                              contacts_line, contacts_col)), lines[0]
    assert "letter O" in lines[0]
    assert lines[1].startswith("%s:%d:%d: " % (validate.display_path(data_dir / "stages.yaml"),
                                              stages_line, stages_col)), lines[1]
    assert "Did you mean 'amount'?" in lines[1]
    assert SUMMARY_BAD.match(lines[2]) and lines[2].startswith("2 problems found"), lines[2]


@pytest.mark.sources  # check's output says whether the documents were checked
def test_cli_github_format_puts_the_error_on_its_line(tmp_path):
    """With --format github each problem is a workflow command GitHub shows on that line of the
    pull request; the summary stays plain text."""
    data_dir = copy_data(tmp_path)
    mistake = next(m for m in MISTAKES if m.id == "phone number typed with letter O")
    text, start, end = apply(data_dir, mistake)
    line, col = locate(text, start, end, mistake.at)
    result = run_cli(data_dir, "--format", "github", "--today", TODAY.isoformat())
    assert result.returncode == 1
    errors = [row for row in result.stdout.splitlines() if row.startswith("::error ")]
    assert errors == ["::error file=%s,line=%d,col=%d,title=Problem in the data::'01942 8283O0' is not a valid UK "
                      "phone number: letter O in a phone number? Did you mean the digit 0? With digits only it is "
                      '"01942 828300": check that against the source.'
                      % (validate.display_path(data_dir / "contacts.yaml"), line, col)]
    others = [row for row in result.stdout.splitlines() if not row.startswith("::")]
    assert len(others) == 1 and SUMMARY_BAD.match(others[0]), result.stdout
