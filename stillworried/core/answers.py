"""The engine's answer to "who do I contact next, and by when?", for one stage of one procedure
(next_step) or for a situation its source gives a rule for outside its stages (follow_up).

One implementation of every rule, imported by the site's macros, the command line, the tests
and the browser wizard: it works on the plain bundle, runs unchanged under CPython, MicroPython
and Pyodide, and never reads the clock (callers pass dates in as ISO strings, "today", London's
date, too). It gives facts: dates, statuses, ids, numbers, and the data's own words. worded.py
says the facts in words (the shape the command line's --json prints and the answer view shows).

An answer (every key is always present; a value may be None):

=================  ==========================================================================
key                what it holds
=================  ==========================================================================
deadline           the stage's headline time limit (a limit, see limits.py), or None when
                   the source sets no time limit for the stage
deadlines          every time limit of the stage, in the source's order; the headline one is
                   the same object as ``deadline`` and has ``headline: True``
overall            the procedure's overall time limit, or None when it has none or it does
                   not apply at this stage (``applies_to_stages`` in the data)
since, started     the dates counted from (started is None when not given at stage 2 or later)
today              the date given as today, or None
stage, title, who, do, record, send, contacts, directory, notes, next, sources, status...
                   the stage and procedure as the data says them (contacts as
                   contacts.contact_summary gives them)
no_number          None, or, where the source gives no number for this step, whom for and how
                   to reach them instead (contacts.no_number)
comes_first        which of the stage's date and the whole process's limit comes first, where
                   both apply (verdicts.which_wins), or None
flag               None, or the first screen's today/overdue flag (verdicts.flag)
keep_to            "stage", "overall" or None: which limit's date the first screen shows in
                   bold (verdicts.keep_to)
closed_days        which dates on the first screen fall on a weekend or bank holiday
                   (verdicts.closed_days)
steps_due          the stage's steps of your own that are due today or overdue (verdicts.steps_due)
next_dated         whether "if it is not resolved" may say "by then" (verdicts.next_dated)
next_same_day      the next stage's step due the same working day it begins, or None (said in that
                   line: procedures.same_working_day_step)
after, how, if_not None, or for a follow-up: its id, how the thing waited on is done in the first
                   place ({title, steps, source}), and the data's words for when to move on
=================  ==========================================================================

walk.py adds "where should I be today?" (where_today, where_known) and the timeline.
"""
from stillworried.core import contacts, limits, verdicts
from stillworried.core.procedures import (following_stage, get_follow_up, get_procedure, get_stage, read_day,
                                          same_working_day_step, stage_dates)
from stillworried.core.workdays import WorkingCalendar
from stillworried.core.words import answers as words
from stillworried.core.words.questions import date_what


def next_step(bundle, procedure_id, stage_number, since, started=None, today=None):
    """Answer "who do I contact next, and by when?" for one stage of one procedure.

    since: the day this stage began (YYYY-MM-DD). started: the day the whole disagreement
    began, for limits counted from the start of the process. At stage 1 the stage began when
    the disagreement did, so started defaults to since; at a later stage it is never guessed,
    and a limit that needs it has no date and says so. today: London's date, to flag each
    limit as upcoming, due today or overdue (None: no flags). The answer is described at the
    top of this module.
    """
    procedure = get_procedure(bundle, procedure_id)
    stage = get_stage(procedure, stage_number)
    calendar = WorkingCalendar(bundle["calendar"])
    since_day, started_day = stage_dates(calendar, procedure, stage_number, since, started)
    today_day = None if today is None else read_day(calendar, today, words.TODAY_WHAT)
    return answer_for(bundle, calendar, procedure, stage, following_stage(procedure, stage_number),
                      since_day, started_day, today_day)


def follow_up(bundle, procedure_id, follow_id, since, today=None):
    """The answer for one of a procedure's follow-ups ("I made a referral and have heard nothing"),
    in next_step's shape: since is the day it was done (the referral); stage is None and after
    is the follow-up's id; next is the stage the source's route leads to, and the flag, once its
    date has passed, says the data's overdue_do ("telephone the Partnership Bridge ...")."""
    procedure = get_procedure(bundle, procedure_id)
    item = get_follow_up(procedure, follow_id)
    calendar = WorkingCalendar(bundle["calendar"])
    since_day = read_day(calendar, since, date_what(item["date_legend"]))
    today_day = None if today is None else read_day(calendar, today, words.TODAY_WHAT)
    return answer_for(bundle, calendar, procedure, item, get_stage(procedure, item["then"]), since_day, None,
                      today_day, item)


def answer_for(bundle, calendar, procedure, stage, following, since_day, started_day, today_day, after=None):
    """The answer for a stage (or, with after, a follow-up) begun on since_day: see the top."""
    number = None if after else stage["number"]
    if after:
        names = bundle["calendar"].get("names", {})
        deadlines = limits.resolve_timescales(calendar, names, stage["timescales"], since_day, since_day, today_day,
                                              stage.get("deadline"))
        main = None
        for limit in deadlines:
            if limit["headline"]:
                main = limit
        overall = None
    else:
        deadlines, main, overall = limits.stage_limits(bundle, calendar, procedure, stage, since_day, started_day,
                                                       today_day)
    if number == procedure["stages"][0]["number"]:
        # The first stage's day is the day it was raised: the limit for raising it is met.
        limits.mark_raised(deadlines, since_day)

    sources = []
    for source in [stage["source"]] + [limit["source"] for limit in deadlines] + \
            ([overall["source"]] if overall else []) + [procedure["safety_rule"]["source"]]:
        add_source(sources, source)

    partnership = bundle["partnerships"][procedure["partnership"]]
    directory = None
    if stage.get("directory"):
        listing = bundle["lists"][stage["directory"]]
        directory = {"id": listing["id"], "title": listing["title"], "source": listing["source"],
                     "stage": listing.get("stage"),
                     "contacts": [contacts.contact_summary(bundle, cid) for cid in listing["contacts"]]}
    # A follow-up comes before the stages: the procedure's notes on escalating are not about it.
    notes = stage.get("notes", []) + ([] if after else procedure.get("notes", []))
    for note in notes:
        add_source(sources, note["source"])

    ending = verdicts.stage_end(deadlines, main)
    flagged = verdicts.flag(main, overall, following, None if ending is main else ending,
                            after.get("overdue_do") if after else None)
    kept = verdicts.keep_to(main, overall)
    return {
        "procedure": procedure["id"], "procedure_title": procedure["title"], "partnership": procedure["partnership"],
        "partnership_name": partnership["name"], "status": procedure["status"],
        "status_note": procedure.get("status_note"), "review_due": procedure.get("review_due"),
        "stage": number, "after": after["id"] if after else None, "title": stage["title"],
        "stages": len(procedure["stages"]), "since": since_day.isoformat(),
        "started": None if started_day is None else started_day.isoformat(),
        "today": None if today_day is None else today_day.isoformat(),
        "who": stage["who"], "do": stage["do"], "how": after.get("how") if after else None,
        "record": stage.get("record", []),
        "send": [{"id": fid, "title": bundle["forms"][fid]["title"], "source": bundle["forms"][fid]["source"]}
                 for fid in stage.get("send", [])],
        "deadline": main, "deadlines": deadlines, "overall": overall, "safety_rule": procedure["safety_rule"],
        "emergency": partnership["emergency"], "emergency_number": contacts.emergency_phone(bundle)["display"],
        "contacts": [contacts.contact_summary(bundle, cid) for cid in stage["contacts"]],
        "directory": directory, "notes": notes,
        "next": None if following is None else {
            "stage": following["number"], "title": following["title"], "who": following["who"],
            "contacts": [contacts.contact_summary(bundle, cid) for cid in following["contacts"]],
        },
        "sources": sources, "no_number": contacts.no_number(bundle, stage),
        "comes_first": verdicts.which_wins(main, overall), "flag": flagged, "keep_to": kept,
        "closed_days": verdicts.closed_days(main, overall, kept),
        # Once the flag says the stage is overdue (move on, or do the step now), it is the one thing
        # to do now: a missed earlier step of the stage is not said again.
        "steps_due": [] if flagged and flagged["status"] == "overdue" else verdicts.steps_due(deadlines),
        "next_dated": verdicts.next_dated(main, flagged),
        # The next stage's step due the day it begins, for "if it is not resolved".
        "next_same_day": same_working_day_step(following),
        "if_not": after.get("if_not") if after else None,
    }


def add_source(sources, source):
    if source and source not in sources:
        sources.append(source)
