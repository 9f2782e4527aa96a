"""Issue 23: numbers and email addresses that are not the source's, refused by `check` and the
build at their line (tests/data/hostile_edits.py runs them), and one phone policy wherever the site
makes a number callable.

- A front door is the partnership's own published number: never 999, 111, 101 or 112, a premium,
  personal, service, drama or foreign number, or one written oddly (`++44`, `4500-)`).
- A number typed into any text (a note, a step, a route, a glossary definition) is one a contact
  holds, however it is written: hyphens, dots, brackets, +44, another country's code, a mobile.
- An email address is plain ASCII, not punycode, at a domain its partnership's documents print;
  and no text spells one out ("help at evil dot com").
- The search page's number finder (sitebuild/site_search.py) asks the same policy, so a
  premium-rate number in a page's text never becomes a tel: link.
"""
import pytest

from tests.data.hostile_edits import Edit, ids, refused
from sitebuild import site_search
from stillworried import phone_policy

FRONT_DOOR = '      - number: "0161 603 4500"'
# The first sentence of the referral follow-up's note "If the form does not come".
NOTE = "The protocol does not say what to do if the form does not come."
NOTE_AT = ("stages.yaml", "text: ^'If it does not come, ")
STEP = "          - Identify clearly what the problem is and what you are aiming to achieve."
STEP_AT = ("stages.yaml", "          - ^Identify clearly what the problem is")
CONTACT_NOTE = "    note: A Salford CVS Development Worker can support organisations"
CONTACT_NOTE_AT = ("contacts.yaml", "    note: ^A Salford CVS Development Worker")
DEFINITION = "    definition: Ways of working that focus on the strengths of a person"
DEFINITION_AT = ("guidance.yaml", "    definition: ^Ways of working that focus")
EMAIL = "      - address: worriedaboutachild@salford.gov.uk\n"
NOT_VALID = ("is not a valid UK phone number",)
REFUSED = ("It will not be published",)
NOT_HELD = ("no contact in contacts.yaml holds it",)


def front_door(case_id, number, says):
    return Edit(case_id, "contacts.yaml", FRONT_DOOR, '      - number: "%s"' % number, says, at='"%s"' % number)


def in_note(case_id, words, says=NOT_HELD):
    return Edit(case_id, "stages.yaml", NOTE, "If it does not come, %s." % words, says, at=NOTE_AT)


def in_step(case_id, words, says=NOT_HELD):
    return Edit(case_id, "stages.yaml", STEP, STEP[:-1] + ", then %s." % words, says, at=STEP_AT)


def in_contact_note(case_id, words, says=NOT_HELD):
    return Edit(case_id, "contacts.yaml", CONTACT_NOTE, CONTACT_NOTE + " (%s)" % words, says, at=CONTACT_NOTE_AT)


def in_definition(case_id, words, says=("guidance.yaml holds no phone numbers or email addresses",)):
    return Edit(case_id, "guidance.yaml", DEFINITION, DEFINITION + " (%s)" % words, says, at=DEFINITION_AT)


def email(case_id, address, says):
    return Edit(case_id, "contacts.yaml", EMAIL, "      - address: %s\n" % address, says, at=address)


SHORT_FRONT_DOOR = ("a national short number, which is not an area's front door",)
FRONT_DOOR_AT = ("stages.yaml", "      contacts: [^salford-bridge]\n      text: 'If you are worried")
MALFORMED = NOT_VALID + ("not written the way a phone number is",)

NUMBERS = [
    Edit("front door changed to 111", "contacts.yaml", FRONT_DOOR, '      - number: "111"', SHORT_FRONT_DOOR,
         at=FRONT_DOOR_AT),
    Edit("front door changed to 101", "contacts.yaml", FRONT_DOOR, '      - number: "101"', SHORT_FRONT_DOOR,
         at=FRONT_DOOR_AT),
    Edit("front door changed to 112", "contacts.yaml", FRONT_DOOR, '      - number: "112"', SHORT_FRONT_DOOR,
         at=FRONT_DOOR_AT),
    Edit("front door changed to 999", "contacts.yaml", FRONT_DOOR, '      - number: "999"', SHORT_FRONT_DOOR,
         at=FRONT_DOOR_AT),
    front_door("front door changed to Ofcom's Manchester drama number", "0161 496 0000",
               ("Ofcom's numbers for TV and radio drama (Manchester)",) + REFUSED),
    front_door("front door changed to Ofcom's London drama number", "020 7946 0123", ("drama (London)",)),
    front_door("front door changed to Ofcom's Leeds drama number written +44", "+44 113 496 0999", ("drama (Leeds)",)),
    front_door("front door changed to Ofcom's Tyneside drama number", "0191 498 0500", ("drama (Tyneside)",)),
    front_door("front door changed to Ofcom's UK-wide drama number", "03069 990123", ("drama (UK-wide)",)),
    front_door("front door changed to Ofcom's freephone drama number", "08081 570123", ("drama (freephone)",)),
    front_door("front door changed to Ofcom's drama mobile", "07700 900123", NOT_VALID),
    front_door("front door changed to a premium-rate 0909 number written with hyphens", "0909-879-0000",
               ("premium-rate",) + REFUSED),
    front_door("front door changed to a premium-rate number written +44 (0)", "+44 (0)909 879 0000", ("premium-rate",)),
    front_door("front door changed to a service 0844 number", "0844 123 4567", ("service number",)),
    front_door("front door changed to a personal 070 number", "07012 345678", ("personal number",)),
    front_door("front door written ++44", "++44 161 603 4500", MALFORMED),
    front_door("front door with a stray '-)' at the end", "0161 603 4500-)", MALFORMED),
    front_door("front door with brackets closed twice", "(0161)) 603 4500", MALFORMED),
    front_door("front door with a plus in the middle", "0161 603+4500", MALFORMED),
    front_door("front door written 0044 (as dialled from abroad), which no source prints", "0044 161 603 4500",
               ("is not printed in",)),
    front_door("front door changed to a French number", "+33 1 42 68 53 00", NOT_VALID + ("UK numbers start with 0",)),
    front_door("front door changed to an American number", "+1 212 555 0123", NOT_VALID),
    front_door("front door written with an extension", "0161 603 4500 ext 2", NOT_VALID),
    front_door("front door with a full-width digit", "0161 603 450\uff10", NOT_VALID),
    front_door("the landline just below the real one", "0161 603 4499", ("is not printed in",)),
]

IN_TEXT = [
    in_note("a hyphenated premium-rate number in a note", "ring 0909-879-0000"),
    in_note("a premium-rate number written +44 in a note", "ring +44 909 879 0000"),
    in_note("a foreign number in a note", "ring +33 1 42 68 53 00"),
    in_note("an unlisted mobile in a note", "ring 07123 456789"),
    in_note("a drama number in a note", "ring 0161 496 0000"),
    in_note("a number written with dots in a note", "ring 0161.603.4599"),
    in_note("a number with its area code in brackets in a note", "ring (0161) 603 4599"),
    in_note("111 in a note, which no contact holds", "call 111"),
    in_note("101 in a note, which no contact holds", "call 101"),
    in_note("the Bridge's number with one digit changed in a note", "ring 0161 603 4501"),
    in_note("the Bridge's number in full-width digits in a note", "ring \uff10\uff11\uff16\uff11 \uff16\uff10\uff13 "
                                                                     "\uff14\uff15\uff10\uff10",
            ("a digit that only looks like ours", "fullwidth digit zero")),
    in_step("a premium-rate number in a step", "ring 09098790000"),
    in_step("an 0800 number no contact holds in a step", "ring 0800-123-4567"),
    in_contact_note("a premium-rate number in a contact's note", "or 0906 123 4567"),
    in_contact_note("a mobile in a contact's note", "or +44 7123 456789"),
    in_definition("a hyphenated number in a glossary definition", "0909-879-0000"),
    in_definition("a number the Bridge holds, hyphenated, in a glossary definition", "0161-603-4500"),
    in_definition("112 in a glossary definition", "ring 112"),
]

EMAILS = [
    email("an email with a Cyrillic letter in its domain", "worriedaboutachild@s\u0430lford.gov.uk",
          ("cyrillic small letter a", "only looks like a plain letter")),
    email("an email with a Cyrillic letter in its name", "w\u043erriedaboutachild@salford.gov.uk",
          ("cyrillic small letter o",)),
    email("an email in punycode", "worriedaboutachild@xn--slford-3ve.gov.uk", ("punycode",)),
    email("an email with a zero for an o", "worriedaboutachild@salf0rd.gov.uk",
          ("is not a domain Salford's source documents use",)),
    email("an email at the real domain with another after it", "worriedaboutachild@salford.gov.uk.evil.com",
          ("'salford.gov.uk.evil.com', which is not a domain Salford's",)),
    email("a webmail address", "worriedaboutachild@gmail.com", ("'gmail.com', which is not a domain",)),
    email("another area's domain", "worriedaboutachild@wigan.gov.uk", ("'wigan.gov.uk', which is not a domain",)),
    email("a subdomain of the real one", "worriedaboutachild@mail.salford.gov.uk", ("which is not a domain",)),
    email("an email with a full-width at sign", "worriedaboutachild\uff20salford.gov.uk",
          ("fullwidth commercial at",)),
    in_note("an email address in a note that no contact holds", "write to help@evil.com"),
    in_note("an email address spelt out in a note", "write to help at evil dot com",
            ("spells out an email address",)),
    in_note("an email address spelt out with brackets", "write to help [at] evil [dot] com",
            ("spells out an email address",)),
    in_note("a real address spelt out", "write to worriedaboutachild at salford.gov.uk",
            ("spells out an email address",)),
    in_note("an email with a Cyrillic letter in a note", "write to worriedaboutachild@s\u0430lford.gov.uk"),
    in_contact_note("an email spelt out in a contact's note", "help(at)evil.com", ("spells out an email address",)),
    in_definition("an email spelt out in a glossary definition", "help at evil dot com",
                  ("spells out an email address",)),
]

CASES = NUMBERS + IN_TEXT + EMAILS


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
@pytest.mark.slow  # a sweep: every case through the whole check
def test_a_number_or_email_that_is_not_the_sources_is_refused(case, tmp_path, capsys, monkeypatch):
    refused(case, tmp_path, capsys, monkeypatch)


# --- one phone policy wherever a number is made callable -------------------------------------

@pytest.mark.parametrize("text", ["Call 0909 879 0000 now", "Call 0909-879-0000", "Call +44 909 879 0000",
                                  "Call 0161 496 0000", "Call 0871 123 4567", "Call 07012 345678",
                                  "Call 020 7946 0123"])
def test_the_search_pages_number_finder_never_links_a_number_the_policy_refuses(text):
    assert site_search.phone_numbers(text) == {}


def test_the_search_pages_number_finder_links_the_real_numbers():
    assert site_search.phone_numbers("Ring 0161 603 4500, or 999 in an emergency.") == {
        "0161 603 4500": "+441616034500", "999": "999"}


def test_a_search_entry_carries_only_callable_numbers():
    """The page's index entry names its numbers for the search page (docs/assets/search.js makes
    a tel: link of those only): a premium-rate number in the text is not among them."""
    page = ('<html><head><title>T - Still Worried?</title></head><body><article class="md-content__inner '
            'md-typeset"><h1>T</h1><p>Ring 0909 879 0000 or 0161 603 4500.</p></article></body></html>')
    marked = site_search.prepare(page, "Still Worried?")
    assert 'data-pagefind-meta="phones:0161 603 4500=+441616034500"' in marked
    assert "+449098790000" not in marked


@pytest.mark.parametrize("number, callable_", [("0161 603 4500", True), ("999", True), ("0800 123 4567", True),
                                               ("0909 879 0000", False), ("0161 496 0123", False),
                                               ("++44 161 603 4500", False), ("0161 603 4500-)", False),
                                               ("+33 1 42 68 53 00", False)])
def test_one_policy_decides_what_is_callable(number, callable_):
    assert bool(phone_policy.callable(number)) is callable_
    assert bool(phone_policy.dialable({"number": number})) is callable_


def test_a_contact_the_policy_refuses_gets_no_tel_link_even_if_the_check_were_bypassed():
    """stillworried.data gives a phone its E.164 form only through the policy, and the pages, the
    wizard, the vCards and the open data link only a phone that has one."""
    from stillworried.data import with_numbers
    contact = with_numbers({"phones": [{"number": "0909 879 0000"}, {"number": "0161 603 4500"}]})
    assert [phone["e164"] for phone in contact["phones"]] == [None, "+441616034500"]
