"""Hints added to a problem so the maintainer knows what to write: the closest id they may
have meant, the value rewritten the way the schema wants it, the contact that holds a number
typed into text, or what is odd about text that looks right."""
import difflib
import re
import unicodedata

from stillworried import phones, text_policy


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


DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$")
YEAR_FIRST = re.compile(r"^\s*(\d{4})[/.\- ](\d{1,2})[/.\- ](\d{1,2})\s*$")
LOOSE_TIME = re.compile(r"^\s*(\d{1,2})[.:]?(\d{2})\s*$")


def corrected(pattern, typed):
    """The value written the way the pattern wants, when what was typed is clearly meant as a
    date or a time (15/05/2014 -> 2014-05-15, 8.30 -> 08:30); None when we cannot tell.
    Each reading is tried against the pattern itself, so a schema's pattern can change without
    this losing track of which is which."""
    if not pattern:
        return None
    typed = str(typed)
    for candidate in (as_date(typed), as_time(typed)):
        if candidate and re.search(pattern, candidate):
            return candidate
    return None


def as_date(typed):
    day_first, year_first = DAY_FIRST.match(typed), YEAR_FIRST.match(typed)
    if day_first:
        day, month, year = map(int, day_first.groups())
    elif year_first:
        year, month, day = map(int, year_first.groups())
    else:
        return None
    return "%04d-%02d-%02d" % (year, month, day) if 1 <= day <= 31 and 1 <= month <= 12 else None


def as_time(typed):
    found = LOOSE_TIME.match(typed)
    if found and int(found.group(1)) < 24 and int(found.group(2)) < 60:
        return "%02d:%s" % (int(found.group(1)), found.group(2))
    return None


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
