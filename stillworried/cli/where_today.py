"""`where PROCEDURE --raised DATE`: for a disagreement raised on a day and not answered since,
which stage it should be at today, whom to contact and by when."""
from stillworried import engine, text_policy
from stillworried.cli.answers import ask_engine, given_dates, human, safe_json
from stillworried.cli.arguments import parse_stages, parse_today


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
    where.add_argument("--today", type=parse_today, metavar="YYYY-MM-DD", help="default: today in London")
    where.add_argument("--json", action="store_true", help="print one JSON object")
    where.set_defaults(run=run_where)


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
