"""Every phone number and email address printed in the source protocols is in the data, and
every number in the data is printed in the files it cites.

The test reads the sources themselves (../shared/protocols); it does not keep its own list.
Where that folder is absent the tests fail and say so (tests/conftest.py), unless
STILLWORRIED_NO_SOURCES=1 leaves them out.
"""
import re

import pytest

from stillworried import phones as phone_rules
from stillworried import source_documents

PROTOCOLS = source_documents.find().folder  # where `check` finds them (../shared/protocols by default)
pytestmark = pytest.mark.sources

# A UK number as the sources print it: 0 and 9 or 10 more digits, single spaces allowed; or +44.
NUMBER = re.compile(r"(?<![\d+])(?:\+44\s?|0)\d(?:\s?\d){8,9}(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def source_texts():
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(PROTOCOLS.iterdir())
            if path.suffix in (".md", ".txt") and path.name != "README.md"}


def numbers_in(text):
    return {phone_rules.digits(match) for match in NUMBER.findall(text)}


def emails_in(text):
    return {match.lower().rstrip(".") for match in EMAIL.findall(text)}


def data_phones(bundle):
    return [(contact_id, phone) for contact_id, contact in bundle["contacts"].items()
            for phone in contact.get("phones", [])]


def data_emails(bundle):
    return [(contact_id, email) for contact_id, contact in bundle["contacts"].items()
            for email in contact.get("emails", [])]


def test_the_five_sources_are_there():
    assert len(source_texts()) == 5


def test_every_phone_number_in_the_sources_is_in_the_data(bundle):
    in_data = {phone_rules.digits(phone["number"]) for _, phone in data_phones(bundle)}
    missing = {}
    for name, text in source_texts().items():
        for number in numbers_in(text) - in_data:
            missing.setdefault(name, []).append(number)
    assert not missing, "numbers printed in the sources but missing from data/contacts.yaml: %s" % missing
    assert sum(len(numbers_in(text)) for text in source_texts().values()) > 60


def test_999_is_in_the_data_because_the_sources_tell_people_to_call_it(bundle):
    assert any("999" in text for text in source_texts().values())
    assert "999" in {phone["number"] for _, phone in data_phones(bundle)}


def test_every_email_in_the_sources_is_in_the_data(bundle):
    in_data = {email["address"].lower() for _, email in data_emails(bundle)}
    missing = {name: sorted(emails_in(text) - in_data) for name, text in source_texts().items()}
    assert not any(missing.values()), missing


def test_every_number_in_the_data_is_printed_in_each_file_it_cites(bundle):
    texts = source_texts()
    wrong = []
    for contact_id, phone in data_phones(bundle):
        wanted = phone_rules.digits(phone["number"])
        for source in phone["sources"]:
            found = numbers_in(texts[source["file"]]) | ({"999"} if "999" in texts[source["file"]] else set())
            if wanted not in found:
                wrong.append((contact_id, phone["number"], source["file"]))
    assert not wrong, "numbers not printed in the file they cite: %s" % wrong


def test_every_email_in_the_data_is_printed_in_each_file_it_cites(bundle):
    texts = source_texts()
    wrong = [(contact_id, email["address"], source["file"])
             for contact_id, email in data_emails(bundle) for source in email["sources"]
             if email["address"].lower() not in emails_in(texts[source["file"]])]
    assert not wrong


def test_every_quoted_timescale_is_printed_in_its_source(bundle):
    """The data's quote of each time limit is the source's own words (spacing and bold aside)."""
    texts = {name: " ".join(text.replace("**", "").split()) for name, text in source_texts().items()}
    wrong = []
    for procedure in bundle["procedures"].values():
        timescales = [t for stage in procedure["stages"] for t in stage["timescales"]]
        for item in timescales + ([procedure["overall"]] if procedure.get("overall") else []):
            if " ".join(item["quote"].split()) not in texts[item["source"]["file"]]:
                wrong.append((procedure["id"], item["id"], item["quote"]))
    assert not wrong
