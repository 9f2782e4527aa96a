"""What `next` and `where` share: asking the engine, and printing its answer for a person (or
as JSON) with nothing in it that can act in a terminal."""
import json
import sys

from stillworried import text_policy
from stillworried.core import verdicts
from stillworried.core.procedures import EngineError
from stillworried.cli import words as cli
from stillworried.core.words import answers as answer_words, dates as date_words, limits as words, page as page_words
from stillworried.cli.arguments import DATA_ERROR, USAGE_ERROR, london_today
from stillworried.data import DataError, build_bundle
from stillworried.core.workdays import DateError, OutsideCalendar


def safe_json(answer):
    """The answer as JSON with nothing that can act in a terminal: json.dumps already escapes
    C0 controls; the others (DEL, C1, bidirectional controls, lone surrogates) become \\uXXXX,
    which is the same JSON."""
    text = json.dumps(answer, indent=2, ensure_ascii=False)
    # Between the values there are only the newlines of the indentation, which stay.
    return text_policy.FORBIDDEN_BUT_NEWLINE.sub(lambda found: "\\u%04x" % ord(found.group(0)), text)


def given_dates(first, option, started):
    """[(date, option)] for the dates typed on the command line, to name in messages."""
    return [(first, option)] + ([(started, "--started")] if started else [])


def beyond_calendar(bundle, given):
    """The message for dates given inside the calendar whose deadlines fall after its last day,
    naming the dates given, [(date, option)] (the engine's own message names the day it could
    not count)."""
    last = bundle["calendar"]["last"]
    if not all(bundle["calendar"]["first"] <= day <= last for day, _ in given):
        return None
    return ("the deadlines counted from %s fall after %s, the last day we have bank holidays for (from %s), so they "
            "cannot be worked out yet." % (" and ".join("%s (the date given to %s)" % pair for pair in given), last,
                                           bundle["calendar"]["first"]))


def contact_lines(contact, indent="  "):
    lines = [indent + contact["name"] + (" (" + contact["role"] + ")" if contact.get("role") else "")]
    for phone in contact["phones"]:
        label = " (" + phone["label"] + ")" if phone.get("label") else ""
        if phone["e164"]:
            lines.append(indent + "  Phone " + phone["display"] + label)
        else:
            lines.append(indent + "  Phone " + phone["display"] + label + cli.CLI_INVALID)
    for email in contact["emails"]:
        lines.append(indent + "  Email " + email["address"])
    for conflict in contact["conflicts"]:
        lines.append(indent + "  " + cli.cli_another_source(conflict["phone_text"],
                                                            conflict.get("label") or conflict["name"]))
    if not contact["phones"] and not contact["emails"] and contact.get("note"):
        lines.append(indent + "  " + contact["note"])
    lines.append(indent + "  " + contact["checked_words"])
    return lines


def limit_lines(limit, heading):
    """A time limit: its date (flagged today or overdue), its rule, how it was counted, and any
    warning; or why it has no date."""
    if limit["date"] is None:
        return [heading + cli.CLI_NOT_WORKED_OUT + limit["missing_words"], "  " + limit["rule"]]
    first = heading + limit["date_words"] + " (" + limit["date"] + ")"
    if limit["status"]:
        first += ". " + limit["status_words"]
    lines = [first, "  " + limit["rule"], "  " + date_words.capitalise(limit["counted"]) + "."]
    for warning in (limit["non_working_day"], limit["after_overall_words"]):
        if warning:
            lines.append("  " + cli.CLI_NOTE + warning)
    if limit["reading_words"]:
        lines.append("  " + cli.CLI_READING + limit["reading_words"])
    return lines


def human(answer):
    lines = [answer["partnership_name"] + ": " + answer["procedure_title"]]
    if answer["status"] == "lapsed":
        lines.append(cli.cli_lapsed(answer["review_due"], answer["status_note"]))
    lines.append("")
    lines.append(cli.cli_stage(answer["stage"], answer["stages"], answer["title"]))
    if answer.get("since_from") == verdicts.ASSUMED:
        # "where": the walk's day for a stage after the one where it was raised is an assumption.
        lines.append(cli.CLI_SINCE + answer["since_words"] + ". "
                     + words.assumed_stage_began(answer["since"], answer["stage"]))
    else:
        lines.append(cli.CLI_SINCE + answer["since_words"])
    if answer["started"] and answer["started"] != answer["since"]:
        lines.append(cli.CLI_STARTED + answer["started_words"])
    if answer["today"]:
        lines.append(cli.CLI_TODAY + date_words.long_date(answer["today"]))
    lines.append("")
    main = answer["deadline"]
    if main:
        lines.extend(limit_lines(main, cli.CLI_DEADLINE))
    else:
        lines.append(cli.CLI_NO_DEADLINE)
    for item in answer["deadlines"]:
        if not item["headline"]:
            lines.extend(limit_lines(item, cli.CLI_ALSO))
    if answer["overall"]:
        # Southwark's one working week is the aim at stage 1, not a limit for the whole process.
        scoped = answer["overall"].get("applies_to_stages")
        lines.extend(limit_lines(answer["overall"], words.overall_title(answer["overall"]) + ": " if scoped
                                 else cli.CLI_OVERALL))
    lines.append(cli.CLI_SAFETY + answer["safety_rule"]["text"])
    lines.append("")
    lines.append(cli.cli_who(answer["who"]["raising"], answer["who"]["receiving"]))
    lines.append(cli.CLI_DO)
    lines.extend("  - " + step for step in answer["do"])
    if answer["send"]:
        lines.append(cli.CLI_SEND + ", ".join(form["title"] for form in answer["send"]))
    if answer["record"]:
        lines.append(cli.CLI_RECORD)
        lines.extend("  - " + item for item in answer["record"])
    if answer["contacts"]:
        lines.append(cli.CLI_CONTACT)
        for contact in answer["contacts"]:
            lines.extend(contact_lines(contact))
    if answer["directory"]:
        lines.append(cli.cli_directory(answer["directory"]["title"], len(answer["directory"]["contacts"])))
    for note in answer["notes"]:
        lines.append(note["title"] + ": " + note["text"])
    lines.append("")
    if answer["next"]:
        lines.append(page_words.if_not_resolved(answer["next"]["stage"], answer["next"]["title"]))
    else:
        lines.append(answer_words.next_words(None, False))
    lines.append(cli.CLI_SOURCES)
    lines.extend("  " + source["file"] + ", " + source["section"] for source in answer["sources"])
    return "\n".join(lines)


def ask_engine(args, question, given):
    """(answer, exit code): the engine's answer to question(bundle, today), or the problems in the
    data or the one-line reason it cannot answer, printed on stderr."""
    try:
        bundle = build_bundle(args.data)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return None, DATA_ERROR
    today = (args.today or london_today()).isoformat()
    try:
        return question(bundle, today), 0
    except (EngineError, DateError) as error:
        said = str(error)
        if isinstance(error, OutsideCalendar):
            said = beyond_calendar(bundle, given) or said
        print("stillworried: %s" % text_policy.visible(text_policy.shorten(said, 300)), file=sys.stderr)
        return None, USAGE_ERROR
