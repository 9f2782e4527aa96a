"""The site's HTML for the data: partnerships, procedures as step-by-step ladders, contacts,
forms, guidance and the glossary.

Presentation only: every rule in words comes from stillworried.words, every value from the
checked bundle, and every value is escaped by macros.html.el. Links are made relative to the
page being rendered, so the site works from any folder and offline.
"""
import posixpath

from stillworried import words

from macros.html import Raw, el, join
from macros.vcards import has_card

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"


class Context:
    """What a macro needs: the data, and where the page being rendered lives."""

    def __init__(self, bundle, page_url):
        self.bundle = bundle
        self.page_url = page_url or ""

    def url(self, target):
        """A link from the current page to target (a site path such as 'salford/wigan/')."""
        here = self.page_url if self.page_url.endswith("/") or not self.page_url else posixpath.dirname(self.page_url) + "/"
        relative = posixpath.relpath("/" + target, "/" + here)
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative if relative != "./" else "./"

    def contact(self, contact_id):
        return self.bundle["contacts"][contact_id]


# --- Site paths: one place that knows the URL of each kind of page -----------------------

def partnership_path(partnership_id):
    return partnership_id + "/"


def procedure_path(procedure):
    return procedure["partnership"] + "/" + procedure["id"] + "/"


def contacts_path(partnership_id):
    return "contacts/" + partnership_id + "/"


def form_path(form_id):
    return "forms/" + form_id + "/"


def guidance_path(partnership_id, section_id=None):
    return partnership_id + "/support/" + (section_id + "/" if section_id else "")


def vcard_path(name):
    return "contacts/vcards/" + name + ".vcf"


def absolute_url(site_url, path):
    """A site path as a full address, for files read away from the site (the feed, open data)."""
    return (site_url or "/").rstrip("/") + "/" + path


# --- Small pieces ---------------------------------------------------------------------------

def source_line(source, label="Source"):
    return el("p", {"class": "sw-source"}, label + ": ", el("cite", None, source["file"]), ", " + source["section"])


def phone_link(phone):
    """A tel: link whose text is the same number; an invalid source number is text with a warning."""
    label = (" (" + phone["label"] + ")") if phone.get("label") else ""
    if not phone.get("e164"):
        return el("span", {"class": "sw-invalid"},
                  el("strong", None, "Not a valid number: "), phone["number"],
                  " is printed like this in the source and cannot be dialled.", label)
    return el("span", {"class": "sw-phone"}, el("a", {"href": "tel:" + phone["e164"]}, phone["display"]), label)


def email_link(email):
    return el("a", {"href": "mailto:" + email["address"]}, email["address"])


def contact_card(ctx, contact_id, heading="h3", detail=False):
    """A contact as a card: name, role, tap-to-call numbers, emails, and (in detail) the rest."""
    contact = ctx.contact(contact_id)
    title = contact["name"] + (" (" + contact["person"] + ")" if contact.get("person") and contact["person"] not in contact["name"] else "")
    parts = [el(heading, {"class": "sw-contact__name", "id": "contact-" + contact_id if detail else None}, title)]
    if contact.get("role") and contact["role"] != contact["name"]:
        parts.append(el("p", {"class": "sw-contact__role"}, contact["role"]))
    lines = [phone_link(phone) for phone in contact.get("phones", [])]
    lines += [email_link(email) for email in contact.get("emails", [])]
    if lines:
        parts.append(el("ul", {"class": "sw-contact__ways"}, [el("li", None, line) for line in lines]))
    if not contact.get("phones") and not contact.get("emails"):
        parts.append(el("p", None, contact.get("note") or "The source gives no phone number or email."))
    if contact.get("conflict"):
        parts.append(conflict_box(ctx, contact_id))
    if detail:
        if contact.get("address"):
            parts.append(el("p", {"class": "sw-contact__address"}, "Address: ", join(contact["address"], ", ")))
        if contact.get("hours"):
            parts.append(el("p", None, "Opening hours: " + contact["hours"]["text"]))
        if contact.get("note") and (contact.get("phones") or contact.get("emails")):
            parts.append(el("p", None, contact["note"]))
        parts.append(el("p", {"class": "sw-source"}, "From: ",
                        join([el("cite", None, s["file"]) + Raw(", ") + el("span", None, s["section"])
                              for s in contact["sources"]], "; ")))
        parts.append(el("p", {"class": "sw-source"},
                        "Verified on: " + (contact["verified_on"] + " (the date of the source)"
                                           if contact.get("verified_on") else "not known (the source is undated)")))
        if has_card(contact):  # a contact with no number or email has no vCard to save
            parts.append(el("p", None, el("a", {"href": ctx.url(vcard_path(contact_id)), "download": True},
                                           "Save " + contact["name"] + " to your phone (vCard)")))
    return el("div", {"class": "sw-contact"}, parts)


def conflict_box(ctx, contact_id):
    """Numbers the sources give for the same team, side by side with where each comes from."""
    contact = ctx.contact(contact_id)
    team = [cid for cid, other in ctx.bundle["contacts"].items() if other.get("team") == contact.get("team")]
    rows = []
    for cid in team:
        for phone in ctx.contact(cid).get("phones", []):
            rows.append(el("tr", None, el("td", None, phone_link(phone)),
                           el("td", None, join([el("cite", None, s["file"]) + Raw(", ") + el("span", None, s["section"])
                                                for s in phone["sources"]], "; "))))
    return el("div", {"class": "admonition warning"},
              el("p", {"class": "admonition-title"}, "The sources give different numbers"),
              el("p", None, contact["conflict"]),
              el("table", None, el("thead", None, el("tr", None, el("th", {"scope": "col"}, "Number"),
                                                         el("th", {"scope": "col"}, "Source"))),
                 el("tbody", None, rows)))


def bullet_list(items, ordered=False):
    return el("ol" if ordered else "ul", None, [el("li", None, item) for item in items])


# --- Emergency and front doors --------------------------------------------------------------

def emergency_notice(ctx):
    phone = ctx.contact("emergency-999")["phones"][0]
    return el("div", {"class": "sw-emergency", "role": "note", "aria-label": "Emergency"},
              el("p", {"class": "sw-emergency__title"}, "Is a child in immediate danger?"),
              el("p", None, "Call ", el("a", {"href": "tel:" + phone["e164"], "class": "sw-emergency__call"},
                                         "999"), " now. Then contact the front door for your area."))


def front_doors(ctx):
    items = []
    for partnership in ctx.bundle["partnerships"].values():
        door = partnership["front_door"]
        items.append(el("li", {"class": "sw-area"},
                        el("h3", None, el("a", {"href": ctx.url(partnership_path(partnership["id"]))},
                                          partnership["name"])),
                        el("p", None, door["name"] + ": " + door["text"]),
                        [contact_card(ctx, cid, heading="h4") for cid in door["contacts"]]))
    return el("ul", {"class": "sw-areas"}, items)


def partnership_emergency(ctx, partnership):
    route = partnership["emergency"]
    door = partnership["front_door"]
    return el("div", {"class": "sw-emergency", "role": "note", "aria-label": "Emergency"},
              el("p", {"class": "sw-emergency__title"}, "Is a child in immediate danger?"),
              el("p", None, route["text"]),
              el("p", None, el("a", {"href": "tel:999", "class": "sw-emergency__call"}, "Call 999")),
              el("p", None, "Not an emergency but worried about a child? " + door["name"] + ":"),
              [contact_card(ctx, cid, heading="p") for cid in door["contacts"]],
              source_line(route["source"]))


def wizard_start(ctx):
    """The way into the wizard from the home page, as a GOV.UK start button."""
    return el("p", None, el("a", {"class": "md-button md-button--primary sw-start", "href": ctx.url("still-worried/")},
                             "Still worried? Find who to contact next, and by when"))


# --- Partnership and procedure pages --------------------------------------------------------

def procedure_links(ctx, partnership_id=None):
    items = []
    for procedure in ctx.bundle["procedures"].values():
        if partnership_id and procedure["partnership"] != partnership_id:
            continue
        flag = el("strong", {"class": "sw-tag"}, "Past its review date") if procedure["status"] == "lapsed" else None
        items.append(el("li", None, el("a", {"href": ctx.url(procedure_path(procedure))}, procedure["title"]),
                        " ", flag, el("br"), el("span", None, procedure["for_whom"])))
    return el("ul", {"class": "sw-procedures"}, items)


def partnership_page(ctx, partnership_id):
    partnership = ctx.bundle["partnerships"][partnership_id]
    guidance = ctx.bundle["guidance"]["guidance"].get(partnership_id)
    sources = [source for source in ctx.bundle["sources"].values() if source["partnership"] == partnership_id]
    parts = [partnership_emergency(ctx, partnership),
             el("h2", None, "If you disagree with another agency about a child"),
             el("p", None, "Choose the procedure that fits your situation. Each one lists the stages, who to "
                           "contact and the time limits."),
             procedure_links(ctx, partnership_id)]
    if guidance:
        parts += [el("h2", None, "Levels of support and guidance"),
                  el("p", None, el("a", {"href": ctx.url(guidance_path(partnership_id))}, guidance["document"]["title"]))]
    parts += [el("h2", None, "Contacts"),
              el("p", None, el("a", {"href": ctx.url(contacts_path(partnership_id))},
                               "All " + partnership["name"] + " contacts"), " or ",
                 el("a", {"href": ctx.url(vcard_path(partnership_id)), "download": True},
                    "save them all to your phone (vCard)")),
              el("h2", None, "Where this comes from"),
              el("ul", None, [el("li", None, el("cite", None, source["title"]), " (", source["file"], "). ",
                                 source.get("date_note", "")) for source in sources])]
    return join(parts)


def stage_item(ctx, procedure, stage):
    timescales = stage["timescales"]
    parts = [el("h2", {"class": "sw-step__title", "id": "stage-%d" % stage["number"]},
                el("span", {"class": "sw-step__number"}, "Stage %d" % stage["number"]), " ", stage["title"])]
    if stage.get("reached_when"):
        parts.append(el("p", {"class": "sw-step__when"}, stage["reached_when"]))
    parts.append(el("dl", {"class": "sw-step__who"},
                    el("dt", None, "Your side"), el("dd", None, stage["who"]["raising"]),
                    el("dt", None, "Their side"), el("dd", None, stage["who"]["receiving"])))
    parts += [el("h3", None, "What to do"), bullet_list(stage["do"])]
    if timescales:
        parts += [el("h3", None, "Time limits"),
                  el("ul", {"class": "sw-timescales"},
                     [el("li", None, words.timescale_rule(item),
                         el("br") if item.get("note") else None,
                         el("small", None, item["note"]) if item.get("note") else None) for item in timescales])]
    else:
        parts += [el("h3", None, "Time limits"), el("p", None, "The source sets no time limit for this stage. "
                                                          "Do not let it drift.")]
    if stage.get("send"):
        parts += [el("h3", None, "What to send"),
                  el("ul", None, [el("li", None, el("a", {"href": ctx.url(form_path(fid))},
                                                    ctx.bundle["forms"][fid]["title"])) for fid in stage["send"]])]
    if stage.get("record"):
        parts += [el("h3", None, "What to record"), bullet_list(stage["record"])]
    if stage["contacts"]:
        parts += [el("h3", None, "Who to contact"), [contact_card(ctx, cid, heading="h4") for cid in stage["contacts"]]]
    if stage.get("directory"):
        listing = ctx.bundle["lists"][stage["directory"]]
        parts.append(el("p", None, "To find the right person: ",
                        el("a", {"href": ctx.url(contacts_path(procedure["partnership"])) + "#list-" + listing["id"]},
                           listing["title"]), " (%d contacts)." % len(listing["contacts"])))
    for note in stage.get("notes", []):
        parts.append(note_box(ctx, note))
    parts.append(source_line(stage["source"]))
    return el("li", {"class": "sw-step"}, parts)


def note_box(ctx, note, kind="note"):
    return el("div", {"class": "admonition " + kind},
              el("p", {"class": "admonition-title"}, note["title"]),
              el("p", None, note["text"]),
              [contact_card(ctx, cid, heading="p") for cid in note.get("contacts", [])],
              source_line(note["source"]))


def procedure_page(ctx, procedure_id):
    procedure = ctx.bundle["procedures"][procedure_id]
    partnership = ctx.bundle["partnerships"][procedure["partnership"]]
    parts = []
    if procedure["status"] == "lapsed":
        parts.append(el("div", {"class": "admonition warning"},
                        el("p", {"class": "admonition-title"}, "Past its review date"),
                        el("p", None, procedure["status_note"])))
    parts += [el("p", {"class": "sw-lede"}, procedure["summary"]),
              el("p", None, el("strong", None, "Use this if: "), procedure["for_whom"]),
              partnership_emergency(ctx, partnership),
              el("div", {"class": "admonition tip"},
                 el("p", {"class": "admonition-title"}, "If the child's safety needs it, act sooner"),
                 el("p", None, procedure["safety_rule"]["text"]), source_line(procedure["safety_rule"]["source"]))]
    if procedure.get("overall"):
        parts.append(el("p", None, el("strong", None, "Overall: "), words.timescale_rule(procedure["overall"])))
    parts += [el("ol", {"class": "sw-steps"}, [stage_item(ctx, procedure, stage) for stage in procedure["stages"]])]
    if procedure.get("notes"):
        parts.append(el("h2", None, "Also in this procedure"))
        parts += [note_box(ctx, note) for note in procedure["notes"]]
    parts.append(source_line(procedure["source"]))
    return join(parts)


# --- Contacts, forms ------------------------------------------------------------------------

def contacts_page(ctx, partnership_id):
    contacts = [(cid, c) for cid, c in ctx.bundle["contacts"].items() if c["partnership"] == partnership_id]
    by_organisation = {}
    for cid, contact in contacts:
        by_organisation.setdefault(contact["organisation"], []).append(cid)
    lists = [listing for listing in ctx.bundle["lists"].values() if listing["partnership"] == partnership_id]
    parts = [el("p", None, el("a", {"href": ctx.url(vcard_path(partnership_id)), "download": True},
                              "Save every contact on this page to your phone (vCard)")),
             el("p", None, "Every number is shown as the source prints it, with the source and its date. "
                           "If a number does not work, tell us (see About).")]
    if lists:
        parts.append(el("h2", None, "Lists printed in the sources"))
        for listing in lists:
            parts.append(el("details", {"id": "list-" + listing["id"]},
                            el("summary", None, listing["title"] + " (%d)" % len(listing["contacts"])),
                            el("ul", None, [el("li", None, list_member(ctx, cid, partnership_id))
                                            for cid in listing["contacts"]]),
                            source_line(listing["source"])))
    for organisation in sorted(by_organisation):
        parts.append(el("h2", None, organisation))
        parts += [contact_card(ctx, cid, detail=True) for cid in by_organisation[organisation]]
    return join(parts)


def list_member(ctx, contact_id, partnership_id):
    """A contact in a list: a link to its card on this page, or, for one whose card is not on
    this page (999, say), its name and numbers."""
    contact = ctx.contact(contact_id)
    if contact["partnership"] == partnership_id:
        return el("a", {"href": "#contact-" + contact_id}, contact["name"])
    numbers = [phone_link(phone) for phone in contact.get("phones", []) if phone.get("e164")]
    return join([contact["name"]] + numbers, " ")


def contacts_index(ctx):
    items = [el("li", None, el("a", {"href": ctx.url(contacts_path(pid))}, partnership["name"]))
             for pid, partnership in ctx.bundle["partnerships"].items()]
    return join([emergency_notice(ctx), el("h2", None, "Contacts by area"), el("ul", None, items)])


def form_page(ctx, form_id):
    form = ctx.bundle["forms"][form_id]
    parts = [el("p", {"class": "sw-lede"}, form["purpose"]),
             el("p", {"class": "sw-noprint"}, "Print this page and fill it in by hand. This site never asks for a "
                                              "child's details and stores nothing.")]
    if form.get("note"):
        parts.append(el("p", None, form["note"]))
    if form.get("send_to"):
        parts += [el("h2", None, "Send it to"), [contact_card(ctx, cid) for cid in form["send_to"]]]
    parts.append(el("h2", None, "The form"))
    parts.append(el("ol", {"class": "sw-form"}, [el("li", None, el("span", {"class": "sw-form__label"}, label),
                                                   el("span", {"class": "sw-form__blank", "aria-hidden": "true"}))
                                                for label in form["fields"]]))
    parts.append(source_line(form["source"]))
    return join(parts)


def forms_index(ctx):
    items = []
    for partnership_id, partnership in ctx.bundle["partnerships"].items():
        forms = [form for form in ctx.bundle["forms"].values() if form["partnership"] == partnership_id]
        if forms:
            items += [el("h2", None, partnership["name"]),
                      el("ul", None, [el("li", None, el("a", {"href": ctx.url(form_path(form["id"]))}, form["title"]),
                                         ": " + form["purpose"]) for form in forms])]
    return join(items)


# --- Guidance and glossary ------------------------------------------------------------------

def guidance_notes(notes):
    return [el("p", {"class": "sw-note"}, el("strong", None, "Note: "), note["text"]) for note in notes or []]


def guidance_block(ctx, item, heading):
    parts = [el("p", None, item["summary"])]
    if item.get("highlight"):
        parts.append(el("div", {"class": "admonition important"}, el("p", None, item["highlight"])))
    if item.get("points"):
        parts.append(bullet_list(item["points"]))
    for listing in item.get("lists", []):
        parts += [el(heading, None, listing["title"]), bullet_list(listing["items"], listing["ordered"])]
    if item.get("examples"):
        parts += [el(heading, None, "Examples"), bullet_list(item["examples"])]
    if item.get("what_to_do"):
        parts += [el(heading, None, "What you can do"), el("p", None, item["what_to_do"])]
    if item.get("contacts"):
        parts += [el(heading, None, "Contacts"), [contact_card(ctx, cid, heading="p") for cid in item["contacts"]]]
    parts += guidance_notes(item.get("notes"))
    parts.append(source_line(item["source"]))
    return parts


def guidance_page(ctx, partnership_id):
    guidance = ctx.bundle["guidance"]["guidance"][partnership_id]
    document = guidance["document"]
    parts = [el("p", {"class": "sw-lede"}, document["summary"]),
             el("p", None, "Who it is for: " + document["audience"])]
    if guidance.get("levels"):
        parts.append(el("h2", None, "The levels of support"))
        for level in guidance["levels"]:
            parts += [el("h3", {"id": level["id"]}, level["name"] + " (" + level["also_called"] + ")")]
            parts += guidance_block(ctx, level, "h4")
    parts.append(el("h2", None, "More guidance"))
    parts.append(el("ul", None, [el("li", None, el("a", {"href": ctx.url(guidance_path(partnership_id, s["id"]))},
                                                   s["title"])) for s in guidance["sections"]]))
    parts += guidance_notes(document.get("notes"))
    parts.append(source_line(document["source"]))
    return join(parts)


def guidance_section(ctx, partnership_id, section_id):
    [section] = [s for s in ctx.bundle["guidance"]["guidance"][partnership_id]["sections"] if s["id"] == section_id]
    return join(guidance_block(ctx, section, "h2"))


def glossary(ctx):
    names = {pid: p["name"] for pid, p in ctx.bundle["partnerships"].items()}
    items = []
    for entry in ctx.bundle["guidance"]["glossary"]:
        where = ", ".join("all areas" if pid == "all" else names.get(pid, pid) for pid in entry["partnerships"])
        term = entry["term"] + (" (" + entry["stands_for"] + ")" if entry.get("stands_for") else "")
        items += [el("dt", {"id": entry["id"]}, term),
                  el("dd", None, el("p", None, entry["definition"]),
                     el("p", {"class": "sw-note"}, entry["note"]) if entry.get("note") else None,
                     el("p", {"class": "sw-source"}, "Used in: " + where + ". Source: ",
                        el("cite", None, entry["source"]["file"]), ", " + entry["source"]["section"]))]
    return el("dl", {"class": "sw-glossary"}, items)


def sources_list(ctx):
    return el("ul", None, [el("li", None, el("cite", None, source["title"]), " (", source["file"], "). ",
                               source.get("date_note", "")) for source in ctx.bundle["sources"].values()])
