"""The answers once a question is answered (answered()), for the next address, and the dates a
date question is filled in with (prefill()). Pure functions; runs under CPython and MicroPython."""
from stillworried.core.address_grammar import (AFTER, AGENCY, AREA, ASK, OTHER_AGENCY, RAISED, SITUATION, STAGE, WHEN,
                                               WHEN_ESCALATED, WHEN_RAISED, given_answers)
from stillworried.core.question_order import walked_stage
from stillworried.core.wizard_choices import agencies, agency, situation_answers


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
