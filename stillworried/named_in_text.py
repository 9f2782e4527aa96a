"""Phone numbers and email addresses written into the data's sentences.

A note, a conflict note, a route or a rule may name a number in its text ("the guidance also
gives 0161 603 4555 for advice"). The number itself lives in contacts.yaml, where the check
validates it and the site turns it into a link; the sentence is only words. So when a number
changes in contacts.yaml, a sentence that still names the old one would quietly tell readers
to ring a number we no longer hold. This check makes that an error: every number and email
named in a sentence of stages.yaml or contacts.yaml must be one that a contact holds.
(guidance.yaml allows no numbers in its text at all; its schema refuses them.)

A team's 'conflict' note is left to the team warning (data_warnings.team_differences), which
already reports a number it does not name; and the check waits until contacts.yaml has no
problems of its own, so that one mistyped number is reported once, where it was typed, and not
again in every sentence that names it.

It is a separate module so that validate.check only has to call it.
"""
from stillworried import phones
from stillworried.validation.data_files import walk
from stillworried.validation.suggestions import EMAIL_IN_TEXT, NUMBER_IN_TEXT

FILES = ("stages.yaml", "contacts.yaml")
# Where a number or email is the value itself, not a sentence about it.
VALUE_FIELDS = ("number", "address", "conflict")


def held(contacts_data):
    """Every way a contact's number or email can be written: its digits, its E.164 form and
    the lower-case email. A number kept as its source prints it (invalid_in_source) counts."""
    numbers, emails = set(), set()
    for contact in contacts_data.get("contacts") or []:
        for phone in contact.get("phones") or []:
            numbers.add(phones.digits(phone["number"]))
            parsed = phones.parse(phone["number"])
            if parsed:
                numbers.add(parsed[0])
        for email in contact.get("emails") or []:
            emails.add(email["address"].lower())
    return numbers, emails


def looks_like_a_number(text):
    """Long enough to be a UK phone number (10 or 11 digits, or +44): dates and amounts are not."""
    return len(phones.digits(text)) >= 10


def split_numbers(run):
    """A run of digits and spaces as the numbers in it: "07884 213851 01942 822333" (two numbers
    printed side by side) is two. A new number starts at a group beginning with 0 or +44 once
    the one before has 10 digits."""
    numbers, current = [], []
    for group in run.split():
        if current and len(phones.digits("".join(current))) >= 10 and group.startswith(("0", "+")):
            numbers.append(" ".join(current))
            current = []
        current.append(group)
    return numbers + ([" ".join(current)] if current else [])


def known(found, numbers):
    parsed = phones.parse(found)
    return phones.digits(found) in numbers or bool(parsed and parsed[0] in numbers)


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
            for found in (number for run in NUMBER_IN_TEXT.findall(value) for number in split_numbers(run)):
                if looks_like_a_number(found) and not known(found, numbers):
                    found_problems.append(marked.problem(
                        path, "This text names the phone number %s, but no contact in contacts.yaml holds it. If the "
                              "number has changed, change the text too; if it is new, add it to the contact it belongs "
                              "to (with its source) before naming it here." % found))
            for found in EMAIL_IN_TEXT.findall(value):
                if found.lower().strip(".'\"") not in emails:
                    found_problems.append(marked.problem(
                        path, "This text names the email address %s, but no contact in contacts.yaml holds it. If the "
                              "address has changed, change the text too; if it is new, add it to the contact it "
                              "belongs to (with its source) before naming it here." % found))
    return found_problems
