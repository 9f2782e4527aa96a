"""UK phone numbers, checked and formatted by Google's libphonenumber (the phonenumbers package).

We use is_valid_number, not is_possible_number: a number of the right length can still be
one that no UK range allows. The only short numbers we accept are SHORT_CODES (what each kind
of number may be used for is stillworried.phone_policy).
"""
import functools
import re

import phonenumbers

EMERGENCY = "999"
# The short numbers a safeguarding contact can have: 999 and 112 (emergency), 101 (police, not
# an emergency), 111 (NHS). No other short number is a contact's number.
SHORT_CODES = (EMERGENCY, "112", "101", "111")
# What a number may contain. libphonenumber quietly drops anything else ("O161 603 4500"
# and "0161 603 4500x" would pass as valid), so anything else makes the number invalid.
ALLOWED = re.compile(r"[0-9 +()\-]+")
# How a number may be written with those characters: groups of digits separated by spaces or a
# hyphen, after a single 0, +44 (or +44 (0)) or a bracketed area code. libphonenumber also
# reads "++44 161 603 4500" and "0161 603 4500-)" as valid numbers; a source never prints them.
WRITTEN = re.compile(r"(?:\+44[ -]?(?:\(0\)[ -]?)?|\(0\d{2,4}\)[ -]?|0)\d+(?:(?: +|-)\d+)*")
# Letters that look like digits, and the digits they were probably meant to be.
LOOKALIKE_LETTERS = re.compile(r"[oOlI]")
LOOKALIKE_DIGITS = str.maketrans("oOlI", "0011")


# A build asks about the same few thousand numbers many times (the data check, every page's
# search entry, the vCards): each is worked out once. The answer is a tuple or None, so a cached
# one cannot be changed by whoever asked.
@functools.lru_cache(maxsize=1 << 16)
def parse(number):
    """(E.164, national display) for a valid UK number, or None."""
    if number.strip() in SHORT_CODES:
        return (number.strip(), number.strip())
    if not ALLOWED.fullmatch(number) or not WRITTEN.fullmatch(number.strip()):
        return None
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed) or phonenumbers.region_code_for_number(parsed) != "GB":
        return None
    return (phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))


def dialable(phone):
    """(E.164, national display) for a phone of contacts.yaml that can be dialled: a valid
    number the source does not print wrongly (invalid_in_source); None otherwise."""
    return None if phone.get("invalid_in_source") else parse(phone["number"])


def digits(number):
    return re.sub(r"\D", "", number)


def national_digits(number):
    """The digits of a UK number as dialled at home: +44 161..., +44 (0)161... and 0161... are
    the same number."""
    found = digits(number)
    if number.strip().startswith("+44"):
        found = found[2:]
        found = found if found.startswith("0") else "0" + found
    return found


def why_invalid(number):
    """A plain-English reason a number was refused, with the likely fix."""
    if not number.strip():
        return "it is empty. Copy the number from the source."
    if LOOKALIKE_LETTERS.search(number):
        if re.search(r"[oO]", number):
            said = "letter O in a phone number? Did you mean the digit 0?"
        else:
            said = "letter l or I in a phone number? Did you mean the digit 1?"
        fixed = number.translate(LOOKALIKE_DIGITS)
        if parse(fixed):
            said += ' With digits only it is "%s": check that against the source.' % fixed
        return said
    if not ALLOWED.fullmatch(number):
        return "it contains characters that are not digits. Write only digits and spaces, like 0161 603 4500."
    found = digits(number)
    if found.startswith("44"):
        found = "0" + found[2:]
    if not found.startswith("0") and len(found) <= 6:
        return ("it is not one of the short numbers a contact can have (%s). Check it against the source."
                % ", ".join(SHORT_CODES))
    if not found.startswith("0"):
        return "UK numbers start with 0 (or +44). Check it against the source."
    if len(found) != 11:
        return "it has %d digits, and UK numbers have 11 (counting the first 0). Check it against the source." % len(found)
    if not WRITTEN.fullmatch(number.strip()):
        return ("it is not written the way a phone number is: digits in groups separated by spaces, after one 0 or "
                "+44, with no other marks around them. Write it as the source prints it, like 0161 603 4500 or "
                "+44 161 603 4500.")
    return "no UK phone number has this form. Check it against the source."
