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
  - premium rate (09) and service numbers (084, 087: libphonenumber counts them as premium
    rate): the caller pays a service charge, and public services are told not to use them;
  - personal numbers (070): they look like mobiles, can be redirected anywhere and cost a lot;
  - pagers (076), internet numbers (056), voicemail and anything else unexpected.

A refused number cannot be published. If a source really prints one, check it with the
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


def kind(number):
    """libphonenumber's type of a number that phones.parse accepts; None for a short code."""
    if number.strip() in phones.SHORT_CODES:
        return None
    return phonenumbers.number_type(phonenumbers.parse(number, "GB"))


def refusal(number):
    """Why a valid UK number cannot be a safeguarding contact's number, or None if it can."""
    found = kind(number)
    if found is None or found in ALLOWED:
        return None
    national = phones.digits(number)
    national = "0" + national[2:] if national.startswith("44") else national
    if found == PhoneNumberType.PREMIUM_RATE and national.startswith(SERVICE_PREFIXES):
        why = SERVICE
    else:
        why = WHY.get(found, "not a kind of number a safeguarding contact has")
    return ("'%s' is %s. It will not be published. Check the number against the source and with the partnership; "
            "the numbers a contact can have are landlines (01, 02), mobiles, 03 numbers, freephone (0800, 0808) "
            "and 999, 112, 101 and 111." % (number, why))
