"""Time limits: the date each falls on, counted from the day it counts from, and what that date
is seen from today. Facts only (dates, statuses, numbers); worded.py says them in words.

A *limit*, as the engine gives it (every key is always present; a value may be None):

==================  ========================================================================
key                 what it holds
==================  ========================================================================
id, headline        the time limit's id in the data; True for the stage's headline limit
measures            what it measures (raise, answer, resolve, confirm, send)
given_label         the data's own words before its date ("Referrals Outcome Form due by"), or None
who, action         who must act and what they must do (the data's words)
amount, unit        5, "working_days" (amount is None for same_working_day)
counts_from         stage_start, process_start, or the id of an earlier limit of the stage
from_what           what it counts from, in the data's words ("the day you contacted them")
from_date           the date it counts from (YYYY-MM-DD), or None when not known
from_closed         None, or {weekend, holiday} where from_date is not a working day
date                the date it falls on, or None when it cannot be worked out
counted_unit,       the count the date was reached by: the limit's own, or the other reading's
counted_amount      where that ends first
missing             None, or what is missing to work out the date: "started" (the day the
                    disagreement began) or "since" (the day the stage began)
quote, note, source the source's own words, how we read them, and file and section
applies_to_stages   the overall limit only: the stage numbers it applies at (None: all)
closed              None, or {weekend, holiday, substitute} where the date falls on a weekend or
                    bank holiday (substitute: the weekday a holiday at a weekend is kept on)
working_day_before  None, or the last working day before a closed date (YYYY-MM-DD)
readings            the data's readings of a source read two ways, each with other_date (the
                    other reading's date, where it is a count), other_first, and moves (whether
                    the reading moves this date, so the answer must say why it was counted so)
ends_after          None, or the overall limit's date where this date is later than it
status              None without today, else "upcoming", "today" or "overdue"; "done" for the
                    limit to raise it at the stage where it was raised (mark_raised)
raised_on           None, or, for the limit to raise it that is met (status "done"), the day it
                    was raised (YYYY-MM-DD); said "after this limit" where that is later than date
working_days_left   working days after today up to and including the date; 0 when due today;
                    negative when overdue (minus the working days since); None without today
days_left           the same in calendar days
==================  ========================================================================
"""
from stillworried.core.procedures import PROCESS_START, STAGE_START, EngineError, overall_applies
from stillworried.core.workdays import FIRST_WEEKEND_DAY, ONE_DAY
from stillworried.core.words import answers as words


def timescale_date(calendar, timescale, start):
    """The date a single time limit falls on, counted from start (a datetime.date)."""
    unit = timescale["unit"]
    if unit == "working_days":
        return calendar.add_working_days(start, timescale["amount"])
    if unit == "same_working_day":
        return calendar.same_working_day(start)
    if unit == "calendar_days":
        return calendar.add_calendar_days(start, timescale["amount"])
    if unit == "calendar_months":
        return calendar.add_calendar_months(start, timescale["amount"])
    raise EngineError(words.unknown_unit(unit))


def substitute_day(calendar, names, day):
    """The weekday a bank holiday falling at a weekend is kept on (its "substitute day"), or None."""
    name = names.get(day.isoformat())
    if not name:
        return None
    later = day
    for _ in range(3):
        later = later + ONE_DAY
        if later > calendar.last:
            return None
        if names.get(later.isoformat()) == name + ", substitute day":
            return later
    return None


def working_day_before(calendar, day, start=None):
    """The last working day before day, or None before start (never a day before the limit began)."""
    before = day - ONE_DAY
    while before >= calendar.first and not calendar.is_working_day(before):
        before = before - ONE_DAY
    if before < calendar.first or (start is not None and before < start):
        return None
    return before


def closed(calendar, names, day, substitutes=False):
    """None for a working day, else {weekend, holiday (its name or None), substitute (the weekday a
    holiday at a weekend is kept on, with substitutes)}. Only a limit in calendar days or months
    can end on one (Wigan's "within further week" on 25 December)."""
    if calendar.is_working_day(day):
        return None
    weekend = day.weekday() >= FIRST_WEEKEND_DAY
    substitute = substitute_day(calendar, names, day) if weekend and substitutes else None
    return {"weekend": weekend, "holiday": names.get(day.isoformat()),
            "substitute": None if substitute is None else substitute.isoformat()}


def status_of(calendar, due, today):
    """(status, working_days_left, days_left) for a date seen from today."""
    days = (due - today).days
    if days == 0:
        return "today", 0, 0
    if days > 0:
        return "upcoming", calendar.count_working_days(today, due), days
    return "overdue", -calendar.count_working_days(due, today), days


def blank_limit(timescale, headline):
    """A limit with no dates: the shape every time limit has (see the top)."""
    return {
        "id": timescale["id"], "headline": headline, "measures": timescale["measures"],
        "given_label": timescale.get("label"), "who": timescale["who"], "action": timescale["action"],
        "amount": timescale.get("amount"), "unit": timescale["unit"], "counts_from": timescale["counts_from"],
        "from_what": timescale["from_words"], "from_date": None, "from_closed": None, "date": None,
        "counted_unit": None, "counted_amount": None, "missing": None, "quote": timescale["quote"],
        "note": timescale.get("note"), "source": timescale["source"],
        "applies_to_stages": timescale.get("applies_to_stages"), "closed": None, "working_day_before": None,
        "readings": [dict(reading, other_date=None, other_first=False, moves=False)
                     for reading in timescale.get("readings", [])],
        "ends_after": None, "status": None, "raised_on": None, "working_days_left": None, "days_left": None,
    }


def fill_limit(limit, calendar, names, timescale, start, today):
    """Put the dates in a blank limit, counted from start (a date), seen from today (or None).

    Where the source can be read two ways and the data gives the other reading as a count
    (a reading's rejected_count: Southwark 3.3's "within a further five days" as 5 working days),
    both are counted and the earlier date is kept; the limit says which, and what the other gives."""
    due = timescale_date(calendar, timescale, start)
    counted_as = timescale
    others = []
    for reading in limit["readings"]:
        other = None
        if reading.get("rejected_count"):
            count = {"unit": reading["rejected_count"]["unit"], "amount": reading["rejected_count"].get("amount")}
            other = timescale_date(calendar, count, start)
            if other < due:
                due, counted_as = other, count
                reading["other_first"] = True
            reading["other_date"] = other.isoformat()
        others.append(other)
    for reading, other in zip(limit["readings"], others):
        if other is not None and other == due and not reading["other_first"]:
            continue  # both readings give this date: nothing to explain here
        if other is None and timescale["unit"] == "calendar_months" and due.day == start.day:
            continue  # a month read two ways only where the next month is too short (31 January)
        if reading.get("when") == "closed_start" and calendar.is_working_day(start):
            # What a limit counts from read two ways ("the day you contacted them" or the day
            # they received it) moves the date only where that day was not a working day.
            continue
        reading["moves"] = True
    limit["from_date"] = start.isoformat()
    limit["from_closed"] = closed(calendar, names, start)
    limit["date"] = due.isoformat()
    limit["counted_unit"], limit["counted_amount"] = counted_as["unit"], counted_as.get("amount")
    limit["closed"] = closed(calendar, names, due, substitutes=True)
    before = working_day_before(calendar, due, start) if limit["closed"] else None
    limit["working_day_before"] = None if before is None else before.isoformat()
    if today is not None:
        limit["status"], limit["working_days_left"], limit["days_left"] = status_of(calendar, due, today)
    return due


def resolve_timescales(calendar, names, timescales, since, started, today=None, headline_id=None):
    """Every time limit of a stage as a limit (see the top). since and started are dates, or
    None when not known: a limit counted from a date not given has no date and says what is
    missing, and so has one counted on from it ("within a further two working days")."""
    dates = {}
    missing = {}
    results = []
    for timescale in timescales:
        origin = timescale["counts_from"]
        limit = blank_limit(timescale, timescale["id"] == headline_id)
        if origin == STAGE_START:
            start, lack = since, "since"
        elif origin == PROCESS_START:
            start, lack = started, "started"
        else:
            start, lack = dates.get(origin), missing.get(origin)
        if start is None:
            limit["missing"] = lack
            missing[timescale["id"]] = lack
        else:
            dates[timescale["id"]] = fill_limit(limit, calendar, names, timescale, start, today)
        results.append(limit)
    return results


def mark_after_overall(limits, overall):
    """Mark every limit that falls after the overall one (Wigan stage 2 begun on 23 November 2026
    runs to 7 December; the month counted from 2 November ends on 2 December)."""
    if overall is None or overall["date"] is None:
        return
    for limit in limits:
        if limit["date"] is not None and limit["date"] > overall["date"]:
            limit["ends_after"] = overall["date"]


def stage_limits(bundle, calendar, procedure, stage, since, started, today):
    """(deadlines, headline, overall) for a stage begun on since (dates or None)."""
    names = bundle["calendar"].get("names", {})
    limits = resolve_timescales(calendar, names, stage["timescales"], since, started, today, stage.get("deadline"))
    headline = None
    for limit in limits:
        if limit["headline"]:
            headline = limit
    overall = None
    if overall_applies(procedure, stage["number"]):
        overall = resolve_timescales(calendar, names, [procedure["overall"]], since, started, today)[0]
        mark_after_overall(limits, overall)
    return limits, headline, overall


def mark_raised(limits, raised_day):
    """Mark the stage's limit for raising it as met on raised_day (a datetime.date): the first
    stage's day is the day it was raised (Southwark 3.2: raise it within 2 working days of the
    disagreement, then the practitioner has 3 from the day you raised it), so the limit for
    raising it is done, never a step still to do (a Southwark teacher who raised it on
    30 November was told "raise it ... by 2 December. That is today.")."""
    for limit in limits:
        if limit["measures"] == "raise" and not limit["headline"]:
            limit["status"], limit["raised_on"] = "done", raised_day.isoformat()
            limit["working_days_left"] = limit["days_left"] = None
