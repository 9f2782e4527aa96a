"""The escalation engine: who to contact next, and by when.

One implementation of every rule, imported by the site's macros, the command line, the
tests and the browser wizard. It works on the plain "bundle" that ``data.build_bundle``
makes from the YAML files (dicts, lists, strings and integers only), runs unchanged under
CPython, MicroPython and Pyodide, and never reads the clock: callers pass dates in as ISO
strings, and "today" (London's date) too.

The answers (every key is always present; a value may be None)
---------------------------------------------------------------

``next_step(bundle, procedure_id, stage, since, started=None, today=None)`` answers for one
stage. The headline time limit is ``deadline``: no caller need look it up again.

=================  ==========================================================================
key                what it holds
=================  ==========================================================================
deadline           the stage's headline time limit (a *limit*, below), or None when the
                   source sets no time limit for the stage
deadlines          every time limit of the stage, in the source's order, each a *limit*; the
                   headline one is the same object as ``deadline`` and has ``headline: True``
overall            the procedure's overall time limit as a *limit*, or None when it has none or
                   it does not apply at this stage (``applies_to_stages`` in the data)
since, started     the dates counted from (started is None when not given at stage 2 or later)
today              the date given as today, or None
stage, title, who, do, record, send, contacts, directory, notes, next, sources, status...
                   the stage and procedure as the data says them
no_number          None, or, where the source gives no number for this step, that in a sentence
                   and how to reach the person instead (see no_number())
which_wins         None, or one line saying which comes first of the stage's date and the
                   whole process's limit, where both apply (see which_wins())
flag               None, or the first screen's today/overdue flag, looking at the stage's date
                   and the whole process's limit (see flag())
keep_to            "stage", "overall" or None: which limit's date the first screen shows in
                   bold, the whole process's where it ends first (see keep_to())
closed_days        the words for each date on the first screen that falls on a weekend or bank
                   holiday, with the last working day before it (see closed_days())
steps_due          the stage's steps of your own that are due today or overdue, each {id,
                   status, date, words} (see steps_due())
next_words         what happens if it is not resolved, in one line (see next_words())
heading            "Stage 2: Practice Manager", or a follow-up's own title
after, how         None, or for a follow-up (follow_up()): its id, and how the thing waited on is
                   done in the first place ({title, steps, source})
=================  ==========================================================================

A *limit* (the same shape for ``deadline``, each of ``deadlines`` and ``overall``):

===================  ========================================================================
key                  what it holds
===================  ========================================================================
id, headline         the time limit's id in the data; True for the stage's headline limit
measures, label      what it measures (raise, answer, resolve, confirm, send) and the headline
                     words for it ("Answer due by")
who, action          who must act and what they must do (the data's words)
amount, unit         5, "working_days" (amount is None for same_working_day)
counts_from          stage_start, process_start, or the id of an earlier limit of the stage
from_what            what it counts from, in the data's words ("the day you contacted them")
from_date            the date it counts from (YYYY-MM-DD), or None when not known
from_words           that date in words ("Monday 23 November 2026"), or None
date, date_words     the date it falls on, or None when it cannot be worked out
missing              None, or what is missing to work out the date: "started" (the day the
                     disagreement began) or "since" (the day the stage began)
missing_words        None, or a sentence saying so ("We need the date the disagreement began
                     to work this out.")
rule                 the time limit in one sentence, without dates
counted              how the date was reached ("5 working days from Monday 23 November 2026")
quote, note, source  the source's own words, how we read them, and file and section
applies_to_stages    the overall limit only: the stage numbers it applies at (None: all)
non_working_day      None, or words when the date falls on a weekend or bank holiday ("Friday
                     25 December 2026 is a bank holiday (Christmas Day): offices may be closed.
                     The last working day before it is Thursday 24 December 2026.")
working_day_before   None, or that last working day (YYYY-MM-DD)
readings             the data's readings of a source read two ways, each with other_date (the
                     other reading's date, where it is a count) and other_first
reading_words        None, or why the limit is counted as it is, in one line, where the reading
                     moves this date (without dates, every reading's why)
after_overall        True when the date is later than the overall limit's date
after_overall_words  None, or a sentence saying so
status               None without today, else "upcoming", "today" or "overdue"; "done" in where_today
                     for the limit to raise it at the stage where it was raised
status_words         None, or the status in words ("Due today.")
working_days_left    working days after today up to and including the date; 0 when due today;
                     negative when overdue (minus the working days since); None without today
days_left            the same in calendar days
===================  ========================================================================

``timeline(bundle, procedure_id, stage=None, since=None, started=None, today=None)`` walks the
procedure from a stage and the day it began, giving each stage its full time limit in turn (the
next stage begins on the day the last one's limit ends); without dates it is the bare ladder.
``where_today(bundle, procedure_id, raised_on, today, tried=None, started=None)`` is next_step
for the stage the walk says the person should be at today, with the walk as ``walk``.
``follow_up(bundle, procedure_id, follow_id, since, today=None)`` is next_step's answer for a
situation the source gives a rule for outside its stages (a referral with no answer).
Their keys are documented on the functions.
"""
from stillworried.workdays import FIRST_WEEKEND_DAY, ONE_DAY, DateError, WorkingCalendar, parse_date
from stillworried import abbreviations, team_numbers, words


class EngineError(ValueError):
    """A question the engine cannot answer, said in a way a person can act on."""


class UnknownProcedure(EngineError):
    pass


class UnknownStage(EngineError):
    pass


STAGE_START = "stage_start"
PROCESS_START = "process_start"

# A stage's headline limit that measures one of these says when the stage ends (the answer
# or the resolution is due), so the walk can start the next stage there. A limit for raising
# or sending says when the stage should have begun its work, not when it ends.
ENDS_A_STAGE = ("answer", "resolve")

MISSING_WORDS = {
    "started": "We need the date the disagreement began to work this out.",
    "since": "We need the date this stage began to work this out.",
}


def procedure_ids(bundle):
    return sorted(bundle["procedures"])


def get_procedure(bundle, procedure_id):
    procedures = bundle["procedures"]
    if procedure_id not in procedures:
        raise UnknownProcedure(
            "There is no procedure called '" + str(procedure_id) + "'. Choose one of: "
            + ", ".join(procedure_ids(bundle)) + "."
        )
    return procedures[procedure_id]


def get_stage(procedure, number):
    for stage in procedure["stages"]:
        if stage["number"] == number:
            return stage
    numbers = [str(stage["number"]) for stage in procedure["stages"]]
    raise UnknownStage(
        "The procedure '" + procedure["id"] + "' has no stage " + str(number)
        + ". Its stages are " + ", ".join(numbers) + "."
    )


def following_stage(procedure, number):
    for stage in procedure["stages"]:
        if stage["number"] == number + 1:
            return stage
    return None


def overall_applies(procedure, number):
    """Whether the procedure's overall limit is shown at this stage: it may be a target for
    some stages only (Southwark's 'one working week' is for the first discussion)."""
    overall = procedure.get("overall")
    if not overall:
        return False
    stages = overall.get("applies_to_stages")
    return stages is None or number in stages


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
    raise EngineError("Unknown unit of time '" + str(unit) + "'.")


def holiday_name(bundle_calendar, iso):
    return bundle_calendar.get("names", {}).get(iso) or "a bank holiday"


def needs_started(procedure, stage_number):
    """Whether a limit shown at this stage counts from the day the disagreement began (Wigan's
    month, Southwark stage 1's "within 2 working days of the disagreement"), so that date is
    worth asking for. At stage 1 it defaults to the stage's own start."""
    if overall_applies(procedure, stage_number):
        return True
    for timescale in get_stage(procedure, stage_number)["timescales"]:
        if timescale["counts_from"] == PROCESS_START:
            return True
    return False


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


def non_working_words(calendar, names, due, start=None):
    """None, or words for a date that falls on a weekend or bank holiday, with the last working day
    before it. Only a limit in calendar days or months can land there (Wigan's "within further
    week" on 25 December). A bank holiday's own date at a weekend is named, with the weekday it is
    kept on (Christmas Day on Saturday 25 December 2027, its bank holiday Monday 27th)."""
    if calendar.is_working_day(due):
        return None
    weekend = due.weekday() >= FIRST_WEEKEND_DAY
    substitute = substitute_day(calendar, names, due) if weekend else None
    before = working_day_before(calendar, due, start)
    return words.closed_day(due.isoformat(), weekend, names.get(due.isoformat()),
                            None if substitute is None else substitute.isoformat(),
                            None if before is None else before.isoformat())


def closed_words(calendar, names, day):
    """None for a working day, else what kind of closed day it is ("a bank holiday (Christmas Day)")."""
    if calendar.is_working_day(day):
        return None
    return words.closed_words(day.isoformat(), day.weekday() >= FIRST_WEEKEND_DAY, names.get(day.isoformat()))


def status_of(calendar, due, today):
    """(status, status_words, working_days_left, days_left) for a date seen from today."""
    days = (due - today).days
    if days == 0:
        return "today", "Due today.", 0, 0
    if days > 0:
        left = calendar.count_working_days(today, due)
        if left:
            return "upcoming", "In " + words.plural(left, "working day", "working days") + ".", left, days
        return "upcoming", "In " + words.plural(days, "day", "days") + ".", left, days
    late = calendar.count_working_days(due, today)
    if late:
        said = words.plural(late, "working day", "working days")
    else:
        said = words.plural(-days, "day", "days")
    return "overdue", "Overdue: it was due " + said + " ago.", -late, days


def headline_timescale(stage):
    """The stage's headline time limit as the data gives it (no dates), or None: what the pages
    and the first paint show where next_step's ``deadline`` cannot be worked out (no date yet),
    so no caller looks it up by id itself."""
    for timescale in stage["timescales"]:
        if timescale["id"] == stage.get("deadline"):
            return timescale
    return None


def blank_limit(timescale, headline):
    """A limit with its words and no dates: the shape every time limit has (see the top)."""
    return {
        "id": timescale["id"],
        "headline": headline,
        "measures": timescale["measures"],
        "label": words.limit_label(timescale),
        "who": timescale["who"],
        "action": timescale["action"],
        "amount": timescale.get("amount"),
        "unit": timescale["unit"],
        "counts_from": timescale["counts_from"],
        "from_what": timescale["from_words"],
        "from_date": None,
        "from_words": None,
        "date": None,
        "date_words": None,
        "missing": None,
        "missing_words": None,
        "rule": words.timescale_rule(timescale),
        "counted": None,
        "quote": timescale["quote"],
        "note": timescale.get("note"),
        "readings": [dict(reading, other_date=None, other_first=False) for reading in timescale.get("readings", [])],
        "reading_words": " ".join(reading["why"] for reading in timescale.get("readings", [])) or None,
        "source": timescale["source"],
        "applies_to_stages": timescale.get("applies_to_stages"),
        "non_working_day": None,
        "working_day_before": None,
        "after_overall": False,
        "after_overall_words": None,
        "status": None,
        "status_words": None,
        "working_days_left": None,
        "days_left": None,
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
    lines = []
    for reading, other in zip(limit["readings"], others):
        if other is not None and other == due and not reading["other_first"]:
            continue  # both readings give this date: nothing to explain here
        if other is None and timescale["unit"] == "calendar_months" and due.day == start.day:
            continue  # a month read two ways only where the next month is too short (31 January)
        if reading.get("when") == "closed_start" and calendar.is_working_day(start):
            # What a limit counts from read two ways ("the day you contacted them" or the day
            # they received it) moves the date only where that day was not a working day.
            continue
        lines.append(words.reading_line(reading, None if other is None else reading["other_date"],
                                        reading["other_first"]))
    limit["reading_words"] = " ".join(lines) or None
    limit["from_date"] = start.isoformat()
    limit["from_words"] = words.long_date(start.isoformat())
    limit["date"] = due.isoformat()
    limit["date_words"] = words.long_date(due.isoformat())
    limit["counted"] = words.counted_from(counted_as, start.isoformat(), due.isoformat(),
                                          closed_words(calendar, names, start))
    limit["non_working_day"] = non_working_words(calendar, names, due, start)
    before = working_day_before(calendar, due, start) if limit["non_working_day"] else None
    limit["working_day_before"] = None if before is None else before.isoformat()
    if today is not None:
        status = status_of(calendar, due, today)
        limit["status"] = status[0]
        limit["status_words"] = status[1]
        limit["working_days_left"] = status[2]
        limit["days_left"] = status[3]
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
            limit["missing_words"] = MISSING_WORDS[lack]
            missing[timescale["id"]] = lack
        else:
            dates[timescale["id"]] = fill_limit(limit, calendar, names, timescale, start, today)
        results.append(limit)
    return results


def mark_after_overall(limits, overall):
    """Say so on every limit that falls after the overall one (Wigan stage 2 begun on
    23 November 2026 runs to 7 December; the month counted from 2 November ends on 2 December)."""
    if overall is None or overall["date"] is None:
        return
    for limit in limits:
        if limit["date"] is not None and limit["date"] > overall["date"]:
            limit["after_overall"] = True
            limit["after_overall_words"] = ("This is after the overall time limit, which ends on "
                                            + overall["date_words"] + ".")


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


def source_documents(bundle, sources):
    """[(name, date or None)] for each document the sources name, in order: the name a reader
    knows it by (short_title) and the date printed on it."""
    found = []
    for source in sources:
        document = bundle["sources"].get(source["file"]) or {}
        item = (document.get("short_title") or document.get("title") or source["file"], document.get("date"))
        if item not in found:
            found.append(item)
    return found


def checked_words(bundle, contact):
    """Whether the contact's details were ever confirmed, and how old its sources are
    (words.checked_words): one wording wherever a contact is shown."""
    return words.checked_words(contact.get("verified_on"), source_documents(bundle, contact["sources"]))


def phone_from(bundle, phone):
    """(date, words) of the newest dated document that prints a phone ("2015-01", "Salford VCSE
    protocol, January 2015"); date is "" where no source of it is dated."""
    documents = bundle.get("sources", {})
    newest, named = "", None
    for source in phone.get("sources", []):
        document = documents.get(source["file"], {})
        date = document.get("date") or ""
        if named is None or date > newest:
            newest, named = date, document.get("short_title") or document.get("title") or source["file"]
    return newest, words.from_document(named or "", newest or None)


def team_phones(bundle, contact_id):
    """Every number printed for a contact's team where the sources compete (its 'conflict'
    note): its own and its teammates', the newest document's first where all are dated (else
    its own first), each labelled with the document and date it comes from (issue 21, item 11: Salford's Quality Assurance Unit is
    0161 603 4322 in the VCSE protocol of January 2015, 0161 603 4350 in the 2014 procedure)."""
    found = []
    seen = []
    for member in [contact_id] + team_numbers.teammates(bundle["contacts"], contact_id):
        for phone in bundle["contacts"][member].get("phones", []):
            key = phone.get("e164") or phone["number"]
            if key in seen or (member != contact_id and not phone.get("e164")):
                continue
            seen.append(key)
            date, said = phone_from(bundle, phone)
            labelled = dict(phone)
            labelled["label"] = (phone["label"] + "; " if phone.get("label") else "") + said
            labelled["from_date"] = date
            labelled["member"] = member
            found.append(labelled)
    # Newest first, only where every number comes from a dated document (an undated source is not
    # older, only of unknown age: the Bridge's advice line); the same date keeps the contact's own
    # order (a stable insertion, by hand, so MicroPython orders them exactly as CPython does).
    if not all(phone["from_date"] for phone in found):
        return found
    ordered = []
    for phone in found:
        at = len(ordered)
        while at > 0 and ordered[at - 1]["from_date"] < phone["from_date"]:
            at -= 1
        ordered.insert(at, phone)
    # The button's number is said to be the newest, where it is (a phone tester read "Salford VCSE
    # protocol, January 2015" on the 2014 procedure's answer as a mistake).
    if len(ordered) > 1 and ordered[0]["from_date"] > ordered[1]["from_date"]:
        ordered[0]["label"] = words.newest_source(ordered[0]["label"])
    return ordered


def contact_summary(bundle, contact_id):
    """A contact as the wizard shows it: the first callable number and email, every other
    number, and any conflicting number printed for the same team by another source.

    Where the contact has a 'conflict' note (the data says the numbers compete), the buttons are
    the numbers of the newest document (team_phones: Salford's Quality Assurance Unit is 0161 603
    4322 in the VCSE protocol of January 2015, so that is the button even on the 2014
    procedure's card), each saying which document and date it comes from; the team's other
    numbers are in conflicts, each with its document and date too. Two numbers of one team can
    each have their own use (the Bridge's referral and advice lines), and a route on which every
    source gives the same number should not offer the other one, so without the note only the
    contact's own numbers are shown."""
    contact = bundle["contacts"][contact_id]
    phones = contact.get("phones", [])
    conflicts = []
    if contact.get("conflict"):
        ordered = team_phones(bundle, contact_id)
        own = set(phone.get("e164") or phone["number"] for phone in phones)
        dated = all(phone["from_date"] for phone in ordered)
        newest = ordered[0]["from_date"] if ordered else ""
        phones = [phone for phone in ordered if (phone["from_date"] == newest if dated else
                                                 (phone.get("e164") or phone["number"]) in own)]
        for phone in ordered:
            if phone in phones or not phone.get("e164"):
                continue
            conflicts.append({
                "contact": phone["member"],
                "name": bundle["contacts"][phone["member"]]["name"],
                "phone": phone["e164"],
                "phone_text": phone["display"],
                "label": phone["label"],
                "sources": phone["sources"],
            })
    callable_phones = [phone for phone in phones if phone.get("e164")]
    emails = contact.get("emails", [])
    return {
        "id": contact_id,
        "name": contact["name"],
        "person": contact.get("person"),
        "role": contact.get("role"),
        "organisation": contact["organisation"],
        "serves": contact.get("serves"),
        "phone": callable_phones[0]["e164"] if callable_phones else None,
        "phone_text": callable_phones[0]["display"] if callable_phones else None,
        "email": emails[0]["address"] if emails else None,
        "phones": phones,
        "emails": emails,
        "address": contact.get("address"),
        "hours": contact.get("hours"),
        "note": contact.get("note"),
        "conflict": contact.get("conflict"),
        "conflicts": conflicts,
        "verified_on": contact.get("verified_on"),
        "checked_words": checked_words(bundle, contact),
        "sources": contact["sources"],
    }


def add_source(sources, source):
    if source and source not in sources:
        sources.append(source)


def read_day(calendar, text, what):
    return calendar.check(parse_date(text, what))


def begins_with_the_disagreement(procedure, number):
    """Whether the stage is the first and begins when the disagreement did (Wigan: "one month for
    the overall process" from stage 1). Not where the first stage has its own limit for raising it
    counted from the disagreement (Southwark 3.2: raise it within 2 working days of the
    disagreement or the decision, and the stage's day is the day you raised it): there the
    disagreement began earlier, on a day the person may not have given."""
    if number != procedure["stages"][0]["number"]:
        return False
    for timescale in procedure["stages"][0]["timescales"]:
        if timescale["measures"] == "raise" and timescale["counts_from"] == PROCESS_START:
            return False
    return True


def stage_dates(calendar, procedure, number, since, started):
    """(since, started) as dates for a stage begun on since. Where the first stage began when the
    disagreement did, started defaults to since; anywhere else it is None when not given: never
    guessed (begins_with_the_disagreement)."""
    since_day = read_day(calendar, since, "date this stage began")
    if started is not None:
        started_day = read_day(calendar, started, "date the process began")
    elif begins_with_the_disagreement(procedure, number):
        started_day = since_day
    else:
        started_day = None
    if started_day is not None and started_day > since_day:
        raise DateError(
            "The process cannot have begun (" + started_day.isoformat() + ") after this stage began ("
            + since_day.isoformat() + ")."
        )
    return since_day, started_day


def next_step(bundle, procedure_id, stage_number, since, started=None, today=None):
    """Answer "who do I contact next, and by when?" for one stage of one procedure.

    Every abbreviation in the answer's text is written out where it first appears, in the
    order a reader meets it (see written_out).

    since: the day this stage began (YYYY-MM-DD). started: the day the whole disagreement
    began, for limits counted from the start of the process. At stage 1 the stage began when
    the disagreement did, so started defaults to since; at a later stage it is never guessed,
    and a limit that needs it has no date and says so. today: London's date, to flag each
    limit as upcoming, due today or overdue (None: no flags). The answer is described at the
    top of this module.
    """
    return written_out(bundle, stage_answer(bundle, procedure_id, stage_number, since, started, today))


def stage_answer(bundle, procedure_id, stage_number, since, started=None, today=None):
    """next_step's answer with the data's words as they are (abbreviations not written out)."""
    procedure = get_procedure(bundle, procedure_id)
    stage = get_stage(procedure, stage_number)
    calendar = WorkingCalendar(bundle["calendar"])
    since_day, started_day = stage_dates(calendar, procedure, stage_number, since, started)
    today_day = None if today is None else read_day(calendar, today, "date today")
    return answer_for(bundle, calendar, procedure, stage, following_stage(procedure, stage_number),
                      since_day, started_day, today_day)


def get_follow_up(procedure, follow_id):
    """A situation the procedure's source gives a rule for outside its stages (follow_ups in the
    data): Salford VCSE App. 2 §2, a referral whose outcome form has not come."""
    for item in procedure.get("follow_ups", []):
        if item["id"] == follow_id:
            return item
    raise UnknownStage("The procedure '" + procedure["id"] + "' has no situation called '" + str(follow_id) + "'.")


def follow_up(bundle, procedure_id, follow_id, since, today=None):
    """The answer for one of a procedure's follow-ups ("I made a referral and have heard nothing"),
    in next_step's shape: since is the day it was done (the referral); stage is None and after
    is the follow-up's id; next is the stage the source's route leads to, and the flag, once its
    date has passed, says the data's overdue_do ("telephone the Partnership Bridge ...")."""
    procedure = get_procedure(bundle, procedure_id)
    item = get_follow_up(procedure, follow_id)
    calendar = WorkingCalendar(bundle["calendar"])
    since_day = read_day(calendar, since, words.date_what(item["date_legend"]))
    today_day = None if today is None else read_day(calendar, today, "date today")
    answer = answer_for(bundle, calendar, procedure, item, get_stage(procedure, item["then"]), since_day, None,
                        today_day, item)
    return written_out(bundle, answer)


def answer_for(bundle, calendar, procedure, stage, following, since_day, started_day, today_day, after=None):
    """The answer for a stage (or, with after, a follow-up) begun on since_day: see the top."""
    number = None if after else stage["number"]
    names = bundle["calendar"].get("names", {})
    if after:
        deadlines = resolve_timescales(calendar, names, stage["timescales"], since_day, since_day, today_day,
                                       stage.get("deadline"))
        main = None
        for limit in deadlines:
            if limit["headline"]:
                main = limit
        overall = None
    else:
        deadlines, main, overall = stage_limits(bundle, calendar, procedure, stage, since_day, started_day, today_day)
    if number == procedure["stages"][0]["number"]:
        # The first stage's day is the day it was raised (Southwark 3.2: raise it within 2 working
        # days of the disagreement, then the practitioner has 3 from the day you raised it): the
        # limit for raising it is met, never a step still to do (a Southwark teacher who raised it
        # on 30 November was told "raise it ... by 2 December. That is today.").
        mark_raised(deadlines, since_day)

    sources = []
    add_source(sources, stage["source"])
    for timescale in deadlines:
        add_source(sources, timescale["source"])
    if overall:
        add_source(sources, overall["source"])
    add_source(sources, procedure["safety_rule"]["source"])

    partnership = bundle["partnerships"][procedure["partnership"]]
    directory = None
    if stage.get("directory"):
        listing = bundle["lists"][stage["directory"]]
        directory = {"id": listing["id"], "title": listing["title"], "source": listing["source"],
                     "stage": listing.get("stage"),
                     "contacts": [contact_summary(bundle, cid) for cid in listing["contacts"]]}
    # A follow-up comes before the stages: the procedure's notes on escalating are not about it.
    notes = stage.get("notes", []) + ([] if after else procedure.get("notes", []))
    for note in notes:
        add_source(sources, note["source"])

    ending = stage_end(deadlines, main)
    flagged = flag(main, overall, following, None if ending is main else ending,
                   after.get("overdue_do") if after else None)
    kept = keep_to(main, overall)

    return {
        "procedure": procedure["id"],
        "procedure_title": procedure["title"],
        "partnership": procedure["partnership"],
        "partnership_name": partnership["name"],
        "status": procedure["status"],
        "status_note": procedure.get("status_note"),
        "review_due": procedure.get("review_due"),
        "stage": number,
        "after": after["id"] if after else None,
        "title": stage["title"],
        "heading": words.stage_heading(number, stage["title"]),
        "stages": len(procedure["stages"]),
        "since": since_day.isoformat(),
        "since_words": words.long_date(since_day.isoformat()),
        "started": None if started_day is None else started_day.isoformat(),
        "started_words": None if started_day is None else words.long_date(started_day.isoformat()),
        "today": None if today_day is None else today_day.isoformat(),
        "who": stage["who"],
        "do": stage["do"],
        "how": after.get("how") if after else None,
        "record": stage.get("record", []),
        "send": [{"id": fid, "title": bundle["forms"][fid]["title"], "source": bundle["forms"][fid]["source"]}
                 for fid in stage.get("send", [])],
        "deadline": main,
        "deadlines": deadlines,
        "overall": overall,
        "safety_rule": procedure["safety_rule"],
        "emergency": partnership["emergency"],
        "contacts": [contact_summary(bundle, cid) for cid in stage["contacts"]],
        "directory": directory,
        "notes": notes,
        "next": None if following is None else {
            "stage": following["number"],
            "title": following["title"],
            "who": following["who"],
            "contacts": [contact_summary(bundle, cid) for cid in following["contacts"]],
        },
        "sources": sources,
        "no_number": stage_no_number(bundle, stage),
        "which_wins": which_wins(main, overall),
        "flag": flagged,
        "keep_to": kept,
        "closed_days": closed_days(main, overall, kept),
        # Once the flag says the stage is overdue (move on, or do the step now), it is the one thing
        # to do now: a missed earlier step of the stage is not said again.
        "steps_due": [] if flagged and flagged["status"] == "overdue" else steps_due(deadlines),
        # "by then" only where the date is still ahead: once it has passed, the flag says "move to
        # stage N now", and "if it is not resolved by then" would point at a day gone by.
        "next_words": next_words(following, main is not None and main["date"] is not None
                                 and not (flagged and flagged["status"] == "overdue"),
                                 after.get("if_not") if after else None),
    }


def mark_raised(limits, raised_day):
    """Mark the stage's limit for raising it as met on raised_day: said as done, with the day,
    and whether it was in time where the limit's date is known and earlier."""
    for limit in limits:
        if limit["measures"] == "raise" and not limit["headline"]:
            late = limit["date"] is not None and limit["date"] < raised_day.isoformat()
            limit["status"] = "done"
            limit["status_words"] = words.raised_on(raised_day.isoformat(), limit["date"] if late else None)
            limit["working_days_left"] = limit["days_left"] = None


def closed_days(deadline, overall, kept):
    """The words for each date on the first screen that falls on a weekend or bank holiday, with
    the last working day before it (issue 21, item 7): the date in bold, and the stage's own date
    where the whole process's is in bold (the which-comes-first line names it), said whatever
    else is given: the day the disagreement began, an optional answer, changes which date is in
    bold, never whether the stage's warning is said. (The whole process's date, where the stage's
    is in bold, has its warning in the which-comes-first line that names it: which_wins.)"""
    said = []
    if kept == "overall" and overall["non_working_day"]:
        said.append(overall["non_working_day"])
    if deadline is not None and deadline["date"] is not None and deadline["non_working_day"]:
        said.append(deadline["non_working_day"] if kept != "overall" else words.stage_own_date(deadline["non_working_day"]))
    return said


def steps_due(limits):
    """The stage's other steps for your side (to raise it, to send something) that are due today
    or overdue, each with what to do now, for the first screen (issue 21, item 5: Southwark
    stage 2's same-working-day escalation, due on the day stage 1 could not resolve it)."""
    found = []
    for limit in limits:
        if limit["headline"] or limit["measures"] not in words.OWN_ACTIONS or limit["date"] is None:
            continue
        # Never the flag's own limit: that is the headline, the stage's end or the whole process's.
        if limit["status"] in ("overdue", "today"):
            found.append({"id": limit["id"], "status": limit["status"], "date": limit["date"],
                          "words": words.step_due(limit)})
    return found


def no_number(bundle, procedure_id, stage_number):
    """None, or, at a stage whose source gives no phone number or email for the person to contact
    (Southwark stages 1 to 3, say), what the answer says instead of showing nothing:
    {words: "This procedure gives no phone number or email for ...", reach:
    how to reach them instead, sentence: the two as one line (what every page shows), contacts:
    the way in the source gives, if any, as contact_summary gives them (Salford's Partnership
    Bridge), source}."""
    return stage_no_number(bundle, get_stage(get_procedure(bundle, procedure_id), stage_number))


def stage_no_number(bundle, stage):
    """no_number() for a stage (or follow-up) as the data holds it."""
    said = stage.get("no_number")
    if not said:
        return None
    # "This procedure": every place that shows the line has just named the procedure (the
    # answer's lede, the procedure page), and the document's own name is long on a phone once
    # its abbreviations are written out ("Salford VCSE protocol"); the source line cites it.
    words = "This procedure gives no phone number or email for " + said["for"] + "."
    return {
        "words": words,
        "reach": said["reach"],
        "sentence": words + " " + said["reach"],
        "contacts": [contact_summary(bundle, contact_id) for contact_id in said.get("contacts", [])],
        "source": said["source"],
    }


def which_wins(deadline, overall):
    """One plain line where a stage has its own time limit and the whole process's limit applies
    too (Wigan: 10 working days a stage, one month in all): the earlier of the two comes first.
    Both are limits (see the top); without dates (the procedure pages) the line says the rule.
    None when the stage has only one of them."""
    if deadline is None or overall is None:
        return None
    if deadline["date"] is not None and overall["date"] is None:
        return words.overall_unknown(overall)
    if deadline["date"] is None or overall["date"] is None:
        return words.two_limits(overall)
    if deadline["date"] == overall["date"]:
        return words.same_day_words(overall, deadline["date_words"])
    # The stage's date is shown just above this line, so it is not said again: on a phone every
    # line pushes the contacts' buttons further down the first screen.
    if deadline["date"] < overall["date"]:
        # Its closed-day warning here, beside its date, not under the stage's date in bold, where
        # a phone tester read it as being about that date (Wigan stage 1 from 25 November 2026:
        # the month ends on Christmas Day).
        return ("This stage's date comes first. " + words.overall_ends_words(overall, overall["date_words"])
                + (" " + overall["non_working_day"] if overall["non_working_day"] else ""))
    # The first screen then shows the whole process's date in bold (see keep_to()).
    return "This stage's own limit ends later, on " + deadline["date_words"] + "."


def keep_to(deadline, overall):
    """Which date the first screen shows in bold: "stage" (the stage's headline limit),
    "overall" where the whole process's limit ends before it (Wigan, begun 2 November, stage 2
    from 23 November: the month ends on Wednesday 2 December, the 10 working days on Monday
    7 December, so the person must see 2 December, not 7), or None where the stage has no
    time limit. A name, not the limit itself, so a copy of the answer (written_out) still
    points right; kept_limit() gives the limit."""
    if deadline is None:
        return None
    if deadline["date"] and overall is not None and overall["date"] and overall["date"] < deadline["date"]:
        return "overall"
    return "stage"


def kept_limit(answer):
    """The limit whose date the first screen shows in bold (see keep_to), or None."""
    return answer["overall"] if answer["keep_to"] == "overall" else answer["deadline"]


def which_wins_rule(procedure, stage_number):
    """which_wins() without dates, for the procedure pages: None where the stage has no headline
    limit or the whole process's limit does not apply at it."""
    if not get_stage(procedure, stage_number).get("deadline") or not overall_applies(procedure, stage_number):
        return None
    return words.two_limits(procedure["overall"])


def flag(deadline, overall, following, ending=None, then_words=None):
    """The first screen's flag, from the limits' status as seen from today: None, or {status
    ("overdue" or "today"), limit ("stage" or "overall": which date it is about), words}. It is overdue when the stage's date or the whole process's limit has passed (a Wigan
    stage begun on 23 November is within its 10 working days on 3 December, but the month from
    2 November ended on 2 December); due today when either falls today and neither has passed.
    following is the next stage (or None); ending, the limit that ends the stage where the
    headline is a step of your own (Wigan stage 4: raise it within 2 working days, then 10 for
    the directors); then_words, what to do once it has passed where the data says it (a
    follow-up's overdue_do).

    What to do now fits the step: for a step of your own (raise it, refer it, send it) "if it is
    not done yet, ... now"; for an answer or a resolution, move to the next stage, or at the last
    stage contact them again. Never "contact them again" where nobody has been contacted yet
    (Wigan stage 5: refer it to the WSCP Business Manager)."""
    found = []
    for limit, whose in ((deadline, "stage"), (ending, "stage"), (overall, "overall")):
        if limit is not None and limit["date"] is not None and limit["status"] in ("overdue", "today"):
            own = whose == "stage" and limit["measures"] in words.OWN_ACTIONS
            # Overdue before today; then the stage's end before a step of your own; the earlier
            # date; and, on the same day, the stage's own limit before the whole process's.
            found.append(((limit["status"] != "overdue", own, limit["date"], whose != "stage"), whose, own, limit))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    _, whose, own, limit = found[0]
    if limit["status"] == "today":
        if whose == "stage":
            return {"status": "today", "limit": whose, "words": "This is due today."}
        return {"status": "today", "limit": whose, "words": "The whole process should be finished today."}
    if own:
        now = words.do_it_now(limit)
    elif then_words:
        now = then_words
    elif following:
        now = "move to stage " + str(following["number"]) + " now"
    elif deadline is not None and deadline["measures"] in words.OWN_ACTIONS:
        now = words.do_it_now(deadline)
    else:
        now = "contact them again and tell your manager"
    said = "This was due on " if whose == "stage" else "The whole process should have been finished by "
    return {"status": "overdue", "limit": whose,
            "words": said + limit["date_words"] + ". It is now overdue: " + now + "."}


def next_words(following, dated, if_not=None):
    """What happens if it is not resolved, in one line. "by then" only where the stage has a
    date to be resolved by (dated); following is the next stage, or None at the last. if_not:
    a follow-up's own condition ("If the form has not come, or you are dissatisfied with the
    response to your referral")."""
    if following is None:
        return "This is the last stage of the procedure."
    if if_not:
        return if_not + ", go to stage " + str(following["number"]) + ": " + following["title"] + "."
    said = ("If it is not resolved" + (" by then" if dated else "") + ", go to stage " + str(following["number"])
            + ": " + following["title"])
    # Where the next stage must be taken up the same working day (Southwark 3.3: "escalated to
    # their respective line managers within the same working day"), the line says so.
    for timescale in following.get("timescales", []):
        if timescale["unit"] == "same_working_day" and timescale["measures"] == "raise":
            return said + ", " + words.same_day_next(timescale) + "."
    return said + "."


# --- Walking the procedure: the timeline, and "where should I be today?" ---------------------

def stage_end(limits, headline):
    """The limit that says when a stage ends: the headline one if it is for an answer or a
    resolution, else the first such limit of the stage, else None (a stage whose only limit is
    for raising it, such as Wigan's directors, has no end the walk can count on)."""
    if headline is not None and headline["measures"] in ENDS_A_STAGE:
        return headline
    for limit in limits:
        if limit["measures"] in ENDS_A_STAGE:
            return limit
    return None


def walk_steps(bundle, calendar, procedure, first_number, since_day, started_day, today_day):
    """Each stage as a step. Stages before first_number were tried before (no dates). Stage
    first_number begins on since_day; each later stage begins on the day the one before it
    ends, when the source gives that day (a limit for an answer or a resolution, see
    stage_end: Southwark's "within a further five days", Wigan's "10 working days between stages").
    Where a stage has no such limit the walk stops: the stages after it get no dates.
    Returns (steps, stopped stage number or None)."""
    steps = []
    start = since_day
    stopped = None
    for stage in procedure["stages"]:
        number = stage["number"]
        tried = number < first_number
        begins = None if tried else start
        limits, headline, overall = stage_limits(bundle, calendar, procedure, stage, begins, started_day, today_day)
        ending = stage_end(limits, headline)
        ends = None
        if begins is not None and ending is not None and ending["date"] is not None:
            ends = parse_date(ending["date"])
        if begins is not None and ends is None and stopped is None:
            stopped = number
        steps.append({
            "stage": number,
            "title": stage["title"],
            "raising": stage["who"]["raising"],
            "receiving": stage["who"]["receiving"],
            "tried": tried,
            "since": None if begins is None else begins.isoformat(),
            "since_words": None if begins is None else words.long_date(begins.isoformat()),
            "ends": None if ends is None else ends.isoformat(),
            "ends_words": None if ends is None else words.long_date(ends.isoformat()),
            "deadline": headline,
            "state": "tried" if tried else None,
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
    """The bank holidays from first to last (YYYY-MM-DD, inclusive), with their names."""
    found = []
    for iso in bundle_calendar["holidays"]:
        # The package also lists a holiday's own date when it falls at a weekend (Boxing Day on
        # Saturday 26 December 2026); the day off is the weekday "(observed)" one, listed too.
        if first <= iso <= last and parse_date(iso).weekday() < FIRST_WEEKEND_DAY:
            found.append({"date": iso, "date_words": words.long_date(iso), "name": holiday_name(bundle_calendar, iso)})
    return found


def make_timeline(bundle, calendar, procedure, first_number, since_day, started_day, today_day):
    """The walk as a timeline (see timeline())."""
    steps, stopped = walk_steps(bundle, calendar, procedure, first_number, since_day, started_day, today_day)
    today_stage = place_today(steps, today_day)
    overall = None
    if procedure.get("overall"):
        names = bundle["calendar"].get("names", {})
        overall = resolve_timescales(calendar, names, [procedure["overall"]], None, started_day, today_day)[0]
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
    stopped_words = None
    if stopped is not None:
        stage = get_stage(procedure, stopped)
        stopped_words = ("The source gives no date by which stage " + str(stopped) + " (" + stage["title"]
                         + ") ends, so we cannot work out when the stages after it begin.")
    return {
        "procedure": procedure["id"],
        "procedure_title": procedure["title"],
        "stages": len(procedure["stages"]),
        "steps": steps,
        "overall": overall,
        "holidays": holidays_between(bundle["calendar"], first, last) if first else [],
        "first": first,
        "last": last,
        "today": None if today_day is None else today_day.isoformat(),
        "today_words": None if today_day is None else words.long_date(today_day.isoformat()),
        "today_stage": today_stage,
        "stopped": stopped,
        "stopped_words": stopped_words,
    }


def timeline(bundle, procedure_id, stage=None, since=None, started=None, today=None):
    """The whole procedure as a ladder of steps, for a picture and its text equivalent.

    Without since, the bare ladder (every stage with its headline rule and no dates), as the
    procedure pages show it. With since (the day stage `stage`, default 1, began), the stages
    from there are dated by giving each its full time limit in turn; started as in next_step.

    Returns {procedure, procedure_title, stages, steps, overall, holidays, first, last, today,
    today_words, today_stage, stopped, stopped_words}: each step is {stage, title, raising,
    receiving, tried, since, since_words, ends, ends_words, deadline (a limit or None), state};
    state is "tried", "past", "current", "future" or None (no date, or no today); overall is a
    limit (its applies_to_stages says where it applies); holidays are the bank holidays from
    first to last, each {date, date_words, name}; today_stage is where today falls; stopped is
    the stage after which no more dates can be worked out, with stopped_words saying why.
    """
    procedure = get_procedure(bundle, procedure_id)
    calendar = WorkingCalendar(bundle["calendar"])
    today_day = None if today is None else read_day(calendar, today, "date today")
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
    says that stage began, with three more keys: walk (the timeline), raised_on, and
    where_words (the finding in a sentence). started: the day the disagreement began, when
    earlier; it is raised_on when nothing was tried before, and never guessed otherwise.
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
            raise EngineError("Stage " + str(last_number) + " is the last stage of this procedure, so there is no "
                              "stage after the ones you have tried. Its notes say what happens next.")
    raised_day, started_day = stage_dates(calendar, procedure, first_number, raised_on, started)
    today_day = read_day(calendar, today, "date today")
    if today_day < raised_day:
        raise DateError("The day it was raised (" + raised_day.isoformat() + ") cannot be after today ("
                        + today_day.isoformat() + ").")
    walk = make_timeline(bundle, calendar, procedure, first_number, raised_day, started_day, today_day)
    current = walk["today_stage"]
    step = walk["steps"][current - 1]
    answer = stage_answer(bundle, procedure_id, current, step["since"],
                          None if started_day is None else started_day.isoformat(), today)
    raised_words = "You raised it on " + words.long_date(raised_day.isoformat())
    if current == first_number:
        # At the stage where it was raised, the limit for raising it has been met: never call it
        # overdue (Southwark stage 1: "raise it within 2 working days" of the disagreement).
        mark_raised(answer["deadlines"], raised_day)
    if first_number > procedure["stages"][0]["number"]:
        raised_words += " at stage " + str(first_number)
    where_words = (raised_words + ". Giving each stage its full time limit, on " + words.long_date(today)
                   + " it should be at stage " + str(current) + ": " + step["title"] + ".")
    if walk["stopped"] == current and step["since"] < today:
        where_words += " " + walk["stopped_words"]
    answer["walk"] = walk
    answer["raised_on"] = raised_day.isoformat()
    answer["where_words"] = where_words
    # At a stage after the one where it was raised, the day the stage began is the walk's
    # assumption, not the person's: the answer must say so (counted_from()).
    answer["since_from"] = RAISED_ON if current == first_number else ASSUMED
    return written_out(bundle, answer)


def where_known(bundle, procedure_id, raised_on, stage_number, since, today):
    """"Where should I be today?" once the person has told us the day the stage the walk reached
    really began (a Wigan health visitor raised it on 16 November 2026 and her line manager took
    it to stage 2 on 24 November: stage 2 is due on 8 December, not on the walk's 14 December).

    next_step's answer for that stage counted from the person's day, with the disagreement begun
    on the day it was raised where the first stage begins with it (as where_today), and raised_on,
    where_words (both days in a sentence) and since_from ("given"). The stage must come after the
    first, and its day can be neither before the day it was raised nor after today.
    """
    procedure = get_procedure(bundle, procedure_id)
    calendar = WorkingCalendar(bundle["calendar"])
    get_stage(procedure, stage_number)
    if stage_number <= procedure["stages"][0]["number"]:
        raise EngineError("Stage " + str(stage_number) + " is where it was raised: its day is the day you raised it.")
    raised_day = read_day(calendar, raised_on, "day it was raised")
    since_day = read_day(calendar, since, "day the stage began")
    today_day = read_day(calendar, today, "date today")
    if since_day < raised_day:
        raise DateError(words.escalated_before_raised(stage_number))
    if since_day > today_day:
        raise DateError(words.escalated_after_today(stage_number))
    # The disagreement began the day it was raised only where the first stage begins with it.
    started = raised_on if begins_with_the_disagreement(procedure, procedure["stages"][0]["number"]) else None
    answer = stage_answer(bundle, procedure_id, stage_number, since, started, today)
    answer["raised_on"] = raised_on
    answer["where_words"] = words.where_known_words(raised_on, stage_number, since)
    answer["since_from"] = GIVEN
    return written_out(bundle, answer)


# Where the day a stage began came from (an answer's since_from; next_step's answers have none,
# the person gave it): the person, the day they raised it (where_today at the stage where it was
# raised), or the walk's assumption (where_today at a later stage).
GIVEN = "given"
RAISED_ON = "raised"
ASSUMED = "walk"


def root_origin(answer, limit):
    """What a limit counts from in the end: stage_start or process_start, following a limit
    counted on from another of the stage's limits ("within a further five days")."""
    by_id = {}
    for item in answer["deadlines"]:
        by_id[item["id"]] = item
    origin = limit["counts_from"]
    seen = 0
    while origin in by_id and seen < len(by_id):
        origin = by_id[origin]["counts_from"]
        seen += 1
    return origin


def counted_from(answer):
    """The first screen's line saying which of the person's days its bold date was counted from
    ("Counted from Monday 23 November 2026, the day you told us this stage began."), so a date
    typed wrong can be seen, or None where no date was worked out. Where the day is the walk's
    assumption (where_today at a stage after the one where it was raised), it says so: never
    presented as the day the stage began. Returns {words, assumed, day (YYYY-MM-DD), what (the
    words for the day, None where assumed), and stage where assumed}: where the bold date's own
    count starts on that day, the first screen says it in the rule's line instead ("Counted from
    your date, Thursday 17 December 2026."; words.that_is)."""
    main = kept_limit(answer)
    if main is None or main["date"] is None:
        return None
    origin = PROCESS_START if answer["keep_to"] == "overall" else root_origin(answer, main)
    came = answer.get("since_from", GIVEN)
    where = answer.get("raised_on") is not None
    if origin == PROCESS_START and (where or answer["started"] != answer["since"]):
        day = answer["started"]
        what = words.YOU_SAID_RAISED if where else words.YOU_SAID_DISAGREEMENT_BEGAN
    elif came == ASSUMED:
        return {"words": words.assumed_stage_began(answer["since"], answer["stage"]), "assumed": True,
                "day": answer["since"], "what": None, "stage": answer["stage"]}
    elif came == RAISED_ON:
        day, what = answer["since"], words.YOU_SAID_RAISED
    elif where:
        day, what = answer["since"], words.you_said_stage_began(answer["stage"])
    else:
        day, what = answer["since"], words.YOU_SAID_STAGE_BEGAN
    return {"words": words.counted_from_line(day, what), "assumed": False, "day": day, "what": what}


# --- Abbreviations written out at first use ------------------------------------------------------

def letters_for(bundle, partnership_id):
    """{letters: words} for one area, from the glossary's abbreviations in the bundle."""
    return abbreviations.known(bundle.get("abbreviations", {}), partnership_id)


def _texts(item, keys, letters, seen):
    """A copy of the dict item with the texts under keys written out, in that order."""
    item = dict(item)
    for key in keys:
        if isinstance(item.get(key), str):
            item[key] = abbreviations.write_out(item[key], letters, seen)
    return item


def _either(item, first, others, letters, seen):
    """A copy of item where the text under first, if any, is shown instead of the texts under
    others (who.sentence, else who.raising and who.receiving): each is written out as if it were
    the one shown, and what comes after counts only what is shown as read."""
    if not item.get(first):
        return _texts(item, others, letters, seen)
    item = _texts(item, others, letters, dict(seen))
    return _texts(item, [first], letters, seen)


def _limit(limit, letters, seen):
    return _texts(limit, ("label", "rule", "missing_words", "non_working_day", "after_overall_words", "reading_words"),
                  letters, seen)


def _contact(contact, letters, seen):
    # A card shows its note only where there is no number or email to show (pyscript/wizard.py).
    shown = ("name", "person", "role", "conflict") + (() if contact["phones"] or contact["emails"] else ("note",))
    return _texts(contact, shown, letters, seen)


def written_out(bundle, answer):
    """A copy of an answer (next_step's or where_today's) in which every abbreviation the
    glossary knows for the answer's area (SSCP is Salford's partnership in Salford and
    Southwark's in Southwark) is written out the first time a reader meets it: the texts are
    taken in the order the wizard shows them (the first screen's lede, who, rule, next step
    and contacts, then the rest; the stage's title, a heading, is left as the source says it).
    The bundle and the answer given are not changed; the source's own words (each limit's
    quote) are never changed."""
    letters = letters_for(bundle, answer["partnership"])
    if not letters:
        return answer
    seen = {}
    # The stage's title is a heading, kept short as the source names it ("SSCP Independent
    # Chair"): the who sentence just below it writes the words out.
    answer = _texts(answer, ("where_words", "partnership_name", "procedure_title"), letters, seen)
    answer["who"] = _either(answer["who"], "sentence", ("raising", "receiving"), letters, seen)
    deadlines = []
    for limit in answer["deadlines"]:
        copied = _limit(limit, letters, seen) if limit["headline"] else limit
        if limit["headline"]:
            answer["deadline"] = copied
        deadlines.append(copied)
    answer = _texts(answer, ("which_wins", "next_words"), letters, seen)
    if answer["flag"]:
        answer["flag"] = _texts(answer["flag"], ("words",), letters, seen)
    answer["steps_due"] = [_texts(step, ("words",), letters, seen) for step in answer["steps_due"]]
    if answer["no_number"]:
        said = _either(answer["no_number"], "sentence", ("words", "reach"), letters, seen)
        said["contacts"] = [_contact(contact, letters, seen) for contact in said["contacts"]]
        answer["no_number"] = said
    answer["contacts"] = [_contact(contact, letters, seen) for contact in answer["contacts"]]
    answer = _texts(answer, ("status_note",), letters, seen)
    answer["deadlines"] = [limit if limit["headline"] else _limit(limit, letters, seen) for limit in deadlines]
    if answer["overall"]:
        answer["overall"] = _limit(answer["overall"], letters, seen)
    answer["do"] = [abbreviations.write_out(text, letters, seen) for text in answer["do"]]
    answer["send"] = [_texts(form, ("title",), letters, seen) for form in answer["send"]]
    answer["record"] = [abbreviations.write_out(text, letters, seen) for text in answer["record"]]
    if answer["how"]:
        answer["how"] = _texts(answer["how"], ("title",), letters, seen)
        answer["how"]["steps"] = [abbreviations.write_out(text, letters, seen) for text in answer["how"]["steps"]]
    answer["safety_rule"] = _texts(answer["safety_rule"], ("text",), letters, seen)
    answer["notes"] = [_texts(note, ("title", "text"), letters, seen) for note in answer["notes"]]
    if answer["next"]:
        following = _texts(answer["next"], ("title",), letters, seen)
        following["who"] = _either(following["who"], "sentence", ("receiving",), letters, seen)
        following["contacts"] = [_contact(contact, letters, seen) for contact in following["contacts"]]
        answer["next"] = following
    if answer["directory"]:
        listing = _texts(answer["directory"], ("title",), letters, seen)
        listing["contacts"] = [_contact(contact, letters, seen) for contact in listing["contacts"]]
        answer["directory"] = listing
    return answer


DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def office_status(bundle, hours, day, time):
    """Whether an office should be open at a moment in London, by the hours its source prints.

    day is the London date (YYYY-MM-DD) and time the London time ("HH:MM"); the browser works
    them out with Intl in Europe/London, never from the device's own time zone. The answer is
    "open", "closed" or "unknown": unknown when the source gives no days, or on a bank holiday,
    which no source in the data mentions. words says it in a sentence for the page.
    """
    if not hours:
        return {"state": "unknown", "words": "The source does not give opening hours."}
    calendar = WorkingCalendar(bundle["calendar"])
    today = calendar.check(parse_date(day, "today's date"))
    given = "The source gives the hours as " + hours["text"] + "."
    if today.isoformat() in calendar.holidays:
        return {"state": "unknown",
                "words": "Today is a bank holiday, and the source does not say whether the office opens. " + given}
    if not hours.get("days"):
        return {"state": "unknown",
                "words": "The source does not say which days the office opens. " + given}
    open_today = DAY_NAMES[today.weekday()] in hours["days"]
    if open_today and hours["opens"] <= time < hours["closes"]:
        return {"state": "open", "words": "Open now, London time. " + given}
    return {"state": "closed", "words": "Closed now, London time. " + given}
