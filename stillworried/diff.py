"""`python -m stillworried diff BASE`: what a change to the data changes for the people using
the site, as a Markdown table a reviewer can paste into the pull request.

A reviewer should not have to read YAML to see that a number changed. This compares the
data at a git ref (a branch, tag or commit) with the data in the working tree, and lists:

- first, any change to the number of an area's front door or emergency route (the numbers a
  worried person is told to ring first), marked as needing a second reviewer;
- contacts added, removed and changed, old and new numbers and emails side by side;
- time limits that changed, in words;
- the wizard's answers that change: every stage of every procedure is asked through
  ``worded.next_step`` on a few reference dates (today, and the working day before each of
  the next bank holidays, where a wrong calendar shows first), in both versions.

The old data is read with ``git show BASE:data/<file>`` into a temporary folder (git_data.py) and
checked and loaded exactly like the current data, so both go through the one engine.
"""
import datetime
import tempfile
from pathlib import Path

from stillworried import source_documents, text_policy
from stillworried.core import worded
from stillworried.core.words import dates as date_words, limits as words
from stillworried.core.words.answers import stage_title
from stillworried.data import DataError, build_bundle, default_data_dir
from stillworried.git_data import DiffError, data_at
from stillworried.core.workdays import DateError, WorkingCalendar

NEXT_BANK_HOLIDAYS = 3


def cell(value):
    """Text made safe for one Markdown table cell: a | would end the cell and a newline the row;
    < and & would be read as HTML; a control character is shown escaped (text_policy.visible)."""
    text = text_policy.visible(value if value is not None else "", keep_newlines=True)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.replace("|", "\\|").split())


def table(headings, rows):
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def joined(items):
    """Several escaped values in one cell, one per line."""
    return "<br>".join(cell(item) for item in items) or "(none)"


# --- contacts ------------------------------------------------------------------------------

def phone_words(phone):
    text = phone["display"] + (" (" + phone["label"] + ")" if phone.get("label") else "")
    return text if phone["e164"] else text + " (cannot be dialled)"


def contact_details(contact):
    """What a user sees of a contact, field by field."""
    hours = contact.get("hours")
    return {
        "Name": [contact["name"] + (", " + contact["role"] if contact.get("role") else "")],
        "Phone": [phone_words(phone) for phone in contact.get("phones", [])],
        "Email": [email["address"] for email in contact.get("emails", [])],
        "Address": [", ".join(contact["address"])] if contact.get("address") else [],
        "Hours": [hours["text"]] if hours else [],
    }


def contact_name(contact):
    return "%s (`%s`)" % (cell(contact["name"]), contact["id"])


def contact_rows(before, after):
    rows = []
    old, new = before["contacts"], after["contacts"]
    for cid in sorted(set(old) | set(new)):
        if cid not in old:
            details = contact_details(new[cid])
            rows.append([contact_name(new[cid]), "Added", "", joined(details["Phone"] + details["Email"])])
        elif cid not in new:
            details = contact_details(old[cid])
            rows.append([contact_name(old[cid]), "Removed", joined(details["Phone"] + details["Email"]), ""])
        else:
            was, now = contact_details(old[cid]), contact_details(new[cid])
            for what in was:
                if was[what] != now[what]:
                    rows.append([contact_name(new[cid]), what, joined(was[what]), joined(now[what])])
    return rows


# --- front doors and emergency routes --------------------------------------------------------

ROUTES = (("emergency", "Emergency route"), ("front_door", "Front door"))
SECOND_REVIEWER = ("These change a number a worried person is told to ring first: an area's front door or its "
                   "emergency route. **A second reviewer must check each new number against its source before this "
                   "is merged.**")


def route_numbers(bundle):
    """{(partnership id, route): (partnership name, route words, [numbers as shown])}."""
    found = {}
    for pid, partnership in bundle["partnerships"].items():
        for key, words_for in ROUTES:
            route = partnership.get(key) or {}
            numbers = [phone_words(phone) for cid in route.get("contacts", [])
                       for phone in bundle["contacts"].get(cid, {}).get("phones", [])]
            found[(pid, key)] = (partnership["name"], "%s (%s)" % (words_for, route.get("name", "none")), numbers)
    return found


def reviewer_rows(before, after):
    """Rows for every front door or emergency route whose numbers differ."""
    old, new = route_numbers(before), route_numbers(after)
    rows = []
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key), new.get(key)
        if (was or (0, 0, []))[2] != (now or (0, 0, []))[2]:
            name, route, _ = now or was
            rows.append([cell(name), cell(route), joined(was[2] if was else []), joined(now[2] if now else [])])
    return rows


# --- time limits ---------------------------------------------------------------------------

def timescales(bundle):
    """{(procedure id, stage words, timescale id): (procedure title, rule in words)}."""
    found = {}
    for pid, procedure in bundle["procedures"].items():
        if procedure.get("overall"):
            found[(pid, "Whole process", procedure["overall"]["id"])] = (
                procedure["title"], words.timescale_rule(procedure["overall"]))
        for stage in procedure["stages"]:
            for timescale in stage["timescales"]:
                found[(pid, stage_title(stage["number"], stage["title"]), timescale["id"])] = (
                    procedure["title"], words.timescale_rule(timescale))
    return found


def timescale_rows(before, after):
    old, new = timescales(before), timescales(after)
    rows = []
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key), new.get(key)
        if was != now:
            title = (now or was)[0]
            rows.append([cell(title), cell(key[1]), cell(was[1]) if was else "(none)",
                         cell(now[1]) if now else "(none)"])
    return rows


# --- the wizard's answers ------------------------------------------------------------------

def reference_dates(bundle, today):
    """Today and the working day before each of the next few bank holidays (Christmas and New
    Year, Easter...), where counting across the holiday shows up any mistake; only days the
    calendar covers."""
    calendar = WorkingCalendar(bundle["calendar"])
    dates = []
    try:
        dates.append(calendar.check(today))
    except DateError:
        return dates
    for holiday in sorted(bundle["calendar"]["holidays"]):
        if len(dates) > NEXT_BANK_HOLIDAYS:
            break
        day = datetime.date.fromisoformat(holiday) - datetime.timedelta(days=1)
        while day > today and not calendar.is_working_day(day):
            day -= datetime.timedelta(days=1)
        if day > today and day not in dates:
            dates.append(day)
    return dates


def contact_line(contact):
    parts = [contact["name"]]
    if contact["phone_text"]:
        parts.append(contact["phone_text"])
    if contact["email"]:
        parts.append(contact["email"])
    return ", ".join(parts)


def limit_words(limit):
    """A limit's date in words, with any warning on it, or why it has no date."""
    if limit["date"] is None:
        return "no date: " + limit["missing_words"]
    return " ".join(part for part in (limit["date_words"], limit["non_working_day"], limit["after_overall_words"])
                    if part)


def answer_facts(answer):
    """What the wizard tells the user, as {what: words}."""
    facts = {"Status": answer["status"]}
    facts["Deadline"] = limit_words(answer["deadline"]) if answer["deadline"] else "no time limit"
    for item in answer["deadlines"]:
        if not item["headline"]:
            facts["Time limit '%s'" % item["id"]] = limit_words(item)
    if answer["overall"]:
        facts["Overall deadline"] = limit_words(answer["overall"])
    facts["Contacts"] = "; ".join(contact_line(contact) for contact in answer["contacts"]) or "none"
    facts["Next stage"] = ("Stage %d, %s: %s" % (answer["next"]["stage"], answer["next"]["title"], "; ".join(
        contact_line(contact) for contact in answer["next"]["contacts"]) or "no contacts")
                           if answer["next"] else "none (last stage)")
    return facts


def ask(bundle, pid, number, since):
    """The wizard's facts for one question, or None when this version has no such stage."""
    if pid not in bundle["procedures"] or number not in [s["number"] for s in bundle["procedures"][pid]["stages"]]:
        return None
    try:
        # Asked as if the disagreement began the day the stage did, so the overall limit has a
        # date to compare at every stage (the wizard never assumes this for a person).
        return answer_facts(worded.next_step(bundle, pid, number, since.isoformat(), since.isoformat()))
    except DateError:
        return None  # a deadline past the calendar's last year: neither version can answer


def answer_rows(before, after, dates):
    """Rows for every (procedure, stage, fact) whose answer differs, the dates it differs on
    gathered in one cell so a changed phone number is one row, not one per date."""
    changes = {}
    for pid in sorted(set(before["procedures"]) | set(after["procedures"])):
        procedure = after["procedures"].get(pid) or before["procedures"][pid]
        numbers = sorted({s["number"] for bundle in (before, after) if pid in bundle["procedures"]
                          for s in bundle["procedures"][pid]["stages"]})
        for number in numbers:
            for since in dates:
                was, now = ask(before, pid, number, since), ask(after, pid, number, since)
                if was is None and now is None:
                    continue
                if was is None or now is None:
                    was, now = ({"Stage": "(no such stage)" if facts is None else "exists"} for facts in (was, now))
                for what in dict.fromkeys(list(was) + list(now)):
                    old, new = was.get(what, "(none)"), now.get(what, "(none)")
                    if old != new:
                        changes.setdefault((procedure["title"], number, what, old, new), []).append(since)
    rows = []
    for (title, number, what, old, new), on in changes.items():
        when = "every date checked" if len(on) == len(dates) else "; ".join(
            date_words.long_date(day.isoformat()) for day in on)
        rows.append([cell(title), str(number), cell(when), cell(what), cell(old), cell(new)])
    return rows


def compare(before, after, base, dates):
    """The Markdown report for two bundles."""
    sections = ["## What changes for users (`%s` → this branch)" % cell(base)]
    reviewed = reviewer_rows(before, after)
    contacts = contact_rows(before, after)
    limits = timescale_rows(before, after)
    answers = answer_rows(before, after, dates)
    if not (reviewed or contacts or limits or answers):
        sections.append("Nothing changes for users: every contact, time limit and wizard answer is the same.")
        return "\n\n".join(sections)
    if reviewed:
        sections += ["### Needs a second reviewer", SECOND_REVIEWER,
                     table(["Area", "Route", "Before", "After"], reviewed)]
    if contacts:
        sections += ["### Contacts", table(["Contact", "What", "Before", "After"], contacts)]
    if limits:
        sections += ["### Time limits", table(["Procedure", "Stage", "Before", "After"], limits)]
    if not dates:
        sections += ["### The wizard's answers", "Not checked: today is outside the years the bank holiday "
                                                 "calendar covers."]
    elif answers:
        checked = "; ".join(date_words.long_date(day.isoformat()) for day in dates)
        sections += ["### The wizard's answers",
                     "Every stage of every procedure, asked as if it began on each of: %s." % checked,
                     table(["Procedure", "Stage", "Began on", "What", "Before", "After"], answers)]
    else:
        sections += ["### The wizard's answers", "No answer changes on the dates checked."]
    return "\n\n".join(sections)


def report(base, data_dir=None, today=None):
    """Compare the data at git ref base with the data in data_dir (default: ./data)."""
    data_dir = Path(data_dir or default_data_dir())
    after = build_bundle(data_dir)
    with tempfile.TemporaryDirectory(prefix="stillworried-diff-") as folder:
        base = data_at(base, data_dir, folder)
        try:
            # The other commit's data is compared, not published: it is not checked against
            # today's documents, which may have changed since.
            before = build_bundle(folder, source_documents.NotFound(folder, "the data of another commit is compared"))
        except DataError as error:
            raise DiffError("The data at '%s' has problems of its own, so it cannot be compared (the first: %s). "
                            "Compare with a commit whose data passes check." % (base, error.problems[0].message))
    return compare(before, after, base, reference_dates(after, today or datetime.date.today()))
