"""Check the data files and say what is wrong, where, and how to fix it.

The people who edit these files are safeguarding staff, not programmers, and a wrong phone
number shown to a worried volunteer is the worst mistake this site can make. So every
problem is reported as ``file:line:col: message``, the message says what to do, and one
problem never stops the others from being found.
"""
import difflib
import json
import re
import unicodedata
from pathlib import Path

import jsonschema
from email_validator import EmailNotValidError, validate_email

from stillworried import phone_policy, phones, text_policy, yaml_limits, yamlmarks
from stillworried.text_policy import shown
from stillworried.workdays import DateError, parse_date
from stillworried.yamlmarks import Problem

SCHEMA_DIR = Path(__file__).parent / "schemas"
# Each data file and the schema it must follow.
FILES = {
    "stages.yaml": "stages.schema.json",
    "contacts.yaml": "contacts.schema.json",
    "guidance.yaml": "guidance.schema.json",
}
SPECIAL_ORIGINS = ("stage_start", "process_start")
NATIONAL = "national"

FRIENDLY_PATTERNS = {
    "^[a-z][a-z0-9-]*$": "an id: lower-case letters, digits and hyphens, starting with a letter (for example salford-bridge)",
    "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$": "a date written YYYY-MM-DD (or YYYY-MM when the source gives only a month), in quotes",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "a 24-hour time written HH:MM, in quotes (for example \"08:30\")",
    "^[a-z][a-z0-9_-]*$": "stage_start, process_start or the id of an earlier timescale in this stage",
    "^[a-z0-9-]+\\.(md|txt)$": "a file name from the protocols folder (for example wigan-resolution-protocol.txt)",
}
TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a group of fields",
              "boolean": "true or false", "number": "a number", "null": "empty"}


def whole_pattern(validator, pattern, instance, schema):
    """JSON Schema's "pattern", but a pattern written ^...$ must match the whole text.

    jsonschema runs patterns with Python's re.search, where $ also matches before a newline
    at the end: "wigan\n" would pass "^[a-z][a-z0-9-]*$" and publish a folder whose name ends
    in a newline. Here a closing $ means the very end of the text (\\Z), as a reader expects.
    """
    if not validator.is_type(instance, "string"):
        return
    strict = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    if not re.search(strict, instance):
        yield jsonschema.ValidationError("%r does not match %r" % (instance, pattern))


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": whole_pattern})


def load_schema(name):
    with open(SCHEMA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def display_path(path):
    path = Path(path)
    try:
        # The folder is resolved, not the file: a data file that is a link must be named as itself.
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def describe(value):
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return "empty" if value is None else type(value).__name__


def suggest(word, choices, what=None):
    """' Did you mean ...?' naming the closest choice, or '' when none is close.

    A choice that contains what was typed also counts ("bridge" -> "salford-bridge"), as long
    as only one does: maintainers often type the end of an id and leave off the area.
    """
    word = str(word)
    choices = [str(choice) for choice in choices]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = [choice for choice in choices if word.lower() in choice]
        close = close if len(close) == 1 else []
    if not close:
        return ""
    return " Did you mean %s'%s'?" % (what + " " if what else "", close[0])


# How a reference is named in "Did you mean the contact id 'salford-bridge'?"
REFERENCE_WORDS = {"contact": "the contact id", "form": "the form id", "contact list": "the contact list id",
                   "partnership": "the partnership id", "timescale": "the timescale id",
                   "source file": "the source file"}
DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$")
YEAR_FIRST = re.compile(r"^\s*(\d{4})[/.\- ](\d{1,2})[/.\- ](\d{1,2})\s*$")
LOOSE_TIME = re.compile(r"^\s*(\d{1,2})[.:]?(\d{2})\s*$")
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$"


def corrected(pattern, typed):
    """The value written the way the pattern wants, when what was typed is clearly meant as
    one (15/05/2014 -> 2014-05-15, 8.30 -> 08:30); None when we cannot tell."""
    typed = str(typed)
    if pattern == DATE_PATTERN:
        day_first, year_first = DAY_FIRST.match(typed), YEAR_FIRST.match(typed)
        if day_first:
            day, month, year = map(int, day_first.groups())
        elif year_first:
            year, month, day = map(int, year_first.groups())
        else:
            return None
        return "%04d-%02d-%02d" % (year, month, day) if 1 <= day <= 31 and 1 <= month <= 12 else None
    if pattern == TIME_PATTERN:
        found = LOOSE_TIME.match(typed)
        if found and int(found.group(1)) < 24 and int(found.group(2)) < 60:
            return "%02d:%s" % (int(found.group(1)), found.group(2))
    return None


def field_name(path):
    for part in reversed(list(path)):
        if isinstance(part, str):
            return shown(part, 40)
    return "this value"


def schema_problem(marked, error, owners=None):
    """Turn one jsonschema error into a sentence a maintainer can act on.

    owners maps each phone number (E.164) and email address in contacts.yaml to the contact
    that holds it, so a number typed into text can be answered with the id to use instead."""
    path = list(error.absolute_path)
    name = field_name(path)
    instance = error.instance
    kind = error.validator
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extras = [key for key in instance if key not in allowed]
        return [marked.problem(path + [key],
                               "'%s' is not a field we know here.%s The fields allowed here are: %s."
                               % (shown(key), suggest(key, allowed), ", ".join(allowed)), key=True)
                for key in extras]
    if kind == "required":
        missing = [key for key in error.validator_value if key not in instance]
        return [marked.problem(path, "'%s' is missing here. Add it (see data/README.md for what it holds)." % key)
                for key in missing]
    if kind == "type" and not path:
        return [marked.problem(path, "This file should hold groups of fields, like the copy on the main branch, but "
                                     "it is %s. Restore it from the main branch and make your change again."
                                     % describe(instance))]
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        words = " or ".join(TYPE_WORDS.get(item, item) for item in wanted)
        if "string" in wanted and isinstance(instance, (int, float, bool)):
            typed = marked.written(path) or str(instance)
            read = "true/false" if isinstance(instance, bool) else "a number"
            if typed != str(instance) and not isinstance(instance, bool):
                read = "the number %s" % instance
            form = FRIENDLY_PATTERNS.get(error.schema.get("pattern"))
            fixed = corrected(error.schema.get("pattern"), typed)
            return [marked.problem(path, "'%s' must be text in quotes, but YAML read %s as %s. Put it in double "
                                         "quotes%s.%s" % (name, shown(typed), read, ": it should be " + form if form else
                                                          ", exactly as the source prints it",
                                                          ' Write it as %s: "%s".' % (name, fixed) if fixed else ""))]
        return [marked.problem(path, "'%s' should be %s, but it is %s." % (name, words, describe(instance)))]
    if kind == "pattern":
        wanted = FRIENDLY_PATTERNS.get(error.validator_value, "text matching %s" % error.validator_value)
        fixed = corrected(error.validator_value, instance)
        hint = ' Did you mean "%s"?' % fixed if fixed else owner_hint(instance, owners or {}) or retype_hint(instance)
        return [marked.problem(path, "'%s' should be %s, but it is '%s'.%s" % (name, wanted, shown(instance), hint))]
    if kind == "enum":
        choices = [str(choice) for choice in error.validator_value]
        return [marked.problem(path, "'%s' cannot be '%s'.%s Use one of: %s."
                               % (name, shown(instance), suggest(instance, choices), ", ".join(choices)))]
    if kind == "minLength":
        return [marked.problem(path, "'%s' is empty. Write something here or remove the field." % name)]
    if kind == "minItems":
        return [marked.problem(path, "'%s' needs at least %d item(s)." % (name, error.validator_value))]
    if kind == "uniqueItems":
        return [marked.problem(path, "'%s' lists the same thing twice. Remove the repeat." % name)]
    if kind == "not" and "pattern" in error.validator_value and isinstance(instance, str):
        found = re.search(error.validator_value["pattern"], instance)
        return [marked.problem(path, "'%s' contains '%s', which looks like a phone number, email address or web "
                                     "address. Do not write them here: the site takes them from contacts.yaml. Name "
                                     "the contact's id in 'contacts' instead.%s"
                               % (name, shown(found.group(0).strip() if found else instance),
                                  owner_hint(instance, owners or {})))]
    if kind in ("minimum", "maximum"):
        return [marked.problem(path, "'%s' is %s, which is too %s (the %s is %s)."
                               % (name, instance, "small" if kind == "minimum" else "large", kind,
                                  error.validator_value))]
    about = error.schema.get("description") if isinstance(error.schema, dict) else None
    if about:
        return [marked.problem(path, "'%s' is not written the way this field needs. It should be: %s"
                               % (name, about[0].lower() + about[1:]))]
    return [marked.problem(path, "'%s': %s" % (name, error.message))]


def retype_hint(text):
    """What to do about text that does not match its pattern, when nothing better is known:
    spaces around it, a letter from another alphabet that looks like ours, or just correct it."""
    text = str(text)
    if text != text.strip():
        return " Remove the spaces at the start or end."
    foreign = next((char for char in text if ord(char) > 0x7E), None)
    if foreign:
        return (" It contains '%s' (%s), which only looks like a plain letter or digit: retype it."
                % (text_policy.visible(foreign), unicodedata.name(foreign, "an unusual character").lower()))
    return " Correct it to match."


EMAIL_IN_TEXT = re.compile(r"[^\s@,;:()<>]+@[^\s@,;:()<>]+[^\s@,;:()<>.]")
NUMBER_IN_TEXT = re.compile(r"\+?[0-9][0-9 ]{5,}[0-9]")


def owner_hint(text, owners):
    """" 0161 603 4555 is the contact 'salford-bridge-advice'." for the first number or email
    in text that a contact holds, so the maintainer knows which id to write."""
    for found in EMAIL_IN_TEXT.findall(text) + NUMBER_IN_TEXT.findall(text):
        parsed = phones.parse(found) if "@" not in found else None
        key = parsed[0] if parsed else found.lower()
        if key in owners:
            return " %s is the contact '%s'." % (found, owners[key])
    return ""


def number_owners(contacts_data):
    """{E.164 number or lower-case email: contact id} from contacts.yaml, as far as it can be read."""
    owners = {}
    contacts = contacts_data.get("contacts") if isinstance(contacts_data, dict) else None
    for contact in contacts if isinstance(contacts, list) else []:
        if not isinstance(contact, dict) or not isinstance(contact.get("id"), str):
            continue
        for phone in contact.get("phones") or []:
            parsed = phones.parse(phone["number"]) if isinstance(phone, dict) and isinstance(
                phone.get("number"), str) else None
            if parsed:
                owners.setdefault(parsed[0], contact["id"])
        for email in contact.get("emails") or []:
            if isinstance(email, dict) and isinstance(email.get("address"), str):
                owners.setdefault(email["address"].lower(), contact["id"])
    return owners


def contact_references(marked, contacts_file):
    """(path, contact id) for every place a file names a contact: a stage's, note's, route's or
    guidance entry's 'contacts' and a form's 'send_to'. contacts.yaml itself names none."""
    if marked is contacts_file:
        return
    for path, value in walk(marked.data):
        if path and path[-1] in ("contacts", "send_to") and isinstance(value, list):
            for index, item in enumerate(value):
                yield path + (index,), item


def walk(data, path=()):
    """Every (path, value) in the data, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, path + (index,))


class Checker:
    """Collects problems across all data files, then checks the links between them."""

    def __init__(self, data_dir):
        self.data_dir = Path(data_dir)
        self.problems = []
        self.files = {}

    def add(self, problem):
        self.problems.append(problem)

    def read(self):
        loaded = {}
        for name in FILES:
            path = self.data_dir / name
            where = display_path(path)
            try:
                loaded[name] = yamlmarks.load(where, yaml_limits.read_text(path))
            except yaml_limits.FileRefused as refused:
                self.add(Problem(where, refused.line, refused.col, refused.message))
            except Problem as problem:
                self.add(problem)
        owners = number_owners(loaded["contacts.yaml"].data) if "contacts.yaml" in loaded else {}
        for name, marked in loaded.items():
            unpublishable = self.check_strings(marked)
            validator = Validator(load_schema(FILES[name]))
            errors = sorted(validator.iter_errors(marked.data), key=lambda error: list(map(str, error.absolute_path)))
            for error in errors:
                if error.validator == "pattern" and tuple(error.absolute_path) in unpublishable:
                    continue  # the character that breaks the pattern is already reported, with its fix
                for problem in schema_problem(marked, error, owners):
                    self.add(problem)
            if not errors:
                self.files[name] = marked

    def check_strings(self, marked):
        """Report every string (value or field name) holding a character that cannot be
        published (text_policy); return the paths of those values."""
        found = set()
        for path, value in walk(marked.data):
            if path and isinstance(path[-1], str):
                hit = text_policy.problem_in(path[-1])
                if hit:
                    self.add(marked.problem(path, text_policy.message(None, path[-1], *hit), key=True))
            if isinstance(value, str):
                hit = text_policy.problem_in(value, multiline=marked.is_block(path))
                if hit:
                    found.add(path)
                    self.add(marked.problem(path, text_policy.message(field_name(path), value, *hit)))
        return found

    # --- checks that a schema cannot express -------------------------------------------

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

    def check_date(self, marked, path, value):
        if value is None:
            return
        text = value if len(value) == 10 else value + "-01"
        try:
            parse_date(text)
        except DateError:
            self.add(marked.problem(path, "'%s' is not a real date. Check the day and month (YYYY-MM-DD)."
                                    % shown(value)))

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

    def check_contact(self, marked, path, contact, partnerships, lists):
        self.reference(marked, path + ("partnership",), contact["partnership"], partnerships, "partnership")
        self.check_date(marked, path + ("verified_on",), contact.get("verified_on"))
        for index, listing in enumerate(contact.get("lists", [])):
            self.reference(marked, path + ("lists", index), listing, lists, "contact list")
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
            try:
                validate_email(email["address"], check_deliverability=False)
            except EmailNotValidError as error:
                self.add(marked.problem(here, "'%s' is not a valid email address: %s Check it against the source."
                                        % (shown(email["address"]), shown(error, 300))))


def check(data_dir):
    """All problems in the data, sorted by file and line. An empty list means all is well.

    Whatever the files hold, this returns problems and never raises: a pull request is
    untrusted input, and a traceback tells a maintainer nothing. If the checker itself fails on
    something it did not foresee, that is one more problem, which stops the build like any
    other (tests/test_hostile_yaml.py makes sure no known input gets there)."""
    checker = Checker(data_dir)
    try:
        checker.read()
        checker.check_links()
        from stillworried import named_in_text  # it imports this module's patterns
        checker.problems += named_in_text.find(checker.files, checker.problems)
    except Exception as error:  # noqa: BLE001 - the last line of defence, reported as a problem
        checker.files = {}
        checker.add(Problem(display_path(data_dir), 1, 1, UNFORESEEN % (type(error).__name__, shown(error, 200))))
    return sorted(checker.problems, key=Problem.sort_key), checker.files


UNFORESEEN = ("The check stopped on something in the data it did not foresee (%s: %s). Nothing can be published. "
              "Undo the last change to the data and check again, and report this to the site's developers with "
              "the change.")
