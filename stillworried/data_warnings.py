"""Warnings: things in the data that are not wrong, but that a maintainer should look at.

A phone number last checked two years ago is still the best number we have, so none of
these stops the site being built (the build runs ``validate.check``, never this module).
``python -m stillworried check`` lists them after the errors and still exits 0, unless it
is given ``--strict``. Each warning says where it is (file:line:col) and what to do.

"Today" is always passed in, never read from the clock here, so tests can pick the day.
"""
import datetime

from dateutil.relativedelta import relativedelta

from stillworried import phones
from stillworried.core import team_numbers
from stillworried.validation.cross_checks import contact_references
from stillworried.validation.suggestions import NUMBER_IN_TEXT
from stillworried.core.workdays import DateError, parse_month_or_date
from stillworried.yamlmarks import Problem

DEFAULT_MAX_AGE_MONTHS = 12
WARNING = Problem.WARNING


def first_day(value):
    """A YYYY-MM-DD or YYYY-MM date; a month alone counts from its first day, the oldest it can be."""
    try:
        return parse_month_or_date(value)
    except DateError:
        return None  # validate.check reports it


def months(count):
    return "%d month%s" % (count, "" if count == 1 else "s")


def stale_verifications(contacts, today, max_age_months):
    for index, contact in enumerate(contacts.data["contacts"]):
        path = ("contacts", index, "verified_on")
        checked = first_day(contact.get("verified_on"))
        if checked is None or checked > today:
            continue  # a day after today is a problem (validation/dates.py), not a warning
        if checked + relativedelta(months=max_age_months) < today:
            yield contacts.problem(path, "The details of '%s' were last verified on %s, more than %s ago. Check them "
                                         "against the partnership's current document, then set 'verified_on' to "
                                         "the date you checked and update 'sources' if the document has changed."
                                   % (contact["id"], contact["verified_on"], months(max_age_months)),
                                   severity=WARNING)


def never_confirmed(contacts, stages):
    """A contact with no 'verified_on' has never been checked with the partnership, and its
    source gives no date to stand in for a check (Wigan's protocol is undated), so the age
    warning above can never fire for it. Say so, once per contact, so that nobody takes
    silence for a recent check; never fill in a date on which nobody checked."""
    dated = {source["file"]: source.get("date") for source in stages.data["sources"]} if stages else {}
    for index, contact in enumerate(contacts.data["contacts"]):
        if contact.get("verified_on"):
            continue
        files = sorted({source["file"] for source in contact.get("sources", [])})
        undated = [name for name in files if not dated.get(name)]
        yield contacts.problem(("contacts", index, "id"),
                               "The details of '%s' have never been confirmed with the partnership (no 'verified_on'"
                               "%s). Ask the partnership to confirm them, then set 'verified_on' to the day you "
                               "checked; never write a day on which nobody checked."
                               % (contact["id"], "; its source, %s, is undated" % ", ".join(undated)
                                  if undated else ""), severity=WARNING)


def overdue_reviews(stages, today):
    for index, procedure in enumerate(stages.data["procedures"]):
        due = first_day(procedure.get("review_due"))
        if due is None or due >= today:
            continue
        path = ("procedures", index, "review_due")
        if procedure["status"] == "lapsed":
            advice = ("It is marked lapsed, so the site warns readers. Ask the partnership for the version that "
                      "replaced it, and when you have it, add it and update this procedure.")
        else:
            advice = ("Ask the partnership whether a newer version exists. If it does, update this procedure from it; "
                      "if it does not, set 'status: lapsed' and add a 'status_note' saying so.")
        yield stages.problem(path, "The procedure '%s' was due for review on %s, which has passed. %s"
                             % (procedure["id"], procedure["review_due"], advice), severity=WARNING)


def dialable(contact):
    """{E.164: phone index} for the numbers of a contact that can be dialled."""
    found = {}
    for index, phone in enumerate(contact.get("phones", [])):
        parsed = phones.dialable(phone)
        if parsed:
            found.setdefault(parsed[0], index)
    return found


def named_in(text):
    """The numbers a 'conflict' note mentions, as E.164."""
    return {parsed[0] for parsed in map(phones.parse, NUMBER_IN_TEXT.findall(text or "")) if parsed}


def team_differences(contacts):
    """The same team, different numbers. Different sources often print different numbers for one
    team; the site shows them side by side. That is fine once someone has looked and written
    a 'conflict' note that names the number; a number the note does not name is new, perhaps
    changed in one place and not in the other, and gets a warning. The note goes where the
    numbers compete, so a contact may have none (the Bridge's referral line, which every source
    gives for referrals and challenges): its numbers must then be named in a teammate's note."""
    everyone = contacts.data["contacts"]
    for team, members in team_numbers.teams(everyone).items():
        numbers = {index: dialable(everyone[index]) for index in members}
        for index in members:
            contact = everyone[index]
            explained = named_in(contact.get("conflict")) if contact.get("conflict") else set().union(
                *(named_in(everyone[other].get("conflict")) for other in members if other != index))
            for number, phone_index in numbers[index].items():
                others = [other for other in members if other != index and numbers[other]
                          and number not in numbers[other]]
                if not others or number in explained:
                    continue
                other = everyone[others[0]]
                other_path = ("contacts", others[0], "phones", min(numbers[others[0]].values()), "number")
                yield contacts.problem(
                    ("contacts", index, "phones", phone_index, "number"),
                    "The team '%s' has a different number here (%s) from '%s' (%s, line %d). If one of them is out "
                    "of date, correct it. If the sources really differ, say so in a 'conflict' note on both contacts "
                    "that names both numbers." % (team, contact["phones"][phone_index]["number"], other["id"],
                                                  other["phones"][other_path[3]]["number"],
                                                  contacts.where(other_path)[0]), severity=WARNING)


def unused_contacts(files):
    """A contact that no stage, partnership, form, guidance entry or contact list names is
    only on its area's contacts page: often left over after a change, or missing from a stage."""
    contacts = files["contacts.yaml"]
    named = set()
    for marked in files.values():
        named.update(contact_id for _, contact_id in contact_references(marked, contacts))
    for index, contact in enumerate(contacts.data["contacts"]):
        if contact["id"] in named or contact.get("lists"):
            continue
        yield contacts.problem(("contacts", index, "id"),
                               "Nothing uses the contact '%s': no stage, partnership, form, guidance entry or contact "
                               "list names it, so it is only listed on its area's contacts page. If it is no longer "
                               "needed, delete it. If it is, add its id to the 'contacts' of the stage it belongs to, "
                               "or add it to a list with 'lists:'." % contact["id"], severity=WARNING)


def invalid_numbers(contacts):
    for index, contact in enumerate(contacts.data["contacts"]):
        for phone_index, phone in enumerate(contact.get("phones", [])):
            if phone.get("invalid_in_source"):
                yield contacts.problem(
                    ("contacts", index, "phones", phone_index, "number"),
                    "'%s' is kept as the source prints it, but it cannot be dialled, so the site shows it as text "
                    "with a warning. Ask the partnership for the right number. When you have it, write it here, "
                    "remove 'invalid_in_source' and update 'sources' and 'verified_on'." % phone["number"],
                    severity=WARNING)


def find(files, today=None, max_age_months=DEFAULT_MAX_AGE_MONTHS):
    """Every warning about the files validate.check could read, sorted by file and line.

    files: the second result of validate.check. today: a datetime.date (default: the clock's).
    A file with errors is not in files, so it gets no warnings until its errors are fixed."""
    today = today or datetime.date.today()
    found = []
    if "contacts.yaml" in files:
        contacts = files["contacts.yaml"]
        found += stale_verifications(contacts, today, max_age_months)
        found += team_differences(contacts)
        found += invalid_numbers(contacts)
        found += never_confirmed(contacts, files.get("stages.yaml"))
        if len(files) == 3:
            found += unused_contacts(files)
    if "stages.yaml" in files:
        found += overdue_reviews(files["stages.yaml"], today)
    return sorted(found, key=Problem.sort_key)
