"""The answer view: the engine's answer in words (worded.py) as the fields of text the answer
shows, in the order it shows them, with the display rules (which line is said where, and when a
line is left out) written once here. The glue (pyscript/answer.py) fills the page's templates
from these fields. The first paint (macros/first_paint.py, a date-free block made at build from
the stage, before there is an answer), the calendar file and the command line take the same
words from worded.py and the catalogue, but arrange their own lines: they do not use this view.

Plain values in, plain values out: runs under CPython, MicroPython and Pyodide.
"""
from stillworried.core import address_grammar, verdicts, wizard_choices, worded
from stillworried.core.words import answers as answer_words, dates as date_words, limits as limit_words, \
    page as page_words


def stage_title(number, title):
    """"Stage 2: Practice Manager": a stage's title wherever a stage is named by its number."""
    return answer_words.stage_title(number, title)


def first_screen(answer):
    """The first screen's fields for an answer in words.

    Returns {title, lede, who, no_number, date (None, or {label, iso, words}), rule, closed,
    reading, from_line (the counted-from line where it is not said in the rule), tell_us (the
    rule line ends with the link asking when the stage really began), flag (None or {words,
    status}), steps_due, which_wins (None where not shown), next, lapsed (None or a line)}."""
    said = answer["no_number"]
    counted = worded.counted_from(answer)  # the day the bold date was counted from, in words
    fields = {"title": answer["heading"],
              "lede": answer.get("where_words") or page_words.lede(answer["partnership_name"],
                                                                   answer["procedure_title"]),
              "who": page_words.who(answer["who"]), "no_number": said["sentence"] if said else None,
              "date": None, "closed": None, "reading": None, "from_line": None, "tell_us": False}
    # The date to keep to: the stage's, or the whole process's where that ends first (verdicts.keep_to).
    main = verdicts.kept_limit(answer)
    if main and main["date"]:
        fields["date"] = {"label": limit_words.first_screen_label(main, answer["keep_to"]), "iso": main["date"],
                          "words": main["date_words"]}
        # Where the line saying which limit comes first is shown, it says what "after the overall limit" would.
        after = None if answer["which_wins"] else main["after_overall_words"]
        # The day it counted from, as the person gave it, in the same line where the count starts
        # on that day; else in a line of its own.
        joined = counted and counted["day"] == main["from_date"]
        fields["rule"] = " ".join([main["rule"], limit_words.that_is(main, counted if joined else None)]
                                  + ([after] if after else []))
        # A weekend or bank holiday is said next to the date, with the last working day before it.
        fields["closed"] = " ".join(answer["closed_days"])
        # Where the source can be read two ways: which reading we keep, and why.
        fields["reading"] = main["reading_words"]
        if counted and not joined:
            fields["from_line"] = counted
        elif counted and counted["assumed"]:
            fields["tell_us"] = True
    elif main:
        fields["rule"] = main["rule"] + " " + main["missing_words"]
    else:
        fields["rule"] = limit_words.NO_TIME_LIMIT
    flag = answer["flag"]
    fields["flag"] = {"words": flag["words"], "status": flag["status"]} if flag else None
    # A step of your own that is due or overdue (Southwark stage 2's same-day escalation), and what to do now.
    fields["steps_due"] = " ".join(step["words"] for step in answer["steps_due"])
    # Where the flag is about the whole process's limit it already says that date: the line saying
    # which limit comes first would repeat it and push the contacts below the first screen.
    flag_says_it = flag and flag["limit"] == "overall"
    fields["which_wins"] = answer["which_wins"] if answer["which_wins"] and not flag_says_it else None
    fields["next"] = answer["next_words"]
    fields["lapsed"] = page_words.lapsed(answer["status_note"]) if answer["status"] == "lapsed" else None
    return fields


def overall_heading(overall):
    """The heading of the overall limit under "Other time limits": "The whole process", or "The
    aim at stage 1" (Southwark 3.1's working week, which is not a limit for the whole process)."""
    return limit_words.overall_title(overall)


def limit_line(item):
    """One time limit in a line: ("missing", the line) where its date cannot be worked out (never
    counted from a date not given), else ("dated", before the date, after it, [warnings])."""
    if item["date"] is None:
        return "missing", item["rule"] + " " + item["missing_words"]
    before, after = page_words.limit_line(item["rule"], item["counted"], item["status_words"])
    warnings = [warning for warning in (item["non_working_day"], item["after_overall_words"], item["reading_words"])
                if warning]
    return "dated", before, after, warnings


def timeline_rows(walk, answer):
    """The timeline's rows: (number, title, date in the picture, state, the text list's line).
    Each stage with the date it ends (where the source gives one), then the whole process's limit."""
    rows = []
    for step in walk["steps"]:
        title = stage_title(step["stage"], step["title"])
        if step["tried"]:
            when = said = page_words.TRIED_BEFORE
        elif step["ends"]:
            when = said = page_words.by(step["ends_words"])
        elif step["deadline"] and step["deadline"]["date"]:
            # The picture's line does not wrap: "By <date>" there, the limit's own words in the list.
            when = page_words.by(step["deadline"]["date_words"])
            said = step["deadline"]["label"] + " " + step["deadline"]["date_words"]
        else:
            when = said = ""
        state = {"tried": "done", "past": "done", "current": "current"}.get(step["state"], "later")
        if step["stage"] == answer["stage"]:
            state = "current"
        rows.append((str(step["stage"]), step["title"], when, state, page_words.step_text(title, said)))
    overall = walk["overall"]
    if overall and answer["overall"]:
        when = page_words.by(overall["date_words"]) if overall["date"] else limit_words.NEEDS_STARTED
        title = limit_words.overall_title(overall)
        rows.append(("", title, when, "overall", page_words.overall_text(title, when)))
    return rows


def timeline_caption(walk):
    return page_words.caption(walk["today_words"], walk["holidays"], walk["stopped_words"])


def began_asked(answer, answers):
    """The answers of a link asking when this stage really began (where the walk assumed it)."""
    asked = dict(address_grammar.given_answers(answers))
    asked["stage"] = answer["stage"]
    return asked


def check_rows(bundle, answer, answers):
    """The GOV.UK check-answers rows: (label, answer, the answers of its "Change" link: a question
    name, asked again with every other answer kept, or the answers themselves)."""
    follow = wizard_choices.follow_up(bundle, answer["procedure"], answer.get("after"))
    only_one = wizard_choices.one_situation(bundle, answer["partnership"]) is not None
    picked, choices = (None, []) if follow else wizard_choices.chosen_agency(bundle, answer, answers)
    partnership = bundle["partnerships"][answer["partnership"]]
    procedure = bundle["procedures"][answer["procedure"]]
    rows = [(page_words.AREA, partnership["name"], address_grammar.AREA),
            (page_words.SITUATION, follow["for_whom"] if follow else procedure["for_whom"],
             address_grammar.AREA if only_one else address_grammar.SITUATION)]
    if follow:
        # A follow-up has no stage: its one date, with a link to change it.
        rows.append((date_words.capitalise(follow["date_legend"]), answer["since_words"], address_grammar.WHEN))
        return rows
    reached = stage_title(answer["stage"], answer["title"])
    if answers.get(address_grammar.RAISED):
        rows.append((page_words.STAGE_REACHED if answers.get("since") else page_words.STAGE_TODAY, reached,
                     address_grammar.STAGE))
        rows.append((page_words.YOU_RAISED, date_words.long_date(answers[address_grammar.RAISED]),
                     address_grammar.WHEN_RAISED))
        if answers.get("since"):
            rows.append((page_words.stage_began(answer["stage"]), answer["since_words"],
                         address_grammar.WHEN_ESCALATED))
        elif answer.get("since_from") == verdicts.ASSUMED:
            # Not given: the walk's day, said as an assumption; "Change" asks for the real one.
            rows.append((page_words.stage_began(answer["stage"]), page_words.assumed(answer["since_words"]),
                         began_asked(answer, answers)))
    else:
        rows.append((page_words.STAGE_REACHED, reached, address_grammar.STAGE))
    if choices:
        other = answers.get("agency") == address_grammar.OTHER_AGENCY
        chosen = picked["name"] if picked else (page_words.OTHER_AGENCY if other else page_words.NOT_ANSWERED)
        rows.append((page_words.WHOSE, chosen, address_grammar.AGENCY))
    if not answers.get(address_grammar.RAISED):
        rows.append((page_words.STAGE_BEGAN, answer["since_words"], address_grammar.WHEN))
        if answers.get("started") and answers["started"] != answers["since"]:
            rows.append((page_words.STARTED, date_words.long_date(answers["started"]), address_grammar.WHEN))
    return rows
