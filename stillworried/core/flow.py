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

"Where should I be today?" is #procedure=<id>&raised (when did you raise it?), then
#procedure=<id>&raised=<YYYY-MM-DD>, the walk's answer for today (engine.where_today). Where the
walk reaches a stage after the first, the wizard asks when that stage began,
#procedure=<id>&raised=<date>&stage=<n>, and #procedure=<id>&raised=<date>&stage=<n>&since=<date>
answers for that stage from the person's day (engine.where_known); &agency=<id> may follow the
stage there too.

Any address may end in &ask=<question>: that question is shown again with every other answer
kept in the address (a Back or "Change" link), so nothing the person said is lost or asked again;
answered() gives the answers once it is answered. Without &ask, every address opens as it always
has, so links shared before it existed open on the same answer.

Pure functions only: the browser glue in pyscript/ reads the page, asks these which question to
show, and writes the answer the engine gives. Runs under CPython and MicroPython.
"""
from stillworried.core import walk
from stillworried.core.procedures import get_stage
from stillworried.core.words import answers as answer_words, dates as date_words, questions as words
from stillworried.core.workdays import DateError, WorkingCalendar, parse_date

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
# "When did stage N begin?", asked in "where should I be today?" when the walk reaches a stage
# after the one where it was raised: the walk's day for it is only an assumption.
WHEN_ESCALATED = "when-escalated"
RESULT = "result"
DANGER = "danger"
# &ask=<question>: show that question again, keeping the other answers (see the top).
ASK = "ask"
# The questions in the order they are met, on either path (a stage and its day, or the day it
# was raised), so back() can find the one before and step() whether an asked one comes first.
ORDER = (AREA, SITUATION, STAGE, WHEN_RAISED, WHEN_ESCALATED, AGENCY, WHEN, RESULT)


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
        elif key == ASK:
            # Only a question's name; anything else is ignored (the address then opens as without it).
            read = True
            if value in ORDER[:-1]:
                answers[ASK] = value
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
    parts = ["procedure=" + answers["procedure"]]
    if RAISED in answers:
        parts.append(RAISED + ("=" + answers[RAISED] if answers[RAISED] else ""))
    for key in ANSWER_KEYS[1:]:
        if answers.get(key) is not None:
            parts.append(key + "=" + str(answers[key]))
    if answers.get(ASK):
        parts.append(ASK + "=" + answers[ASK])
    return "#" + "&".join(parts)


def given_answers(answers):
    """The answers an address holds, without what step() adds for its own use (partnership,
    landed, unreadable) and without the question being asked again: what answered() starts from."""
    kept = {}
    if "procedure" not in answers and answers.get("area"):
        kept["area"] = answers["area"]
    for key in ANSWER_KEYS:
        if answers.get(key) is not None:
            kept[key] = answers[key]
    if RAISED in answers:
        kept[RAISED] = answers[RAISED]
    return kept


def asking(answers, question):
    """The answers with `question` to be asked again (&ask=), every other answer kept: the
    address of a "Change" link, or of "Choose the agency to see its numbers"."""
    kept = given_answers(answers)
    kept[ASK] = question
    return kept


def questions(bundle, answers):
    """The questions asked on the way to these answers' result, in order (the procedure known):
    the situation question only where the area has more than one, the agency question only at
    a stage whose source lists contacts agency by agency, and, in "where should I be today?",
    when the stage began only where the walk reached a stage after the first (answers["landed"],
    from step()) or the person has said which stage it was taken to."""
    procedure = bundle["procedures"][answers["procedure"]]
    asked = [AREA]
    if len(situations(bundle, procedure["partnership"])) > 1:
        asked.append(SITUATION)
    if answers.get(AFTER):
        # A follow-up (a referral with no answer) asks only its own day.
        return asked + [WHEN]
    asked.append(STAGE)
    at = answers.get("stage")
    if RAISED in answers:
        asked.append(WHEN_RAISED)
        if at is None:
            at = answers.get("landed")
            if at is not None and at > procedure["stages"][0]["number"]:
                asked.append(WHEN_ESCALATED)
        else:
            asked.append(WHEN_ESCALATED)
        if at is not None and agencies(bundle, answers["procedure"], at):
            asked.append(AGENCY)
        return asked
    if at is not None and agencies(bundle, answers["procedure"], at):
        asked.append(AGENCY)
    asked.append(WHEN)
    return asked


def shown_step(bundle, answers):
    """Which step answers kept by step() show, where they were not asked again (&ask)."""
    if answers.get(ASK):
        return answers[ASK]
    if answers.get(AFTER):
        return RESULT if "since" in answers else WHEN
    if RAISED in answers:
        if answers[RAISED] is None:
            return WHEN_RAISED
        return WHEN_ESCALATED if "stage" in answers and "since" not in answers else RESULT
    if "stage" not in answers:
        return STAGE
    if "since" in answers:
        return RESULT
    if answers.get("agency") is None and agencies(bundle, answers["procedure"], answers["stage"]):
        return AGENCY
    return WHEN


def back(answers, bundle):
    """The answers one question earlier, for the page's own "Back" link, from the answers step()
    kept. Every answer already given stays in the address (&ask= names the question shown
    again), so going back never loses a date. The situation question is skipped where the area
    has only one (step() skips it too)."""
    if "procedure" not in answers:
        return {"area": None} if answers.get("area") else None
    shown = shown_step(bundle, answers)
    asked = questions(bundle, answers)
    if shown == RESULT:
        previous = asked[-1]
    elif shown in asked and asked.index(shown) > 0:
        previous = asked[asked.index(shown) - 1]
    else:
        return None
    kept = given_answers(answers)
    if previous == WHEN_ESCALATED and "stage" not in kept:
        # Back from the walk's answer ("I don't know" when the stage the walk reached began):
        # that question, as it was asked.
        kept["stage"] = answers["landed"]
        return kept
    carried = [key for key in kept if key != "procedure" and kept[key] is not None]
    if not carried:
        # Nothing to keep: the question's own address, as before &ask existed.
        if previous == STAGE:
            return {"procedure": answers["procedure"]}
        if previous == SITUATION:
            return {"area": answers.get("partnership")}
        return {"area": None}
    kept[ASK] = previous
    return kept


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
    question shown is the first one still unanswered, or the one the address asks again
    (&ask=) where every answer before it is usable. today is the London date (YYYY-MM-DD).
    """
    found, kept, problem = first_unanswered(bundle, answers, today)
    asked = answers.get(ASK)
    if asked is None or problem is not None or "procedure" not in kept:
        return found, kept, problem
    if asked not in questions(bundle, kept) or ORDER.index(asked) > ORDER.index(found):
        return found, kept, problem
    kept[ASK] = asked
    return asked, kept, None


def first_unanswered(bundle, answers, today):
    """step() without &ask: the first question still unanswered."""
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
    if RAISED in answers:
        return raised_step(bundle, answers, kept, numbers, today)
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
            carry_started(kept, answers)
            return AGENCY, kept, problem
    if "since" in unreadable or "started" in unreadable:
        return WHEN, kept, "The link had a date we could not read. Enter the dates again."
    if "since" not in answers:
        carry_started(kept, answers)
        return WHEN, kept, None
    problem = check_dates(bundle, answers.get("since"), answers.get("started"), today)
    if problem:
        return WHEN, kept, problem
    kept["since"] = answers["since"]
    if answers.get("started"):
        kept["started"] = answers["started"]
    return RESULT, kept, None


def carry_started(kept, answers):
    """Keep the day the disagreement began on the way to the date question, where it is filled
    in (a new stage chosen keeps it: it is the same disagreement)."""
    if answers.get("started"):
        kept["started"] = answers["started"]


def walked_stage(bundle, procedure_id, raised, today):
    """The stage the walk of "where should I be today?" reaches today (engine.timeline)."""
    return walk.timeline(bundle, procedure_id, None, raised, None, today)["today_stage"]


def raised_step(bundle, answers, kept, numbers, today):
    """first_unanswered() in "where should I be today?": the day it was raised, then, where the
    person has said which later stage it was taken to, the day that stage began."""
    unreadable = answers.get("unreadable", [])
    kept[RAISED] = None
    if RAISED in unreadable:
        return WHEN_RAISED, kept, "The link had a date we could not read. Enter the date again."
    if answers[RAISED] is None:
        return WHEN_RAISED, kept, None
    problem = date_problem(bundle, answers[RAISED], None, today, RAISED_WHAT)
    if problem:
        return WHEN_RAISED, kept, problem[1]
    try:
        landed = walked_stage(bundle, kept["procedure"], answers[RAISED], today)
    except ValueError as error:  # a walk beyond the dates we can count
        return WHEN_RAISED, kept, str(error)
    kept[RAISED] = answers[RAISED]
    kept["landed"] = landed
    at = landed
    # A stage after the first (where it was raised); any other is dropped: the walk answers.
    if answers.get("stage") in numbers and answers["stage"] > numbers[0]:
        kept["stage"] = at = answers["stage"]
    choice = answers.get("agency")
    if choice and agencies(bundle, kept["procedure"], at) and (
            choice == OTHER_AGENCY or agency(bundle, kept["procedure"], at, choice) is not None):
        kept["agency"] = choice
    if "stage" not in kept:
        return RESULT, kept, None
    if "since" in unreadable:
        return WHEN_ESCALATED, kept, "The link had a date we could not read. Enter the date again."
    if "since" not in answers:
        return WHEN_ESCALATED, kept, None
    problem = escalated_problem(bundle, answers[RAISED], kept["stage"], answers["since"], today)
    if problem:
        return WHEN_ESCALATED, kept, problem
    kept["since"] = answers["since"]
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
    problem = date_problem(bundle, answers["since"], None, today, date_words.capitalise(item["date_legend"]))
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
    return ("When did this stage begin?", date_words.capitalise(stage_began_words(procedure, answers["stage"])),
            asks_when_it_started(procedure))



def escalated_question(bundle, answers, today):
    """The words of "when did stage N begin?" for these answers (step() kept them): the question,
    a hint saying the day the walk would give it and that the person's day counts instead, and
    the date boxes' legend, in the data's words for what the stage counts from where it has them."""
    procedure = bundle["procedures"][answers["procedure"]]
    number = answers["stage"]
    ladder = walk.timeline(bundle, answers["procedure"], None, answers[RAISED], None, today)
    assumed = None
    for item in ladder["steps"]:
        if item["stage"] == number:
            assumed = item["since"]
    title = get_stage(procedure, number)["title"]
    legend = stage_began_words(procedure, number)
    if legend == DEFAULT_BEGAN:
        legend = words.stage_began_what(number)
    return {"question": words.escalated_question(number), "hint": words.escalated_hint(number, title, assumed),
            "legend": date_words.capitalise(legend)}


def escalated_problem(bundle, raised, number, since, today):
    """A sentence saying what is wrong with the day stage `number` began, or None."""
    problem = date_problem(bundle, since, None, today, date_words.capitalise(words.stage_began_what(number)))
    if problem:
        return problem[1]
    if since < raised:
        return answer_words.escalated_before_raised(number)
    return None


def answered(bundle, answers, question, value, today):
    """The answers once `question` is answered with `value`, for the next address.

    value: an area or procedure id, a stage number or RAISED, an agency id, (since, started) for
    the date question, a day for "when did you raise it?", and a day or None ("I don't know")
    for "when did stage N begin?". The answers already given after the question are kept where
    they still hold, so a Back or "Change" link never makes anyone type a date again: an answer
    left as it was keeps them all (step() then opens the answer); a new area or situation starts
    afresh; a new stage keeps the agency where that stage lists it, and the day the disagreement
    began (the first stage's day, where the person was at the first stage); a new day it was
    raised asks again when a later stage began.
    """
    given = given_answers(answers)
    if question == AREA:
        procedure = given.get("procedure")
        if procedure and bundle["procedures"][procedure]["partnership"] == value:
            return given
        return {"area": value}
    if question == SITUATION:
        # value is a situation's radio value (a procedure, or a procedure's follow-up).
        area = bundle["procedures"][given["procedure"]]["partnership"] if given.get("procedure") else given.get("area")
        chosen = situation_answers(bundle, area, value) or {"procedure": value}
        same = given.get("procedure") == chosen["procedure"] and given.get(AFTER) == chosen.get(AFTER)
        return given if same else dict(chosen)
    if question == STAGE:
        return chosen_stage(bundle, given, value, today)
    if question == AGENCY:
        given["agency"] = value
        return given
    if question == WHEN:
        since, started = value
        given["since"] = since
        given.pop("started", None)
        first = bundle["procedures"][given["procedure"]]["stages"][0]["number"]
        # At the first stage the disagreement began when the stage did, unless said otherwise.
        if started and (started != since or given.get("stage") != first):
            given["started"] = started
        return given
    if question == WHEN_RAISED:
        if given.get(RAISED) == value:
            return given
        return after_raised(bundle, {"procedure": given["procedure"], RAISED: value}, today)
    if question == WHEN_ESCALATED:
        if value and value == given.get("since"):
            return given
        if value:
            given["since"] = value
        else:
            # "I don't know": the walk's answer, which says its day is an assumption.
            given.pop("stage", None)
            given.pop("since", None)
        return ask_agency(bundle, given, today)
    return given


def chosen_stage(bundle, given, value, today):
    """answered() for the stage question: value is a stage number, or RAISED."""
    procedure_id = given["procedure"]
    first = bundle["procedures"][procedure_id]["stages"][0]["number"]
    raised = given.get(RAISED)
    if value == RAISED:
        if raised:
            return given
        chosen = {"procedure": procedure_id, RAISED: None}
        if given.get("stage") == first and given.get("since"):
            # The day the first stage began is the day it was raised: filled in, to confirm.
            chosen[RAISED] = given["since"]
            chosen[ASK] = WHEN_RAISED
        return chosen
    number = int(value)
    if not raised and RAISED not in given and given.get("stage") == number:
        return given
    chosen = {"procedure": procedure_id, "stage": number}
    if raised:
        # The first stage began the day it was raised, and the disagreement with it.
        if number == first:
            chosen["since"] = raised
        else:
            chosen["started"] = raised
            if given.get("stage") == number and given.get("since"):
                chosen["since"] = given["since"]
    else:
        started = given.get("started") or (given.get("since") if given.get("stage") == first else None)
        if started:
            chosen["started"] = started
    if given.get("agency") and agencies(bundle, procedure_id, number) and (
            given["agency"] == OTHER_AGENCY or agency(bundle, procedure_id, number, given["agency"]) is not None):
        chosen["agency"] = given["agency"]
    return ask_agency(bundle, chosen, today) if chosen.get("since") else chosen


def after_raised(bundle, chosen, today):
    """Where the walk from the day it was raised reaches a later stage, ask when that stage
    began (its day is otherwise only the walk's assumption); else the answer."""
    try:
        landed = walked_stage(bundle, chosen["procedure"], chosen[RAISED], today)
    except ValueError:
        return chosen  # step() says what is wrong with the day
    if landed > bundle["procedures"][chosen["procedure"]]["stages"][0]["number"]:
        chosen["stage"] = landed
        return chosen
    return ask_agency(bundle, chosen, today)


def ask_agency(bundle, chosen, today):
    """The answers, asking whose decision it is first where the answer's stage lists contacts
    agency by agency and it has not been answered (as on the way to a stage's answer)."""
    if chosen.get("agency"):
        return chosen
    at = chosen.get("stage")
    if at is None and chosen.get(RAISED):
        try:
            at = walked_stage(bundle, chosen["procedure"], chosen[RAISED], today)
        except ValueError:
            return chosen
    if at is not None and agencies(bundle, chosen["procedure"], at):
        chosen[ASK] = AGENCY
    return chosen


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
    covered = " must be between " + date_words.long_date(calendar.first.isoformat()) + " and " + \
        date_words.long_date(calendar.last.isoformat()) + "."
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
    return DEFAULT_BEGAN


DEFAULT_BEGAN = "the day this stage began"


def prefill(answers, remembered):
    """(since, started) to fill in on a date question: the link's own dates (a Back or "Change"
    link keeps every answer in the address), else those this person last gave for the same
    procedure and stage on this page (the browser's own back button reaches addresses made
    before they were given), else nothing. Never today: a date the answer counts from is
    always one the person typed."""
    same_procedure = remembered.get("procedure") == answers.get("procedure")
    same_path = same_procedure and remembered.get(RAISED) == answers.get(RAISED)
    same_stage = same_path and remembered.get("stage") == answers.get("stage")
    since = answers.get("since") or (remembered.get("since") if same_stage else None)
    started = answers.get("started") or (remembered.get("started") if same_procedure else None)
    return since, started


# The most digits each box can hold, and an example for the message when there are more.
TOO_MANY = {"day": (2, "27"), "month": (2, "11"), "year": (4, "2026")}


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
        if _only(value, DIGITS, len(value)) is None:
            raise DateError("The " + what + " must be a real date, written in numbers.")
    # The boxes take any number of digits (no maxlength, which would silently keep an old
    # digit: "18" with "17" typed after it stayed 18): too many is said, never cut.
    for name, value in parts:
        if len(value) > TOO_MANY[name][0]:
            raise DateError(words.too_many_digits(name, what, TOO_MANY[name][0], TOO_MANY[name][1]))
    if len(parts[2][1]) != 4:
        raise DateError("The year of the " + what + " must have 4 numbers, for example 2026.")
    iso = parts[2][1] + "-" + ("0" + parts[1][1])[-2:] + "-" + ("0" + parts[0][1])[-2:]
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
