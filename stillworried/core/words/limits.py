"""A time limit in words: its rule, the words before its date, its status seen from today, how
its date was counted and from which of the person's days, and why a source read two ways was
counted as it was. The engine gives the facts (stillworried.core.limits); these say them."""
from stillworried.core.words.dates import capitalise, long_date, plural, span, stages_words


def rule(who, action, unit, amount, from_words):
    """The time limit as one sentence, for example 'The Practice Manager should respond to your
    complaint within 5 working days of the day you contacted them.'"""
    head = capitalise(who) + " should " + action
    if unit == "same_working_day":
        return head + " on the same working day as " + from_words + "."
    return head + " within " + span(amount, unit) + " of " + from_words + "."


def timescale_rule(timescale):
    """A time limit of the data (a timescale) as one sentence (see rule)."""
    return rule(timescale["who"], timescale["action"], timescale["unit"], timescale.get("amount"),
                timescale["from_words"])


def overall_title(overall):
    """What the overall time limit is called: "The whole process", or, where the source sets it
    for part of the procedure only, where it applies (Southwark's "one working week" is the aim
    for the first discussion, 3.1: "The aim at stage 1")."""
    if overall.get("applies_to_stages"):
        return "The aim at " + stages_words(overall["applies_to_stages"])
    return "The whole process"


def overall_rule(overall):
    """The overall time limit in a sentence, with where it applies when the source sets it for
    part of the procedure only ("It applies at stage 1.")."""
    said = timescale_rule(overall)
    if overall.get("applies_to_stages"):
        said += " It applies at " + stages_words(overall["applies_to_stages"]) + "."
    return said


def limit_words(unit, amount):
    """A stage's limit on the procedure page's ladder: 'Within 10 working days', 'On the same working day'."""
    if unit == "same_working_day":
        return "On the same working day"
    return "Within " + span(amount, unit)


NO_LIMIT_IN_SOURCE = "No time limit in the source"
# A stage whose source sets no time limit: the first screen and the procedure page.
NO_TIME_LIMIT = "The source sets no time limit for this stage. Do not let it drift."


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


DEADLINE_LABELS = {"raise": "Raise it by", "answer": "Answer due by", "resolve": "Resolution due by",
                   "confirm": "Confirmation due by", "send": "Send it by"}
# A limit for something your side does ("raise it", "send it") is labelled by that action, since
# the words before the date cannot say "it" before the page has said what it is (issue 21, item 11).
OWN_ACTIONS = ("raise", "send")


def deadline_label(measures):
    """The headline for a stage's main date, by what the time limit measures."""
    return DEADLINE_LABELS.get(measures, "Due by")


def label(given, measures, action):
    """The words before a time limit's date: the data's own label where it gives one ("Referrals
    Outcome Form due by"), the action for something your side does ("Copy the Escalation Notice
    to the appropriate Service Manager (or equivalent) by"), else by what it measures."""
    if given:
        return given
    if measures in OWN_ACTIONS:
        return capitalise(action) + " by"
    return deadline_label(measures)


def limit_label(timescale):
    """label() for a time limit of the data."""
    return label(timescale.get("label"), timescale["measures"], timescale["action"])


WHOLE_PROCESS_DUE = "Whole process due by"


def first_screen_label(limit, keep_to):
    """The words before the first screen's bold date: the limit's own ("Resolution due by"), or,
    where the whole process's limit is the one to keep to, that it is the whole process's."""
    return WHOLE_PROCESS_DUE if keep_to == "overall" else limit["label"]


# What is missing to work a date out: a limit is never counted from a date not given.
MISSING_WORDS = {
    "started": "We need the date the disagreement began to work this out.",
    "since": "We need the date this stage began to work this out.",
}
NEEDS_STARTED = "Needs the day the disagreement began"


def status_words(status, working_days_left, days_left):
    """A date seen from today: "Due today.", "In 3 working days.", "Overdue: it was due 2 working
    days ago." (in calendar days where no working day lies between)."""
    if status == "today":
        return "Due today."
    if status == "upcoming":
        if working_days_left:
            return "In " + plural(working_days_left, "working day", "working days") + "."
        return "In " + plural(days_left, "day", "days") + "."
    if working_days_left:
        said = plural(-working_days_left, "working day", "working days")
    else:
        said = plural(-days_left, "day", "days")
    return "Overdue: it was due " + said + " ago."


def you_raised(raised_iso):
    """The day it was raised, as the answers say it ("where should I be today?", a limit met)."""
    return "You raised it on " + long_date(raised_iso)


def raised_on(raised_iso, late_iso=None):
    """A limit for raising it, met: "You raised it on ...", and, where that was after the limit's
    date, what the date was."""
    said = you_raised(raised_iso)
    if late_iso:
        return said + ", after this limit (" + long_date(late_iso) + ")."
    return said + "."


def after_overall(overall_date_words):
    return "This is after the overall time limit, which ends on " + overall_date_words + "."


def do_it_now(who, action):
    """What to do about a step your side should already have taken: "if it is not done yet, you
    should escalate it to your line manager now" (never "contact them again" before anyone was
    contacted)."""
    return "if it is not done yet, " + who + " should " + action + " now"


def step_due(limit, status):
    """A step of the stage other than its headline, due today or overdue, for the first screen
    (issue 21, item 5): what, by when (and, for "the same working day", the same as what), and
    what to do now. limit: a limit in words; status: "today" or "overdue", as it was found."""
    said = capitalise(limit["who"]) + " should " + limit["action"] + " by " + limit["date_words"]
    if limit["unit"] == "same_working_day" and limit["date"] != limit["from_date"]:
        said += ": " + limit["counted"]  # moved on from a closed day, and said so (issue 22)
    elif limit["unit"] == "same_working_day":
        said += ", the same working day as " + limit["from_what"]
    said += "."
    if status == "today":
        return said + " That is today."
    return said + " It is overdue: if it is not done yet, do it now."


# --- The day an answer was counted from (verdicts.counted_from) -------------------------------
# The answer repeats the day it counted from, so a date typed wrong can be seen, and says where
# the day came from: the person, or, in "where should I be today?", the walk's assumption.

YOU_SAID_STAGE_BEGAN = "the day you told us this stage began"
YOU_SAID_DISAGREEMENT_BEGAN = "the day you told us the disagreement began"
YOU_SAID_RAISED = "the day you told us you raised it"
# verdicts.counted_from's kinds of day, in words (stage_began names the stage).
YOU_SAID = {"stage": YOU_SAID_STAGE_BEGAN, "started": YOU_SAID_DISAGREEMENT_BEGAN, "raised": YOU_SAID_RAISED}


def you_said_stage_began(number):
    return "the day you told us stage " + str(number) + " began"


def that_is(limit, said=None):
    """The line after the rule saying how its date was reached: 'That is 2 working days from
    Thursday 17 December 2026.'; or, where the count starts on the day in said (counted_from
    in words), 'Counted from your date, Thursday 17 December 2026.' (the rule has just said how
    long), or, where that day is the walk's assumption, 'Counted from Monday 30 November 2026,
    the day we assumed stage 2 began.' The same working day keeps its own words ("..., or the
    next working day"). Said after the rule, which has just named what the day is: short, so the
    first screen's buttons stay on it."""
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
