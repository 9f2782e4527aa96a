"""The pieces every kind of page shows, written once: where a value comes from (the citation and
the quiet source line under it), phone and email links, a contact as a card
(templates/contact_card.html, whose values the wizard's first screen shares), the table of the
numbers the sources give one team, and plain lists.

Presentation only: every rule in words comes from the catalogue, stillworried/core/words/, every value from the
checked bundle, and every value is escaped by macros.html.el.
"""
from stillworried.core import contacts, page_ids, worded
from stillworried.core.words import contacts as contact_words, dates as date_words, pages as page_words
from stillworried.core.page_ids import contacts_path, vcard_path
from stillworried.vcard_rule import has_card

from macros.html import el, join
from macros.templates import render_macro, render_template


# --- Where a value comes from --------------------------------------------------------------------

def document_name(ctx, file_name):
    """What a person calls a source document ('Salford VCSE protocol'): its short_title in
    stages.yaml, else its title, else (a document the data does not list) its file name."""
    return contacts.document_name(ctx.bundle, file_name) if ctx is not None else file_name


def citation(ctx, sources):
    """The sources as a person would write them: 'Salford VCSE protocol, Appendix 2, section 4'.
    Several sections of one document are named once: 'Wigan Resolution Protocol (Introduction;
    Appendix 5)'. Each document's file name is kept for maintainers in the title attribute."""
    if isinstance(sources, dict):
        sources = [sources]
    sections = {}
    for source in sources:
        found = sections.setdefault(source["file"], [])
        if source["section"] not in found:
            found.append(source["section"])
    pieces = []
    for file_name, named in sections.items():
        cite = el("cite", {"title": file_name}, document_name(ctx, file_name))
        pieces.append(cite + ", " + named[0] if len(named) == 1 else cite + " (" + "; ".join(named) + ")")
    return join(pieces, "; ")


def source_line(ctx, source=None, label=page_words.SOURCE_LABEL):
    """A quiet line under a value: 'Source: Salford VCSE protocol, Appendix 2, section 4'.
    (Called as source_line(source) by older code, it names the file.)"""
    if source is None or isinstance(source, str):
        ctx, source, label = None, ctx, source or label
    return el("p", {"class": "sw-source", "data-field": page_ids.SOURCE}, label + ": ", citation(ctx, source), ".")


def contact_source_line(ctx, contact, count=1):
    """One quiet line for a contact's sources, whether anyone has confirmed the details and how
    old the sources are (worded.checked_words); for several contacts in a row that share it, one
    line for all of them."""
    label = page_words.source_for(count)
    return el("p", {"class": "sw-source", "data-field": page_ids.SOURCE}, label + ": ",
              citation(ctx, contact["sources"]), ". ", worded.checked_words(ctx.bundle, contact))


def sources_list(ctx):
    return el("ul", None, [el("li", None, el("cite", None, source["title"]), " (", source["file"], "). ",
                               source.get("date_note", "")) for source in ctx.bundle["sources"].values()])


# --- Contacts ------------------------------------------------------------------------------------

def phone_link(phone):
    """A tel: link whose text is the same number, for the pages' compact tables; an invalid
    source number is text with a warning, the contact card's (templates/macros.html)."""
    label = (" (" + phone["label"] + ")") if phone.get("label") else ""
    if not phone.get("e164"):
        return render_macro("invalid_number", phone, page_ids)
    return el("span", {"class": "sw-phone"}, el("a", {"href": "tel:" + phone["e164"], "class": "sw-call"},
                                               phone["display"]), label)


def email_link(email):
    return el("a", {"href": "mailto:" + email["address"], "class": "sw-email"}, email["address"])


contact_title = contact_words.contact_heading  # the same words on the pages and in the wizard


def card_values(contact, heading="h3", detail=False, agency=None, answer=False):
    """What templates/contact_card.html shows of a contact (a bundle contact or the engine's
    contact_summary), without what needs the site's links: the pages and the wizard's
    first-paint blocks both start here, so the two cannot show a contact differently."""
    ways = contact.get("phones") or contact.get("emails")
    return {
        "id": contact["id"], "heading": heading, "answer": answer,
        "anchor": "contact-" + contact["id"] if detail else None,
        "name": contact_title(contact),
        "role": contact_words.contact_role(contact),
        "organisation": contact["organisation"] if (agency if agency is not None else detail)
        and contact["organisation"] not in contact["name"] and contact["name"] not in contact["organisation"] else None,
        "phones": contact.get("phones", []), "emails": contact.get("emails", []),
        "no_ways": None if ways else contact_words.no_ways_words(contact),
        "hours": contact["hours"]["text"] if contact.get("hours") else None,
        "address": ", ".join(contact["address"]) if detail and contact.get("address") else None,
        "note": contact["note"] if detail and contact.get("note") and ways else None,
        "short_name": contact["name"],
    }


def contact_card(ctx, contact_id, heading="h3", detail=False, agency=None, conflict=True, source=None):
    """A contact as a card (templates/contact_card.html): name, role, agency, call and email
    buttons, opening hours where known. In detail (the contacts pages) also the address, the
    note, the vCard and the quiet source line, unless source=False (the caller merges repeated
    source lines). conflict=False leaves out the table of conflicting numbers (lists of every
    area, where one area's table would push the next area down) and links to it instead."""
    contact = dict(ctx.contact(contact_id), id=contact_id)
    if contact.get("conflict"):
        # Where the sources compete, the button is the newest document's number, saying which
        # document and date it comes from (as in the wizard); the table below has them all.
        contact["phones"] = worded.contact(contacts.contact_summary(ctx.bundle, contact_id))["phones"]
    if contact.get("conflict") and conflict:
        conflict_part = conflict_box(ctx, contact_id)
    elif contact.get("conflict"):
        conflict_part = el("p", {"class": "sw-contact__conflict"}, contact_words.DIFFERENT_NUMBERS + ": ",
                           el("a", {"href": ctx.url(contacts_path(contact["partnership"])) + "#contact-" + contact_id},
                              contact_words.SEE_WHY), ".")
    else:
        conflict_part = None
    card = card_values(contact, heading, detail, agency)
    card.update({
        "conflict": conflict_part,
        "vcard": ctx.url(vcard_path(contact_id)) if detail and has_card(contact) else None,
        "source": (contact_source_line(ctx, contact) if source is None else source or None) if detail else None,
    })
    return render_template("contact_card.html", card=card, ids=page_ids, blank=False)


def dated(ctx, phone):
    """The date of the newest document that prints a phone, as a reader says it, or "undated"."""
    date = contacts.phone_from(ctx.bundle, phone)[0]
    return date_words.source_date(date) if date else contact_words.UNDATED


def conflict_box(ctx, contact_id):
    """Numbers the sources give for the same team, side by side with where each comes from."""
    contact = ctx.contact(contact_id)
    rows = []
    for cid in ctx.team_of(contact_id):
        for phone in ctx.contact(cid).get("phones", []):
            rows.append(el("tr", None, el("td", None, phone_link(phone)),
                           el("td", None, citation(ctx, phone["sources"]), " (", dated(ctx, phone), ")")))
    return el("div", {"class": "admonition warning"},
              el("p", {"class": "admonition-title"}, contact_words.DIFFERENT_NUMBERS),
              el("p", None, contact["conflict"]),
              el("table", None, el("thead", None, el("tr", None,
                                                     el("th", {"scope": "col"}, contact_words.NUMBER_HEADING),
                                                     el("th", {"scope": "col"}, page_words.SOURCE_LABEL))),
                 el("tbody", None, rows)))


# --- Lists ---------------------------------------------------------------------------------------

def bullet_list(items, ordered=False):
    return el("ol" if ordered else "ul", None, [el("li", None, item) for item in items])
