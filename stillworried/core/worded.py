"""The engine's answers in words: each fact a reader sees (a date, a status, which limit comes
first, what to do now) gets its sentence from the catalogue (stillworried.core.words), and the
area's abbreviations are written out where a reader first meets them (written_out.py).

The engine (answers.py, walk.py) gives facts; this gives the answer every caller shows: the
shape the command line's --json prints, documented here, and what answer_view.py arranges on
the page. Each function returns a new answer and changes nothing it is given.

An answer in words has the engine's keys (answers.py) with these instead of the facts:

===================  ========================================================================
key                  what it says
===================  ========================================================================
heading              "Stage 2: Practice Manager", or a follow-up's own title
since_words,         the days counted from, in words ("Monday 23 November 2026")
started_words
which_wins           None, or which of the stage's date and the whole process's limit comes
                     first, in a line (without dates on the procedure pages: the rule)
flag                 None, or {status, limit, words}: due today or overdue, and what to do now
closed_days          a line for each date on the first screen that falls on a weekend or bank
                     holiday, with the last working day before it
steps_due            the steps of your own due today or overdue: {id, status, date, words}
next_words           what happens if it is not resolved, in one line
no_number            None, or {words, reach, sentence, contacts, source}
where_words          "where should I be today?" only: the finding in a sentence
in_danger            "If a child is in immediate danger, call 999." (the calendar file's last line)
===================  ========================================================================

A limit in words (deadline, each of deadlines, overall) has its facts (limits.py) with label,
from_words, date_words, missing_words, rule, counted (how the date was reached), reading_words
(why a source read two ways was counted as it was, where that moves the date), non_working_day
(a weekend or bank holiday, with the last working day before it), after_overall and
after_overall_words, and status_words ("Due today."). A contact in words has checked_words, and
each number printed for the same team names the document and date it comes from.
"""
from stillworried.core import answers as facts, contacts, verdicts, walk as walking
from stillworried.core.words import answers as said, contacts as contact_words, emergency as emergency_words, \
    limits as limit_words
from stillworried.core.words.dates import closed_day, closed_words, counted_from as counted_words, holiday_name, \
    long_date
from stillworried.core.written_out import written_out


def _when(iso):
    return None if iso is None else long_date(iso)


def limit(item):
    """A limit of the engine in words (see the top)."""
    dated = item["date"] is not None
    status = item["status"]
    status_said = None
    if status == "done":
        late = dated and item["date"] < item["raised_on"]
        status_said = limit_words.raised_on(item["raised_on"], item["date"] if late else None)
    elif status is not None:
        status_said = limit_words.status_words(status, item["working_days_left"], item["days_left"])
    readings = []
    for reading in item["readings"]:
        readings.append({key: reading[key] for key in reading if key != "moves"})
    if dated:
        reading_words = " ".join(limit_words.reading_line(reading, reading["other_date"], reading["other_first"])
                                 for reading in item["readings"] if reading["moves"]) or None
        start = item["from_closed"]
        counted = counted_words(item["counted_unit"], item["counted_amount"], item["from_date"], item["date"],
                                closed_words(start["weekend"], start["holiday"]) if start else None)
    else:
        reading_words = " ".join(reading["why"] for reading in item["readings"]) or None
        counted = None
    shut = item["closed"]
    return {
        "id": item["id"], "headline": item["headline"], "measures": item["measures"],
        "label": limit_words.label(item["given_label"], item["measures"], item["action"]),
        "who": item["who"], "action": item["action"], "amount": item["amount"], "unit": item["unit"],
        "counts_from": item["counts_from"], "from_what": item["from_what"], "from_date": item["from_date"],
        "from_words": _when(item["from_date"]), "date": item["date"], "date_words": _when(item["date"]),
        "missing": item["missing"], "missing_words": limit_words.MISSING_WORDS.get(item["missing"]),
        "rule": limit_words.rule(item["who"], item["action"], item["unit"], item["amount"], item["from_what"]),
        "counted": counted, "quote": item["quote"], "note": item["note"], "readings": readings,
        "reading_words": reading_words, "source": item["source"], "applies_to_stages": item["applies_to_stages"],
        "non_working_day": closed_day(item["date"], shut["weekend"], shut["holiday"], shut["substitute"],
                                      item["working_day_before"]) if shut else None,
        "working_day_before": item["working_day_before"], "after_overall": item["ends_after"] is not None,
        "after_overall_words": limit_words.after_overall(long_date(item["ends_after"])) if item["ends_after"] else None,
        "status": status, "status_words": status_said, "working_days_left": item["working_days_left"],
        "days_left": item["days_left"],
    }


def _phone(phone):
    """A number printed for the same team, labelled with the document and date it comes from."""
    if "document" not in phone:
        return phone
    out = {}
    for key in phone:
        if key not in ("document", "from_date", "member", "newest"):
            out[key] = phone[key]
    out["label"] = contact_words.phone_label(phone.get("label"), phone["document"], phone["from_date"] or None)
    if phone.get("newest"):
        out["label"] = contact_words.newest_source(out["label"])
    out["from_date"], out["member"] = phone["from_date"], phone["member"]
    return out


def contact(item):
    """A contact of the engine (contacts.contact_summary) in words."""
    out = {}
    for key in ("id", "name", "person", "role", "organisation", "serves", "phone", "phone_text", "email"):
        out[key] = item[key]
    out["phones"] = [_phone(phone) for phone in item["phones"]]
    for key in ("emails", "address", "hours", "note", "conflict"):
        out[key] = item[key]
    out["conflicts"] = [{"contact": other["contact"], "name": other["name"], "phone": other["phone"],
                         "phone_text": other["phone_text"],
                         "label": contact_words.phone_label(other["own_label"], other["document"],
                                                            other["from_date"] or None),
                         "sources": other["sources"]} for other in item["conflicts"]]
    out["verified_on"] = item["verified_on"]
    out["checked_words"] = contact_words.checked_words(item["verified_on"], item["documents"])
    out["sources"] = item["sources"]
    return out


def checked_words(bundle, item):
    """Whether a contact of the data was ever confirmed, and how old its sources are: one wording
    wherever a contact is shown (the pages, the open data, the vCards)."""
    return contact_words.checked_words(item.get("verified_on"), contacts.source_documents(bundle, item["sources"]))


def no_number(item):
    """contacts.no_number in words: the line saying so, and how to reach them instead."""
    if item is None:
        return None
    line = contact_words.no_number(item["for"])
    return {"words": line, "reach": item["reach"], "sentence": line + " " + item["reach"],
            "contacts": [contact(other) for other in item["contacts"]], "source": item["source"]}


def office_status(status):
    """contacts.office_status in words: {state, words}."""
    return {"state": status["state"], "words": contact_words.office_status(status["state"], status["reason"],
                                                                             status["hours"])}


def answer(bundle, given):
    """An answer of the engine (next_step, follow_up, where_today, where_known) in words, its
    abbreviations written out (see the top)."""
    return written_out(bundle, in_words(given))


def in_words(given):
    """answer() with the data's words as they are (abbreviations not written out)."""
    out = {}
    for key in ("procedure", "procedure_title", "partnership", "partnership_name", "status", "status_note",
                "review_due", "stage", "after", "title"):
        out[key] = given[key]
    out["heading"] = said.stage_heading(given["stage"], given["title"])
    out["stages"], out["since"], out["since_words"] = given["stages"], given["since"], long_date(given["since"])
    out["started"], out["started_words"], out["today"] = given["started"], _when(given["started"]), given["today"]
    for key in ("who", "do", "how", "record", "send"):
        out[key] = given[key]
    deadlines = [limit(item) for item in given["deadlines"]]
    deadline = None
    for item in deadlines:
        if item["headline"]:
            deadline = item
    overall = limit(given["overall"]) if given["overall"] else None
    out["deadline"], out["deadlines"], out["overall"] = deadline, deadlines, overall
    out["safety_rule"], out["emergency"] = given["safety_rule"], given["emergency"]
    out["in_danger"] = emergency_words.in_danger(given["emergency_number"])
    out["contacts"] = [contact(item) for item in given["contacts"]]
    out["directory"] = None if given["directory"] is None else dict(
        given["directory"], contacts=[contact(item) for item in given["directory"]["contacts"]])
    out["notes"] = given["notes"]
    following = given["next"]
    out["next"] = None if following is None else dict(following, contacts=[contact(item)
                                                                            for item in following["contacts"]])
    out["sources"], out["no_number"] = given["sources"], no_number(given["no_number"])
    out["which_wins"] = said.which_wins(given["comes_first"], deadline, overall)
    out["flag"] = _flag(given["flag"], deadlines, overall)
    out["keep_to"] = given["keep_to"]
    shown = {"overall": overall and overall["non_working_day"], "stage": deadline and deadline["non_working_day"]}
    shown["stage_own"] = deadline and deadline["non_working_day"] and said.stage_own_date(shown["stage"])
    out["closed_days"] = [shown[kind] for kind in given["closed_days"]]
    out["steps_due"] = [dict(step, words=limit_words.step_due(_by_id(deadlines, step["id"]), step["status"]))
                        for step in given["steps_due"]]
    out["next_words"] = said.next_words(None if following is None else {
        "number": following["stage"], "title": following["title"]}, given["next_dated"], given["if_not"],
        given["next_same_day"])
    if "walk" in given:
        out["walk"] = timeline_words(given["walk"])
    if "raised_on" in given:
        out["raised_on"] = given["raised_on"]
        out["where_words"] = _where(given)
        out["since_from"] = given["since_from"]
    return out


def _by_id(limits, ident):
    for item in limits:
        if item["id"] == ident:
            return item
    return None


def _flag(flagged, deadlines, overall):
    if flagged is None:
        return None
    about = overall if flagged["limit"] == "overall" else _by_id(deadlines, flagged["id"])
    return {"status": flagged["status"], "limit": flagged["limit"], "words": said.flag(flagged, about)}


def _where(given):
    if given["since_from"] == verdicts.GIVEN:
        return said.where_known_words(given["raised_on"], given["stage"], given["since"])
    walked = given["walk"]
    stopped = said.stopped_words(walked["stopped"], walked["stopped_title"]) if given["stopped_here"] else None
    return said.where_words(given["raised_on"], given["raised_at"], given["today"], given["stage"], given["title"],
                            stopped)


def timeline_words(walked):
    """A timeline of the engine (walk.timeline) in words."""
    steps = []
    for step in walked["steps"]:
        steps.append({"stage": step["stage"], "title": step["title"], "raising": step["raising"],
                      "receiving": step["receiving"], "tried": step["tried"], "since": step["since"],
                      "since_words": _when(step["since"]), "ends": step["ends"], "ends_words": _when(step["ends"]),
                      "deadline": step["deadline"] and limit(step["deadline"]), "state": step["state"]})
    stopped = walked["stopped"]
    return {
        "procedure": walked["procedure"], "procedure_title": walked["procedure_title"], "stages": walked["stages"],
        "steps": steps, "overall": walked["overall"] and limit(walked["overall"]),
        "holidays": [{"date": day["date"], "date_words": long_date(day["date"]), "name": holiday_name(day["name"])}
                     for day in walked["holidays"]],
        "first": walked["first"], "last": walked["last"], "today": walked["today"],
        "today_words": _when(walked["today"]), "today_stage": walked["today_stage"], "stopped": stopped,
        "stopped_words": None if stopped is None else said.stopped_words(stopped, walked["stopped_title"]),
    }


def which_wins_rule(procedure, stage_number):
    """verdicts.which_wins_rule in words, for the procedure pages and the first paint (no dates)."""
    return said.two_limits(procedure["overall"]) if verdicts.which_wins_rule(procedure, stage_number) else None


def counted_from(answer):
    """The first screen's line saying which of the person's days its bold date was counted from
    (verdicts.counted_from in words: "Counted from Monday 23 November 2026, the day you told us
    this stage began."), so a date typed wrong can be seen, or None. Returns {words, assumed,
    day, what (the words for the day, None where assumed), and stage where assumed}."""
    found = verdicts.counted_from(answer)
    if found is None:
        return None
    if found["assumed"]:
        return {"words": limit_words.assumed_stage_began(found["day"], found["stage"]), "assumed": True,
                "day": found["day"], "what": None, "stage": found["stage"]}
    what = limit_words.you_said_stage_began(found["stage"]) if found["what"] == "stage_n" else \
        limit_words.YOU_SAID[found["what"]]
    return {"words": limit_words.counted_from_line(found["day"], what), "assumed": False, "day": found["day"],
            "what": what}


# --- The engine's questions, answered in words ----------------------------------------------------

def next_step(bundle, procedure_id, stage_number, since, started=None, today=None):
    """answers.next_step in words."""
    return answer(bundle, facts.next_step(bundle, procedure_id, stage_number, since, started, today))


def follow_up(bundle, procedure_id, follow_id, since, today=None):
    """answers.follow_up in words."""
    return answer(bundle, facts.follow_up(bundle, procedure_id, follow_id, since, today))


def where_today(bundle, procedure_id, raised_on, today, tried=None, started=None):
    """walk.where_today in words."""
    return answer(bundle, walking.where_today(bundle, procedure_id, raised_on, today, tried, started))


def where_known(bundle, procedure_id, raised_on, stage_number, since, today):
    """walk.where_known in words."""
    return answer(bundle, walking.where_known(bundle, procedure_id, raised_on, stage_number, since, today))


def timeline(bundle, procedure_id, stage=None, since=None, started=None, today=None):
    """walk.timeline in words."""
    return timeline_words(walking.timeline(bundle, procedure_id, stage, since, started, today))
