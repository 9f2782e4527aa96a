"""The answer's verdicts in words: the heading, which of two limits comes first, whether it is due
today or overdue and what to do now, what happens if it is not resolved, "where should I be
today?", and what the engine cannot answer (said so a person can act on it). The engine gives the
facts (stillworried.core.verdicts, walk); these say them."""
from stillworried.core.words.dates import capitalise, long_date, stages_words
from stillworried.core.words.limits import do_it_now, you_raised


def stage_heading(number, title):
    """The answer's heading: "Stage 2: Practice Manager", or a situation's own title."""
    return title if number is None else stage_title(number, title)


def stage_title(number, title):
    """"Stage 2: Practice Manager": a stage as every list of stages names it."""
    return "Stage " + str(number) + ": " + title


# --- Which of two limits comes first (verdicts.which_wins) --------------------------------------

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


def which_wins(kind, deadline, overall):
    """verdicts.which_wins's kind in words. The stage's date is shown just above this line, so
    it is not said again where it comes first: on a phone every line pushes the contacts' buttons
    further down the first screen."""
    if kind is None:
        return None
    if kind == "overall_unknown":
        return overall_unknown(overall)
    if kind == "rule":
        return two_limits(overall)
    if kind == "same_day":
        return same_day_words(overall, deadline["date_words"])
    if kind == "stage_first":
        # Its closed-day warning here, beside its date, not under the stage's date in bold, where
        # a phone tester read it as being about that date (Wigan stage 1 from 25 November 2026:
        # the month ends on Christmas Day).
        return ("This stage's date comes first. " + overall_ends_words(overall, overall["date_words"])
                + (" " + overall["non_working_day"] if overall["non_working_day"] else ""))
    return "This stage's own limit ends later, on " + deadline["date_words"] + "."


def stage_own_date(closed):
    """A closed-day line for the stage's own date where the whole process's is the one in bold."""
    return "This stage's own date: " + closed


# --- Due today or overdue, and what to do now (verdicts.flag) ----------------------------------

def flag(facts, limit):
    """The first screen's flag in words: facts from verdicts.flag, limit the one it is about (in
    words, for its date)."""
    if facts["status"] == "today":
        if facts["limit"] == "stage":
            return "This is due today."
        return "The whole process should be finished today."
    now = facts["now"]
    if now == "own":
        todo = do_it_now(facts["who"], facts["action"])
    elif now == "then":
        todo = facts["then"]
    elif now == "move":
        todo = "move to stage " + str(facts["stage"]) + " now"
    else:
        todo = "contact them again and tell your manager"
    said = "This was due on " if facts["limit"] == "stage" else "The whole process should have been finished by "
    return said + limit["date_words"] + ". It is now overdue: " + todo + "."


def next_words(following, dated, if_not=None, same_day=None):
    """What happens if it is not resolved, in one line. "by then" only where the stage has a
    date to be resolved by (dated); following is the next stage, or None at the last. if_not:
    a follow-up's own condition ("If the form has not come, or you are dissatisfied with the
    response to your referral"). same_day: the next stage's step due the same working day it
    begins (procedures.same_working_day_step), said at the end."""
    if following is None:
        return "This is the last stage of the procedure."
    if if_not:
        return if_not + ", go to stage " + str(following["number"]) + ": " + following["title"] + "."
    said = ("If it is not resolved" + (" by then" if dated else "") + ", go to stage " + str(following["number"])
            + ": " + following["title"])
    if same_day:
        return said + ", " + same_day_next(same_day) + "."
    return said + "."


def same_day_next(timescale):
    """The next stage's same-working-day step, after "go to stage N: title"."""
    return "and " + timescale["action"] + " on the same working day"


# --- Where should I be today? (walk) ---------------------------------------------------------

def where_words(raised_iso, raised_at, today_iso, number, title, stopped=None):
    """The finding of "where should I be today?" in a sentence. raised_at: the stage it was raised
    at, where stages were tried before (else None); stopped: why the walk cannot date the stages
    after this one, where that matters today."""
    said = you_raised(raised_iso)
    if raised_at is not None:
        said += " at stage " + str(raised_at)
    said += (". Giving each stage its full time limit, on " + long_date(today_iso) + " it should be at stage "
             + str(number) + ": " + title + ".")
    return said + (" " + stopped if stopped else "")


def where_known_words(raised_iso, number, since_iso):
    """The lede of "where should I be today?" once the person has said when the stage began (the
    stage's title is the heading just above it)."""
    return (you_raised(raised_iso) + ", and it was taken to stage " + str(number) + " on "
            + long_date(since_iso) + ".")


def stopped_words(number, title):
    """Where the source gives a stage no end, the walk cannot date the stages after it."""
    return ("The source gives no date by which stage " + str(number) + " (" + title
            + ") ends, so we cannot work out when the stages after it begin.")


# --- What the engine cannot answer ------------------------------------------------------------

# What each date the engine reads is called in its messages ("The date this stage began '...' is
# not a real date.").
SINCE_WHAT = "date this stage began"
STARTED_WHAT = "date the process began"
TODAY_WHAT = "date today"
RAISED_WHAT = "day it was raised"
ESCALATED_WHAT = "day the stage began"


def no_procedure(procedure_id, known):
    return "There is no procedure called '" + str(procedure_id) + "'. Choose one of: " + ", ".join(known) + "."


def no_stage(procedure_id, number, numbers):
    return ("The procedure '" + procedure_id + "' has no stage " + str(number) + ". Its stages are "
            + ", ".join(str(item) for item in numbers) + ".")


def no_situation(procedure_id, follow_id):
    return "The procedure '" + procedure_id + "' has no situation called '" + str(follow_id) + "'."


def unknown_unit(unit):
    return "Unknown unit of time '" + str(unit) + "'."


def began_after_stage(started_iso, since_iso):
    return "The process cannot have begun (" + started_iso + ") after this stage began (" + since_iso + ")."


def nothing_after(last):
    return ("Stage " + str(last) + " is the last stage of this procedure, so there is no stage after the ones you "
            "have tried. Its notes say what happens next.")


def raised_after_today(raised_iso, today_iso):
    return "The day it was raised (" + raised_iso + ") cannot be after today (" + today_iso + ")."


def raised_here(number):
    return "Stage " + str(number) + " is where it was raised: its day is the day you raised it."


def escalated_before_raised(number):
    return "The day stage " + str(number) + " began must be the same as or after the day you raised it."


def escalated_after_today(number):
    return "The day stage " + str(number) + " began must be today or in the past."
