# Runs under MicroPython (see run.mjs): the engine's working-day cases, and the engine's
# answers to a list of questions, printed as JSON for the CPython test to compare.
import json
import sys

from stillworried import engine
from stillworried.workdays import DateError, WorkingCalendar, parse_date

with open("/input.json") as handle:
    given = json.load(handle)

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

# One JSON document a line: MicroPython is slow to build one very long string.
print(json.dumps({"implementation": sys.implementation.name, "failures": failures}))
for procedure, stage, since, started in given["questions"]:
    try:
        print(json.dumps(engine.next_step(given["bundle"], procedure, stage, since, started)))
    except ValueError as error:
        print(json.dumps({"error": str(error)}))
