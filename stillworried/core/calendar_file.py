"""An iCalendar file (RFC 5545) for a deadline, made on the device from the engine's answer.

MicroPython has no iCalendar library, so this writes the few lines needed by hand; the tests
parse every file it makes with the maintained `icalendar` package to prove it is valid.
The event is all-day on the deadline, with a reminder at 9am the day before. It holds the
procedure, the stage, who to contact and the rule, and nothing about the child.
"""

from stillworried.core.verdicts import kept_limit
from stillworried.core.workdays import ONE_DAY, parse_date
from stillworried.core.words import page as words
from stillworried.core.words.dates import long_date

PRODUCT = "-//Still Worried?//Escalation deadline//EN"


def escape(text):
    """RFC 5545 section 3.3.11: backslash, semicolon, comma and newlines in TEXT values.
    TEXT cannot hold any other control character (only a tab), so those are left out: the data
    accepts them inside YAML escapes, and one would make the whole file invalid."""
    text = str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return "".join(character for character in text
                   if character == "\t" or not (ord(character) < 32 or ord(character) == 127))


def fold(line):
    """RFC 5545 section 3.1: lines longer than 75 octets continue on the next line after a space,
    never splitting a UTF-8 character."""
    pieces = []
    current = ""
    size = 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > (75 if not pieces else 74):
            pieces.append(current)
            current = ""
            size = 0
        current += character
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def compact(iso):
    return iso.replace("-", "")


def event_limit(answer):
    """The time limit the calendar event is for: the one the first screen shows in bold (the
    stage's deadline, or the whole process's where that ends first: engine.keep_to), else the
    overall one, else None (no time limit, or none with a date: nothing to add to a calendar)."""
    for limit in (kept_limit(answer), answer["overall"]):
        if limit is not None and limit["date"] is not None:
            return limit
    return None


def event_date(answer):
    """The day the calendar event falls on, or None: the limit's date, or, where that is a
    weekend or bank holiday, the last working day before it (the first screen's advice), so the
    reminder does not come on Christmas Day when the office is closed."""
    limit = event_limit(answer)
    if limit is None:
        return None
    return limit["working_day_before"] or limit["date"]


def deadline_event(answer, stamp):
    """The .ics text for an answer from engine.next_step.

    stamp: the current moment in UTC as YYYYMMDDTHHMMSSZ (the browser's clock). Returns None
    when the stage has no time limit.
    """
    limit = event_limit(answer)
    if limit is None:
        return None
    deadline = event_date(answer)
    # What falls due, said the way the wizard says it: "Raise it by today", "Answer due by
    # today", so the reminder on the day cannot be read as someone else's deadline.
    # A follow-up (a referral with no answer) has no stage: its own title says what it is.
    staged = answer["stage"] is not None
    stage = words.event_stage(answer["procedure_title"], answer["stage"], answer["title"])
    if deadline != limit["date"]:
        # Moved to the last working day before a closed day: the title says both days.
        # The reminder comes the day before: the title names the day, never "today".
        summary = words.event_summary_moved(limit["label"], limit["date_words"], long_date(deadline), stage,
                                            limit["headline"])
    else:
        summary = words.event_summary(limit["label"], stage, limit["headline"])
    lines_of_text = [words.event_heading(answer["procedure_title"], answer["stage"], answer["title"]), limit["rule"]]
    if limit["non_working_day"]:
        lines_of_text.append(limit["non_working_day"])
    for contact in answer["contacts"]:
        lines_of_text.append(words.event_contact(contact["name"], contact["phone_text"], contact["email"]))
    if answer["next"]:
        lines_of_text.append(words.if_not_resolved(answer["next"]["stage"], answer["next"]["title"]))
    lines_of_text.append(answer["safety_rule"]["text"])
    lines_of_text.append(answer["in_danger"])
    uid = answer["procedure"] + "-" + (str(answer["stage"]) if staged else answer["after"]) + "-" + answer["since"] \
        + "@stillworried"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + PRODUCT,
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:" + uid,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + compact(deadline),
        "DTEND;VALUE=DATE:" + compact((parse_date(deadline) + ONE_DAY).isoformat()),
        "SUMMARY:" + escape(summary),
        "DESCRIPTION:" + escape("\n".join(lines_of_text)),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + escape(summary),
        "TRIGGER:-PT15H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
