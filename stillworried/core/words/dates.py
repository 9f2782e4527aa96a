"""Dates, spans of time and closed days in plain English, and what is wrong with a date.

MicroPython's datetime has no strftime, so the names are spelled out here. The dates given are
ISO strings the engine has already checked (workdays.parse_date), so they are read simply.
"""
import datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


def _day(iso):
    return datetime.date(int(iso[0:4]), int(iso[5:7]), int(iso[8:10]))


def long_date(iso):
    """'2026-11-23' -> 'Monday 23 November 2026', the GOV.UK date style with the weekday."""
    day = _day(iso)
    return WEEKDAYS[day.weekday()] + " " + str(day.day) + " " + MONTHS[day.month - 1] + " " + str(day.year)


def month_or_day(iso):
    """'2015-01' -> 'January 2015', '2014-05-15' -> '15 May 2014': a date as a document prints it."""
    parts = [int(part) for part in iso.split("-")]
    return (str(parts[2]) + " " if len(parts) == 3 else "") + MONTHS[parts[1] - 1] + " " + str(parts[0])


# A source's date as a reader says it (the date printed on the document).
source_date = month_or_day


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


def ordinal(number):
    """29 -> '29th', 31 -> '31st'."""
    if 10 <= number % 100 <= 20:
        return str(number) + "th"
    return str(number) + {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def stages_words(numbers):
    """[1] -> 'stage 1', [1, 2, 3] -> 'stages 1, 2 and 3'."""
    named = [str(number) for number in numbers]
    if len(named) == 1:
        return "stage " + named[0]
    return "stages " + ", ".join(named[:-1]) + " and " + named[-1]


def counted_from(unit, amount, from_iso, due_iso=None, closed=None):
    """'5 working days from Monday 23 November 2026', to show how the date was reached.

    With the date it fell on (due_iso), two cases say more, so no date moves without a word:
    "the same working day" as a day offices are closed is the next working day (closed: that
    day's words, "a bank holiday (Christmas Day)"), and a month from a day its last month has no
    such day of ends on that month's last day (Wigan's month from 31 January ends on 28 February)."""
    if unit == "same_working_day":
        if due_iso is not None and due_iso != from_iso and closed:
            return "the next working day after " + long_date(from_iso) + ", which is " + closed
        if due_iso is not None:
            return "the same working day as " + long_date(from_iso)
        return "the same working day as " + long_date(from_iso) + ", or the next working day"
    said = span(amount, unit) + " from " + long_date(from_iso)
    if unit == "calendar_months" and due_iso is not None and _day(due_iso).day != _day(from_iso).day:
        due = _day(due_iso)
        said += (" (" + MONTHS[due.month - 1] + " " + str(due.year) + " has no " + ordinal(_day(from_iso).day)
                 + ", so the month ends on its last day)")
    return said


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


def closed_words(weekend, holiday):
    """What a closed day is, inside a sentence: "a bank holiday (Christmas Day)", "at the weekend"."""
    if weekend and holiday:
        return holiday + ", at the weekend"
    if weekend:
        return "at the weekend"
    return "a bank holiday (" + (holiday or "a bank holiday") + ")"


def holiday_name(name):
    """A bank holiday's name, or words for one the calendar does not name."""
    return name or "a bank holiday"


# --- What is wrong with a date (workdays.py) --------------------------------------------------

EXAMPLE = "written as YYYY-MM-DD, for example 2026-11-23."
# What a date is, inside "The ... must be ..." (parse_date's messages).
FIRST_COVERED_WHAT = "first covered date"
LAST_COVERED_WHAT = "last covered date"
TODAYS_DATE_WHAT = "today's date"


def must_be_iso(what):
    return "The " + what + " must be " + EXAMPLE


def not_iso(what, text):
    return "The " + what + " '" + text + "' is not " + EXAMPLE


def not_real(what, text):
    return "The " + what + " '" + text + "' is not a real date."


def outside_range(first_iso, last_iso, iso):
    return ("We can only count working days between " + first_iso + " and " + last_iso + ", and " + iso
            + " is outside that range.")
