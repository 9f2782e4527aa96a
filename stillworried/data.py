"""Turn the checked YAML files into the plain "bundle" the engine reads.

The bundle is dicts, lists, strings and integers only, so the same object can be handed to
the engine in CPython or written as JSON for the browser wizard. Anything derived (E.164
numbers, the members of each contact list, the bank holidays) is computed here, at build
time, from the single copy in data/ and the maintained libraries, never stored twice.
"""
import os
from pathlib import Path

from stillworried import bank_holidays, phone_policy, validate
from stillworried.core import abbreviations


class DataError(Exception):
    """The data has problems; nothing may be built from it."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def default_data_dir():
    """data/ in the current folder, else STILLWORRIED_DATA, else the repository's data/."""
    if os.environ.get("STILLWORRIED_DATA"):
        return Path(os.environ["STILLWORRIED_DATA"])
    here = Path.cwd() / "data"
    if (here / "stages.yaml").exists():
        return here
    return Path(__file__).resolve().parent.parent / "data"


def by_id(items, key="id"):
    return {item[key]: item for item in items}


def with_numbers(contact):
    """A copy of the contact whose phones carry their E.164 form and national display text.
    A number the source prints wrongly keeps its text and gets no E.164, so nothing can dial it."""
    contact = dict(contact)
    numbered = []
    for phone in contact.get("phones", []):
        phone = dict(phone)
        parsed = phone_policy.dialable(phone)
        phone["e164"] = parsed[0] if parsed else None
        phone["display"] = parsed[1] if parsed else phone["number"]
        numbered.append(phone)
    contact["phones"] = numbered
    return contact


def build_bundle(data_dir=None, sources=None):
    """Check the data and return the bundle, or raise DataError listing every problem.
    sources: the source documents to check it against (validate.check; by default they are
    looked for where source_documents says)."""
    problems, files = validate.check(data_dir or default_data_dir(), sources)
    if problems:
        raise DataError(problems)
    stages = files["stages.yaml"].data
    contacts = files["contacts.yaml"].data
    guidance = files["guidance.yaml"].data
    contact_map = {item["id"]: with_numbers(item) for item in contacts["contacts"]}
    # Each list's members in the order of contacts.yaml, gathered in one pass over the contacts.
    members = {}
    for cid, contact in contact_map.items():
        for list_id in dict.fromkeys(contact.get("lists", [])):
            members.setdefault(list_id, []).append(cid)
    lists = {}
    for listing in contacts["lists"]:
        listing = dict(listing)
        listing["contacts"] = list(members.get(listing["id"], []))
        lists[listing["id"]] = listing
    # The agencies a list groups its contacts by, each under "<partnership>/<organisation>".
    agencies = {item["partnership"] + "/" + item["organisation"]: item for item in contacts.get("agencies", [])}
    return {
        "abbreviations": abbreviations.from_glossary(guidance["glossary"]),
        "agencies": agencies,
        "calendar": bank_holidays.calendar_data(),
        "sources": by_id(stages["sources"], key="file"),
        "partnerships": by_id(stages["partnerships"]),
        "forms": by_id(stages["forms"]),
        "procedures": by_id(stages["procedures"]),
        "contacts": contact_map,
        "lists": lists,
        "guidance": guidance,
    }


def engine_bundle(bundle):
    """The part of the bundle the engine reads: what the browser wizard is sent."""
    return {key: value for key, value in bundle.items() if key != "guidance"}
