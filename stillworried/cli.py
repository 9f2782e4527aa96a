"""The command line: `check` and `diff` for maintainers, `next` and `where` to get the wizard's answers
in a terminal.

    python -m stillworried check [--strict] [--max-age-months 12] [--format github]
    python -m stillworried diff main
    python -m stillworried next southwark --stage 4 --since 2026-11-23 [--started 2026-11-16] [--today ...] [--json]
    python -m stillworried where southwark --raised 2026-11-23 [--tried 1] [--today 2026-12-01] [--json]

Mistakes on the command line get one line on stderr and exit code 2; problems in the data
get file:line:col lines and exit code 1. Warnings are listed too, but only fail with --strict.

Everything printed goes through text_policy.visible: a control character from the data or the
command line (an escape sequence that clears the terminal, a newline that forges another
message line, a right-to-left override) is shown as \\x1b, \\x0a, \\u202e and never acts.
"""
import argparse
import datetime
import json
import re
import sys
import zoneinfo

from stillworried import data_warnings, engine, text_policy, validate, words
from stillworried.annotations import github_command
from stillworried.data import DataError, build_bundle, default_data_dir
from stillworried.workdays import DateError, parse_date

USAGE_ERROR = 2
DATA_ERROR = 1


class OneLineParser(argparse.ArgumentParser):
    """argparse prints the whole usage on a mistake; we print one line that says what to fix."""

    def error(self, message):
        self.exit(USAGE_ERROR, "stillworried: %s (see --help)\n" % text_policy.visible(text_policy.shorten(message, 300)))


# ASCII digits only: str.isdigit() also takes other scripts' digits ('٢' as 2), which dates refuse.
WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")


def parse_stage(text):
    if not WHOLE_NUMBER.fullmatch(text):
        raise argparse.ArgumentTypeError("the stage must be a number written with the digits 0 to 9, like --stage 2, "
                                         "not '%s'" % text_policy.shown(text))
    return int(text)


def parse_stages(text):
    numbers = [part.strip() for part in text.split(",")]
    if not all(WHOLE_NUMBER.fullmatch(number) for number in numbers):
        raise argparse.ArgumentTypeError("--tried must be stage numbers separated by commas, like 1,2, not '%s'"
                                         % text)
    return [int(number) for number in numbers]


def london_today():
    """Today's date in London, whatever the machine's time zone (the engine never reads the clock)."""
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London")).date()


def parse_months(text):
    if not WHOLE_NUMBER.fullmatch(text) or int(text) < 1:
        raise argparse.ArgumentTypeError("--max-age-months must be a whole number of months, like 12, not '%s'"
                                         % text_policy.shown(text))
    return int(text)


def parse_today(text):
    try:
        return parse_date(text, "date given to --today")
    except DateError as error:
        raise argparse.ArgumentTypeError(str(error))


def make_parser():
    parser = OneLineParser(prog="python -m stillworried",
                           description="Safeguarding escalation: who to contact next, and by when.")
    parser.add_argument("--data", help="the data folder (default: ./data)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    check = commands.add_parser("check", help="check the data files and list every problem and warning")
    check.add_argument("--strict", action="store_true", help="fail on warnings too, not only on problems")
    check.add_argument("--max-age-months", type=parse_months, default=data_warnings.DEFAULT_MAX_AGE_MONTHS,
                       metavar="N", help="warn when verified_on is more than N months ago (default: %(default)s)")
    check.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD",
                       help="count ages and review dates from this day instead of today")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: print GitHub Actions annotations, shown on the changed lines of a pull request")
    check.set_defaults(run=run_check)

    diff = commands.add_parser("diff", help="what changes for users between a git ref and the data here, "
                                            "as a Markdown table")
    diff.add_argument("base", metavar="BASE", help="the git branch, tag or commit to compare with, for example main")
    diff.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD",
                      help="ask the wizard's questions from this day instead of today")
    diff.set_defaults(run=run_diff)

    step = commands.add_parser("next", help="who to contact at a stage, and the deadlines")
    step.add_argument("procedure", help="procedure id, for example salford-vcse, wigan or southwark")
    step.add_argument("--stage", type=parse_stage, required=True, help="the stage you have reached")
    step.add_argument("--since", required=True, help="the day this stage began, YYYY-MM-DD")
    step.add_argument("--started", help="the day the whole disagreement began, YYYY-MM-DD (default: --since at "
                                        "stage 1; at a later stage a limit that needs it is not worked out)")
    step.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD",
                      help="flag the deadlines as seen from this day (default: today in London)")
    step.add_argument("--json", action="store_true", help="print one JSON object")
    step.set_defaults(run=run_next)

    where = commands.add_parser("where", help="where should I be today? which stage, whom to contact and by when, "
                                              "for a disagreement raised on a day and not answered since")
    where.add_argument("procedure", help="procedure id, for example salford-vcse, wigan or southwark")
    where.add_argument("--raised", required=True, metavar="YYYY-MM-DD",
                       help="the day it was raised (at stage 1, or at the stage after those given to --tried)")
    where.add_argument("--tried", type=parse_stages, default=None, metavar="1,2",
                       help="the stages already tried before that day, for example 1 or 1,2")
    where.add_argument("--started", metavar="YYYY-MM-DD",
                       help="the day the whole disagreement began, if earlier than --raised")
    where.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD", help="default: today in London")
    where.add_argument("--json", action="store_true", help="print one JSON object")
    where.set_defaults(run=run_where)
    return parser


def count(number, one, many):
    return "%d %s" % (number, one if number == 1 else many)


def check_summary(problems, warnings, files, strict):
    """The last line of `check`: what was found and whether the data can be published."""
    if problems:
        line = "%s found. Nothing can be published until %s fixed." % (
            count(len(problems), "problem", "problems"), "it is" if len(problems) == 1 else "they are")
        return line + (" Also %s to look at." % count(len(warnings), "warning", "warnings") if warnings else "")
    contacts = files["contacts.yaml"].data["contacts"]
    procedures = files["stages.yaml"].data["procedures"]
    line = "No problems: %d procedures, %d stages, %d contacts checked." % (
        len(procedures), sum(len(p["stages"]) for p in procedures), len(contacts))
    if warnings and strict:
        return line + " But %s, and --strict counts %s as problems." % (
            count(len(warnings), "warning", "warnings"), "it" if len(warnings) == 1 else "them")
    if warnings:
        return line + " %s to look at; the site can still be built." % count(len(warnings), "warning", "warnings")
    return line


def run_check(args):
    problems, files = validate.check(args.data or default_data_dir())
    warnings = data_warnings.find(files, args.today or datetime.date.today(), args.max_age_months)
    for item in problems + warnings:
        print(github_command(item) if args.format == "github" else item)
    print(check_summary(problems, warnings, files, args.strict))
    return DATA_ERROR if problems or (warnings and args.strict) else 0


def run_diff(args):
    from stillworried import diff
    try:
        print(diff.report(args.base, args.data, args.today))
    except diff.DiffError as error:
        print("stillworried: %s" % text_policy.visible(error), file=sys.stderr)
        return USAGE_ERROR
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return DATA_ERROR
    return 0


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
            lines.append(indent + "  Phone " + phone["display"] + label + ": NOT A VALID NUMBER in the source; "
                         "do not rely on it")
    for email in contact["emails"]:
        lines.append(indent + "  Email " + email["address"])
    for conflict in contact["conflicts"]:
        lines.append(indent + "  Another source gives " + conflict["phone_text"] + " (" + conflict["name"] + ")")
    if not contact["phones"] and not contact["emails"] and contact.get("note"):
        lines.append(indent + "  " + contact["note"])
    return lines


def limit_lines(limit, heading):
    """A time limit: its date (flagged today or overdue), its rule, how it was counted, and any
    warning; or why it has no date."""
    if limit["date"] is None:
        return [heading + "not worked out. " + limit["missing_words"], "  " + limit["rule"]]
    first = heading + limit["date_words"] + " (" + limit["date"] + ")"
    if limit["status"]:
        first += ". " + limit["status_words"]
    lines = [first, "  " + limit["rule"], "  " + words.capitalise(limit["counted"]) + "."]
    for warning in (limit["non_working_day"], limit["after_overall_words"]):
        if warning:
            lines.append("  NOTE: " + warning)
    return lines


def human(answer):
    lines = [answer["partnership_name"] + ": " + answer["procedure_title"]]
    if answer["status"] == "lapsed":
        lines.append("WARNING: this procedure is past its review date (" + answer["review_due"] + "). "
                     + (answer["status_note"] or ""))
    lines.append("")
    lines.append("Stage %d of %d: %s" % (answer["stage"], answer["stages"], answer["title"]))
    lines.append("This stage began: " + answer["since_words"])
    if answer["started"] and answer["started"] != answer["since"]:
        lines.append("The disagreement began: " + answer["started_words"])
    if answer["today"]:
        lines.append("Today: " + words.long_date(answer["today"]))
    lines.append("")
    main = answer["deadline"]
    if main:
        lines.extend(limit_lines(main, "Deadline: "))
    else:
        lines.append("Deadline: the source sets no time limit for this stage.")
    for item in answer["deadlines"]:
        if not item["headline"]:
            lines.extend(limit_lines(item, "Also: "))
    if answer["overall"]:
        lines.extend(limit_lines(answer["overall"], "Overall: "))
    lines.append("If the child's safety needs it: " + answer["safety_rule"]["text"])
    lines.append("")
    lines.append("Who: " + answer["who"]["raising"] + ", with " + answer["who"]["receiving"] + ".")
    lines.append("What to do:")
    lines.extend("  - " + step for step in answer["do"])
    if answer["send"]:
        lines.append("Send: " + ", ".join(form["title"] for form in answer["send"]))
    if answer["record"]:
        lines.append("Record:")
        lines.extend("  - " + item for item in answer["record"])
    if answer["contacts"]:
        lines.append("Contact:")
        for contact in answer["contacts"]:
            lines.extend(contact_lines(contact))
    if answer["directory"]:
        lines.append("Directory: " + answer["directory"]["title"] + " (%d contacts; see the site)"
                     % len(answer["directory"]["contacts"]))
    for note in answer["notes"]:
        lines.append(note["title"] + ": " + note["text"])
    lines.append("")
    if answer["next"]:
        lines.append("If it is not resolved: stage %d, %s." % (answer["next"]["stage"], answer["next"]["title"]))
    else:
        lines.append("This is the last stage of the procedure.")
    lines.append("Sources:")
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
    except (engine.EngineError, DateError) as error:
        said = str(error)
        if isinstance(error, DateError) and "outside that range" in said:
            said = beyond_calendar(bundle, given) or said
        print("stillworried: %s" % text_policy.visible(text_policy.shorten(said, 300)), file=sys.stderr)
        return None, USAGE_ERROR


def run_next(args):
    answer, code = ask_engine(args, lambda bundle, today: engine.next_step(
        bundle, args.procedure, args.stage, args.since, args.started, today), given_dates(args.since, "--since", args.started))
    if answer is not None:
        print(safe_json(answer) if args.json else text_policy.visible(human(answer), keep_newlines=True))
    return code


def walk_lines(walk):
    """The walk, a line a stage: when it began and ends, and where today falls."""
    lines = []
    for step in walk["steps"]:
        line = "  Stage %d, %s: " % (step["stage"], step["title"])
        if step["tried"]:
            line += "tried before"
        elif step["since"] is None:
            line += "no date"
        else:
            line += "from " + step["since_words"]
            if step["ends"]:
                line += " to " + step["ends_words"]
            elif step["deadline"] and step["deadline"]["date"]:
                line += ", " + step["deadline"]["label"].lower() + " " + step["deadline"]["date_words"]
        if step["state"] == "current":
            line += "  <- today"
        lines.append(line)
    if walk["stopped_words"]:
        lines.append("  " + walk["stopped_words"])
    for holiday in walk["holidays"]:
        lines.append("  Bank holiday: " + holiday["date_words"] + " (" + holiday["name"] + ")")
    return lines


def run_where(args):
    answer, code = ask_engine(args, lambda bundle, today: engine.where_today(
        bundle, args.procedure, args.raised, today, args.tried, args.started), given_dates(args.raised, "--raised", args.started))
    if answer is None:
        return code
    if args.json:
        print(safe_json(answer))
    else:
        print(text_policy.visible("\n".join([answer["where_words"], "", "Each stage given its full time limit:"]
                                            + walk_lines(answer["walk"]) + ["", human(answer)]), keep_newlines=True))
    return 0


def main(argv=None):
    args = make_parser().parse_args(argv)
    return args.run(args)
