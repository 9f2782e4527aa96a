"""The first screen's verdicts, from an answer's limits: which date to keep to, which of two
limits comes first, whether it is due today or overdue and what to do now, the steps of your own
that are due, the closed days to warn of, when the stage ends, and which of the person's days the
bold date was counted from. Facts only (kinds, ids, dates); worded.py says them in words."""
from stillworried.core.procedures import ENDS_A_STAGE, PROCESS_START, get_stage, overall_applies
# A limit for something your side does ("raise it", "send it"): the flag says do it now, never
# "contact them again"; its label says so too (words.limits), from the same list.
from stillworried.core.words.limits import OWN_ACTIONS

# Where the day a stage began came from (an answer's since_from; next_step's answers have none,
# the person gave it): the person, the day they raised it (where_today at the stage where it was
# raised), or the walk's assumption (where_today at a later stage).
GIVEN = "given"
RAISED_ON = "raised"
ASSUMED = "walk"


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


def keep_to(deadline, overall):
    """Which date the first screen shows in bold: "stage" (the stage's headline limit),
    "overall" where the whole process's limit ends before it (Wigan, begun 2 November, stage 2
    from 23 November: the month ends on Wednesday 2 December, the 10 working days on Monday
    7 December, so the person must see 2 December, not 7), or None where the stage has no
    time limit. A name, not the limit itself, so a copy of the answer (written out) still
    points right; kept_limit() gives the limit."""
    if deadline is None:
        return None
    if deadline["date"] and overall is not None and overall["date"] and overall["date"] < deadline["date"]:
        return "overall"
    return "stage"


def kept_limit(answer):
    """The limit whose date the first screen shows in bold (see keep_to), or None."""
    return answer["overall"] if answer["keep_to"] == "overall" else answer["deadline"]


def which_wins(deadline, overall):
    """Where a stage has its own time limit and the whole process's limit applies too (Wigan: 10
    working days a stage, one month in all), the earlier of the two comes first: None where the
    stage has only one of them, else "overall_unknown" (the stage's date is known and the whole
    process's is not: its start was not given), "rule" (no dates: the procedure pages),
    "same_day", "stage_first", or "stage_later" (the first screen then shows the whole process's
    date in bold, see keep_to())."""
    if deadline is None or overall is None:
        return None
    if deadline["date"] is not None and overall["date"] is None:
        return "overall_unknown"
    if deadline["date"] is None or overall["date"] is None:
        return "rule"
    if deadline["date"] == overall["date"]:
        return "same_day"
    return "stage_first" if deadline["date"] < overall["date"] else "stage_later"


def which_wins_rule(procedure, stage_number):
    """which_wins() without dates, for the procedure pages and the first paint: "rule" where the
    stage has a headline limit and the whole process's limit applies at it too, else None."""
    if not get_stage(procedure, stage_number).get("deadline") or not overall_applies(procedure, stage_number):
        return None
    return "rule"


def closed_days(deadline, overall, kept):
    """Which dates on the first screen fall on a weekend or bank holiday, each to be said with the
    last working day before it (issue 21, item 7): the date in bold, and the stage's own date
    where the whole process's is in bold (the which-comes-first line names it), said whatever
    else is given: the day the disagreement began, an optional answer, changes which date is in
    bold, never whether the stage's warning is said. (The whole process's date, where the stage's
    is in bold, has its warning in the which-comes-first line that names it: which_wins.)
    ["overall"], ["stage"] or ["overall", "stage_own"]."""
    said = []
    if kept == "overall" and overall["closed"]:
        said.append("overall")
    if deadline is not None and deadline["date"] is not None and deadline["closed"]:
        said.append("stage_own" if kept == "overall" else "stage")
    return said


def steps_due(limits):
    """The stage's other steps for your side (to raise it, to send something) that are due today
    or overdue, each {id, status, date}, for the first screen (issue 21, item 5: Southwark
    stage 2's same-working-day escalation, due on the day stage 1 could not resolve it)."""
    found = []
    for limit in limits:
        if limit["headline"] or limit["measures"] not in OWN_ACTIONS or limit["date"] is None:
            continue
        # Never the flag's own limit: that is the headline, the stage's end or the whole process's.
        if limit["status"] in ("overdue", "today"):
            found.append({"id": limit["id"], "status": limit["status"], "date": limit["date"]})
    return found


def flag(deadline, overall, following, ending=None, then=None):
    """The first screen's flag, from the limits' status as seen from today: None, or {status
    ("overdue" or "today"), limit ("stage" or "overall": which date it is about), id (that
    limit's), now (what to do once overdue: "own", do your step now, with its who and action;
    "then", the data's then; "move", to stage; "again", contact them again)}. It is overdue when
    the stage's date or the whole process's limit has passed (a Wigan stage begun on 23 November
    is within its 10 working days on 3 December, but the month from 2 November ended on
    2 December); due today when either falls today and neither has passed. following is the next
    stage (or None); ending, the limit that ends the stage where the headline is a step of your
    own (Wigan stage 4: raise it within 2 working days, then 10 for the directors); then, what to
    do once it has passed where the data says it (a follow-up's overdue_do).

    What to do now fits the step: for a step of your own (raise it, refer it, send it) do it now;
    for an answer or a resolution, move to the next stage, or at the last stage contact them
    again. Never "contact them again" where nobody has been contacted yet (Wigan stage 5: refer
    it to the WSCP Business Manager)."""
    found = []
    for limit, whose in ((deadline, "stage"), (ending, "stage"), (overall, "overall")):
        if limit is not None and limit["date"] is not None and limit["status"] in ("overdue", "today"):
            own = whose == "stage" and limit["measures"] in OWN_ACTIONS
            # Overdue before today; then the stage's end before a step of your own; the earlier
            # date; and, on the same day, the stage's own limit before the whole process's.
            found.append(((limit["status"] != "overdue", own, limit["date"], whose != "stage"), whose, own, limit))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    _, whose, own, limit = found[0]
    said = {"status": limit["status"], "limit": whose, "id": limit["id"], "now": None, "who": None, "action": None,
            "then": None, "stage": None}
    if limit["status"] == "today":
        return said
    if own or not (then or following) and deadline is not None and deadline["measures"] in OWN_ACTIONS:
        step = limit if own else deadline
        said.update(now="own", who=step["who"], action=step["action"])
    elif then:
        said.update(now="then", then=then)
    elif following:
        said.update(now="move", stage=following["number"])
    else:
        said["now"] = "again"
    return said


def next_dated(deadline, flagged):
    """Whether "what happens next" may say "by then": only where the date is still ahead. Once
    it has passed, the flag says "move to stage N now", and "if it is not resolved by then" would
    point at a day gone by."""
    return deadline is not None and deadline["date"] is not None and not (flagged and flagged["status"] == "overdue")


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
    """Which of the person's days the first screen's bold date was counted from, so a date typed
    wrong can be seen, or None where no date was worked out. Where the day is the walk's
    assumption (where_today at a stage after the one where it was raised), it says so: never
    presented as the day the stage began. Returns {day (YYYY-MM-DD), assumed, what ("stage",
    "started" or "raised": the day the person told us; "stage_n": the day they told us stage
    `stage` began; None where assumed), stage}: where the bold date's own count starts on that
    day, the first screen says it in the rule's line instead (words.limits.that_is)."""
    main = kept_limit(answer)
    if main is None or main["date"] is None:
        return None
    origin = PROCESS_START if answer["keep_to"] == "overall" else root_origin(answer, main)
    came = answer.get("since_from", GIVEN)
    where = answer.get("raised_on") is not None
    if origin == PROCESS_START and (where or answer["started"] != answer["since"]):
        return {"day": answer["started"], "assumed": False, "what": "raised" if where else "started",
                "stage": answer["stage"]}
    if came == ASSUMED:
        return {"day": answer["since"], "assumed": True, "what": None, "stage": answer["stage"]}
    if came == RAISED_ON:
        what = "raised"
    elif where:
        what = "stage_n"
    else:
        what = "stage"
    return {"day": answer["since"], "assumed": False, "what": what, "stage": answer["stage"]}
