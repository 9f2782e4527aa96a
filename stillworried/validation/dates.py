"""Dates and states that cannot be true: a review date decades after its document, a check of
a contact before its document existed or in the future, an office that closes before it opens.

- A document's date (stages.yaml 'sources') is not in the future.
- A procedure's 'review_due' is not before its document's date, nor more than
  MAX_REVIEW_YEARS after it (the sources review every one to two years); where the document
  is undated, not more than MAX_REVIEW_YEARS after today. A procedure marked current whose
  document is dated needs a 'review_due', so that its age cannot pass unseen.
- A contact's 'verified_on' is not in the future, and not before the newest dated document it
  cites (nobody can check details against a document before it was published). Where none of
  its documents is dated, not before the oldest dated document in the list: no check of these
  documents can be older than they are.
- Opening hours close after they open.

A month alone ("2015-01") stands for any day of it, so it is compared by its month.
"""
import datetime
import zoneinfo

from dateutil.relativedelta import relativedelta

from stillworried.validation.data_files import walk
from stillworried.core.workdays import DateError, parse_month_or_date

MAX_REVIEW_YEARS = 3


def when(value):
    """(date, True if only the month is known), or None for a date that cannot be read."""
    if not isinstance(value, str):
        return None
    try:
        return parse_month_or_date(value), len(value) == 7
    except DateError:
        return None  # the cross checks report it


def before(a, b):
    """a is surely before b (a month alone is compared by its month)."""
    (day_a, month_a), (day_b, month_b) = a, b
    if month_a or month_b:
        return (day_a.year, day_a.month) < (day_b.year, day_b.month)
    return day_a < day_b


def after(a, b):
    return before(b, a)


def long(value):
    day, month_only = value
    return day.strftime("%B %Y") if month_only else "%d %s" % (day.day, day.strftime("%B %Y"))


class Dates:
    def __init__(self, files, add, today):
        self.files = files
        self.add = add
        self.today = (today, False)
        stages = files.get("stages.yaml")
        self.dated = {}
        if stages:
            for source in stages.data["sources"]:
                found = when(source.get("date"))
                if found:
                    self.dated[source["file"]] = found

    def check(self):
        stages, contacts = self.files.get("stages.yaml"), self.files.get("contacts.yaml")
        if stages:
            for index, source in enumerate(stages.data["sources"]):
                found = self.dated.get(source["file"])
                if found and after(found, self.today):
                    self.add(stages.problem(("sources", index, "date"), "The document's date, %s, is after today. "
                                            "Write the date printed on the document." % source["date"]))
            for index, procedure in enumerate(stages.data["procedures"]):
                self.review(stages, ("procedures", index), procedure)
        if contacts:
            for index, contact in enumerate(contacts.data["contacts"]):
                self.verified(contacts, ("contacts", index), contact)
                if isinstance(contact.get("hours"), dict):
                    self.hours(contacts, ("contacts", index, "hours"), contact["hours"])

    def review(self, marked, path, procedure):
        document = procedure["source"]["file"]
        dated = self.dated.get(document)
        due = when(procedure.get("review_due"))
        if due is None:
            if dated and procedure["status"] == "current" and "review_due" not in procedure:
                self.add(marked.problem(path + ("status",), "This procedure is marked current, but it has no "
                                        "'review_due', and its document is dated %s. Add the review date printed on "
                                        "the document; if it has passed, set 'status: lapsed'." % long(dated)))
            return
        limit = (dated[0] if dated else self.today[0]) + relativedelta(years=MAX_REVIEW_YEARS)
        if dated and before(due, dated):
            self.add(marked.problem(path + ("review_due",), "'review_due' is %s, before the document's own date (%s). "
                                    "Write the review date the document prints." % (long(due), long(dated))))
        elif after(due, (limit, False)):
            self.add(marked.problem(path + ("review_due",), "'review_due' is %s, more than %d years after %s. "
                                    "Safeguarding procedures are reviewed every year or two: write the review date "
                                    "the document prints (or works out from its own review rule, explained in "
                                    "'status_note'), and if it has passed, set 'status: lapsed'."
                                    % (long(due), MAX_REVIEW_YEARS, "the document's date (%s)" % long(dated)
                                       if dated else "today")))

    def verified(self, marked, path, contact):
        checked = when(contact.get("verified_on"))
        if checked is None:
            return
        here = path + ("verified_on",)
        if after(checked, self.today):
            self.add(marked.problem(here, "'verified_on' is %s, which is after today (%s). Write the day you checked "
                                    "the details against the source; check the year."
                                    % (contact["verified_on"], self.today[0].isoformat())))
            return
        cited = sorted({value["file"] for _, value in walk(contact) if isinstance(value, dict)
                        and isinstance(value.get("file"), str) and value["file"] in self.dated},
                       key=lambda name: self.dated[name][0])
        if cited:
            newest = cited[-1]
            if before(checked, self.dated[newest]):
                self.add(marked.problem(here, "'verified_on' is %s, before %s was published (%s), so the details "
                                        "cannot have been checked against it then. Write the day you checked them "
                                        "against the document." % (contact["verified_on"], newest,
                                                                   long(self.dated[newest]))))
        elif self.dated:
            oldest = min(self.dated.items(), key=lambda item: item[1][0])
            if before(checked, oldest[1]):
                self.add(marked.problem(here, "'verified_on' is %s, before the oldest source document (%s, %s): "
                                        "nobody can have checked these details against the sources then. Write the "
                                        "day you checked them." % (contact["verified_on"], oldest[0],
                                                                   long(oldest[1]))))

    def hours(self, marked, path, hours):
        opens, closes = hours.get("opens"), hours.get("closes")
        if isinstance(opens, str) and isinstance(closes, str) and len(opens) == len(closes) == 5 and closes <= opens:
            self.add(marked.problem(path + ("closes",), "The office closes at %s, %s it opens (%s). Write the hours "
                                    "the source prints, on the 24-hour clock: 5pm is 17:00."
                                    % (closes, "when" if closes == opens else "before", opens)))


def check(files, add, today=None):
    """today: the day to check against (default: London's, whatever the machine's time zone)."""
    today = today or datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London")).date()
    Dates(files, add, today).check()
