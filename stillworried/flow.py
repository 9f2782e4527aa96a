"""The wizard's questions in order, and the answers kept in the page address.

The address (the URL fragment) is the wizard's only memory, so a link opens straight on an
answer and the back button steps back through the questions. It only ever holds ids and dates
from a fixed alphabet, never free text: the parser drops anything else. The result is

    #procedure=<id>&stage=<n>[&agency=<id>]&since=<YYYY-MM-DD>[&started=<YYYY-MM-DD>]

and the questions before it are #area (which area?), #area=<id> (which situation? skipped
when the area has one procedure and no follow-up), #procedure=<id> (which stage?) and, at a
stage whose source lists contacts agency by agency, #procedure=<id>&stage=<n> (whose decision?).
A follow-up the procedure declares (a situation its source gives a rule for outside its stages,
such as a referral with no answer) is #procedure=<id>&after=<follow-up id>, asking its day, and
#procedure=<id>&after=<follow-up id>&since=<YYYY-MM-DD>, its answer.

Pure functions only: the browser glue in pyscript/ reads the page, asks these which question to
show, and writes the answer the engine gives. Runs under CPython and MicroPython.
"""
from stillworried import words
from stillworried.workdays import DateError, WorkingCalendar, parse_date

ANSWER_KEYS = ("procedure", "after", "stage", "agency", "since", "started")
# A follow-up of the procedure (its follow_ups in the data): #procedure=salford-vcse&after=referral.
AFTER = "after"
# "Where should I be today?": #procedure=<id>&raised asks the day it was raised, and
# #procedure=<id>&raised=<YYYY-MM-DD> answers for the stage the engine's walk gives for today.
RAISED = "raised"
ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"
DIGITS = "0123456789"
# "Another agency, or I'm not sure": the answer then links the whole list.
OTHER_AGENCY = "other"

# The steps, in the order a person meets them.
AREA = "area"
SITUATION = "situation"
STAGE = "stage"
AGENCY = "agency"
WHEN = "when"
WHEN_RAISED = "when-raised"
RESULT = "result"
DANGER = "danger"


def _only(text, allowed, longest):
    if not text or len(text) > longest:
        return None
    for character in text:
        if character not in allowed:
            return None
    return text


def _iso(text):
    if not text or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    if _only(text[:4] + text[5:7] + text[8:], DIGITS, 8) is None:
        return None
    return text


def parse_fragment(fragment):
    """The answers in an address fragment, as a dict of the known keys with safe values.

    '#procedure=wigan&stage=2&since=2026-11-23' -> {'procedure': 'wigan', 'stage': 2, 'since': '2026-11-23'}
    '#area=wigan' -> {'area': 'wigan'}; '#area' -> {'area': None}. Unknown keys, later repeats of
    a key and values outside the alphabet are dropped, so nothing typed into the address reaches
    the page. A known key whose value was dropped is named (only the key) under 'unreadable', so
    step() can say the link was broken instead of silently answering a different question: a
    dropped started= would otherwise move the overall deadline.
    """
    text = fragment or ""
    if text.startswith("#"):
        text = text[1:]
    answers = {}
    seen = []
    unreadable = []
    for part in text.split("&"):
        if "=" in part:
            key, value = part.split("=", 1)
        else:
            key, value = part, None
        if key in seen:
            continue
        seen.append(key)
        if key == "area":
            answers["area"] = _only(value, ID_CHARACTERS, 60)
            read = answers["area"] if value is not None else True
        elif key == "procedure":
            read = _only(value, ID_CHARACTERS, 60)
            if read:
                answers["procedure"] = read
        elif key in ("agency", AFTER):
            read = _only(value, ID_CHARACTERS, 80)
            if read:
                answers[key] = read
        elif key == "stage":
            read = _only(value, DIGITS, 2)
            if read:
                answers["stage"] = int(read)
        elif key in ("since", "started"):
            read = _iso(value)
            if read:
                answers[key] = read
        elif key == RAISED:
            read = _iso(value) if value is not None else True
            answers[RAISED] = _iso(value)
        else:
            read = True
        if not read:
            unreadable.append(key)
    if unreadable:
        answers["unreadable"] = unreadable
    return answers


def make_fragment(answers):
    """The fragment for a set of answers: the keys in a fixed order, nothing else."""
    if "procedure" not in answers:
        if answers.get("area"):
            return "#area=" + answers["area"]
        return "#area"
    if RAISED in answers and "stage" not in answers:
        return "#procedure=" + answers["procedure"] + "&" + RAISED + ("=" + answers[RAISED] if answers[RAISED] else "")
    parts = []
    for key in ANSWER_KEYS:
        if answers.get(key) is not None:
            parts.append(key + "=" + str(answers[key]))
    return "#" + "&".join(parts)


def back(answers, bundle):
    """The answers one question earlier, for the page's own "Back" link. Given the bundle, it
    skips the situation question where the area has only one (step() skips it too)."""
    if answers.get(AFTER):
        if "since" in answers:
            return {"procedure": answers["procedure"], AFTER: answers[AFTER]}
        return {"area": answers.get("partnership")}
    if RAISED in answers and "stage" not in answers:
        if answers[RAISED]:
            return {"procedure": answers["procedure"], RAISED: None}
        return {"procedure": answers["procedure"]}
    if "since" in answers:
        earlier = {"procedure": answers["procedure"], "stage": answers["stage"]}
        if answers.get("agency"):
            earlier["agency"] = answers["agency"]
        return earlier
    if "agency" in answers:
        return {"procedure": answers["procedure"], "stage": answers["stage"]}
    if "stage" in answers:
        return {"procedure": answers["procedure"]}
    if "procedure" in answers:
        only = len(situations(bundle, answers.get("partnership"))) == 1
        return {"area": None if only else answers.get("partnership")}
    if answers.get("area"):
        return {"area": None}
    return None


def area_procedures(bundle, area):
    """The procedures of an area, in the data's order: the browser's merged bundle says it in
    area_procedures (an area's part is written with sorted keys), the whole bundle by its own order."""
    if area in bundle.get("area_procedures", {}):
        return list(bundle["area_procedures"][area])
    return [pid for pid, procedure in bundle["procedures"].items() if procedure["partnership"] == area]


def follow_ups(bundle, procedure_id):
    """A procedure's follow-ups (situations its source gives a rule for outside its stages)."""
    procedure = bundle["procedures"].get(procedure_id)
    return procedure.get("follow_ups", []) if procedure else []


def follow_up(bundle, procedure_id, follow_id):
    """One follow-up of a procedure, or None."""
    for item in follow_ups(bundle, procedure_id):
        if item["id"] == follow_id:
            return item
    return None


def situations(bundle, area):
    """The choices of "Which of these describes you?": each procedure of the area, followed by its
    follow-ups, as [{"value", "label", "hint", "lapsed", "answers"}]. value is what the radio
    holds ("salford-vcse", "salford-vcse/referral": a slash is never in an id) and answers the
    address it leads to. The question is skipped where there is only one choice."""
    found = []
    for procedure_id in area_procedures(bundle, area):
        procedure = bundle["procedures"][procedure_id]
        lapsed = procedure["status"] == "lapsed"
        # Short, so Continue is on a phone's first screen; the answer gives the whole note.
        hint = procedure["title"] + "." + (" Its answer says what this means for you." if lapsed else "")
        found.append({"value": procedure_id, "label": procedure["for_whom"], "hint": hint, "lapsed": lapsed,
                      "answers": {"procedure": procedure_id}})
        for item in procedure.get("follow_ups", []):
            found.append({"value": procedure_id + "/" + item["id"], "label": item["for_whom"],
                          "hint": item.get("hint"), "lapsed": False,
                          "answers": {"procedure": procedure_id, AFTER: item["id"]}})
    return found


def situation_answers(bundle, area, value):
    """The answers a situation choice leads to (see situations), or None for a value it does not offer."""
    for choice in situations(bundle, area):
        if choice["value"] == value:
            return choice["answers"]
    return None


def slug(text):
    """An organisation's name as an address-safe id: 'GMMH' -> 'gmmh'."""
    made = ""
    for character in text.lower():
        if character in "'\u2019":  # "Children's" -> "childrens"
            continue
        if character in ID_CHARACTERS and character != "-":
            made += character
        elif made and made[-1] != "-":
            made += "-"
    return made.strip("-")[:80]


def listed_as(contact, list_id):
    """The heading a list prints a contact under: its listed_under for that list, else its
    organisation (Rachel Clemow is under Education Settings in Wigan's Stage 1 table)."""
    for under in contact.get("listed_under", []):
        if under["list"] == list_id:
            return under["organisation"]
    return contact["organisation"]


def printed_names(bundle, partnership):
    """{a name an agency is also printed under: the agency's own name} for one area's agencies."""
    found = {}
    for item in bundle.get("agencies", {}).values():
        if item["partnership"] == partnership:
            for other in item.get("also_printed_as", []):
                found[other] = item["organisation"]
    return found


def agencies(bundle, procedure_id, stage_number):
    """The agencies whose contacts the source lists for this stage (its directory), in the
    source's order, as [{"id", "ids", "name", "label", "hint", "contacts", "adults_only"}]. Empty
    when the stage has no such list or the list names only one agency, since then the question
    changes nothing.

    Contacts fit the person asking about a child (issue 21, item 8): each agency's children's
    contacts come first, then those the source does not say are for children or adults, and
    the ones the source says are for adults only are apart, in adults_only; an agency with only
    those comes after the others, its hint saying so. An agency the sources print under two
    names (the hospital trust, spelt two ways in Wigan's two tables) is one choice whose label
    has both; ids holds the address id of each name, so a link made with either still works.
    The hint (or None) and which contact comes first for this list are the data's (the
    'agencies' block of contacts.yaml): Wigan Council's Michelle McNally at stage 2, say."""
    procedure = bundle["procedures"][procedure_id]
    directory = None
    for stage in procedure["stages"]:
        if stage["number"] == stage_number:
            directory = stage.get("directory")
    if not directory:
        return []
    aliases = printed_names(bundle, procedure["partnership"])
    found = []
    by_slug = {}
    for contact_id in bundle["lists"][directory]["contacts"]:
        name = listed_as(bundle["contacts"][contact_id], directory)
        name = aliases.get(name, name)
        key = slug(name)
        if key not in by_slug:
            by_slug[key] = {"id": key, "name": name, "contacts": []}
            found.append(by_slug[key])
        by_slug[key]["contacts"].append(contact_id)
    said = bundle.get("agencies", {})
    for item in found:
        data = said.get(procedure["partnership"] + "/" + item["name"], {})
        also = data.get("also_printed_as", [])
        item["ids"] = [item["id"]] + [slug(other) for other in also]
        item["label"] = item["name"] + (", also printed as " + " and ".join(also) if also else "")
        for first in data.get("first", []):
            if first["list"] == directory and first["contact"] in item["contacts"]:
                item["contacts"].remove(first["contact"])
                item["contacts"].insert(0, first["contact"])
        serves = [bundle["contacts"][cid].get("serves") for cid in item["contacts"]]
        item["adults_only"] = [cid for cid, kind in zip(item["contacts"], serves) if kind == "adults"]
        item["contacts"] = [cid for cid, kind in zip(item["contacts"], serves) if kind == "children"] + \
            [cid for cid, kind in zip(item["contacts"], serves) if kind not in ("children", "adults")]
        item["hint"] = data.get("hint")
        if not item["contacts"]:
            item["hint"] = "For adult services only." + (" " + item["hint"] if item["hint"] else "")
    if len(found) < 2:
        return []
    return [item for item in found if item["contacts"]] + [item for item in found if not item["contacts"]]


def agency(bundle, procedure_id, stage_number, agency_id):
    """The chosen agency of agencies(), or None. A link made with another name the agency is
    printed under still finds it."""
    for item in agencies(bundle, procedure_id, stage_number):
        if agency_id in item["ids"]:
            return item
    return None


def asks_when_it_started(procedure):
    """Whether to ask when the whole disagreement began: only when a time limit of this
    procedure counts from the start of the process."""
    if procedure.get("overall"):
        return True
    for stage in procedure["stages"]:
        for timescale in stage["timescales"]:
            if timescale["counts_from"] == "process_start":
                return True
    return False


def step(bundle, answers, today):
    """Which question to show for these answers, and a message when a link was not usable.

    Returns (step, answers, problem): the answers with anything unusable removed, so the
    question shown is the first one still unanswered. today is the London date (YYYY-MM-DD).
    """
    if not answers:
        return DANGER, {}, None
    unreadable = answers.get("unreadable", [])
    procedure_id = answers.get("procedure")
    if procedure_id is None:
        if "procedure" in unreadable:
            return AREA, {"area": None}, "The link was for a procedure we do not have. Choose your area."
        area = answers.get("area")
        if area is None:
            problem = "We do not have an area called that. Choose an area." if "area" in unreadable else None
            return AREA, {"area": None}, problem
        if area not in bundle["partnerships"]:
            return AREA, {"area": None}, "We do not have an area called that. Choose an area."
        only = situations(bundle, area)
        if len(only) == 1:
            # One situation to choose from is no question: go on to its stages, and the stage
            # question says which procedure it is.
            return STAGE, {"procedure": only[0]["value"], "partnership": area}, None
        return SITUATION, {"area": area}, None
    procedure = bundle["procedures"].get(procedure_id)
    if procedure is None:
        return AREA, {"area": None}, "The link was for a procedure we do not have. Choose your area."
    kept = {"procedure": procedure_id, "partnership": procedure["partnership"]}
    numbers = [stage["number"] for stage in procedure["stages"]]
    if answers.get(AFTER) or AFTER in unreadable:
        return after_step(bundle, answers, kept, today)
    if RAISED in answers and "stage" not in answers:
        kept[RAISED] = None
        if RAISED in unreadable:
            return WHEN_RAISED, kept, "The link had a date we could not read. Enter the date again."
        if answers[RAISED] is None:
            return WHEN_RAISED, kept, None
        problem = date_problem(bundle, answers[RAISED], None, today, RAISED_WHAT)
        if problem:
            return WHEN_RAISED, kept, problem[1]
        kept[RAISED] = answers[RAISED]
        return RESULT, kept, None
    if answers.get("stage") not in numbers:
        asked = "stage" in answers or "stage" in unreadable
        problem = "That procedure has no such stage. Choose a stage." if asked else None
        return STAGE, kept, problem
    kept["stage"] = answers["stage"]
    choices = agencies(bundle, procedure_id, answers["stage"])
    if choices:
        if answers.get("agency") and agency(bundle, procedure_id, answers["stage"], answers["agency"]) is not None:
            kept["agency"] = answers["agency"]
        elif answers.get("agency") == OTHER_AGENCY:
            kept["agency"] = OTHER_AGENCY
        elif "agency" in answers or "agency" in unreadable or not (
                "since" in answers or "since" in unreadable or "started" in unreadable):
            # Asked on the way to the answer; a shared link with a date but no agency opens on
            # the answer, which offers the question.
            problem = "We do not have that agency. Choose whose decision you disagree with." \
                if "agency" in answers or "agency" in unreadable else None
            return AGENCY, kept, problem
    if "since" in unreadable or "started" in unreadable:
        return WHEN, kept, "The link had a date we could not read. Enter the dates again."
    if "since" not in answers:
        return WHEN, kept, None
    problem = check_dates(bundle, answers.get("since"), answers.get("started"), today)
    if problem:
        return WHEN, kept, problem
    kept["since"] = answers["since"]
    if answers.get("started"):
        kept["started"] = answers["started"]
    return RESULT, kept, None


def after_step(bundle, answers, kept, today):
    """step() for a follow-up's address: its date question, then its answer."""
    unreadable = answers.get("unreadable", [])
    item = follow_up(bundle, kept["procedure"], answers.get(AFTER))
    if item is None:
        return SITUATION, {"area": kept["partnership"]}, "We do not have that situation. Choose what describes you."
    kept[AFTER] = item["id"]
    if "since" in unreadable:
        return WHEN, kept, "The link had a date we could not read. Enter the date again."
    if "since" not in answers:
        return WHEN, kept, None
    problem = date_problem(bundle, answers["since"], None, today, words.capitalise(item["date_legend"]))
    if problem:
        return WHEN, kept, problem[1]
    kept["since"] = answers["since"]
    return RESULT, kept, None


def date_question(bundle, answers):
    """(question, label, asks the day the disagreement began) for the date question these
    answers lead to: a stage's ("When did this stage began?", what its time limits count from)
    or a follow-up's own ("When did you make the referral?")."""
    procedure = bundle["procedures"][answers["procedure"]]
    item = follow_up(bundle, answers["procedure"], answers.get(AFTER))
    if item is not None:
        return item["date_question"], item["date_legend"], False
    return ("When did this stage begin?", words.capitalise(stage_began_words(procedure, answers["stage"])),
            asks_when_it_started(procedure))


def check_dates(bundle, since, started, today):
    """A sentence saying what is wrong with the dates, or None when they can be used."""
    problem = date_problem(bundle, since, started, today)
    return problem[1] if problem else None


RAISED_WHAT = "The day you raised it"


def date_problem(bundle, since, started, today, since_what="The date this stage began"):
    """(field, sentence) for the first thing wrong with the dates, or None. field is "since" or
    "started", so the page can put the message by the right boxes. since_what names the first
    date in the messages ("The day you raised it" on the "Where should I be today?" question)."""
    calendar = WorkingCalendar(bundle["calendar"])
    covered = " must be between " + words.long_date(calendar.first.isoformat()) + " and " + \
        words.long_date(calendar.last.isoformat()) + "."
    checked = {}
    for field, value, what in (("since", since, since_what),
                               ("started", started, "The date the disagreement began")):
        if not value:
            continue
        try:
            day = parse_date(value, what)
        except DateError:
            return field, what + " must be a real date."
        try:
            checked[field] = calendar.check(day)
        except DateError:
            return field, what + covered
    since_day = checked["since"]
    started_day = checked.get("started")
    if since_day > parse_date(today):
        return "since", since_what + " must be today or in the past."
    if started_day is not None and started_day > since_day:
        return "started", "The date the disagreement began must be the same as or before the date this stage began."
    return None


def stage_began_words(procedure, stage_number):
    """What the stage's time limits count from, in the data's words ("the day the heads of
    service could not agree"), so the date question asks for the day the engine counts from."""
    for stage in procedure["stages"]:
        if stage["number"] == stage_number:
            for timescale in stage["timescales"]:
                if timescale["counts_from"] == "stage_start":
                    return timescale["from_words"]
    return "the day this stage began"


def prefill(answers, remembered, today):
    """(since, started) to fill in on the date question: the link's own dates, else those last
    given for the same procedure and stage (going back or changing an answer must never quietly
    reset a date to today), else today for since and nothing for started."""
    same_procedure = remembered.get("procedure") == answers.get("procedure")
    same_stage = same_procedure and remembered.get("stage") == answers.get("stage")
    since = answers.get("since") or (remembered.get("since") if same_stage else None) or today
    started = answers.get("started") or (remembered.get("started") if same_procedure else None)
    return since, started


def date_from_parts(day, month, year, what):
    """A date typed as day, month and year (the GOV.UK date pattern) as YYYY-MM-DD.

    Raises DateError with the GOV.UK wording when a part is missing or the date is not real.
    Whatever was typed is never repeated back in the message.
    """
    parts = [("day", (day or "").strip()), ("month", (month or "").strip()), ("year", (year or "").strip())]
    missing = [name for name, value in parts if not value]
    if len(missing) == 3:
        raise DateError("Enter the " + what + ".")
    if missing:
        raise DateError("The " + what + " must include a " + " and a ".join(missing) + ".")
    for name, value in parts:
        if _only(value, DIGITS, 4) is None:
            raise DateError("The " + what + " must be a real date, written in numbers.")
    if len(parts[2][1]) != 4:
        raise DateError("The year of the " + what + " must have 4 numbers, for example 2026.")
    iso = parts[2][1] + "-" + ("0" + parts[1][1])[-2:] + "-" + ("0" + parts[0][1])[-2:]
    if len(parts[1][1]) > 2 or len(parts[0][1]) > 2:
        raise DateError("The " + what + " must be a real date.")
    try:
        parse_date(iso, what)
    except DateError:
        raise DateError("The " + what + " must be a real date.")
    return iso


def date_parts(iso):
    """'2026-11-03' -> ('3', '11', '2026'), to fill the three boxes; empty boxes for a date
    that cannot be read, so a broken link never stops the page."""
    try:
        day = parse_date(iso)
    except DateError:
        return "", "", ""
    return str(day.day), str(day.month), str(day.year)
