"""Which kinds of phone number a safeguarding contact can have.

A number can be a real, valid UK number and still be wrong for this site: the front door's
number changed to a premium-rate 09 number would pass every format check and be published as
a tap-to-call button, costing a worried caller pounds a minute and paying whoever holds it.
So each number's type, as Google's libphonenumber (the phonenumbers package) classifies it, is
checked against what the teams in the sources use:

Allowed
  - fixed lines (01, 02) and mobiles (07, except 070 and 076): councils, health and police
    teams, and the named leads the protocols list;
  - freephone (0800, 0808): helplines;
  - 03 numbers (libphonenumber's "UAN"): charged like a call to 01/02, used by councils and
    national services (Cafcass's 0300 456 4000);
  - shared-cost numbers, if libphonenumber ever classes a UK number so;
  - the short numbers SHORT_CODES (phones.py): 999 and 112 (emergency), 101 (police, not an
    emergency) and 111 (NHS). The data uses only 999 today.

Refused, with the reason
  - Ofcom's numbers for TV and radio drama (DRAMA below): libphonenumber counts most of them
    as valid landlines (0161 496 0000), but Ofcom keeps them for fiction and never gives them
    to anyone, so a contact "reachable" on one is made up;
  - premium rate (09) and service numbers (084, 087: libphonenumber counts them as premium
    rate): the caller pays a service charge, and public services are told not to use them;
  - personal numbers (070): they look like mobiles, can be redirected anywhere and cost a lot;
  - pagers (076), internet numbers (056), voicemail and anything else unexpected.

Everything that makes a tel: link or shows a number as callable asks ``callable`` (the pages,
the wizard and the vCards and open data through stillworried.data, the search page's numbers
through sitebuild/site_search.py), so a number this policy refuses is never made callable,
wherever it is found. A refused number cannot be published. If a source really prints one, check it with the
partnership; if it is right, this policy is the place to change, with a second reviewer.
"""
import phonenumbers
from phonenumbers import PhoneNumberType

from stillworried import phones

ALLOWED = {
    PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.TOLL_FREE, PhoneNumberType.UAN, PhoneNumberType.SHARED_COST,
}
SERVICE_PREFIXES = ("084", "087")
WHY = {
    PhoneNumberType.PREMIUM_RATE: ("a premium-rate number (09...): a call costs the caller a high rate, and no "
                                   "safeguarding service uses one"),
    PhoneNumberType.PERSONAL_NUMBER: ("a personal number (070...), not a mobile: it can be redirected anywhere and "
                                      "costs a lot to call. Mobiles start 071 to 075 or 077 to 079"),
    PhoneNumberType.PAGER: "a pager number (076...), not a phone anyone answers",
    PhoneNumberType.VOIP: "an internet phone number (056...), which no safeguarding team in the sources uses",
    PhoneNumberType.VOICEMAIL: "a voicemail access number, not a phone anyone answers",
}
SERVICE = ("a service number (084 or 087...): the caller pays a service charge on top of the call, and public "
           "services are told not to use them")


# Ofcom, "Telephone numbers for use in TV and radio drama programmes": ranges of 1,000 numbers
# (6,000 for Northern Ireland's) set aside at the 2000 number change for fiction, never given to
# anyone. Each is a prefix of the national number (0161 496 0000 to 0161 496 0999 is "01614960"
# and three more digits). libphonenumber already refuses 07700 900 and 01632 960 as invalid;
# they are listed too so that the table is the whole of Ofcom's.
DRAMA = {
    "01134960": "Leeds", "01144960": "Sheffield", "01154960": "Nottingham", "01164960": "Leicester",
    "01174960": "Bristol", "01184960": "Reading", "01214960": "Birmingham", "01314960": "Edinburgh",
    "01414960": "Glasgow", "01514960": "Liverpool", "01614960": "Manchester", "01914980": "Tyneside",
    "02079460": "London", "02896496": "Northern Ireland", "02920180": "Cardiff", "01632960": "no area",
    "07700900": "mobile", "08081570": "freephone", "09098790": "premium rate", "03069990": "UK-wide",
}
DRAMA_WHY = ("one of Ofcom's numbers for TV and radio drama (%s), which are never given to anyone: no one can be "
             "reached on it")


def drama(number):
    """The area of Ofcom's drama range the number is in, or None."""
    national = phones.national_digits(number)
    if len(national) != 11:
        return None
    return next((area for prefix, area in DRAMA.items() if national.startswith(prefix)), None)


def kind(number):
    """libphonenumber's type of a number that phones.parse accepts; None for a short code."""
    if number.strip() in phones.SHORT_CODES:
        return None
    return phonenumbers.number_type(phonenumbers.parse(number, "GB"))


def refusal(number):
    """Why a valid UK number cannot be a safeguarding contact's number, or None if it can."""
    found = kind(number)
    if found is None:
        return None
    area = drama(number) if found in ALLOWED else None  # a drama number of a refused kind says that kind
    if found in ALLOWED and area is None:
        return None
    national = phones.national_digits(number)
    if area is not None:
        why = DRAMA_WHY % area
    elif found == PhoneNumberType.PREMIUM_RATE and national.startswith(SERVICE_PREFIXES):
        why = SERVICE
    else:
        why = WHY.get(found, "not a kind of number a safeguarding contact has")
    return ("'%s' is %s. It will not be published. Check the number against the source and with the partnership; "
            "the numbers a contact can have are landlines (01, 02), mobiles, 03 numbers, freephone (0800, 0808) "
            "and 999, 112, 101 and 111." % (number, why))


def callable(number):  # noqa: A001 - what the site asks of every number it would make a link of
    """(E.164, national display) for a number the site may make callable: a valid UK number
    (phones.parse) that this policy does not refuse; None otherwise."""
    parsed = phones.parse(number)
    return parsed if parsed and refusal(number) is None else None


def dialable(phone):
    """callable() for a phone of contacts.yaml, None for one its source prints wrongly."""
    return None if phone.get("invalid_in_source") else callable(phone["number"])
