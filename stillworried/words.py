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


def overall_rule(overall):
    """The overall time limit in a sentence, with where it applies when the source sets it for
    part of the procedure only ("It applies at stage 1.")."""
    rule = timescale_rule(overall)
    if overall.get("applies_to_stages"):
        rule += " It applies at " + stages_words(overall["applies_to_stages"]) + "."
    return rule



# --- Pages without JavaScript (macros/) ----------------------------------------------------------

# The wizard's "No" to "Is a child in immediate danger?" with JavaScript off (macros/wizard.py).
NO_SCRIPT_AREA_TITLE = "Find the procedure for the child's area"
NO_SCRIPT_AREA = ("The questions on this page need JavaScript, which is off or has not loaded. Each area's page "
                  "sets out its procedure stage by stage: who to contact next, how, and the time limits.")
CHOOSE_AREA = "Choose the child's area"
# A procedure page's jump list (macros/render.py contents_list).
ON_THIS_PAGE = "On this page"
