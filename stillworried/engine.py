"""The escalation engine: who to contact next, and by when.

One implementation of every rule, imported by the site's macros, the command line, the
tests and the browser wizard. It works on the plain "bundle" that ``data.build_bundle``
makes from the YAML files (dicts, lists, strings and integers only), runs unchanged under
CPython and MicroPython, and never reads the clock: callers pass dates in as ISO strings.
"""
from stillworried.workdays import DateError, WorkingCalendar, parse_date
from stillworried import words


class EngineError(ValueError):
    """A question the engine cannot answer, said in a way a person can act on."""


class UnknownProcedure(EngineError):
    pass


class UnknownStage(EngineError):
    pass


STAGE_START = "stage_start"
PROCESS_START = "process_start"


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


def resolve_timescales(calendar, timescales, since, started):
    """Every time limit of a stage with its date. A timescale may count on from an earlier
    one's date ("within a further two working days" of the resolution)."""
    dates = {}
    results = []
    for timescale in timescales:
        origin = timescale["counts_from"]
        if origin == STAGE_START:
            start = since
        elif origin == PROCESS_START:
            start = started
        else:
            start = dates[origin]
        due = timescale_date(calendar, timescale, start)
        dates[timescale["id"]] = due
        results.append({
            "id": timescale["id"],
            "measures": timescale["measures"],
            "who": timescale["who"],
            "action": timescale["action"],
            "amount": timescale.get("amount"),
            "unit": timescale["unit"],
            "counts_from": origin,
            "from": start.isoformat(),
            "date": due.isoformat(),
            "date_words": words.long_date(due.isoformat()),
            "rule": words.timescale_rule(timescale),
            "counted": words.counted_from(timescale, start.isoformat()),
            "quote": timescale["quote"],
            "note": timescale.get("note"),
            "source": timescale["source"],
        })
    return results


def contact_summary(bundle, contact_id):
    """A contact as the wizard shows it: the first callable number and email, every other
    number, and any conflicting number printed for the same team by another source.

    The other numbers are listed only when this contact has a 'conflict' note: the note
    is where the data says the numbers compete. Two numbers of one team can each have
    their own use (the Bridge's referral and advice lines), and a route on which every
    source gives the same number should not offer the other one."""
    contact = bundle["contacts"][contact_id]
    phones = contact.get("phones", [])
    callable_phones = [phone for phone in phones if phone.get("e164")]
    emails = contact.get("emails", [])
    conflicts = []
    team = contact.get("team")
    if team and contact.get("conflict"):
        own = set(phone["e164"] for phone in callable_phones)
        for other_id in sorted(bundle["contacts"]):
            other = bundle["contacts"][other_id]
            if other_id == contact_id or other.get("team") != team:
                continue
            for phone in other.get("phones", []):
                if phone.get("e164") and phone["e164"] not in own:
                    conflicts.append({
                        "contact": other_id,
                        "name": other["name"],
                        "phone": phone["e164"],
                        "phone_text": phone["display"],
                        "label": phone.get("label"),
                        "sources": phone["sources"],
                    })
    return {
        "id": contact_id,
        "name": contact["name"],
        "person": contact.get("person"),
        "role": contact.get("role"),
        "organisation": contact["organisation"],
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
        "sources": contact["sources"],
    }


def add_source(sources, source):
    if source and source not in sources:
        sources.append(source)


def next_step(bundle, procedure_id, stage_number, since, started=None):
    """Answer "who do I contact next, and by when?" for one stage of one procedure.

    since: the day this stage began (YYYY-MM-DD). started: the day the whole disagreement
    began, for timescales counted from the start of the process; it defaults to since.
    """
    procedure = get_procedure(bundle, procedure_id)
    stage = get_stage(procedure, stage_number)
    calendar = WorkingCalendar(bundle["calendar"])
    since_day = calendar.check(parse_date(since, "date this stage began"))
    started_day = since_day if started is None else calendar.check(parse_date(started, "date the process began"))
    if started_day > since_day:
        raise DateError(
            "The process cannot have begun (" + started_day.isoformat() + ") after this stage began ("
            + since_day.isoformat() + ")."
        )

    deadlines = resolve_timescales(calendar, stage["timescales"], since_day, started_day)
    main = None
    for timescale in deadlines:
        if timescale["id"] == stage.get("deadline"):
            main = timescale
    overall = None
    if procedure.get("overall"):
        overall = resolve_timescales(calendar, [procedure["overall"]], since_day, started_day)[0]

    sources = []
    add_source(sources, stage["source"])
    for timescale in deadlines:
        add_source(sources, timescale["source"])
    if overall:
        add_source(sources, overall["source"])
    add_source(sources, procedure["safety_rule"]["source"])

    following = following_stage(procedure, stage_number)
    partnership = bundle["partnerships"][procedure["partnership"]]
    directory = None
    if stage.get("directory"):
        listing = bundle["lists"][stage["directory"]]
        directory = {"id": listing["id"], "title": listing["title"], "source": listing["source"],
                     "contacts": [contact_summary(bundle, cid) for cid in listing["contacts"]]}
    notes = stage.get("notes", []) + procedure.get("notes", [])
    for note in notes:
        add_source(sources, note["source"])

    return {
        "procedure": procedure["id"],
        "procedure_title": procedure["title"],
        "partnership": procedure["partnership"],
        "partnership_name": partnership["name"],
        "status": procedure["status"],
        "status_note": procedure.get("status_note"),
        "review_due": procedure.get("review_due"),
        "stage": stage["number"],
        "title": stage["title"],
        "stages": len(procedure["stages"]),
        "since": since_day.isoformat(),
        "since_words": words.long_date(since_day.isoformat()),
        "started": started_day.isoformat(),
        "who": stage["who"],
        "do": stage["do"],
        "record": stage.get("record", []),
        "send": [{"id": fid, "title": bundle["forms"][fid]["title"], "source": bundle["forms"][fid]["source"]}
                 for fid in stage.get("send", [])],
        "deadline_id": main["id"] if main else None,
        "deadline": main["date"] if main else None,
        "deadline_words": main["date_words"] if main else None,
        "deadline_rule": main["rule"] if main else None,
        "deadlines": deadlines,
        "overall_deadline": overall["date"] if overall else None,
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
    }


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
