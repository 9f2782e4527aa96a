"""`check`: every problem and warning in the data files, then a line saying whether the data
can be published. Exit code 1 when it cannot (or, with --strict, when there are warnings, or,
with --require-sources, when the source documents were not found to check the data against).
Where the documents were not found, a line before the summary says so: the grounding is never
skipped silently."""
from stillworried import data_warnings, source_documents, validate
from stillworried.annotations import escape_data, github_command
from stillworried.cli.arguments import DATA_ERROR, london_today, parse_months, parse_today
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
    check.add_argument("--sources", metavar="FOLDER",
                       help="the folder of source documents (default: $%s, else ../shared/protocols beside the "
                            "checkout)" % source_documents.ENVIRONMENT)
    check.add_argument("--require-sources", action="store_true",
                       help="fail when the source documents are not found, instead of saying that they were not "
                            "checked (CI sets this; so does %s=1)" % source_documents.REQUIRE)
    check.set_defaults(run=run_check)


def count(number, one, many):
    return "%d %s" % (number, one if number == 1 else many)


NOT_GROUNDED = " Not checked against the source documents (see above)."


def sources_line(documents, required):
    """The line before the summary when the documents were not found: never silent."""
    if documents.found:
        return None
    return ("%s%s" % (documents.summary(), " --require-sources was given, so this fails the check." if required
                      else " The site can still be built here, but CI requires them."))


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
    documents = source_documents.find(args.sources)
    required = args.require_sources or source_documents.required_by_environment()
    today = args.today or london_today()
    problems, files = validate.check(args.data or default_data_dir(), documents, today)
    warnings = data_warnings.find(files, today, args.max_age_months)
    for item in problems + warnings:
        print(github_command(item) if args.format == "github" else item)
    missing = sources_line(documents, required)
    if missing and args.format == "github":
        print("::%s::%s" % ("error" if required else "warning", escape_data(missing)))
    elif missing:
        print(missing)
    print(check_summary(problems, warnings, files, args.strict) + (NOT_GROUNDED if missing else ""))
    return DATA_ERROR if problems or (warnings and args.strict) or (missing and required) else 0
