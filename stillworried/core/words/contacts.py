"""Contacts in words: a card's name and role, what it says with no number, whether anyone has
confirmed the details and how old the source is, which document and date a number comes from,
the lists a source prints, opening hours and out of hours. The same words on the pages, the
open data, the vCards, the command line and the wizard."""
from stillworried.core.words import emergency
from stillworried.core.words.dates import month_or_day

# What a contact card says where the source gives a contact no number and no email (and no note
# saying how to reach them): the same words on the pages and in the wizard.
NO_WAYS = "The source gives no phone number or email."


def contact_heading(contact):
    """A contact card's name: the contact's, with the person's name where it does not say it."""
    person = contact.get("person")
    return contact["name"] + (" (" + person + ")" if person and person not in contact["name"] else "")


def contact_role(contact):
    """A contact card's role line, or None where there is none or it only repeats the name."""
    return contact["role"] if contact.get("role") and contact["role"] != contact["name"] else None


def no_ways_words(contact):
    """What a card says in place of its buttons where the contact has no number or email."""
    return contact.get("note") or NO_WAYS


def checked_words(verified_on, documents):
    """Whether anyone has confirmed a contact's details, and how old its source is, in the same
    words on the pages, the open data, the vCards, the command line and the wizard (issue 22:
    "Verified January 2015 (the date of the source)" was a document's date shown as a check).

    verified_on: the day someone confirmed the details (contacts.yaml), or None. documents:
    [(name, date or None)], each document the contact comes from, with the date printed on it
    (`date` in the sources of stages.yaml)."""
    if verified_on:
        return "Last confirmed on " + month_or_day(verified_on) + "."
    said = "Never confirmed with the partnership. "
    dates = [date for _, date in documents]
    if not any(dates):
        return said + ("The source is" if len(documents) == 1 else "The sources are") + \
            " undated, so how old these details are is not known."
    if len(documents) == 1:
        return said + "The source is dated " + month_or_day(dates[0]) + "."
    return said + "The sources: " + "; ".join(
        name + ", " + ("dated " + month_or_day(date) if date else "undated") for name, date in documents) + "."


def from_document(title, date):
    """Which document (and its date) a number comes from, beside the number: "Salford VCSE
    protocol, January 2015", or "undated" where the source has no date."""
    return title + ", " + (month_or_day(date) if date else "undated")


def phone_label(own, title, date):
    """A number's label where the sources compete: its own label, then the document and date it
    comes from ("Referrals; Salford VCSE protocol, January 2015")."""
    return (own + "; " if own else "") + from_document(title, date)


def newest_source(label):
    """The label of a team's number from the newest of the documents that print one."""
    return "Newest source: " + label


def no_number(for_whom):
    """Where the source gives no number for the person to contact. "This procedure": every place
    that shows the line has just named the procedure (the answer's lede, the procedure page), and
    the document's own name is long on a phone once its abbreviations are written out ("Salford
    VCSE protocol"); the source line cites it."""
    return "This procedure gives no phone number or email for " + for_whom + "."


# The line above the contacts the source says are for adults only, put apart after the others.
ADULTS_ONLY = "For adult services only:"
ADULTS_ONLY_HINT = "For adult services only."


def list_heading(agency, listing, stage_number):
    """The line above an agency's contacts from a list the source prints, naming the stage the
    source gives it for (Wigan Appendix 2's second table is "for logging/discussion/resolution
    at Stage 2", whichever stage it is shown at). Short: on a phone every line pushes the first
    contact's button down."""
    given = listing.get("stage")
    if given is None:
        return agency + ", from the source's list:"
    if given == stage_number:
        return agency + ", from the stage " + str(given) + " list:"
    return (agency + ", from the stage " + str(given) + " list (the source gives none for stage "
            + str(stage_number) + "):")


# --- Opening hours ------------------------------------------------------------------------------

def office_status(state, reason, hours_text):
    """Whether an office should be open now (contacts.office_status's facts), in a sentence."""
    if reason == "no_hours":
        return "The source does not give opening hours."
    given = "The source gives the hours as " + hours_text + "."
    if reason == "holiday":
        return "Today is a bank holiday, and the source does not say whether the office opens. " + given
    if reason == "no_days":
        return "The source does not say which days the office opens. " + given
    return ("Open now, London time. " if state == "open" else "Closed now, London time. ") + given


def out_of_hours_words(hours_text, emergency_number):
    """What an area's front door says about evenings, nights and weekends, where no source gives
    a number for out of hours: its opening hours where the source gives them, and the emergency
    number (the data's)."""
    opening = ("Open " + hours_text + "." if hours_text else "The source gives no opening hours.")
    return opening + " No number is given for out of hours. " + emergency.in_danger(emergency_number, any_time=True)


def out_of_hours_every_area(emergency_number):
    """The contacts index, where no area's sources give a number for out of hours."""
    return ("None of the sources gives a number for out of hours: evenings, nights, weekends or bank holidays. "
            + emergency.in_danger(emergency_number, any_time=True)
            + " Each area's contacts page gives the opening hours its sources print.")


# --- The contacts pages (macros/contacts.py, macros/front_doors.py) -------------------------------

# What a contact's name or a number's label says where the source gives it for out of hours.
OUT_OF_HOURS_NAMES = ("out of hours", "out-of-hours")
OUT_OF_HOURS = "Out of hours"
WHO_TO_CALL = "Who to call"
EVERYONE_ELSE = "Everyone else, by agency"
AGENCIES = "Agencies"
LISTS_PRINTED = "Lists printed in the sources"
CONTACTS_BY_AREA = "Contacts by area"
TEAM_OR_PERSON = "Team or person, role"
NUMBER_HEADING = "Number"
NONE_GIVEN = "None given"
UNDATED = "undated"
AS_PRINTED = ("Every number is shown as the source prints it, with the source and its date. If a number does not "
              "work, tell us (see About).")
# Where the sources give one team different numbers: the box with them all, or a link to it.
DIFFERENT_NUMBERS = "The sources give different numbers"
SEE_WHY = "see why"


def worried_about(door_name):
    """An area's front door, where a worried person who is not facing an emergency goes first."""
    return "Worried about a child: " + door_name


def with_count(name, count):
    """An agency or a list with the number of contacts under it: "Salford City Council (4)"."""
    return name + " (" + str(count) + ")"


def area_contacts(area):
    """An area's contacts page, as the index of every area names it: "Salford contacts"."""
    return area + " contacts"


def save_every(area):
    return "Save every " + area + " contact to your phone (vCard)"


def find_the_right_person(count):
    """A stage's "find the right person": (before the list's title, after it)."""
    return "To find the right person, open ", " (" + str(count) + " contacts) at their agency:"


def used_at(numbers):
    """Above a contact on an area's contacts page: the stages of a procedure that name it."""
    if len(numbers) == 1:
        return "Stage " + str(numbers[0]) + ":"
    return "Stages " + ", ".join(str(n) for n in numbers[:-1]) + " and " + str(numbers[-1]) + ":"


# A front door the source gives no number (Southwark's MASH manager).
NO_NUMBER_GIVEN = "No number given: "


def door_has_no_number(names):
    """After NO_NUMBER_GIVEN: names, the door's contacts."""
    return "the source gives no phone number or email for the " + " or ".join(names) + "."
