"""`where PROCEDURE --raised DATE`: for a disagreement raised on a day and not answered since,
which stage it should be at today, whom to contact and by when."""
import sys

from stillworried import text_policy
from stillworried.core import worded
from stillworried.cli import words as cli
from stillworried.cli.answers import ask_engine, given_dates, human, safe_json
from stillworried.cli.arguments import USAGE_ERROR, parse_stage, parse_stages, parse_today


def add_to(commands):
    where = commands.add_parser("where", help="where should I be today? which stage, whom to contact and by when, "
                                              "for a disagreement raised on a day and not answered since")
    where.add_argument("procedure", help="procedure id, for example salford-vcse, wigan or southwark")
    where.add_argument("--raised", required=True, metavar="YYYY-MM-DD",
                       help="the day it was raised (at stage 1, or at the stage after those given to --tried)")
    where.add_argument("--tried", type=parse_stages, default=None, metavar="1,2",
                       help="the stages already tried before that day, for example 1 or 1,2")
    where.add_argument("--started", metavar="YYYY-MM-DD",
                       help="the day the whole disagreement began, if earlier than --raised")
    where.add_argument("--stage", type=parse_stage, metavar="N",
                       help="the later stage it has already been taken to, with --since: the answer is for that "
                            "stage, counted from that day, instead of the walk's assumed day")
    where.add_argument("--since", metavar="YYYY-MM-DD", help="the day it was taken to --stage")
    where.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD", help="default: today in London")
    where.add_argument("--json", action="store_true", help="print one JSON object")
    where.set_defaults(run=run_where)


def walk_lines(walk):
    """The walk, a line a stage: when it began and ends, and where today falls."""
    lines = []
    for step in walk["steps"]:
        line = cli.cli_walk_step(step["stage"], step["title"])
        if step["tried"]:
            line += cli.CLI_TRIED
        elif step["since"] is None:
            line += cli.CLI_NO_DATE
        else:
            line += cli.cli_from(step["since_words"], step["ends"] and step["ends_words"])
            if not step["ends"] and step["deadline"] and step["deadline"]["date"]:
                line += ", " + step["deadline"]["label"].lower() + " " + step["deadline"]["date_words"]
        if step["state"] == "current":
            line += cli.CLI_TODAY_MARK
        lines.append(line)
    if walk["stopped_words"]:
        lines.append("  " + walk["stopped_words"])
    for holiday in walk["holidays"]:
        lines.append(cli.cli_bank_holiday(holiday["date_words"], holiday["name"]))
    return lines


def run_where(args):
    if (args.stage is None) != (args.since is None) or (args.stage is not None and (args.tried or args.started)):
        print("stillworried: --stage and --since go together, without --tried or --started (see --help)",
              file=sys.stderr)
        return USAGE_ERROR
    if args.stage is not None:
        answer, code = ask_engine(args, lambda bundle, today: worded.where_known(
            bundle, args.procedure, args.raised, args.stage, args.since, today),
            given_dates(args.raised, "--raised", None) + [(args.since, "--since")])
    else:
        answer, code = ask_engine(args, lambda bundle, today: worded.where_today(
            bundle, args.procedure, args.raised, today, args.tried, args.started),
            given_dates(args.raised, "--raised", args.started))
    if answer is None:
        return code
    if args.stage is not None:
        print(safe_json(answer) if args.json else text_policy.visible(
            "\n".join([answer["where_words"], "", human(answer)]), keep_newlines=True))
        return 0
    if args.json:
        print(safe_json(answer))
    else:
        print(text_policy.visible("\n".join([answer["where_words"], "", cli.CLI_WALK]
                                            + walk_lines(answer["walk"]) + ["", human(answer)]), keep_newlines=True))
    return 0
