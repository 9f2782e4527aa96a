"""The checks a schema cannot express: ids used once, every reference naming something that
exists, stages numbered in order, timescales counting from an earlier one, real dates, phone
numbers that can be dialled and email addresses that can be written to.

Each check is given only the files that passed their schema; a file with problems of its own
is not checked against (one problem never hides another)."""
from email_validator import EmailNotValidError, validate_email

from stillworried import email_policy, phone_policy, phones
from stillworried import text_policy
from stillworried.text_policy import shown
from stillworried.validation.data_files import walk
from stillworried.validation.suggestions import suggest
from stillworried.core.workdays import DateError, parse_month_or_date

SPECIAL_ORIGINS = ("stage_start", "process_start")
NATIONAL = "national"
# How a reference is named in "Did you mean the contact id 'salford-bridge'?"
REFERENCE_WORDS = {"contact": "the contact id", "form": "the form id", "contact list": "the contact list id",
                   "partnership": "the partnership id", "timescale": "the timescale id",
                   "source file": "the source file"}


def squeezed(text):
    """Text with its spacing made single and its letters small, to find a quote's words in it."""
    return " ".join(text.lower().split())


def contact_references(marked, contacts_file):
    """(path, contact id) for every place a file names a contact: a stage's, note's, route's or
    guidance entry's 'contacts' and a form's 'send_to'. contacts.yaml itself names none."""
    if marked is contacts_file:
        return
    for path, value in walk(marked.data):
        if path and path[-1] in ("contacts", "send_to") and isinstance(value, list):
            for index, item in enumerate(value):
                yield path + (index,), item


class CrossChecks:
    """The links between the files that passed their schema (files: {name: MarkedData}),
    each problem handed to add."""

    def __init__(self, files, add):
        self.files = files
        self.add = add

    def unique(self, marked, items, path, what, key="id"):
        seen = {}
        for index, item in enumerate(items):
            value = item.get(key)
            if value in seen:
                self.add(marked.problem(path + (index, key),
                                        "The %s '%s' is used twice (first on line %d). Each %s needs its own."
                                        % (what, shown(value), marked.where(path + (seen[value], key))[0], what)))
            else:
                seen[value] = index
        return set(seen)

    def reference(self, marked, path, value, known, what, where=""):
        """known is None when the file that defines them could not be read: nothing to check against."""
        if known is not None and value not in known:
            self.add(marked.problem(path, "There is no %s '%s'%s.%s Check the spelling, or add it first."
                                    % (what, shown(value), where,
                                       suggest(value, sorted(known), REFERENCE_WORDS.get(what)))))

    def check_links(self):
        stages = self.files.get("stages.yaml")
        contacts = self.files.get("contacts.yaml")
        guidance = self.files.get("guidance.yaml")
        # What each file defines; None when the file has problems of its own, so that links into
        # it are not checked but everything else still is (one problem never hides another).
        source_files = partnerships = forms = lists = contact_ids = with_national = None
        if stages:
            s = stages.data
            source_files = self.unique(stages, s["sources"], ("sources",), "source file", key="file")
            partnerships = self.unique(stages, s["partnerships"], ("partnerships",), "partnership")
            forms = self.unique(stages, s["forms"], ("forms",), "form")
            self.unique(stages, s["procedures"], ("procedures",), "procedure")
            with_national = partnerships | {NATIONAL}
        if contacts:
            c = contacts.data
            lists = self.unique(contacts, c["lists"], ("lists",), "contact list")
            contact_ids = self.unique(contacts, c["contacts"], ("contacts",), "contact")

        for marked in filter(None, (stages, contacts, guidance)):
            for path, value in walk(marked.data):
                if path and path[-1] in ("source",) and isinstance(value, dict) and "file" in value:
                    self.reference(marked, path + ("file",), value["file"], source_files, "source file")
                if path and path[-1] == "sources" and isinstance(value, list) and marked is not stages:
                    for index, item in enumerate(value):
                        if isinstance(item, dict) and "file" in item:
                            self.reference(marked, path + (index, "file"), item["file"], source_files, "source file")
            for path, contact_id in contact_references(marked, contacts):
                self.reference(marked, path, contact_id, contact_ids, "contact")

        if stages:
            for index, source in enumerate(s["sources"]):
                self.reference(stages, ("sources", index, "partnership"), source["partnership"], partnerships,
                               "partnership")
                self.check_date(stages, ("sources", index, "date"), source.get("date"))
            for index, form in enumerate(s["forms"]):
                self.reference(stages, ("forms", index, "partnership"), form["partnership"], partnerships, "partnership")
            for index, procedure in enumerate(s["procedures"]):
                self.check_procedure(stages, ("procedures", index), procedure, partnerships, forms, lists)
        if contacts:
            for index, listing in enumerate(c["lists"]):
                self.reference(contacts, ("lists", index, "partnership"), listing["partnership"], partnerships,
                               "partnership")
            for index, contact in enumerate(c["contacts"]):
                self.check_contact(contacts, ("contacts", index), contact, with_national, lists)
            self.check_agencies(contacts, c, partnerships)

    def check_agencies(self, marked, c, partnerships):
        """Each agency is named as its contacts name it, once per partnership, and a contact put
        first is one of that agency's contacts in that list."""
        seen = {}
        lists = {listing["id"]: listing for listing in c["lists"]}
        for index, agency in enumerate(c.get("agencies", [])):
            here = ("agencies", index)
            self.reference(marked, here + ("partnership",), agency["partnership"], partnerships, "partnership")
            key = (agency["partnership"], agency["organisation"])
            if key in seen:
                self.add(marked.problem(here + ("organisation",), "The agency '%s' is listed twice for %s (first on "
                                        "line %d). Each agency needs one entry."
                                        % (shown(agency["organisation"]), shown(agency["partnership"]),
                                           marked.where(("agencies", seen[key], "organisation"))[0])))
            seen.setdefault(key, index)
            names = [agency["organisation"]] + agency.get("also_printed_as", [])
            own = [contact for contact in c["contacts"] if contact["partnership"] == agency["partnership"]
                   and (contact["organisation"] in names
                        or any(under["organisation"] in names for under in contact.get("listed_under", [])))]
            if not own:
                names = sorted(set(contact["organisation"] for contact in c["contacts"]
                                   if contact["partnership"] == agency["partnership"]))
                self.add(marked.problem(here + ("organisation",), "No contact of %s has the organisation '%s'. Write "
                                        "it exactly as the contacts' 'organisation'.%s"
                                        % (shown(agency["partnership"]), shown(agency["organisation"]),
                                           suggest(agency["organisation"], names, "the organisation"))))
            for first_index, first in enumerate(agency.get("first", [])):
                at = here + ("first", first_index)
                if first["list"] not in lists:
                    self.reference(marked, at + ("list",), first["list"], set(lists), "contact list")
                    continue
                members = [contact["id"] for contact in own if first["list"] in contact.get("lists", [])]
                if first["contact"] not in members:
                    self.add(marked.problem(at + ("contact",), "'%s' is not one of %s's contacts in the list '%s'. "
                                            "Choose one of: %s."
                                            % (shown(first["contact"]), shown(agency["organisation"]),
                                               shown(first["list"]), ", ".join(members) or "(none)")))

    def check_date(self, marked, path, value):
        if value is None:
            return
        try:
            parse_month_or_date(value)
        except DateError:
            self.add(marked.problem(path, text_policy.not_a_real_date(value)))

    def check_timescales(self, marked, path, timescales, overall=False):
        earlier = set()
        for index, timescale in enumerate(timescales):
            here = path if overall else path + (index,)
            origin = timescale["counts_from"]
            if overall and origin != "process_start":
                self.add(marked.problem(here + ("counts_from",),
                                        "The overall time limit must count from process_start."))
            elif origin not in SPECIAL_ORIGINS and origin not in earlier:
                self.add(marked.problem(here + ("counts_from",),
                                        "'counts_from' is '%s', but it must be stage_start, process_start or the id "
                                        "of an earlier timescale in this stage (%s).%s"
                                        % (shown(origin), ", ".join(sorted(earlier)) or "there is none",
                                           suggest(origin, sorted(earlier) + list(SPECIAL_ORIGINS)))))
            if timescale["unit"] == "same_working_day" and "amount" in timescale:
                self.add(marked.problem(here + ("amount",), "A same_working_day timescale has no amount. Remove it."))
            if timescale["unit"] != "same_working_day" and "amount" not in timescale:
                self.add(marked.problem(here, "This timescale needs an 'amount': how many %s."
                                        % timescale["unit"].replace("_", " ")))
            if not overall and "applies_to_stages" in timescale:
                self.add(marked.problem(here + ("applies_to_stages",),
                                        "Only the overall time limit can have 'applies_to_stages'. Remove it "
                                        "from this stage's time limit."))
            if timescale["id"] in earlier:
                self.add(marked.problem(here + ("id",), "Two timescales in this stage are called '%s'."
                                        % shown(timescale["id"])))
            for reading_index, reading in enumerate(timescale.get("readings", [])):
                if squeezed(reading["words"]) not in squeezed(timescale["quote"]):
                    self.add(marked.problem(here + ("readings", reading_index, "words"),
                                            "'%s' is not in this timescale's quote. Copy the words read two ways "
                                            "exactly from the quote." % shown(reading["words"])))
            earlier.add(timescale["id"])
        return earlier

    def check_procedure(self, marked, path, procedure, partnerships, forms, lists):
        self.reference(marked, path + ("partnership",), procedure["partnership"], partnerships, "partnership")
        self.check_date(marked, path + ("review_due",), procedure.get("review_due"))
        if procedure["status"] == "lapsed" and "review_due" not in procedure:
            self.add(marked.problem(path + ("status",), "A lapsed procedure needs 'review_due': the review date "
                                                        "printed on the document."))
        if procedure.get("overall"):
            self.check_timescales(marked, path + ("overall",), [procedure["overall"]], overall=True)
            numbers = [stage["number"] for stage in procedure["stages"]]
            for index, number in enumerate(procedure["overall"].get("applies_to_stages", [])):
                if number not in numbers:
                    self.add(marked.problem(path + ("overall", "applies_to_stages", index),
                                            "This procedure has no stage %d. 'applies_to_stages' lists stage numbers "
                                            "from 1 to %d." % (number, len(numbers))))
        for index, stage in enumerate(procedure["stages"]):
            here = path + ("stages", index)
            if stage["number"] != index + 1:
                self.add(marked.problem(here + ("number",), "Stages must be numbered 1, 2, 3... in order; this one "
                                                            "should be %d." % (index + 1)))
            ids = self.check_timescales(marked, here + ("timescales",), stage["timescales"])
            if "deadline" in stage:
                self.reference(marked, here + ("deadline",), stage["deadline"], ids, "timescale", " in this stage")
            for form_index, form in enumerate(stage.get("send", [])):
                self.reference(marked, here + ("send", form_index), form, forms, "form")
            if "directory" in stage:
                self.reference(marked, here + ("directory",), stage["directory"], lists, "contact list")
            self.check_reachable(marked, here, stage)
        numbers = [stage["number"] for stage in procedure["stages"]]
        for index, item in enumerate(procedure.get("follow_ups", [])):
            here = path + ("follow_ups", index)
            ids = self.check_timescales(marked, here + ("timescales",), item["timescales"])
            for t_index, timescale in enumerate(item["timescales"]):
                if timescale["counts_from"] == "process_start":
                    self.add(marked.problem(here + ("timescales", t_index, "counts_from"),
                                            "A follow-up's time limits count from the day it was done: write "
                                            "stage_start (or the id of an earlier timescale)."))
            self.reference(marked, here + ("deadline",), item["deadline"], ids, "timescale", " in this follow-up")
            if item["then"] not in numbers:
                self.add(marked.problem(here + ("then",), "This procedure has no stage %d. 'then' is the stage "
                                        "number the source's route leads to, from 1 to %d."
                                        % (item["then"], len(numbers))))
            if [other["id"] for other in procedure["follow_ups"]].count(item["id"]) > 1:
                self.add(marked.problem(here + ("id",), "Two follow-ups of this procedure are called '%s'."
                                        % shown(item["id"])))

    def check_reachable(self, marked, here, stage):
        """A stage names whom to call (contacts or a directory), or says that its source gives no
        number (no_number), so the answer never shows nothing; never both."""
        named = stage["contacts"] or "directory" in stage
        if "no_number" in stage and named:
            self.add(marked.problem(here + ("no_number",), "This stage has its own %s, so its source does give a way "
                                    "to reach someone. Remove 'no_number', or the %s."
                                    % (("'contacts'", "contacts") if stage["contacts"] else ("'directory'", "directory"))))
        if "no_number" not in stage and not named:
            self.add(marked.problem(here + ("contacts",), "This stage has no contacts and no directory. If the "
                                    "source gives no number for it, add 'no_number': for whom, how to reach them "
                                    "instead, and the source's section."))

    def check_contact(self, marked, path, contact, partnerships, lists):
        self.reference(marked, path + ("partnership",), contact["partnership"], partnerships, "partnership")
        self.check_date(marked, path + ("verified_on",), contact.get("verified_on"))
        for index, listing in enumerate(contact.get("lists", [])):
            self.reference(marked, path + ("lists", index), listing, lists, "contact list")
        for index, under in enumerate(contact.get("listed_under", [])):
            if under["list"] not in contact.get("lists", []):
                self.add(marked.problem(path + ("listed_under", index, "list"),
                                        "'%s' is not one of this contact's lists (%s). Add it to 'lists', or name "
                                        "one of them." % (shown(under["list"]), ", ".join(contact.get("lists", []))
                                                          or "it has none")))
        if not contact.get("phones") and not contact.get("emails") and not contact.get("address") \
                and not contact.get("note"):
            self.add(marked.problem(path, "This contact has no phone, email or address. Add one, or a 'note' "
                                          "saying the source gives none."))
        for index, phone in enumerate(contact.get("phones", [])):
            here = path + ("phones", index, "number")
            number = phone["number"]
            if marked.is_plain_scalar(here):
                self.add(marked.problem(here, "Put the phone number in double quotes: number: \"%s\". "
                                              "Without quotes YAML can change it (07... can become another number, "
                                              "and the + of +44 is dropped)." % shown(marked.written(here) or number)))
                continue
            parsed = phones.parse(number)
            if phone.get("invalid_in_source"):
                if parsed:
                    self.add(marked.problem(here, "'%s' is a valid number, so remove 'invalid_in_source: true'."
                                            % shown(number)))
                continue
            if not parsed:
                # A letter for a digit is a typing slip, never how a source prints a number.
                keep = "" if phones.LOOKALIKE_LETTERS.search(number) else (
                    " If the source really prints it like this, keep it and add 'invalid_in_source: true' with a note.")
                self.add(marked.problem(here, "'%s' is not a valid UK phone number: %s%s"
                                        % (shown(number), phones.why_invalid(number), keep)))
                continue
            refused = phone_policy.refusal(number)
            if refused:
                self.add(marked.problem(here, refused))
        for index, email in enumerate(contact.get("emails", [])):
            here = path + ("emails", index, "address")
            refused = email_policy.refusal(email["address"])
            if refused:
                self.add(marked.problem(here, refused))
                continue
            try:
                validate_email(email["address"], check_deliverability=False)
            except EmailNotValidError as error:
                self.add(marked.problem(here, "'%s' is not a valid email address: %s Check it against the source."
                                        % (shown(email["address"]), shown(error, 300))))

