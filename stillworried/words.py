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


def counted_from(timescale, from_iso, due_iso=None, closed=None):
    """'5 working days from Monday 23 November 2026', to show how the date was reached.

    With the date it fell on (due_iso), two cases say more, so no date moves without a word:
    "the same working day" as a day offices are closed is the next working day (closed: that
    day's words, "a bank holiday (Christmas Day)"), and a month from a day its last month has no
    such day of ends on that month's last day (Wigan's month from 31 January ends on 28 February)."""
    unit = timescale["unit"]
    if unit == "same_working_day":
        if due_iso is not None and due_iso != from_iso and closed:
            return "the next working day after " + long_date(from_iso) + ", which is " + closed
        if due_iso is not None:
            return "the same working day as " + long_date(from_iso)
        return "the same working day as " + long_date(from_iso) + ", or the next working day"
    said = span(timescale["amount"], unit) + " from " + long_date(from_iso)
    if unit == "calendar_months" and due_iso is not None and parse_date(due_iso).day != parse_date(from_iso).day:
        due = parse_date(due_iso)
        said += (" (" + MONTHS[due.month - 1] + " " + str(due.year) + " has no " + ordinal(parse_date(from_iso).day)
                 + ", so the month ends on its last day)")
    return said


def ordinal(number):
    """29 -> '29th', 31 -> '31st'."""
    if 10 <= number % 100 <= 20:
        return str(number) + "th"
    return str(number) + {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def closed_day(iso, weekend, holiday, substitute_iso, before_iso):
    """A date offices may be closed on, said next to the date with the last working day before it
    (issue 21, item 7): "Friday 25 December 2026 is a bank holiday (Christmas Day): offices may be
    closed. The last working day before it is Thursday 24 December 2026." weekend: True at a
    weekend; holiday: the bank holiday's name, or None; substitute_iso: the weekday the holiday is
    kept on when it falls at a weekend (Christmas Day on Saturday 25 December 2027: Monday 27th)."""
    if weekend and holiday:
        said = long_date(iso) + " is " + holiday + ", at the weekend"
        if substitute_iso:
            said += "; the bank holiday for it is " + long_date(substitute_iso)
        said += ": offices may be closed."
    elif weekend:
        said = long_date(iso) + " is at the weekend: offices may be closed."
    else:
        said = long_date(iso) + " is a bank holiday (" + (holiday or "a bank holiday") + "): offices may be closed."
    if before_iso:
        said += " The last working day before it is " + long_date(before_iso) + "."
    return said


def stage_own_date(closed):
    """A closed-day line for the stage's own date where the whole process's is the one in bold."""
    return "This stage's own date: " + closed


def newest_source(label):
    """The label of a team's number from the newest of the documents that print one."""
    return "Newest source: " + label


def same_day_next(timescale):
    """The next stage's same-working-day step, after "go to stage N: title"."""
    return "and " + timescale["action"] + " on the same working day"


def closed_words(iso, weekend, holiday):
    """What a closed day is, inside a sentence: "a bank holiday (Christmas Day)", "at the weekend"."""
    if weekend and holiday:
        return holiday + ", at the weekend"
    if weekend:
        return "at the weekend"
    return "a bank holiday (" + (holiday or "a bank holiday") + ")"


def reading_line(reading, other_date=None, other_first=False):
    """Where the source can be read two ways (a timescale's readings in the data): the data's one
    line saying which reading we keep and why, and, with dates, what the other gives. The engine
    keeps whichever ends first, so where the other reading does, it says so."""
    line = reading["why"]
    if other_date is not None and other_first:
        return line + " Here " + reading["rejected"] + " ends first, so that is the date: " + long_date(other_date) + "."
    if other_date is not None:
        return line + " Counted as " + reading["rejected"] + ", it would be " + long_date(other_date) + "."
    return line


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
# A limit for something your side does ("raise it", "send it") is labelled by that action, since
# the words before the date cannot say "it" before the page has said what it is (issue 21, item 11).
OWN_ACTIONS = ("raise", "send")


def deadline_label(measures):
    """The headline for a stage's main date, by what the time limit measures."""
    return DEADLINE_LABELS.get(measures, "Due by")


def limit_label(timescale):
    """The words before a time limit's date: the data's own label where it gives one ("Referrals
    Outcome Form due by"), the action for something your side does ("Copy the Escalation Notice
    to the appropriate Service Manager (or equivalent) by"), else by what it measures."""
    if timescale.get("label"):
        return timescale["label"]
    if timescale["measures"] in OWN_ACTIONS:
        return capitalise(timescale["action"]) + " by"
    return deadline_label(timescale["measures"])


def do_it_now(limit):
    """What to do about a step your side should already have taken: "if it is not done yet, you
    should escalate it to your line manager now" (never "contact them again" before anyone was
    contacted)."""
    return "if it is not done yet, " + limit["who"] + " should " + limit["action"] + " now"


def step_due(limit):
    """A step of the stage other than its headline, due today or overdue, for the first screen
    (issue 21, item 5): what, by when (and, for "the same working day", the same as what), and
    what to do now."""
    said = capitalise(limit["who"]) + " should " + limit["action"] + " by " + limit["date_words"]
    if limit["unit"] == "same_working_day" and limit["date"] != limit["from_date"]:
        said += ": " + limit["counted"]  # moved on from a closed day, and said so (issue 22)
    elif limit["unit"] == "same_working_day":
        said += ", the same working day as " + limit["from_what"]
    said += "."
    if limit["status"] == "today":
        return said + " That is today."
    return said + " It is overdue: if it is not done yet, do it now."


def date_what(legend):
    """A date question's label as its messages name it: "The day you made the referral" ->
    "date you made the referral" ("Enter the date you made the referral.")."""
    return "date" + legend[len("The day"):] if legend.startswith("The day ") else "date"


def stage_heading(number, title):
    """The answer's heading: "Stage 2: Practice Manager", or a situation's own title."""
    return title if number is None else "Stage " + str(number) + ": " + title


def source_date(date):
    """A source's date as a reader says it: '2015-01' -> 'January 2015', '2014-05-15' -> '15 May 2014'."""
    parts = date.split("-")
    said = MONTHS[int(parts[1]) - 1] + " " + parts[0]
    return (str(int(parts[2])) + " " + said) if len(parts) == 3 else said


def from_document(title, date):
    """Which document (and its date) a number comes from, beside the number: "Salford VCSE
    protocol, January 2015", or "undated" where the source has no date."""
    return title + ", " + (source_date(date) if date else "undated")


# The line above the contacts the source says are for adults only, put apart after the others.
ADULTS_ONLY = "For adult services only:"


def list_heading(agency, listing, stage_number):
    """The line above an agency's contacts from a list the source prints, naming the stage the
    source gives it for (Wigan Appendix 2's second table is "for logging/discussion/resolution
    at Stage 2", whichever stage it is shown at). Short: on a phone every line pushes the first
    contact's button down."""
    given = listing.get("stage")
    if given is None:
        return agency + ", from the source's list:"
    if given == stage_number:
        return agency + ", from the stage " + str(given) + " list:"
    return (agency + ", from the stage " + str(given) + " list (the source gives none for stage "
            + str(stage_number) + "):")


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


def overall_unknown(overall):
    """Where the stage's date is known and the overall limit's is not (its start was not given):
    never "whichever ends first" with only one of the two dates to compare."""
    return (capitalise(_overall_named(overall, "the whole process's limit")) + " may end sooner: it counts from "
            + overall["from_what"] + ", which was not given. Give that day to work it out.")


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


def raised_on(raised_iso, late_iso=None):
    """A limit for raising it, met: "You raised it on ...", and, where that was after the limit's
    date, what the date was."""
    said = "You raised it on " + long_date(raised_iso)
    if late_iso:
        return said + ", after this limit (" + long_date(late_iso) + ")."
    return said + "."


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


# The wizard with no signal, for an area whose answers were never saved on this phone.
NO_SIGNAL_TITLE = "You have no signal"
NO_SIGNAL_AREA = ("This area's answers were not saved on this phone, so we cannot work them out now. When you have a "
                  "signal, try again. If a child is in immediate danger, call 999.")
