"""Finding things in the engine's bundle: a procedure, a stage, the stage after it, a follow-up,
and the days an answer counts from, each refused with a message a person can act on when it is
not there. The bundle is what stillworried.data.build_bundle makes from the YAML (dicts, lists,
strings and integers only); nothing here reads the clock."""
from stillworried.core.workdays import DateError, parse_date
from stillworried.core.words import answers as words


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


def procedure_ids(bundle):
    return sorted(bundle["procedures"])


def get_procedure(bundle, procedure_id):
    procedures = bundle["procedures"]
    if procedure_id not in procedures:
        raise UnknownProcedure(words.no_procedure(procedure_id, procedure_ids(bundle)))
    return procedures[procedure_id]


def get_stage(procedure, number):
    for stage in procedure["stages"]:
        if stage["number"] == number:
            return stage
    raise UnknownStage(words.no_stage(procedure["id"], number, [stage["number"] for stage in procedure["stages"]]))


def following_stage(procedure, number):
    for stage in procedure["stages"]:
        if stage["number"] == number + 1:
            return stage
    return None


def same_working_day_step(stage):
    """The stage's step of your own due the same working day it begins, or None (Southwark 3.3:
    "escalated to their respective line managers within the same working day"): the stage
    before says to take it there that day."""
    for timescale in (stage or {}).get("timescales", []):
        if timescale["unit"] == "same_working_day" and timescale["measures"] == "raise":
            return timescale
    return None


def get_follow_up(procedure, follow_id):
    """A situation the procedure's source gives a rule for outside its stages (follow_ups in the
    data): Salford VCSE App. 2 §2, a referral whose outcome form has not come."""
    for item in procedure.get("follow_ups", []):
        if item["id"] == follow_id:
            return item
    raise UnknownStage(words.no_situation(procedure["id"], follow_id))


def overall_applies(procedure, number):
    """Whether the procedure's overall limit is shown at this stage: it may be a target for
    some stages only (Southwark's 'one working week' is for the first discussion)."""
    overall = procedure.get("overall")
    if not overall:
        return False
    stages = overall.get("applies_to_stages")
    return stages is None or number in stages


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


def headline_timescale(stage):
    """The stage's headline time limit as the data gives it (no dates), or None: what the pages
    and the first paint show where next_step's ``deadline`` cannot be worked out (no date yet),
    so no caller looks it up by id itself."""
    for timescale in stage["timescales"]:
        if timescale["id"] == stage.get("deadline"):
            return timescale
    return None


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
    since_day = read_day(calendar, since, words.SINCE_WHAT)
    if started is not None:
        started_day = read_day(calendar, started, words.STARTED_WHAT)
    elif begins_with_the_disagreement(procedure, number):
        started_day = since_day
    else:
        started_day = None
    if started_day is not None and started_day > since_day:
        raise DateError(words.began_after_stage(started_day.isoformat(), since_day.isoformat()))
    return since_day, started_day
