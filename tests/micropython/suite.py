# The engine's browser modules, asked the same questions under every interpreter the wizard can
# use: MicroPython (tests/micropython/run.mjs), Pyodide (tests/pyodide/run.mjs) and, imported as a
# module, CPython (tests/engine/interpreter_parity.py), which compares what they print.
# Run as a script it reads /input.json and prints one JSON document a line: a header with the
# working-day cases that failed, then [kind, question, result] for every question, in order.
# MicroPython is slow to build one very long string, hence a line each.
import json
import sys

from stillworried.core import (abbreviations, address_grammar, bundle_parts, calendar_file, contacts, date_answers,
                               question_answers, question_order, wizard_choices, worded)
from stillworried.core.written_out import letters_for
from stillworried.core.workdays import DateError, WorkingCalendar, parse_date


def working_day_failures(given):
    calendar = WorkingCalendar(given["bundle"]["calendar"])
    operations = {
        "working_days": lambda start, amount: calendar.add_working_days(start, amount),
        "same_working_day": lambda start, amount: calendar.same_working_day(start),
        "calendar_days": lambda start, amount: calendar.add_calendar_days(start, amount),
        "calendar_months": lambda start, amount: calendar.add_calendar_months(start, amount),
    }
    failures = []
    for case in given["cases"]:
        try:
            got = operations[case["op"]](parse_date(case["start"]), case.get("amount")).isoformat()
        except DateError:
            got = "refused"
        if got != case["expected"]:
            failures.append(case["name"] + ": expected " + case["expected"] + ", got " + got)
    return failures


def attempt(function, *arguments):
    """The result, or the message a person would read when the question cannot be answered."""
    try:
        return {"result": function(*arguments)}
    except ValueError as error:
        return {"error": str(error)}


def wizard_step(bundle, answers, today):
    question, kept, problem = question_order.step(bundle, answers, today)
    previous = question_order.back(kept, bundle)
    return [question, kept, problem, address_grammar.make_fragment(kept), None if previous is None else address_grammar.make_fragment(previous)]


def asked_again(bundle, fragment, today):
    """Each question on the way to an answer asked again (&ask=), and answered as before: the
    address it leads to, and what the answer counted from."""
    reached, kept, problem = question_order.step(bundle, address_grammar.parse_fragment(fragment), today)
    found = [reached, problem]
    if reached != address_grammar.RESULT:
        return found
    for question in question_order.questions(bundle, kept):
        if question == address_grammar.WHEN_ESCALATED and "stage" not in kept:
            continue
        asked = question_order.step(bundle, address_grammar.parse_fragment(address_grammar.make_fragment(address_grammar.asking(kept, question))), today)
        value = {address_grammar.AREA: kept["partnership"], address_grammar.SITUATION: kept["procedure"],
                 address_grammar.STAGE: address_grammar.RAISED if address_grammar.RAISED in kept else kept.get("stage"),
                 address_grammar.AGENCY: kept.get("agency") or address_grammar.OTHER_AGENCY,
                 address_grammar.WHEN: (kept.get("since"), kept.get("started")),
                 address_grammar.WHEN_RAISED: kept.get(address_grammar.RAISED), address_grammar.WHEN_ESCALATED: kept.get("since")}[question]
        found.append([question, asked[0], address_grammar.make_fragment(question_answers.answered(bundle, asked[1], question, value, today))])
    if kept.get("since") and address_grammar.RAISED in kept:
        answer = worded.where_known(bundle, kept["procedure"], kept[address_grammar.RAISED], kept["stage"], kept["since"], today)
    elif address_grammar.RAISED in kept:
        answer = worded.where_today(bundle, kept["procedure"], kept[address_grammar.RAISED], today)
    else:
        answer = worded.next_step(bundle, kept["procedure"], kept["stage"], kept["since"], kept.get("started"), today)
    found.append(worded.counted_from(answer))
    return found


def calendar_event(bundle, question, stamp):
    return calendar_file.deadline_event(worded.next_step(bundle, question[0], question[1], question[2], question[3]),
                                        stamp)


def follow_up_event(bundle, question, stamp):
    return calendar_file.deadline_event(worded.follow_up(bundle, question[0], question[1], question[2], question[3]),
                                        stamp)


def office_status(bundle, hours, day, time):
    return worded.office_status(contacts.office_status(bundle, hours, day, time))


def from_parts(given, answers):
    """What the browser wizard holds for these answers: the shared part of the data and the
    part of the one area the answers name (stillworried.bundle_parts)."""
    merged = bundle_parts.copy_of(given["shared"])
    area = bundle_parts.area_for(given["shared"], answers)
    if area is not None:
        bundle_parts.merge(merged, given["parts"][area])
    return merged


def results(given):
    bundle = given["bundle"]
    for question in given["questions"]:
        yield ["next_step", question, attempt(worded.next_step, bundle, question[0], question[1], question[2],
                                              question[3], given["today"])]
    for question in given["where"]:
        yield ["where_today", question, attempt(worded.where_today, bundle, question[0], question[1], question[2],
                                                question[3], question[4])]
    for question in given["where_known"]:
        yield ["where_known", question, attempt(worded.where_known, bundle, question[0], question[1], question[2],
                                                question[3], question[4])]
    for fragment in given["asked_again"]:
        yield ["asked_again", fragment, attempt(asked_again, bundle, fragment, given["where_today"])]
    for question in given["timelines"]:
        yield ["timeline", question, attempt(worded.timeline, bundle, question[0], question[1], question[2],
                                             question[3], question[4])]
    for fragment in given["fragments"]:
        answers = address_grammar.parse_fragment(fragment)
        yield ["fragment", fragment, [answers, wizard_step(bundle, answers, given["today"])]]
    for answers in given["answers"]:
        yield ["step", answers, wizard_step(bundle, answers, given["today"])]
    for typed in given["typed_dates"]:
        yield ["date_from_parts", typed, attempt(date_answers.date_from_parts, typed[0], typed[1], typed[2], typed[3])]
    for procedure_id in sorted(bundle["procedures"]):
        yield ["asks_when_it_started", procedure_id, wizard_choices.asks_when_it_started(bundle["procedures"][procedure_id])]
    for question in given["questions"]:
        yield ["deadline_event", question, attempt(calendar_event, bundle, question, given["stamp"])]
    for question in given["questions"]:
        merged = from_parts(given, {"procedure": question[0]})
        yield ["next_step_from_parts", question, attempt(worded.next_step, merged, question[0], question[1],
                                                         question[2], question[3], given["today"])]
    for fragment in given["fragments"]:
        answers = address_grammar.parse_fragment(fragment)
        yield ["step_from_parts", fragment, wizard_step(from_parts(given, answers), answers, given["today"])]
    for contact_id, day, time in given["office"]:
        hours = bundle["contacts"][contact_id].get("hours")
        yield ["office_status", [contact_id, day, time], attempt(office_status, bundle, hours, day, time)]
    for area, texts in given["abbreviations"]:
        say = abbreviations.writer(letters_for(bundle, area))
        yield ["write_out", area, [say(text) for text in texts]]
    # Issue 21: the follow-ups (a referral with no answer), the situations and agencies offered.
    for question in given["follow_ups"]:
        yield ["follow_up", question, attempt(worded.follow_up, bundle, question[0], question[1], question[2],
                                              question[3])]
        merged = from_parts(given, {"procedure": question[0]})
        yield ["follow_up_from_parts", question, attempt(worded.follow_up, merged, question[0], question[1],
                                                         question[2], question[3])]
        yield ["follow_up_event", question, attempt(follow_up_event, bundle, question, given["stamp"])]
    for area in sorted(bundle["partnerships"]):
        yield ["situations", area, wizard_choices.situations(bundle, area)]
        yield ["situations_from_parts", area, wizard_choices.situations(from_parts(given, {"area": area}), area)]
    for procedure_id in sorted(bundle["procedures"]):
        for stage in bundle["procedures"][procedure_id]["stages"]:
            yield ["agencies", [procedure_id, stage["number"]], wizard_choices.agencies(bundle, procedure_id, stage["number"])]


def main():
    with open("/input.json") as handle:
        given = json.load(handle)
    print(json.dumps({"implementation": sys.implementation.name, "platform": sys.platform,
                      "cases": len(given["cases"]), "failures": working_day_failures(given)}))
    for line in results(given):
        print(json.dumps(line))


if __name__ == "__main__":
    main()
