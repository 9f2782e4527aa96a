"""Which of the wizard's questions to show for the answers in the address (step()), which come
before it (questions(), back()), and a message when a link was not usable. The glue in pyscript/
reads the page, asks these which question to show, and writes the answer the engine gives.
Pure functions; runs under CPython and MicroPython."""
from stillworried.core import walk
from stillworried.core.address_grammar import (AFTER, AGENCY, AREA, ASK, DANGER, ORDER, OTHER_AGENCY, RAISED, RESULT,
                                               SITUATION, STAGE, WHEN, WHEN_ESCALATED, WHEN_RAISED, given_answers)
from stillworried.core.date_answers import RAISED_WHAT, check_dates, date_problem, escalated_problem
from stillworried.core.wizard_choices import agencies, agency, follow_up, one_situation
from stillworried.core.words import dates as date_words, questions as words


def questions(bundle, answers):
    """The questions asked on the way to these answers' result, in order (the procedure known):
    the situation question only where the area has more than one, the agency question only at
    a stage whose source lists contacts agency by agency, and, in "where should I be today?",
    when the stage began only where the walk reached a stage after the first (answers["landed"],
    from step()) or the person has said which stage it was taken to."""
    procedure = bundle["procedures"][answers["procedure"]]
    asked = [AREA]
    if not one_situation(bundle, procedure["partnership"]):
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
            return AREA, {"area": None}, words.NO_SUCH_PROCEDURE
        area = answers.get("area")
        if area is None:
            problem = words.NO_SUCH_AREA if "area" in unreadable else None
            return AREA, {"area": None}, problem
        if area not in bundle["partnerships"]:
            return AREA, {"area": None}, words.NO_SUCH_AREA
        only = one_situation(bundle, area)
        if only:
            # One situation to choose from is no question: go on to its stages, and the stage
            # question says which procedure it is.
            return STAGE, {"procedure": only["value"], "partnership": area}, None
        return SITUATION, {"area": area}, None
    procedure = bundle["procedures"].get(procedure_id)
    if procedure is None:
        return AREA, {"area": None}, words.NO_SUCH_PROCEDURE
    kept = {"procedure": procedure_id, "partnership": procedure["partnership"]}
    numbers = [stage["number"] for stage in procedure["stages"]]
    if answers.get(AFTER) or AFTER in unreadable:
        return after_step(bundle, answers, kept, today)
    if RAISED in answers:
        return raised_step(bundle, answers, kept, numbers, today)
    if answers.get("stage") not in numbers:
        asked = "stage" in answers or "stage" in unreadable
        problem = words.NO_SUCH_STAGE if asked else None
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
            problem = words.NO_SUCH_AGENCY \
                if "agency" in answers or "agency" in unreadable else None
            carry_started(kept, answers)
            return AGENCY, kept, problem
    if "since" in unreadable or "started" in unreadable:
        return WHEN, kept, words.UNREADABLE_DATES
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
        return WHEN_RAISED, kept, words.UNREADABLE_DATE
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
        return WHEN_ESCALATED, kept, words.UNREADABLE_DATE
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
        return SITUATION, {"area": kept["partnership"]}, words.NO_SUCH_SITUATION
    kept[AFTER] = item["id"]
    if "since" in unreadable:
        return WHEN, kept, words.UNREADABLE_DATE
    if "since" not in answers:
        return WHEN, kept, None
    problem = date_problem(bundle, answers["since"], None, today, date_words.capitalise(item["date_legend"]))
    if problem:
        return WHEN, kept, problem[1]
    kept["since"] = answers["since"]
    return RESULT, kept, None
