"""vCards (.vcf) so a volunteer can save the numbers to their phone: one per contact and one
per partnership. Written by the vobject library, which does the escaping and line folding.

Only numbers that can be dialled go in; a number the source prints wrongly is left out.
"""
import vobject

from stillworried.core import team_numbers, worded
from stillworried.vcard_rule import has_card


def card(contact, bundle):
    vcard = vobject.vCard()
    vcard.add("fn").value = contact["name"]
    name = vcard.add("n")
    name.value = vobject.vcard.Name(family="", given=contact["name"])
    vcard.add("org").value = [contact["organisation"]]
    if contact.get("role"):
        vcard.add("title").value = contact["role"]
    for phone in team_numbers.dialable_phones(contact):
        tel = vcard.add("tel")
        tel.value = phone["e164"]
        tel.type_param = "WORK"
    for email in contact.get("emails", []):
        mail = vcard.add("email")
        mail.value = email["address"]
        mail.type_param = "WORK"
    if contact.get("address"):
        vcard.add("adr").value = vobject.vcard.Address(street=", ".join(contact["address"]))
    sources = "; ".join(s["file"] + ", " + s["section"] for s in contact["sources"])
    # Whether anyone confirmed the details, in the words the pages use (worded.checked_words).
    vcard.add("note").value = "From Still Worried? Source: " + sources + ". " + worded.checked_words(bundle, contact)
    return vcard.serialize()


def all_cards(bundle):
    """{file name without .vcf: text} for every contact that has a number or email, and one
    file per partnership with all of its contacts."""
    cards = {}
    for contact_id, contact in bundle["contacts"].items():
        if has_card(contact):
            cards[contact_id] = card(contact, bundle)
    # Each area's file: the national cards and its own, in the order of contacts.yaml. Grouped in
    # one pass, so the build grows linearly with the number of areas.
    owned, place = {}, {}
    for cid, contact in bundle["contacts"].items():
        if cid in cards:
            owned.setdefault(contact["partnership"], []).append(cid)
            place[cid] = len(place)
    national = owned.get("national", [])
    for partnership_id in bundle["partnerships"]:
        mine = sorted(national + owned.get(partnership_id, []), key=place.__getitem__)
        cards[partnership_id] = "".join(cards[cid] for cid in mine)
    return cards
