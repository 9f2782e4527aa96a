"""A time limit's amount and unit agree with its quote: the data cannot say "within 50 working
days" beside the source's "within 5 working days".

The quote is the source's own sentence (the grounding checks that it is in the source), so the
time limits it states are read from it: "5 working days", "five working days", "a further two
working days", "one working week", "one month", "within further week", "the same working
day". The timescale's amount and unit must be one of them. How a unit may be read:

- "N working days" is N working_days; "N calendar days" is N calendar_days;
- "N days" says neither, so it may be read as N working_days or N calendar_days (the
  timescale's note says which, and why);
- "N working weeks" is 5N working_days;
- "N weeks" is 7N calendar_days or 5N working_days; "a fortnight" is two weeks;
- "N months" is N calendar_months;
- "the same working day" (or "the same day") is same_working_day.

Numbers are written in digits or words (one to sixty, "twenty-one", "a", "an"); "further week"
with no number is one week. This needs only the data, so it runs whether or not the source
documents were found.
"""
import re

WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60}
TENS = ("twenty", "thirty", "forty", "fifty")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER = r"(?:\d+|(?:%s)[\s-](?:%s)|%s)" % ("|".join(TENS), "|".join(UNITS),
                                             "|".join(sorted(WORDS, key=len, reverse=True)))
SEPARATOR = r"[\s-]+"
LIMIT = re.compile(r"\b(?:(?P<number>%s)%s|(?P<further>further)%s)?(?:(?P<kind>working|calendar)%s)?"
                   r"(?P<unit>days?|weeks?|months?|fortnights?)\b" % (NUMBER, SEPARATOR, SEPARATOR, SEPARATOR), re.I)
SAME_DAY = re.compile(r"\bsame\s+(?:working\s+)?day\b", re.I)


def number(words):
    words = words.lower()
    if words.isdigit():
        return int(words)
    parts = re.split(r"[\s-]", words)
    return sum(WORDS[part] for part in parts)


def readings(quote):
    """Every (unit, amount) the quote's words can mean; amount None for same_working_day."""
    found = set()
    if SAME_DAY.search(quote):
        found.add(("same_working_day", None))
    for match in LIMIT.finditer(quote):
        if match.group("number"):
            count = number(match.group("number"))
        elif match.group("further"):
            count = 1
        else:
            continue  # "days" with no number says no time limit
        kind, unit = (match.group("kind") or "").lower(), match.group("unit").lower().rstrip("s")
        if unit == "fortnight":
            unit, count = "week", count * 2
        if unit == "day":
            kinds = {"working": ("working_days",), "calendar": ("calendar_days",)}.get(
                kind, ("working_days", "calendar_days"))
            found |= {(one, count) for one in kinds}
        elif unit == "week":
            found |= {("working_days", 5 * count)} if kind == "working" else {("calendar_days", 7 * count),
                                                                              ("working_days", 5 * count)}
        elif unit == "month":
            found.add(("calendar_months", count))
    return found


def words_for(unit, amount):
    if amount is None:
        return "the same working day"
    return "%d %s" % (amount, unit.replace("_", " ").replace("days", "day" + ("s" if amount != 1 else ""))
                      .replace("months", "month" + ("s" if amount != 1 else "")))


def check_timescale(marked, path, timescale, add):
    """A problem (handed to add) where the amount and unit are not a time limit the quote says."""
    unit, amount = timescale["unit"], timescale.get("amount")
    if unit != "same_working_day" and not isinstance(amount, int):
        return  # the schema and the cross checks report it
    said = readings(timescale["quote"])
    if (unit, amount if unit != "same_working_day" else None) in said:
        return
    at = path + (("amount",) if "amount" in timescale else ("unit",))
    if not said:
        add(marked.problem(at, "The quote of this time limit names no time limit (such as '5 working days' or 'one "
                               "month'), so it cannot show that %s is right. Check the source and quote its sentence "
                               "that says how long." % words_for(unit, amount)))
        return
    add(marked.problem(at, "This time limit is %s, but its quote says %s. Check it against the source: write the "
                           "'amount' and 'unit' the quote says, or quote the sentence of the source that gives this "
                           "time limit."
                       % (words_for(unit, amount), " or ".join(sorted(words_for(*one) for one in said)))))


def check(files, add):
    stages = files.get("stages.yaml")
    if stages is None:
        return
    for index, procedure in enumerate(stages.data["procedures"]):
        here = ("procedures", index)
        if procedure.get("overall"):
            check_timescale(stages, here + ("overall",), procedure["overall"], add)
        for stage_index, stage in enumerate(procedure["stages"]):
            for limit_index, timescale in enumerate(stage["timescales"]):
                check_timescale(stages, here + ("stages", stage_index, "timescales", limit_index), timescale, add)
