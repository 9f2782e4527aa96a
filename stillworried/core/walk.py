"""Walking the procedure: the timeline, and "where should I be today?".

timeline() gives each stage its full time limit in turn from a day (the next stage begins on the
day the last one's limit ends); without dates it is the bare ladder. where_today() is next_step's
answer for the stage the walk says a person who raised it and has heard nothing should be at
today; where_known() the same once they have said the day that stage really began. Facts only;
worded.py says them in words.
"""
from stillworried.core import limits, verdicts
from stillworried.core.answers import next_step
from stillworried.core.procedures import (EngineError, begins_with_the_disagreement, get_procedure, get_stage, read_day,
                                          stage_dates)
from stillworried.core.workdays import FIRST_WEEKEND_DAY, DateError, WorkingCalendar, parse_date
from stillworried.core.words import answers as words


def walk_steps(bundle, calendar, procedure, first_number, since_day, started_day, today_day):
    """Each stage as a step. Stages before first_number were tried before (no dates). Stage
    first_number begins on since_day; each later stage begins on the day the one before it
    ends, when the source gives that day (a limit for an answer or a resolution, see
    verdicts.stage_end: Southwark's "within a further five days", Wigan's "10 working days
    between stages"). Where a stage has no such limit the walk stops: the stages after it get no
    dates. Returns (steps, stopped stage number or None)."""
    steps = []
    start = since_day
    stopped = None
    for stage in procedure["stages"]:
        number = stage["number"]
        tried = number < first_number
        begins = None if tried else start
        found, headline, _ = limits.stage_limits(bundle, calendar, procedure, stage, begins, started_day, today_day)
        ending = verdicts.stage_end(found, headline)
        ends = None
        if begins is not None and ending is not None and ending["date"] is not None:
            ends = parse_date(ending["date"])
        if begins is not None and ends is None and stopped is None:
            stopped = number
        steps.append({
            "stage": number, "title": stage["title"], "raising": stage["who"]["raising"],
            "receiving": stage["who"]["receiving"], "tried": tried,
            "since": None if begins is None else begins.isoformat(),
            "ends": None if ends is None else ends.isoformat(),
            "deadline": headline, "state": "tried" if tried else None,
        })
        if not tried:
            start = ends
    if stopped == procedure["stages"][-1]["number"]:
        stopped = None  # the last stage: nothing after it to date
    return steps, stopped


def place_today(steps, today_day):
    """Mark each dated step "past", "current" or "future" seen from today, and return the
    number of the stage the walk says the person should be at (None before the first stage
    began). A stage is current up to and including the day its limit ends; once every limit
    has passed, the last dated stage is current (and overdue)."""
    if today_day is None:
        return None
    today = today_day.isoformat()
    current = None
    last_dated = None
    for step in steps:
        if step["since"] is None:
            continue
        last_dated = step
        if current is not None or step["since"] > today:
            step["state"] = "future"
        elif step["ends"] is not None and step["ends"] < today:
            step["state"] = "past"
        else:
            step["state"] = "current"
            current = step["stage"]
    if current is None and last_dated is not None and last_dated["since"] <= today:
        last_dated["state"] = "current"
        current = last_dated["stage"]
    return current


def holidays_between(bundle_calendar, first, last):
    """The bank holidays from first to last (YYYY-MM-DD, inclusive), each {date, name}."""
    found = []
    for iso in bundle_calendar["holidays"]:
        # The package also lists a holiday's own date when it falls at a weekend (Boxing Day on
        # Saturday 26 December 2026); the day off is the weekday "(observed)" one, listed too.
        if first <= iso <= last and parse_date(iso).weekday() < FIRST_WEEKEND_DAY:
            found.append({"date": iso, "name": bundle_calendar.get("names", {}).get(iso)})
    return found


def make_timeline(bundle, calendar, procedure, first_number, since_day, started_day, today_day):
    """The walk as a timeline (see timeline())."""
    steps, stopped = walk_steps(bundle, calendar, procedure, first_number, since_day, started_day, today_day)
    today_stage = place_today(steps, today_day)
    overall = None
    if procedure.get("overall"):
        names = bundle["calendar"].get("names", {})
        overall = limits.resolve_timescales(calendar, names, [procedure["overall"]], None, started_day, today_day)[0]
    dates = []
    for step in steps:
        for iso in (step["since"], step["ends"], step["deadline"] and step["deadline"]["date"]):
            if iso:
                dates.append(iso)
    if overall and overall["date"]:
        dates.append(overall["date"])
    if today_day is not None and dates:
        dates.append(today_day.isoformat())
    first = min(dates) if dates else None
    last = max(dates) if dates else None
    return {
        "procedure": procedure["id"], "procedure_title": procedure["title"], "stages": len(procedure["stages"]),
        "steps": steps, "overall": overall,
        "holidays": holidays_between(bundle["calendar"], first, last) if first else [],
        "first": first, "last": last, "today": None if today_day is None else today_day.isoformat(),
        "today_stage": today_stage, "stopped": stopped,
        "stopped_title": None if stopped is None else get_stage(procedure, stopped)["title"],
    }


def timeline(bundle, procedure_id, stage=None, since=None, started=None, today=None):
    """The whole procedure as a ladder of steps, for a picture and its text equivalent.

    Without since, the bare ladder (every stage with its headline rule and no dates), as the
    procedure pages show it. With since (the day stage `stage`, default 1, began), the stages
    from there are dated by giving each its full time limit in turn; started as in next_step.

    Returns {procedure, procedure_title, stages, steps, overall, holidays, first, last, today,
    today_stage, stopped, stopped_title}: each step is {stage, title, raising, receiving, tried,
    since, ends, deadline (a limit or None), state}; state is "tried", "past", "current",
    "future" or None (no date, or no today); overall is a limit (its applies_to_stages says where
    it applies); holidays are the bank holidays from first to last, each {date, name};
    today_stage is where today falls; stopped is the stage after which no more dates can be
    worked out (stopped_title its title).
    """
    procedure = get_procedure(bundle, procedure_id)
    calendar = WorkingCalendar(bundle["calendar"])
    today_day = None if today is None else read_day(calendar, today, words.TODAY_WHAT)
    if since is None:
        return make_timeline(bundle, calendar, procedure, procedure["stages"][0]["number"], None, None, today_day)
    number = procedure["stages"][0]["number"] if stage is None else stage
    get_stage(procedure, number)
    since_day, started_day = stage_dates(calendar, procedure, number, since, started)
    return make_timeline(bundle, calendar, procedure, number, since_day, started_day, today_day)


def where_today(bundle, procedure_id, raised_on, today, tried=None, started=None):
    """"Where should I be today?" for someone who raised a disagreement and has heard nothing.

    raised_on: the day it was raised, at stage 1, or, when tried lists the stages already
    tried before that day, at the stage after them (YYYY-MM-DD). today: London's date. The
    walk gives each stage its full time limit in turn (see timeline()), and the answer is
    next_step's for the stage the person should be at today, counted from the day the walk
    says that stage began, with more keys: walk (the timeline), raised_on, raised_at (the stage
    it was raised at where stages were tried before it, else None), stopped_here (whether the walk
    cannot date the stages after this one, which matters today), and since_from (where the day the
    stage began came from: verdicts.RAISED_ON or ASSUMED). started: the day the disagreement
    began, when earlier; it is raised_on when nothing was tried before, and never guessed otherwise.
    """
    procedure = get_procedure(bundle, procedure_id)
    calendar = WorkingCalendar(bundle["calendar"])
    first_number = procedure["stages"][0]["number"]
    last_number = procedure["stages"][-1]["number"]
    for number in tried or []:
        get_stage(procedure, number)
    if tried:
        first_number = max(tried) + 1
        if first_number > last_number:
            raise EngineError(words.nothing_after(last_number))
    raised_day, started_day = stage_dates(calendar, procedure, first_number, raised_on, started)
    today_day = read_day(calendar, today, words.TODAY_WHAT)
    if today_day < raised_day:
        raise DateError(words.raised_after_today(raised_day.isoformat(), today_day.isoformat()))
    walk = make_timeline(bundle, calendar, procedure, first_number, raised_day, started_day, today_day)
    current = walk["today_stage"]
    step = walk["steps"][current - 1]
    answer = next_step(bundle, procedure_id, current, step["since"],
                       None if started_day is None else started_day.isoformat(), today)
    if current == first_number > procedure["stages"][0]["number"]:
        # At a later stage where it was raised (the ones before it tried), the limit for raising it
        # has been met too; at the first stage the answer has already said so (answers.py).
        limits.mark_raised(answer["deadlines"], raised_day)
    answer["walk"] = walk
    answer["raised_on"] = raised_day.isoformat()
    answer["raised_at"] = first_number if first_number > procedure["stages"][0]["number"] else None
    answer["stopped_here"] = walk["stopped"] == current and step["since"] < today
    # At a stage after the one where it was raised, the day the stage began is the walk's
    # assumption, not the person's: the answer must say so (verdicts.counted_from).
    answer["since_from"] = verdicts.RAISED_ON if current == first_number else verdicts.ASSUMED
    return answer


def where_known(bundle, procedure_id, raised_on, stage_number, since, today):
    """"Where should I be today?" once the person has told us the day the stage the walk reached
    really began (a Wigan health visitor raised it on 16 November 2026 and her line manager took
    it to stage 2 on 24 November: stage 2 is due on 8 December, not on the walk's 14 December).

    next_step's answer for that stage counted from the person's day, with the disagreement begun
    on the day it was raised where the first stage begins with it (as where_today), and raised_on and
    since_from (verdicts.GIVEN). The stage must come after the first, and its day can be neither
    before the day it was raised nor after today.
    """
    procedure = get_procedure(bundle, procedure_id)
    calendar = WorkingCalendar(bundle["calendar"])
    get_stage(procedure, stage_number)
    if stage_number <= procedure["stages"][0]["number"]:
        raise EngineError(words.raised_here(stage_number))
    raised_day = read_day(calendar, raised_on, words.RAISED_WHAT)
    since_day = read_day(calendar, since, words.ESCALATED_WHAT)
    today_day = read_day(calendar, today, words.TODAY_WHAT)
    if since_day < raised_day:
        raise DateError(words.escalated_before_raised(stage_number))
    if since_day > today_day:
        raise DateError(words.escalated_after_today(stage_number))
    # The disagreement began the day it was raised only where the first stage begins with it.
    started = raised_on if begins_with_the_disagreement(procedure, procedure["stages"][0]["number"]) else None
    answer = next_step(bundle, procedure_id, stage_number, since, started, today)
    answer["raised_on"] = raised_on
    answer["since_from"] = verdicts.GIVEN
    return answer
