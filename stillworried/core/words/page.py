"""The answer page's own words, around the engine's: the lede, who acts, the disclosures' titles,
the timeline's rows and caption, the check-answers rows, the buttons; and the same answer as a
calendar file and as the command line's lines. answer_view.py puts them in order."""
from stillworried.core.words.answers import stage_title

# The words shown in the date's place until the engine has worked it out (the first paint).
DATE_PENDING = "(the date is being worked out)"


def lede(partnership_name, procedure_title):
    return partnership_name + ": " + procedure_title


def who(said):
    """Who acts and whom they contact: the data's one sentence, or its two parts."""
    return said.get("sentence") or said["raising"] + ". Contact: " + said["receiving"] + "."


def next_who(said):
    """Who is involved at the next stage."""
    return said.get("sentence") or said["receiving"] + "."


def lapsed(note):
    return "Past its review date: " + note


ASK_AGENCY = "Whose decision do you disagree with? Choose the agency to see its numbers"
DIRECTORY = "Or find the right person in the source's list: "
ADD_STARTED = "Add the day the disagreement began"

# The disclosures after the first screen, closed (opened for printing).
OTHER_LIMITS = "Other time limits"
TIMELINE = "The whole procedure, with dates"
TO_DO = "What to do, send and record"
TO_SEND = "What to send"
TO_RECORD = "What to record"
SAFETY = "If the child's safety needs it, act sooner"
SOURCES = "Where this comes from"
FULL_PROCEDURE = "Full procedure: "


def next_stage(number):
    return "Stage " + str(number) + ": who is involved"


def checked_line(name, checked):
    return name + ": " + checked


def limit_line(rule, counted, status_words):
    """One time limit with its date: (before the date, after it). The date goes between them."""
    return rule + " That is ", " (" + counted + ")." + (" " + status_words if status_words else "")


# --- The timeline, with dates ---------------------------------------------------------------------

TRIED_BEFORE = "Tried before"


def by(date_words):
    return "By " + date_words


def step_text(title, when):
    """A stage of the timeline as its text list says it (screen readers and print)."""
    return title + ("; " + when if when else "") + "."


def overall_text(title, when):
    return title + ": " + when + "."


def caption(today_words, holidays, stopped):
    """Under the timeline: today, the bank holidays in its span, and where the walk stops."""
    said = "Today is " + today_words + "."
    if holidays:
        said += " Bank holidays in this time: " + ", ".join(
            day["date_words"] + " (" + day["name"] + ")" if day.get("name") else day["date_words"]
            for day in holidays) + "."
    return said + (" " + stopped if stopped else "")


# The procedure page's ladder, without dates, and its jump list (macros/render.py contents_list).
AT_A_GLANCE = "The stages at a glance"
ON_THIS_PAGE = "On this page"


def ladder_text(number, title, receiving, limit):
    return "%s. %s. %s." % (stage_title(number, title), receiving, limit)


# --- Your answers (the GOV.UK check-answers pattern) -------------------------------------------

YOUR_ANSWERS = "Your answers"
AREA = "Area"
SITUATION = "Your situation"
STAGE_REACHED = "Stage reached"
STAGE_TODAY = "Stage it should be at today"
YOU_RAISED = "You raised it"
WHOSE = "Whose decision"
OTHER_AGENCY = "Another agency, or not sure"
NOT_ANSWERED = "Not answered"
STAGE_BEGAN = "This stage began"
STARTED = "The disagreement began"
CHANGE = "Change"


def stage_began(number):
    return "Stage " + str(number) + " began"


def assumed(since_words):
    return "Not known (we assumed " + since_words + ")"


# --- What next --------------------------------------------------------------------------------------

WHAT_NEXT = "What next"
ADD_TO_CALENDAR = "Add to calendar"
PRINT = "Print a record"
CHANGE_AN_ANSWER = "Change an answer"
CALENDAR_FILE = "escalation-deadline.ics"

# At the foot of every page, before the emergency rule (sitebuild/header.py footer).
FROM_THE_SOURCES = "Information from the safeguarding partnerships' published documents."

# --- The calendar file ------------------------------------------------------------------------------
# (It ends with the emergency rule, words/emergency.py's in_danger.)


def event_stage(procedure_title, number, title):
    """What the event is for: "Wigan ..., stage 2 (Line manager to line manager)", or a follow-up's."""
    return procedure_title + (", stage " + str(number) + " (" + title + ")" if number is not None else ": " + title)


def event_summary(label, stage, headline):
    """The event's title, said the way the wizard says it ("Answer due by today: ..."), so the
    reminder on the day cannot be read as someone else's deadline."""
    return (label + " today: " if headline else "The overall time limit ends today: ") + stage


def event_summary_moved(label, date_words, moved_words, stage, headline):
    """The event's title where it is moved to the last working day before a closed day: both days."""
    return ((label if headline else "The overall time limit ends") + " " + date_words
            + ", when offices may be closed: do it by " + moved_words + ": " + stage)


def event_heading(procedure_title, number, title):
    return procedure_title + (", stage " + str(number) if number is not None else "") + ": " + title + "."


def event_contact(name, phone_text, email):
    return "Contact: " + name + (", " + phone_text if phone_text else "") + (", " + email if email else "") + "."


def if_not_resolved(number, title):
    """The calendar file's and the command line's short line for what comes next."""
    return "If it is not resolved: stage " + str(number) + ", " + title + "."
