"""`next PROCEDURE --stage N --since DATE`: who to contact at a stage, and the deadlines."""
from stillworried import text_policy
from stillworried.core import worded
from stillworried.cli.answers import ask_engine, given_dates, human, safe_json
from stillworried.cli.arguments import parse_stage, parse_today


def add_to(commands):
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


def run_next(args):
    answer, code = ask_engine(args, lambda bundle, today: worded.next_step(
        bundle, args.procedure, args.stage, args.since, args.started, today), given_dates(args.since, "--since", args.started))
    if answer is not None:
        print(safe_json(answer) if args.json else text_policy.visible(human(answer), keep_newlines=True))
    return code
