"""The wizard's date questions: their words (a stage's, a follow-up's, "when did stage N
begin?"), what is wrong with a date given, and a date typed as day, month and year (the GOV.UK
date pattern) as YYYY-MM-DD. Runs under CPython and MicroPython."""
from stillworried.core import walk
from stillworried.core.address_grammar import AFTER, DIGITS, RAISED, in_alphabet
from stillworried.core.procedures import STAGE_START, get_stage
from stillworried.core.wizard_choices import asks_when_it_started, follow_up
from stillworried.core.words import answers as answer_words
from stillworried.core.words import dates as date_words
from stillworried.core.words import questions as words
from stillworried.core.workdays import DateError, WorkingCalendar, parse_date


def date_question(bundle, answers):
    """(question, label, asks the day the disagreement began) for the date question these
    answers lead to: a stage's ("When did this stage began?", what its time limits count from)
    or a follow-up's own ("When did you make the referral?")."""
    procedure = bundle["procedures"][answers["procedure"]]
    item = follow_up(bundle, answers["procedure"], answers.get(AFTER))
    if item is not None:
        return item["date_question"], item["date_legend"], False
    return (words.WHEN_STAGE_BEGAN, date_words.capitalise(stage_began_words(procedure, answers["stage"])),
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


def check_dates(bundle, since, started, today):
    """A sentence saying what is wrong with the dates, or None when they can be used."""
    problem = date_problem(bundle, since, started, today)
    return problem[1] if problem else None


RAISED_WHAT = words.RAISED_SUBJECT


def date_problem(bundle, since, started, today, since_what=words.SINCE_SUBJECT):
    """(field, sentence) for the first thing wrong with the dates, or None. field is "since" or
    "started", so the page can put the message by the right boxes. since_what names the first
    date in the messages ("The day you raised it" on the "Where should I be today?" question)."""
    calendar = WorkingCalendar(bundle["calendar"])
    checked = {}
    for field, value, what in (("since", since, since_what), ("started", started, words.STARTED_SUBJECT)):
        if not value:
            continue
        try:
            day = parse_date(value, what)
        except DateError:
            return field, words.real_date(what)
        try:
            checked[field] = calendar.check(day)
        except DateError:
            return field, words.between(what, calendar.first.isoformat(), calendar.last.isoformat())
    since_day = checked["since"]
    started_day = checked.get("started")
    if since_day > parse_date(today):
        return "since", words.not_in_future(since_what)
    if started_day is not None and started_day > since_day:
        return "started", words.STARTED_AFTER_SINCE
    return None


def stage_began_words(procedure, stage_number):
    """What the stage's time limits count from, in the data's words ("the day the heads of
    service could not agree"), so the date question asks for the day the engine counts from."""
    for stage in procedure["stages"]:
        if stage["number"] == stage_number:
            for timescale in stage["timescales"]:
                if timescale["counts_from"] == STAGE_START:
                    return timescale["from_words"]
    return DEFAULT_BEGAN


DEFAULT_BEGAN = words.DEFAULT_BEGAN

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
        raise DateError(words.enter(what))
    if missing:
        raise DateError(words.must_include(what, missing))
    for name, value in parts:
        if in_alphabet(value, DIGITS, len(value)) is None:
            raise DateError(words.in_numbers(what))
    # The boxes take any number of digits (no maxlength, which would silently keep an old
    # digit: "18" with "17" typed after it stayed 18): too many is said, never cut.
    for name, value in parts:
        if len(value) > TOO_MANY[name][0]:
            raise DateError(words.too_many_digits(name, what, TOO_MANY[name][0], TOO_MANY[name][1]))
    if len(parts[2][1]) != 4:
        raise DateError(words.four_digit_year(what))
    iso = parts[2][1] + "-" + ("0" + parts[1][1])[-2:] + "-" + ("0" + parts[0][1])[-2:]
    try:
        parse_date(iso, what)
    except DateError:
        raise DateError(words.not_a_date(what))
    return iso


def date_parts(iso):
    """'2026-11-03' -> ('3', '11', '2026'), to fill the three boxes; empty boxes for a date
    that cannot be read, so a broken link never stops the page."""
    try:
        day = parse_date(iso)
    except DateError:
        return "", "", ""
    return str(day.day), str(day.month), str(day.year)
