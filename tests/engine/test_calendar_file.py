"""Add to calendar: the .ics the wizard makes on the device (stillworried/calendar_file.py).

Every file it can make, for every stage of every procedure on dates across the years we count,
is read back with the maintained `icalendar` package: an all-day event on the engine's deadline
(or the overall deadline when the stage has none of its own), ending the next day, with a
reminder at 9am the day before, CRLF line endings, no line longer than 75 octets, and the
data's text coming back character for character, even when the text is hostile.
"""
import copy
import datetime
import shutil

import icalendar
import pytest

from tests.conftest import DATA
from stillworried.core.calendar_file import deadline_event
from stillworried.data import build_bundle
from stillworried.core.worded import next_step

STAMP = "20261123T093000Z"
DATES = ["2026-11-23", "2026-11-28", "2026-12-24", "2024-02-28", "2022-09-16", "2015-01-01", "2035-11-01"]
ONE_DAY = datetime.timedelta(days=1)


def every_answer(bundle):
    for procedure_id, procedure in sorted(bundle["procedures"].items()):
        for stage in procedure["stages"]:
            for since in DATES:
                yield next_step(bundle, procedure_id, stage["number"], since)
            yield next_step(bundle, procedure_id, stage["number"], "2026-12-24", "2026-10-31")


def read_back(text):
    """The file as a calendar program reads it, after checking the lines RFC 5545 requires."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    for number, line in enumerate(lines):
        assert "\r" not in line and "\n" not in line, number
        assert len(line.encode("utf-8")) <= 75, line
        if line.startswith(" "):
            assert number > 0 and len(lines[number - 1].encode("utf-8")) >= 72, "folded before it had to be"
        for character in line:
            assert character == "\t" or not (ord(character) < 32 or ord(character) == 127), repr(line)
    calendar = icalendar.Calendar.from_ical(text)
    for component in calendar.walk():
        assert component.errors == [], component.name
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_every_stage_with_a_time_limit_makes_a_valid_all_day_event_on_the_engines_deadline(bundle):
    made = 0
    for answer in every_answer(bundle):
        text = deadline_event(answer, STAMP)
        # The date the first screen shows in bold (the whole process's where it ends first), else the overall's.
        shown = answer["overall"] if answer["keep_to"] == "overall" else answer["deadline"]
        limit = shown if (shown or {}).get("date") else answer["overall"]
        due = (limit or {}).get("date")
        if due is None:
            assert text is None, (answer["procedure"], answer["stage"])
            continue
        event = read_back(text)
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is datetime.date and type(end) is datetime.date  # all day, not a moment
        # On a weekend or bank holiday, the last working day before it (the first screen's advice).
        assert start.isoformat() == (limit["working_day_before"] or due)
        assert end == start + ONE_DAY
        assert event["DTSTAMP"].dt == datetime.datetime(2026, 11, 23, 9, 30, tzinfo=datetime.timezone.utc)
        assert str(event["UID"]) == "%s-%d-%s@stillworried" % (answer["procedure"], answer["stage"], answer["since"])
        made += 1
    assert made > 100


def test_the_reminder_is_at_9am_the_day_before_the_deadline(bundle):
    answer = next_step(bundle, "southwark", 4, "2026-11-23")
    event = read_back(deadline_event(answer, STAMP))
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    midnight = datetime.datetime.combine(event["DTSTART"].dt, datetime.time())
    assert midnight + alarm["TRIGGER"].dt == datetime.datetime(2026, 11, 24, 9, 0)


def test_the_event_says_who_to_contact_by_when_and_that_999_comes_first(bundle):
    answer = next_step(bundle, "southwark", 4, "2026-11-23")
    event = read_back(deadline_event(answer, STAMP))
    # Southwark's Quality Assurance Unit resolves within 2 working days of the referral:
    # Monday 23 November 2026 -> Wednesday 25 November.
    assert event["DTSTART"].dt == datetime.date(2026, 11, 25)
    assert str(event["SUMMARY"]) == ("Resolution due by today: Southwark Safeguarding Children Partnership resolution of professional disagreements, stage 4 (Quality Assurance Unit)")
    description = str(event["DESCRIPTION"]).split("\n")
    assert description[0] == answer["procedure_title"] + ", stage 4: Quality Assurance Unit."
    assert description[1] == answer["deadline"]["rule"]
    assert "Contact: Southwark Safeguarding Children Partnership (SSCP), SSCP@southwark.gov.uk." in description
    assert "If it is not resolved: stage 5, SSCP Independent Chair." in description
    assert description[-2:] == [answer["safety_rule"]["text"], "If a child is in immediate danger, call 999."]


def test_every_contact_and_the_rule_come_back_exactly(bundle):
    for answer in every_answer(bundle):
        text = deadline_event(answer, STAMP)
        if text is None:
            continue
        description = str(read_back(text)["DESCRIPTION"])
        shown = answer["overall"] if answer["keep_to"] == "overall" else answer["deadline"]
        assert (shown if shown and shown["date"] else answer["overall"])["rule"] in description
        for contact in answer["contacts"]:
            for detail in (contact["name"], contact["phone_text"], contact["email"]):
                if detail:
                    assert detail in description
        assert answer["safety_rule"]["text"] in description


def test_stages_with_no_time_limit_at_all_make_no_calendar_file(bundle):
    # Salford 2014: the informal discussion and the line manager stage have no timescale; the
    # VCSE protocol's first conversation has none either, and neither procedure has an overall limit.
    none = set()
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            if deadline_event(next_step(bundle, procedure_id, stage["number"], "2026-11-23"), STAMP) is None:
                none.add((procedure_id, stage["number"]))
    assert none == {("salford-sscb-2014", 1), ("salford-sscb-2014", 2), ("salford-vcse", 1)}


@pytest.mark.parametrize("procedure, stage, summary", [
    ("wigan", 4, "Raise the disagreement at Director or Assistant Director level by today: Wigan Safeguarding "
                 "Children Partnership Resolution Protocol, stage 4 (Director or assistant director)"),
    ("salford-vcse", 2, "Answer due by today: Challenging a Children's Services decision (voluntary and "
                        "community organisations), stage 2 (Practice Manager)"),
])
def test_the_reminder_says_what_falls_due_not_always_an_answer(bundle, procedure, stage, summary):
    """Wigan stage 4: the heads of service have 2 working days to raise it with the directors;
    the reminder must not read as the directors' deadline to answer."""
    event = read_back(deadline_event(next_step(bundle, procedure, stage, "2026-11-23"), STAMP))
    assert str(event["SUMMARY"]) == summary


def test_a_stage_without_its_own_limit_uses_the_overall_deadline(bundle):
    answer = dict(next_step(bundle, "wigan", 2, "2026-11-23", "2026-11-02"))
    answer.update(deadline=None)
    event = read_back(deadline_event(answer, STAMP))
    assert event["DTSTART"].dt == datetime.date(2026, 12, 2)  # one month from 2 November
    assert str(event["SUMMARY"]) == ("The overall time limit ends today: Wigan Safeguarding Children Partnership "
                                     "Resolution Protocol, stage 2 (Line manager to line manager)")
    assert answer["overall"]["rule"] in str(event["DESCRIPTION"])


HOSTILE = [
    "Unit, stage 4; the \\ chair, \\n not a newline",
    "first line\nsecond line\n\nfourth",
    "carriage\r\nreturn and a lone\rone",
    "END:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected\nDTSTART;VALUE=DATE:20991231",
    "DESCRIPTION;LANGUAGE=en:\"quoted\": colon, semi; comma",
    "\u00c9quipe de protection de l'enfance \u2014 " * 6 + "\U0001f469\u200d\U0001f467\u200d\U0001f466" * 25
    + "\u4fdd\u62a4\u513f\u7ae5" * 40,
    "\u202eevil\u202c and \u2028line\u2029separators\u0085",
    "a\ttab, a bell\x07, a form feed\x0c and a delete\x7f",
    "x" * 74 + "\u00e9" + "y" * 200,
]


def yaml_string(text):
    replaced = text.replace("\\", "\\\\").replace('"', '\\"')
    for character, escaped in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\x07", "\\a"), ("\x0c", "\\f"),
                               ("\x7f", "\\x7f"), ("\u0085", "\\N"), ("\u2028", "\\L"), ("\u2029", "\\P")):
        replaced = replaced.replace(character, escaped)
    return '"%s"' % replaced


def as_read_back(text):
    """What TEXT can carry: newlines in any form come back as \\n, other control characters
    (which RFC 5545 TEXT cannot hold) are left out, a tab stays."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\t\n" or not (ord(c) < 32 or ord(c) == 127))


def replace_once(path, old, new):
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def with_hostile_text(data, bundle, payload):
    """The bundle with payload in Southwark's stage 4 title, procedure title and SSCP contact's
    name. Text the check lets through goes in through the YAML; text it refuses (control
    characters, bidirectional overrides, a newline in quotes: stillworried.text_policy) is put
    straight into a copy of the bundle, so the calendar file is still tested against it."""
    from stillworried import text_policy
    if not text_policy.problem_in(payload + " (procedure)"):
        replace_once(data / "stages.yaml", "        title: Quality Assurance Unit\n",
                     "        title: %s\n" % yaml_string(payload))
        replace_once(data / "stages.yaml",
                     "    title: Southwark Safeguarding Children Partnership resolution of professional disagreements\n",
                     "    title: %s\n" % yaml_string(payload + " (procedure)"))
        replace_once(data / "contacts.yaml", "    name: Southwark Safeguarding Children Partnership (SSCP)\n",
                     "    name: %s\n" % yaml_string(payload + " (contact)"))
        return build_bundle(data)
    changed = copy.deepcopy(bundle)
    changed["procedures"]["southwark"]["stages"][3]["title"] = payload
    changed["procedures"]["southwark"]["title"] = payload + " (procedure)"
    changed["contacts"]["southwark-sscp"]["name"] = payload + " (contact)"
    return changed


@pytest.mark.parametrize("payload", HOSTILE, ids=[repr(payload[:24]) for payload in HOSTILE])
def test_hostile_text_in_the_data_comes_back_from_the_calendar_file_character_for_character(tmp_path, payload,
                                                                                             bundle):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    bundle = with_hostile_text(data, bundle, payload)
    expected = as_read_back(payload)

    answer = next_step(bundle, "southwark", 4, "2026-11-23")
    assert answer["title"] == payload
    event = read_back(deadline_event(answer, STAMP))
    assert event["DTSTART"].dt == datetime.date(2026, 11, 25)
    assert str(event["SUMMARY"]) == "Resolution due by today: " + expected + " (procedure), stage 4 (" + expected + ")"
    description = str(event["DESCRIPTION"])
    assert description.startswith(expected + " (procedure), stage 4: " + expected + ".\n")
    assert "\nContact: " + expected + " (contact), SSCP@southwark.gov.uk.\n" in description
    assert len(event.walk("VALARM")) == 1

    before = read_back(deadline_event(next_step(bundle, "southwark", 3, "2026-11-23"), STAMP))
    assert "\nIf it is not resolved: stage 4, " + expected + ".\n" in str(before["DESCRIPTION"])


def test_a_deadline_on_christmas_day_says_offices_may_be_closed(bundle):
    """Wigan stage 5, "within further week", counted as 7 calendar days from Friday 18 December
    2026, falls on Friday 25 December: the event is on Thursday 24th, the last working day before
    it, and says why, so nobody waits for an answer on a day the office is closed."""
    event = read_back(deadline_event(next_step(bundle, "wigan", 5, "2026-12-18", "2026-11-30"), STAMP))
    assert event["DTSTART"].dt == datetime.date(2026, 12, 24)
    assert str(event["SUMMARY"]).startswith(
        "Refer it to the WSCP Business Manager by Friday 25 December 2026, when offices may be closed: "
        "do it by Thursday 24 December 2026: ")
    assert "Friday 25 December 2026 is a bank holiday (Christmas Day): offices may be closed. The last working day " \
        "before it is Thursday 24 December 2026." in str(event["DESCRIPTION"]).split("\n")


def test_no_event_on_an_overall_date_that_cannot_be_worked_out(bundle):
    """Wigan stage 2 with no date for the start of the disagreement: the month is not counted
    from the stage, so a stage without its own limit would have no event at all."""
    answer = dict(next_step(bundle, "wigan", 2, "2026-11-23"))
    answer.update(deadline=None)
    assert answer["overall"]["date"] is None
    assert deadline_event(answer, STAMP) is None
