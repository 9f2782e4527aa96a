"""Phone numbers and email addresses written into the data's sentences.

A note, a conflict note, a route or a rule may name a number in its text ("the guidance also
gives 0161 603 4555 for advice"). The number itself lives in contacts.yaml, where the check
validates it (and the grounding finds it in its source) and the site turns it into a link; the
sentence is only words. So when a number changes in contacts.yaml, a sentence that still names
the old one would quietly tell readers to ring a number we no longer hold, and a number typed
into a note would reach readers without any of the checks a contact's number has. This check
makes both an error: every number and email named in a sentence of stages.yaml or
contacts.yaml must be one that a contact holds. guidance.yaml allows no numbers or emails in
its text at all (its schema refuses the usual forms; this finds the others).

A number is found however it is written: spaced, hyphenated ("0909-879-0000"), dotted, in
brackets, with +44 or another country's code ("+33 1 23 45 67 89"), or as a short number
(999, 101, 111, 112) after a word for calling ("call 111", "ring the police on 101"). An email
is found written out ("help@evil.com") or spelt out to get past a filter ("help at evil dot
com", "help [at] evil [dot] com"); a spelt-out address is never how the data names one, so it
is refused even for an address a contact holds.

A team's 'conflict' note is left to the team warning (data_warnings.team_differences), which
already reports a number it does not name; and the check waits until contacts.yaml has no
problems of its own, so that one mistyped number is reported once, where it was typed, and not
again in every sentence that names it.
"""
import re

from stillworried import phones
from stillworried.validation.data_files import walk
from stillworried.validation.suggestions import EMAIL_IN_TEXT

FILES = ("stages.yaml", "contacts.yaml", "guidance.yaml")
NO_NUMBERS = "guidance.yaml"
# Where a number or email is the value itself, or not a sentence (a document's fingerprint).
VALUE_FIELDS = ("number", "address", "conflict", "sha256", "url")
# A number in running text: + and a digit, or 0 (perhaps bracketed) and a digit, then digits
# with at most two separators between them. Not part of a word or of a longer number.
NUMBER = re.compile(r"(?<![\w+])(?:\+\s?\d|\(?0\d)(?:[\s\-./()]{0,2}\d)+(?![\w])")
# A short number is one when it is called: "call 111", "ring the police on 101", "dial 112".
# "Field 101" and "section 111" are not numbers anyone rings.
SHORT = re.compile(r"\b(?:call|ring|dial|phone|telephone|tel|text)\w*\b[\s:.,]*(?:[A-Za-z']+\s+){0,4}?"
                   r"((?<![\w+\-./])(?:%s))(?![\w\-/]|\.\d)" % "|".join(phones.SHORT_CODES), re.I)
# The fewest digits a number needs to be one: 9 for a UK number written from 0 (dates such as
# 01/05/2014 have 8), 7 after a country code.
FEWEST_UK, FEWEST_INTERNATIONAL = 9, 7
SPELT_OUT_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}|\bat\b)\s*[\w-]+(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\bdot\b)\s*[\w-]+)+"
    r"|[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\})\s*[\w-]+(?:\.[\w-]+)+"
    r"|[\w.+-]+ at [\w-]+(?:\.(?:[a-z]{2,}))*\.(?:com|net|org|uk|co|io|info|biz)\b", re.I)


def held(contacts_data):
    """Every way a contact's number or email can be written: its national digits and the
    lower-case email. A number kept as its source prints it (invalid_in_source) counts."""
    numbers, emails = set(), set()
    for contact in contacts_data.get("contacts") or []:
        for phone in contact.get("phones") or []:
            numbers.add(phones.national_digits(phone["number"]))
        for email in contact.get("emails") or []:
            emails.add(email["address"].lower())
    return numbers, emails


def split_numbers(run):
    """A run of digits and spaces as the numbers in it: "07884 213851 01942 822333" (two numbers
    printed side by side) is two. A new number starts at a group beginning with 0 or + once
    the one before has 10 digits."""
    numbers, current = [], []
    for group in run.split():
        if current and len(phones.digits("".join(current))) >= 10 and group.startswith(("0", "+", "(")):
            numbers.append(" ".join(current))
            current = []
        current.append(group)
    return numbers + ([" ".join(current)] if current else [])


DIGIT = re.compile(r"\d")
# What a spelt-out address needs somewhere in the text, looked for first (most text has none).
SPELT_OUT_HINT = re.compile(r"dot|[(\[{]at[)\]}]|\bat [\w-]+\.", re.I)


def numbers_in(text):
    """Every phone number written in text, as written."""
    if not DIGIT.search(text):
        return []
    found = []
    for run in NUMBER.findall(text):
        for number in split_numbers(run):
            count = len(phones.digits(number))
            if count >= (FEWEST_INTERNATIONAL if number.startswith("+") else FEWEST_UK):
                found.append(number.strip())
    return found + SHORT.findall(text)


def emails_in(text):
    return [found for found in EMAIL_IN_TEXT.findall(text)]


def known(found, numbers):
    return phones.national_digits(found) in numbers


NOT_HELD = ("This text names the phone number %s, but no contact in contacts.yaml holds it. If the number has changed, "
            "change the text too; if it is new, add it to the contact it belongs to (with its source) before naming "
            "it here.")
NOT_HELD_EMAIL = ("This text names the email address %s, but no contact in contacts.yaml holds it. If the address has "
                  "changed, change the text too; if it is new, add it to the contact it belongs to (with its source) "
                  "before naming it here.")
SPELT_OUT = ("This text spells out an email address (%s), which readers could copy and write to without any of the "
             "checks a contact's address has. Remove it from the text, and name the contact whose address it is in "
             "'contacts' instead.")
IN_GUIDANCE = ("This text names %s. guidance.yaml holds no phone numbers or email addresses: remove it from the "
               "text, and name the contact that holds it in 'contacts' instead.")


def find(files, problems=()):
    """Problems (errors) for numbers and emails named in sentences that no contact holds.

    files: the second result of validate.check; problems: those it found so far. Nothing is
    checked unless contacts.yaml was read without a problem, since until then there is nothing
    sure to compare with."""
    contacts = files.get("contacts.yaml")
    if contacts is None or any(problem.file == contacts.file for problem in problems):
        return []
    numbers, emails = held(contacts.data)
    found_problems = []
    for name in FILES:
        marked = files.get(name)
        if marked is None:
            continue
        for path, value in walk(marked.data):
            if not isinstance(value, str) or (path and path[-1] in VALUE_FIELDS):
                continue
            if SPELT_OUT_HINT.search(value):
                for found in SPELT_OUT_EMAIL.findall(value):
                    found_problems.append(marked.problem(path, SPELT_OUT % found))
            if name == NO_NUMBERS:
                for found in numbers_in(value) + emails_in(value):
                    found_problems.append(marked.problem(path, IN_GUIDANCE % found))
                continue
            for found in numbers_in(value):
                if not known(found, numbers):
                    found_problems.append(marked.problem(path, NOT_HELD % found))
            for found in emails_in(value) if "@" in value else ():
                if found.lower().strip(".'\"") not in emails:
                    found_problems.append(marked.problem(path, NOT_HELD_EMAIL % found))
    return found_problems
