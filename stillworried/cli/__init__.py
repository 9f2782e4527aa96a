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
from stillworried.cli import check, diff, next_step, where_today
from stillworried.cli.arguments import OneLineParser

COMMANDS = (check, diff, next_step, where_today)


def make_parser():
    parser = OneLineParser(prog="python -m stillworried",
                           description="Safeguarding escalation: who to contact next, and by when.")
    parser.add_argument("--data", help="the data folder (default: ./data)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    for command in COMMANDS:
        command.add_to(commands)
    return parser


def main(argv=None):
    args = make_parser().parse_args(argv)
    return args.run(args)
