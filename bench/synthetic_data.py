"""Synthetic data for timing the site build: N partnerships made by cloning the real ones.

The first three are Salford, Wigan and Southwark themselves; after them, partnership k is a copy
of one of the three in turn (so any size has the real mix of procedures, forms, guidance sections
and contacts) under new ids, with new (fictional) phone numbers and email addresses, so that the
data passes `python -m stillworried check` like real data. The national contacts (999) and the
glossary entries whose sources are present are kept once. Nothing here is published.
"""
import copy
import itertools
from pathlib import Path

import phonenumbers
import yaml

TEMPLATES = ("salford", "wigan", "southwark")
# Ofcom's numbers for drama: valid UK numbers that are never given to anyone.
DRAMA_RANGES = ["0%s 496 %%04d" % code for code in ("113", "114", "115", "116", "117", "118", "121", "131",
                                                      "141", "151", "161", "191")] + ["020 7946 %04d"]
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
    for block in DRAMA_RANGES:
        for last in range(1000):
            number = block % last
            if phonenumbers.is_valid_number(phonenumbers.parse(number, "GB")):
                yield number


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


def write_data(real_data_dir, target_dir, partnerships):
    """Write stages.yaml, contacts.yaml and guidance.yaml for `partnerships` partnerships into
    target_dir and return it."""
    target_dir = Path(target_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    stages, contacts, guidance = (_read(real_data_dir, name) for name in
                                  ("stages.yaml", "contacts.yaml", "guidance.yaml"))
    out_stages = {"sources": [], "partnerships": [], "forms": [], "procedures": []}
    out_contacts = {"lists": [], "contacts": [_quote_numbers(c) for c in owned_by(contacts["contacts"], "national")]}
    out_guidance = {"guidance": {}, "glossary": []}
    numbers = _numbers()
    for index, template in zip(range(partnerships), itertools.cycle(TEMPLATES)):
        if index < len(TEMPLATES):
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
        for contact in _retarget(owned(contacts["contacts"]), rename):
            for phone in contact.get("phones", []):
                if not phone.get("invalid_in_source"):
                    phone["number"] = next(numbers)
                phone["number"] = PhoneNumber(phone["number"])
            for email in contact.get("emails", []):
                email["address"] = "%s.%s" % (new_id, email["address"])
            out_contacts["contacts"].append(contact)
        if template in guidance["guidance"]:
            out_guidance["guidance"][new_id] = _retarget(copy.deepcopy(guidance["guidance"][template]), rename)
    files = {source["file"] for source in out_stages["sources"]}
    out_guidance["glossary"] = [entry for entry in guidance["glossary"]
                                if {source["file"] for source in _sources(entry)} <= files]
    _write(target_dir, "stages.yaml", out_stages)
    _write(target_dir, "contacts.yaml", out_contacts)
    _write(target_dir, "guidance.yaml", out_guidance)
    return target_dir
