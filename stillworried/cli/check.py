"""`check`: every problem and warning in the data files, then a line saying whether the data
can be published. Exit code 1 when it cannot (or, with --strict, when there are warnings)."""
import datetime

from stillworried import data_warnings, validate
from stillworried.annotations import github_command
from stillworried.cli.arguments import DATA_ERROR, parse_months, parse_today
from stillworried.data import default_data_dir


def add_to(commands):
    check = commands.add_parser("check", help="check the data files and list every problem and warning")
    check.add_argument("--strict", action="store_true", help="fail on warnings too, not only on problems")
    check.add_argument("--max-age-months", type=parse_months, default=data_warnings.DEFAULT_MAX_AGE_MONTHS,
                       metavar="N", help="warn when verified_on is more than N months ago (default: %(default)s)")
    check.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD",
                       help="count ages and review dates from this day instead of today")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: print GitHub Actions annotations, shown on the changed lines of a pull request")
    check.set_defaults(run=run_check)


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
