"""What the commands share: the exit codes, a parser that says a mistake in one line, and the
readers of the options (dates, stage numbers, months)."""
import argparse
import datetime
import re
import zoneinfo

from stillworried import text_policy
from stillworried.core.workdays import DateError, parse_date

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
