"""Dates and time limits in plain English, shared by the command line, the site and the wizard.

MicroPython's datetime has no strftime, so the names are spelled out here.
"""
from stillworried.workdays import parse_date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


def long_date(iso):
    """'2026-11-23' -> 'Monday 23 November 2026', the GOV.UK date style with the weekday."""
    day = parse_date(iso)
    return WEEKDAYS[day.weekday()] + " " + str(day.day) + " " + MONTHS[day.month - 1] + " " + str(day.year)


def month_or_day(iso):
    """'2015-01' -> 'January 2015', '2014-05-15' -> '15 May 2014': a date as a document prints it."""
    parts = [int(part) for part in iso.split("-")]
    return (str(parts[2]) + " " if len(parts) == 3 else "") + MONTHS[parts[1] - 1] + " " + str(parts[0])


def plural(count, one, many):
    return str(count) + " " + (one if count == 1 else many)


def span(amount, unit):
    """'5 working days', 'the same working day', '7 days', '1 month'."""
    if unit == "working_days":
        return plural(amount, "working day", "working days")
    if unit == "same_working_day":
        return "the same working day"
    if unit == "calendar_days":
        return plural(amount, "day", "days")
    if unit == "calendar_months":
        return plural(amount, "month", "months")
    raise ValueError("unknown unit " + str(unit))


def capitalise(text):
    return text[:1].upper() + text[1:]


def timescale_rule(timescale):
    """The time limit as one sentence, for example
    'The Practice Manager should respond to your complaint within 5 working days of the day you contacted them.'"""
    head = capitalise(timescale["who"]) + " should " + timescale["action"]
    if timescale["unit"] == "same_working_day":
        return head + " on the same working day as " + timescale["from_words"] + "."
    return head + " within " + span(timescale["amount"], timescale["unit"]) + " of " + timescale["from_words"] + "."


def counted_from(timescale, from_iso):
    """'5 working days from Monday 23 November 2026', to show how the date was reached."""
    if timescale["unit"] == "same_working_day":
        return "the same working day as " + long_date(from_iso) + ", or the next working day"
    return span(timescale["amount"], timescale["unit"]) + " from " + long_date(from_iso)


# What a contact card says where the source gives a contact no number and no email (and no note
# saying how to reach them): the same words on the pages and in the wizard.
NO_WAYS = "The source gives no phone number or email."


def contact_heading(contact):
    """A contact card's name: the contact's, with the person's name where it does not say it."""
    person = contact.get("person")
    return contact["name"] + (" (" + person + ")" if person and person not in contact["name"] else "")


def contact_role(contact):
    """A contact card's role line, or None where there is none or it only repeats the name."""
    return contact["role"] if contact.get("role") and contact["role"] != contact["name"] else None


def no_ways_words(contact):
    """What a card says in place of its buttons where the contact has no number or email."""
    return contact.get("note") or NO_WAYS
def checked_words(verified_on, documents):
    """Whether anyone has confirmed a contact's details, and how old its source is, in the same
    words on the pages, the open data, the vCards, the command line and the wizard (issue 22:
    "Verified January 2015 (the date of the source)" was a document's date shown as a check).

    verified_on: the day someone confirmed the details (contacts.yaml), or None. documents:
    [(name, date or None)], each document the contact comes from, with the date printed on it
    (`date` in the sources of stages.yaml)."""
    if verified_on:
        return "Last confirmed on " + month_or_day(verified_on) + "."
    said = "Never confirmed with the partnership. "
    dates = [date for _, date in documents]
    if not any(dates):
        return said + ("The source is" if len(documents) == 1 else "The sources are") + \
            " undated, so how old these details are is not known."
    if len(documents) == 1:
        return said + "The source is dated " + month_or_day(dates[0]) + "."
    return said + "The sources: " + "; ".join(
        name + ", " + ("dated " + month_or_day(date) if date else "undated") for name, date in documents) + "."


def out_of_hours_words(hours_text):
    """What an area's front door says about evenings, nights and weekends, where no source gives
    a number for out of hours: its opening hours where the source gives them, and 999."""
    opening = ("Open " + hours_text + "." if hours_text else "The source gives no opening hours.")
    return opening + " No number is given for out of hours: if a child is in immediate danger, call 999 at any time."


# The contacts index, where no area's sources give a number for out of hours.
OUT_OF_HOURS_EVERY_AREA = ("None of the sources gives a number for out of hours: evenings, nights, weekends or bank "
                           "holidays. If a child is in immediate danger, call 999 at any time. Each area's contacts "
                           "page gives the opening hours its sources print.")


DEADLINE_LABELS = {"raise": "Raise it by", "answer": "Answer due by", "resolve": "Resolution due by",
                   "confirm": "Confirmation due by", "send": "Send it by"}


def deadline_label(measures):
    """The headline for a stage's main date, by what the time limit measures."""
    return DEADLINE_LABELS.get(measures, "Due by")


def first_screen_label(limit, keep_to):
    """The words before the first screen's bold date: the limit's own ("Resolution due by"), or,
    where the whole process's limit is the one to keep to, that it is the whole process's."""
    return "Whole process due by" if keep_to == "overall" else limit["label"]


def stages_words(numbers):
    """[1] -> 'stage 1', [1, 2, 3] -> 'stages 1, 2 and 3'."""
    named = [str(number) for number in numbers]
    if len(named) == 1:
        return "stage " + named[0]
    return "stages " + ", ".join(named[:-1]) + " and " + named[-1]


def overall_title(overall):
    """What the overall time limit is called: "The whole process", or, where the source sets it
    for part of the procedure only, where it applies (Southwark's "one working week" is the aim
    for the first discussion, 3.1: "The aim at stage 1")."""
    if overall.get("applies_to_stages"):
        return "The aim at " + stages_words(overall["applies_to_stages"])
    return "The whole process"


def _overall_named(overall, whole):
    """`whole` for the whole process, or "the aim at stage 1" where the source sets the limit for
    some stages only."""
    if overall.get("applies_to_stages"):
        return "the aim at " + stages_words(overall["applies_to_stages"])
    return whole


def two_limits(overall):
    """Where a stage has its own time limit and the overall one applies too, without dates."""
    return ("Two time limits apply here: this stage's and " + _overall_named(overall, "the whole process's")
            + ". Whichever ends first is the one to keep to.")


def same_day_words(overall, date_words):
    """This stage's date and the overall limit fall on the same day."""
    return ("This stage's date and " + _overall_named(overall, "the whole process's limit") + " are the same day: "
            + date_words + ".")


def overall_ends_words(overall, date_words):
    """When the overall limit ends, after this stage's date: "The whole process should end by ...",
    or "The aim at stage 1 ends on ..." (Southwark's one working week, for the first discussion)."""
    if overall.get("applies_to_stages"):
        return capitalise(_overall_named(overall, "")) + " ends on " + date_words + "."
    return "The whole process should end by " + date_words + "."


def overall_rule(overall):
    """The overall time limit in a sentence, with where it applies when the source sets it for
    part of the procedure only ("It applies at stage 1.")."""
    rule = timescale_rule(overall)
    if overall.get("applies_to_stages"):
        rule += " It applies at " + stages_words(overall["applies_to_stages"]) + "."
    return rule

