"""The command line's own words (`next` and `where`, stillworried/cli/): its labels and lines
around the engine's words, which come from the catalogue (stillworried/core/words/). Kept here,
beside the command line, so the phone is not sent words only a terminal shows."""


def cli_lapsed(review_due, note):
    return "WARNING: this procedure is past its review date (" + review_due + "). " + (note or "")


def cli_stage(number, count, title):
    return "Stage %d of %d: %s" % (number, count, title)


CLI_SINCE = "This stage began: "
CLI_STARTED = "The disagreement began: "
CLI_TODAY = "Today: "
CLI_DEADLINE = "Deadline: "
CLI_NO_DEADLINE = "Deadline: the source sets no time limit for this stage."
CLI_ALSO = "Also: "
CLI_OVERALL = "Overall: "
CLI_NOT_WORKED_OUT = "not worked out. "
CLI_NOTE = "NOTE: "
CLI_READING = "HOW WE READ IT: "
CLI_SAFETY = "If the child's safety needs it: "
CLI_DO = "What to do:"
CLI_SEND = "Send: "
CLI_RECORD = "Record:"
CLI_CONTACT = "Contact:"
CLI_SOURCES = "Sources:"
CLI_WALK = "Each stage given its full time limit:"
CLI_TRIED = "tried before"
CLI_NO_DATE = "no date"
CLI_TODAY_MARK = "  <- today"
CLI_INVALID = ": NOT A VALID NUMBER in the source; do not rely on it"


def cli_who(raising, receiving):
    return "Who: " + raising + ", with " + receiving + "."


def cli_directory(title, count):
    return "Directory: " + title + " (%d contacts; see the site)" % count


def cli_another_source(phone_text, whose):
    return "Another source gives " + phone_text + " (" + whose + ")"


def cli_walk_step(number, title):
    return "  Stage %d, %s: " % (number, title)


def cli_from(since_words, ends_words=None):
    return "from " + since_words + (" to " + ends_words if ends_words else "")


def cli_bank_holiday(date_words, name):
    return "  Bank holiday: " + date_words + " (" + name + ")"
