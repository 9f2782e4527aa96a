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



# --- The day an answer was counted from (engine.counted_from, where_known) -----------------------
# The answer repeats the day it counted from, so a date typed wrong can be seen, and says where
# the day came from: the person, or, in "where should I be today?", the walk's assumption.

YOU_SAID_STAGE_BEGAN = "the day you told us this stage began"
YOU_SAID_DISAGREEMENT_BEGAN = "the day you told us the disagreement began"
YOU_SAID_RAISED = "the day you told us you raised it"


def you_said_stage_began(number):
    return "the day you told us stage " + str(number) + " began"


# Said after the rule, which has just named what the day is ("within 2 working days of the day
# this stage began. Counted from your date, Thursday 17 December 2026."): short, so the first
# screen's buttons stay on it.


def that_is(limit, said=None):
    """The line after the rule saying how its date was reached: 'That is 2 working days from
    Thursday 17 December 2026.'; or, where the count starts on the day in said (engine.counted_from),
    'Counted from your date, Thursday 17 December 2026.' (the rule has just said how long), or,
    where that day is the walk's assumption, 'Counted from Monday 30 November 2026, the day we
    assumed stage 2 began.' The same working day keeps its own words ("..., or the next working day")."""
    if not said:
        return "That is " + limit["counted"] + "."
    if said["assumed"]:
        head = "Counted from " + long_date(limit["from_date"]) + ", the day we assumed stage " + str(said["stage"]) \
            + " began"
    else:
        head = "Counted from your date, " + long_date(limit["from_date"])
    if limit["unit"] == "same_working_day":
        return head + ": the same working day, or the next working day."
    return head + "."


def counted_from_line(iso, what):
    """'Counted from Monday 23 November 2026, the day you told us this stage began.'"""
    return "Counted from " + long_date(iso) + ", " + what + "."


def assumed_stage_began(iso, number):
    """The walk's day for a stage after the one where it was raised, said as an assumption."""
    return ("Counted from " + long_date(iso) + ". We assumed stage " + str(number) + " began that day, when stage "
            + str(number - 1) + "'s time limit ended: you have not told us the day it really began.")


def where_known_words(raised_iso, number, since_iso):
    """The lede of "where should I be today?" once the person has said when the stage began (the
    stage's title is the heading just above it)."""
    return ("You raised it on " + long_date(raised_iso) + ", and it was taken to stage " + str(number) + " on "
            + long_date(since_iso) + ".")


def escalated_before_raised(number):
    return "The day stage " + str(number) + " began must be the same as or after the day you raised it."


def escalated_after_today(number):
    return "The day stage " + str(number) + " began must be today or in the past."


def stage_began_what(number):
    """'the day stage 2 began', for the question and its messages."""
    return "the day stage " + str(number) + " began"


def too_many_digits(part, what, most, example):
    """'The day of the date this stage began has too many numbers. A day has 1 or 2 numbers, for
    example 27.' Said, never cut: a box that dropped the extra digits kept an old day."""
    allowed = "1 or 2" if most == 2 else str(most)
    return ("The " + part + " of the " + what + " has too many numbers. A " + part + " has " + allowed
            + " numbers, for example " + example + ".")


def escalated_question(number):
    return "When did stage " + str(number) + " begin?"


def escalated_hint(number, title, assumed_iso):
    """What the walk would assume for the stage, and that the person's own day counts instead."""
    said = "Giving each stage its full time limit, it would have reached stage " + str(number) + " (" + title + ")"
    said += (" on " + long_date(assumed_iso) + "." if assumed_iso else ".")
    return (said + " If someone took it to stage " + str(number) + " on another day, enter that day: the time limit "
            "counts from it. If it has not reached stage " + str(number) + ", or you do not know, leave it empty.")


DONT_KNOW = "I do not know when it began"
TELL_US = "Tell us the day it really began"

# The example under every date question (the GOV.UK date input pattern): the boxes start empty.
DATE_EXAMPLE = "For example, 27 11 2026."


# --- Pages without JavaScript (macros/) ----------------------------------------------------------

# The wizard's "No" to "Is a child in immediate danger?" with JavaScript off (macros/wizard.py).
NO_SCRIPT_AREA_TITLE = "Find the procedure for the child's area"
NO_SCRIPT_AREA = ("The questions on this page need JavaScript, which is off or has not loaded. Each area's page "
                  "sets out its procedure stage by stage: who to contact next, how, and the time limits.")
CHOOSE_AREA = "Choose the child's area"
# A procedure page's jump list (macros/render.py contents_list).
ON_THIS_PAGE = "On this page"
