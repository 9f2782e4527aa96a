"""The wizard's questions in words: what each asks, the choices made from an area's data, and
every message a question can give (a broken link, a date that cannot be used). The questions'
markup is made at build (macros/wizard.py); the glue and the flow say these."""
from stillworried.core.words import emergency
# The stage's date named in a message, as the engine names it (written once, in answers).
from stillworried.core.words.answers import SINCE_WHAT as SINCE_NAMED  # noqa: F401
from stillworried.core.words.contacts import ADULTS_ONLY_HINT
from stillworried.core.words.dates import capitalise, long_date

# --- The questions ---------------------------------------------------------------------------------

# The example under every date question (the GOV.UK date input pattern): the boxes start empty.
DATE_EXAMPLE = "For example, 27 11 2026."
# The questions' own words, written into the page at build (macros/wizard.py).
AREA_QUESTION = "Which area is the child in?"
AREA_HINT = "The procedure to follow is the one for the area where the child lives."
SITUATION_QUESTION = "Which of these describes you?"
STAGE_QUESTION = "Which stage have you reached?"
# The stage question's fixed first choice, for someone who raised it and has heard nothing.
RAISED_CHOICE = "Where should I be today?"
RAISED_CHOICE_HINT = "I raised it on a date and I'm not sure which stage it should be at now."
AGENCY_QUESTION = "Whose decision do you disagree with?"
AGENCY_HINT = "We will show the numbers the source lists for that agency."
OTHER_AGENCY_CHOICE = "Another agency, or I'm not sure"
WHEN_STAGE_BEGAN = "When did this stage begin?"
SINCE_LEGEND = "The day this stage began"
SINCE_HINT = "The time limits count from this day. " + DATE_EXAMPLE
STARTED_LEGEND = "When did the disagreement first begin? (optional)"
STARTED_HINT = ("Time limits counted from the start of the disagreement use this day. If you leave it blank, we "
                "will not guess it. " + DATE_EXAMPLE)
WHEN_RAISED_QUESTION = "When did you raise it?"
RAISED_LEGEND = "The day you first raised the disagreement"
RAISED_HINT = ("We give each stage its full time limit, in turn, from this day, and show the stage it should be at "
               "today. " + DATE_EXAMPLE)
# The GOV.UK date input's boxes.
DAY = "Day"
MONTH = "Month"
YEAR = "Year"
# Around every question: the back link, the error summary's heading and the button.
BACK = "Back"
THERE_IS_A_PROBLEM = "There is a problem"
CONTINUE = "Continue"
# The two answers to "Is a child in immediate danger?".
YES = "Yes"
NO = "No"
# What a stage's time limits count from, where the data does not say it in its own words.
DEFAULT_BEGAN = "the day this stage began"
DONT_KNOW = "I do not know when it began"
TELL_US = "Tell us the day it really began"
PAST_REVIEW = "Past its review date"
START_AGAIN = "Start again"


def situation_hint(title, lapsed):
    """A situation's hint: the procedure's title. Short, so Continue is on a phone's first screen;
    the answer gives a lapsed procedure's whole note."""
    return title + "." + (" Its answer says what this means for you." if lapsed else "")


def agency_label(name, also):
    """An agency's choice, with the other names the sources print it under."""
    return name + (", also printed as " + " and ".join(also) if also else "")


def adults_only_hint(hint):
    """The hint of an agency whose listed contacts are all for adult services."""
    return ADULTS_ONLY_HINT + (" " + hint if hint else "")


def one_procedure(area, title):
    """The stage question, where the situation question was skipped (one choice is no question)."""
    return area + " has one procedure for this, so we have chosen it: " + title + "."


def stage_hint(title):
    return title + ". Choose the stage that matches who you have already spoken to."


def stage_began_what(number):
    """'the day stage 2 began', for the question and its messages."""
    return "the day stage " + str(number) + " began"


def escalated_question(number):
    return "When did stage " + str(number) + " begin?"


def escalated_hint(number, title, assumed_iso):
    """What the walk would assume for the stage, and that the person's own day counts instead."""
    said = "Giving each stage its full time limit, it would have reached stage " + str(number) + " (" + title + ")"
    said += (" on " + long_date(assumed_iso) + "." if assumed_iso else ".")
    return (said + " If someone took it to stage " + str(number) + " on another day, enter that day: the time limit "
            "counts from it. If it has not reached stage " + str(number) + ", or you do not know, leave it empty.")


# --- Messages: nothing chosen, or a link we cannot use ------------------------------------------

# The questions answered by a radio, and the message when none is chosen (flow's step names).
NOTHING_CHOSEN = {"area": "Select the area the child is in", "situation": "Select what describes you",
                  "stage": "Select the stage you have reached", "agency": "Select whose decision you disagree with"}
NO_SUCH_PROCEDURE = "The link was for a procedure we do not have. Choose your area."
NO_SUCH_AREA = "We do not have an area called that. Choose an area."
NO_SUCH_STAGE = "That procedure has no such stage. Choose a stage."
NO_SUCH_AGENCY = "We do not have that agency. Choose whose decision you disagree with."
NO_SUCH_SITUATION = "We do not have that situation. Choose what describes you."
UNREADABLE_DATES = "The link had a date we could not read. Enter the dates again."
UNREADABLE_DATE = "The link had a date we could not read. Enter the date again."

# --- Messages about a typed date (the GOV.UK date input pattern) --------------------------------

# What each date is called in its messages, as the sentence's subject and inside one.
SINCE_SUBJECT = "The date this stage began"
STARTED_SUBJECT = "The date the disagreement began"
RAISED_SUBJECT = "The day you raised it"
STARTED_NAMED = "date the disagreement began"
RAISED_NAMED = "date you raised it"


def date_what(legend):
    """A date question's label as its messages name it: "The day you made the referral" ->
    "date you made the referral" ("Enter the date you made the referral.")."""
    return "date" + legend[len("The day"):] if legend.startswith("The day ") else "date"


def enter(what):
    return "Enter the " + what + "."


def must_include(what, missing):
    return "The " + what + " must include a " + " and a ".join(missing) + "."


def in_numbers(what):
    return "The " + what + " must be a real date, written in numbers."


def too_many_digits(part, what, most, example):
    """'The day of the date this stage began has too many numbers. A day has 1 or 2 numbers, for
    example 27.' Said, never cut: a box that dropped the extra digits kept an old day."""
    allowed = "1 or 2" if most == 2 else str(most)
    return ("The " + part + " of the " + what + " has too many numbers. A " + part + " has " + allowed
            + " numbers, for example " + example + ".")


def four_digit_year(what):
    return "The year of the " + what + " must have 4 numbers, for example 2026."


def not_a_date(what):
    return "The " + what + " must be a real date."


def real_date(subject):
    return subject + " must be a real date."


def between(subject, first_iso, last_iso):
    return subject + " must be between " + long_date(first_iso) + " and " + long_date(last_iso) + "."


def not_in_future(subject):
    return subject + " must be today or in the past."


STARTED_AFTER_SINCE = "The date the disagreement began must be the same as or before the date this stage began."


def subject(words):
    """A date's words as the subject of its message ("the day stage 2 began" -> "The day ...")."""
    return capitalise(words)


# --- The page around the questions -----------------------------------------------------------------

ERROR = "Error: "
READY = "Every procedure is also set out in full, stage by stage:"
PROBLEM_TITLE = "Sorry, there is a problem with this page"
PROBLEM_TEXT = "Use the procedure pages below instead: they have the same stages, contacts and time limits."
# The loading line of docs/assets/wizard/status.js, which runs before Python (and when it never
# does): the build writes these into the page (macros/wizard.py, page_ids.STATUS_WORDS).
LOADING = "The quick answer is loading. " + READY
NOT_LOADED = "The quick answer has not loaded, perhaps because the signal is weak. " + PROBLEM_TEXT

# The wizard's "No" to "Is a child in immediate danger?" with JavaScript off (macros/wizard.py).
NO_SCRIPT_AREA_TITLE = "Find the procedure for the child's area"
NO_SCRIPT_AREA = ("The questions on this page need JavaScript, which is off or has not loaded. Each area's page "
                  "sets out its procedure stage by stage: who to contact next, how, and the time limits.")
CHOOSE_AREA = "Choose the child's area"
# Always on the page, below the questions: what to use if the quick answer does not load.
READ_THE_PROCEDURES = "Read the procedures"
NEEDS_JAVASCRIPT = ("The quick answer needs JavaScript. Every procedure is also set out in full, stage by stage, "
                    "on its area's page.")
# Blank lines for the case details, on paper only: the site never asks for them.
CASE_RECORD = "Case record (fill in by hand)"
CASE_RECORD_LINES = ("Child or case reference (your organisation's own)", "Who you contacted, and how",
                     "Date and time", "What they said", "What you will do next")


# The wizard with no signal, for an area whose answers were never saved on this phone.
NO_SIGNAL_TITLE = "You have no signal"
def no_signal_area(emergency_number):
    return ("This area's answers were not saved on this phone, so we cannot work them out now. When you have a "
            "signal, try again. " + emergency.in_danger(emergency_number))
