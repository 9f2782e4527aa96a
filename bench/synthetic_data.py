"""Synthetic data for timing the site build: N partnerships made by cloning the real ones.

The first three are Salford, Wigan and Southwark themselves; after them, partnership k is a copy
of one of the three in turn (so any size has the real mix of procedures, forms, guidance sections
and contacts) under new ids, with new phone numbers and email addresses, so that the data passes
`python -m stillworried check` like real data. The national contacts (999) and the glossary
entries whose sources are present are kept once. Nothing here is published.

The check reads the source documents, so each copy has its own: the template's documents with
the copy's numbers and addresses printed where the template's were, written to a folder beside
the data folder (documents_of), each recorded with its sha256. Give that
folder to the check and the build (`check --sources`, STILLWORRIED_SOURCES).

The numbers are valid landlines outside Ofcom's drama ranges, which the check refuses (nobody
can be reached on them): numbers that may belong to someone, so the synthetic site is for
timing on this machine only, never to be served to anyone.
"""
import copy
import hashlib
import itertools
import re
from pathlib import Path

import phonenumbers
import yaml

from stillworried import phone_policy

TEMPLATES = ("salford", "wigan", "southwark")
# Blocks of landline numbers to draw from (each checked by libphonenumber and the phone policy).
NUMBER_BLOCKS = ["0%s %d %%04d" % (code, block) for code in ("161", "113", "114", "115", "116", "117", "121")
                 for block in range(300, 1000)]
DOCUMENTS = "protocols"
GLOBAL_ID_KEYS = ("id", "partnership", "file", "contacts", "send_to", "send", "directory", "lists", "list", "document",
                  "team")


class PhoneNumber(str):
    """A phone number: written in double quotes, as the data's rules want."""


class _Dumper(yaml.SafeDumper):
    """Writes like the real data: plain text, phone numbers in double quotes."""


_Dumper.add_representer(PhoneNumber, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                                                                     style='"'))


def _read(folder, name):
    return yaml.safe_load((Path(folder) / name).read_text())


def _write(folder, name, data):
    (Path(folder) / name).write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096))


def _numbers():
    for block in NUMBER_BLOCKS:
        for last in range(10000):
            number = block % last
            if phonenumbers.is_valid_number(phonenumbers.parse(number, "GB")) and phone_policy.callable(number):
                yield number


def documents_of(data_dir):
    """The folder of the synthetic data's source documents: beside the data folder, named after
    it ("data-150" has "data-150-protocols"), so that several sizes can sit in one folder."""
    return Path(data_dir).parent / ("%s-%s" % (Path(data_dir).name, DOCUMENTS))


def _printed(digits):
    """A pattern for a number (its digits) however a document spaces it."""
    return re.compile(r"(?<![\d+])" + r"[ -]?".join(digits) + r"(?!\d)")


def _write_documents(real_sources, folder, template_files, rename, numbers, emails):
    """The template's documents as the copy's: new names, its numbers and emails printed."""
    written = {}
    for name in template_files:
        text = (Path(real_sources) / name).read_text(encoding="utf-8")
        for old, new in numbers.items():
            text = _printed(old).sub(new, text)
        for old, new in emails.items():
            text = re.sub(re.escape(old), new, text, flags=re.I)
        target = folder / rename(name)
        target.write_text(text, encoding="utf-8")
        written[rename(name)] = hashlib.sha256(target.read_bytes()).hexdigest()
    return written


def _quote_numbers(contact):
    for phone in contact.get("phones", []):
        phone["number"] = PhoneNumber(phone["number"])
    return contact


def owned_by(items, partnership):
    """The items of one partnership (a partnership itself has no 'partnership' key, only its id)."""
    return [item for item in items if item.get("partnership", item.get("id")) == partnership]


def _sources(data):
    """Every source a piece of data names."""
    if isinstance(data, dict):
        found = [data] if isinstance(data.get("file"), str) else []
        return found + [s for value in data.values() for s in _sources(value)]
    if isinstance(data, list):
        return [s for value in data for s in _sources(value)]
    return []


def _renamer(template, new_id, known):
    """Maps every id and source file of the template partnership to the clone's own."""
    def rename(value):
        if value not in known:
            return value
        if value == template or value.startswith(template + "-"):
            return new_id + value[len(template):]
        return new_id + "-" + value
    return rename


def _retarget(data, rename):
    """A deep copy of data with the ids it points at (contacts, forms, lists, files...) renamed.
    Local ids (stage numbers, timescale ids, section ids) are not in `known`, so stay as they are."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if key in GLOBAL_ID_KEYS and isinstance(value, str):
                out[key] = rename(value)
            elif key in GLOBAL_ID_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                out[key] = [rename(v) for v in value]
            else:
                out[key] = _retarget(value, rename)
        return out
    if isinstance(data, list):
        return [_retarget(value, rename) for value in data]
    return data


def write_data(real_data_dir, target_dir, partnerships, real_sources=None):
    """Write stages.yaml, contacts.yaml and guidance.yaml for `partnerships` partnerships into
    target_dir, and their source documents into documents_of(target_dir) (copied from
    real_sources, by default where the check finds the real ones); return target_dir."""
    from stillworried import source_documents
    real_sources = Path(real_sources) if real_sources else source_documents.find().folder
    target_dir = Path(target_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    documents = documents_of(target_dir)
    documents.mkdir(parents=True, exist_ok=True)
    fingerprints = {}
    stages, contacts, guidance = (_read(real_data_dir, name) for name in
                                  ("stages.yaml", "contacts.yaml", "guidance.yaml"))
    out_stages = {"sources": [], "partnerships": [], "forms": [], "procedures": []}
    out_contacts = {"lists": [], "contacts": [_quote_numbers(c) for c in owned_by(contacts["contacts"], "national")]}
    out_guidance = {"guidance": {}, "glossary": []}
    numbers = _numbers()
    for index, template in zip(range(partnerships), itertools.cycle(TEMPLATES)):
        if index < len(TEMPLATES):
            for source in owned_by(stages["sources"], template):
                fingerprints.update(_write_documents(real_sources, documents, [source["file"]], str, {}, {}))
            for key in out_stages:
                out_stages[key] += owned_by(stages[key], template)
            out_contacts["lists"] += owned_by(contacts["lists"], template)
            out_contacts["contacts"] += [_quote_numbers(c) for c in owned_by(contacts["contacts"], template)]
            if template in guidance["guidance"]:
                out_guidance["guidance"][template] = guidance["guidance"][template]
            continue
        new_id = "area%03d" % (index + 1)
        owned = lambda items: owned_by(items, template)  # noqa: E731
        known = {template} | {item["id"] for key in ("partnerships", "forms", "procedures") for item in owned(stages[key])}
        known |= {item["file"] for item in owned(stages["sources"])}
        known |= {item["id"] for key in ("lists", "contacts") for item in owned(contacts[key])}
        known |= {item["team"] for item in owned(contacts["contacts"]) if "team" in item}
        rename = _renamer(template, new_id, known)
        for key in out_stages:
            out_stages[key] += _retarget(owned(stages[key]), rename)
        clone = out_stages["partnerships"][-1]
        clone["name"] = "Area %d (from %s)" % (index + 1, clone["name"])
        clone["full_name"] = "Area %d Safeguarding Children Partnership" % (index + 1)
        out_contacts["lists"] += _retarget(owned(contacts["lists"]), rename)
        renumbered, readdressed = {}, {}
        for contact in _retarget(owned(contacts["contacts"]), rename):
            for phone in contact.get("phones", []):
                if not phone.get("invalid_in_source"):
                    # One new number for each of the template's, however a contact spaces it.
                    digits = re.sub(r"\D", "", phone["number"])
                    phone["number"] = renumbered.setdefault(digits, next(numbers))
                phone["number"] = PhoneNumber(phone["number"])
            for email in contact.get("emails", []):
                readdressed[email["address"]] = "%s.%s" % (new_id, email["address"])
                email["address"] = readdressed[email["address"]]
            out_contacts["contacts"].append(contact)
        fingerprints.update(_write_documents(real_sources, documents,
                                             [item["file"] for item in owned(stages["sources"])], rename,
                                             renumbered, readdressed))
        if template in guidance["guidance"]:
            out_guidance["guidance"][new_id] = _retarget(copy.deepcopy(guidance["guidance"][template]), rename)
    for source in out_stages["sources"]:
        source["sha256"] = fingerprints[source["file"]]
    files = {source["file"] for source in out_stages["sources"]}
    out_guidance["glossary"] = [entry for entry in guidance["glossary"]
                                if {source["file"] for source in _sources(entry)} <= files]
    _write(target_dir, "stages.yaml", out_stages)
    _write(target_dir, "contacts.yaml", out_contacts)
    _write(target_dir, "guidance.yaml", out_guidance)
    return target_dir
