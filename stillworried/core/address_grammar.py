"""The address grammar: the wizard's answers kept in the page address (the URL fragment).

The address is the wizard's only memory, so a link opens straight on an answer and the back
button steps back through the questions. It only ever holds ids and dates from a fixed
alphabet, never free text: the parser drops anything else. The result is

    #procedure=<id>&stage=<n>[&agency=<id>]&since=<YYYY-MM-DD>[&started=<YYYY-MM-DD>]

and the questions before it are #area (which area?), #area=<id> (which situation? skipped
when the area has one procedure and no follow-up), #procedure=<id> (which stage?) and, at a
stage whose source lists contacts agency by agency, #procedure=<id>&stage=<n> (whose decision?).
A follow-up the procedure declares (a situation its source gives a rule for outside its stages,
such as a referral with no answer) is #procedure=<id>&after=<follow-up id>, asking its day, and
#procedure=<id>&after=<follow-up id>&since=<YYYY-MM-DD>, its answer.

"Where should I be today?" is #procedure=<id>&raised (when did you raise it?), then
#procedure=<id>&raised=<YYYY-MM-DD>, the walk's answer for today (worded.where_today). Where the
walk reaches a stage after the first, the wizard asks when that stage began,
#procedure=<id>&raised=<date>&stage=<n>, and #procedure=<id>&raised=<date>&stage=<n>&since=<date>
answers for that stage from the person's day (worded.where_known); &agency=<id> may follow the
stage there too.

Any address may end in &ask=<question>: that question is shown again with every other answer
kept in the address (a Back or "Change" link), so nothing the person said is lost or asked again;
question_answers.answered() gives the answers once it is answered. Without &ask, every address
opens as it always has, so links shared before it existed open on the same answer.

The question names and their order live here too: they are the values of &ask=. PATTERNS gives
the first paint's script (docs/assets/wizard/status.js) the same grammar, written into the page
by the build, so the script keeps no copy of its own. Runs under CPython and MicroPython.
"""

ANSWER_KEYS = ("procedure", "after", "stage", "agency", "since", "started")
# A follow-up of the procedure (its follow_ups in the data): #procedure=salford-vcse&after=referral.
AFTER = "after"
# "Where should I be today?": #procedure=<id>&raised asks the day it was raised, and
# #procedure=<id>&raised=<YYYY-MM-DD> answers for the stage the engine's walk gives for today.
RAISED = "raised"
ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"
DIGITS = "0123456789"
# The longest an area or procedure id, an agency or follow-up id, and a stage number may be.
ID_LONGEST = 60
AGENCY_LONGEST = 80
STAGE_LONGEST = 2
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


def in_alphabet(text, allowed, longest):
    if not text or len(text) > longest:
        return None
    for character in text:
        if character not in allowed:
            return None
    return text


def _iso(text):
    if not text or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    if in_alphabet(text[:4] + text[5:7] + text[8:], DIGITS, 8) is None:
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
            answers["area"] = in_alphabet(value, ID_CHARACTERS, ID_LONGEST)
            read = answers["area"] if value is not None else True
        elif key == "procedure":
            read = in_alphabet(value, ID_CHARACTERS, ID_LONGEST)
            if read:
                answers["procedure"] = read
        elif key in ("agency", AFTER):
            read = in_alphabet(value, ID_CHARACTERS, AGENCY_LONGEST)
            if read:
                answers[key] = read
        elif key == "stage":
            read = in_alphabet(value, DIGITS, STAGE_LONGEST)
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


def patterns():
    """The grammar of an answer's address for the first paint's script (status.js), which shows
    a shared answer's first screen while Python starts: {key: a regular expression its value
    must match (the same in JavaScript)}, and the key that asks a question again. The build
    writes it into the wizard page, so the script keeps no copy of its own."""
    return {"procedure": "^[" + ID_CHARACTERS + "]{1," + str(ID_LONGEST) + "}$",
            "stage": "^[" + DIGITS + "]{1," + str(STAGE_LONGEST) + "}$",
            "since": "^[" + DIGITS + "]{4}-[" + DIGITS + "]{2}-[" + DIGITS + "]{2}$",
            "ask": ASK}


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
