"""`diff BASE`: what a change to the data changes for users, as a Markdown table for a pull
request (the comparison itself is stillworried/diff.py)."""
import sys

from stillworried import text_policy
from stillworried.cli.arguments import DATA_ERROR, USAGE_ERROR, parse_today
from stillworried.data import DataError


def add_to(commands):
    diff = commands.add_parser("diff", help="what changes for users between a git ref and the data here, "
                                            "as a Markdown table")
    diff.add_argument("base", metavar="BASE", help="the git branch, tag or commit to compare with, for example main")
    diff.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD",
                      help="ask the wizard's questions from this day instead of today")
    diff.set_defaults(run=run_diff)


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
