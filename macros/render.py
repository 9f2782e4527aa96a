"""The site's HTML for the data: partnerships, procedures as step-by-step ladders, contacts,
forms, guidance and the glossary.

Presentation only: every rule in words comes from stillworried.words, every value from the
checked bundle, and every value is escaped by macros.html.el. Links are made relative to the
page being rendered, so the site works from any folder and offline.
"""
import json
import posixpath
import re

from stillworried import abbreviations, engine, flow, page_ids, team_numbers, words
from stillworried.page_ids import (WIZARD, contacts_path, form_path, guidance_path,  # noqa: F401 - used by callers
                                   partnership_path, procedure_path, vcard_path)
from stillworried.vcard_rule import has_card

from macros import timeline
from macros.html import Html, el, join
from macros.templates import render_macro, render_template

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"


class Context:
    """What a macro needs: the data, and where the page being rendered lives."""

    def __init__(self, bundle, page_url, shared=None):
        self.bundle = bundle
        self.page_url = page_url or ""
        # What one build works out once from the bundle for every page (the build passes one
        # dict to all its pages; the bundle does not change during a build).
        self.shared = {} if shared is None else shared

    def url(self, target):
        """A link from the current page to target (a site path such as 'salford/wigan/')."""
        here = self.page_url if self.page_url.endswith("/") or not self.page_url else posixpath.dirname(self.page_url) + "/"
        relative = posixpath.relpath("/" + target, "/" + here)
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative if relative != "./" else "./"

    def contact(self, contact_id):
        return self.bundle["contacts"][contact_id]

    def own_contacts(self, partnership_id):
        """The ids of a partnership's contacts, in order: grouped once for the whole build, not
        by reading every contact on each area's page (which grew with the square of the areas)."""
        if "own" not in self.shared:
            own = self.shared["own"] = {}
            for cid, contact in self.bundle["contacts"].items():
                own.setdefault(contact["partnership"], []).append(cid)
        return self.shared["own"].get(partnership_id, [])

    def printed_names(self, partnership_id):
        """flow.printed_names, gathered once for the whole build (not once per contact)."""
        if "printed" not in self.shared:
            printed = self.shared["printed"] = {}
            for item in self.bundle.get("agencies", {}).values():
                for other in item.get("also_printed_as", []):
                    printed.setdefault(item["partnership"], {})[other] = item["organisation"]
        return self.shared["printed"].get(partnership_id, {})

    def team_of(self, contact_id):
        """team_numbers.team_of, its teams gathered once for the whole build."""
        team = self.contact(contact_id).get("team")
        if not team:
            return [contact_id]
        if "teams" not in self.shared:
            self.shared["teams"] = team_numbers.teams(self.bundle["contacts"])
        return self.shared["teams"][team]


# --- Site paths: stillworried/page_ids.py knows the URL of each kind of page ------------

def absolute_url(site_url, path):
    """A site path as a full address, for files read away from the site (the feed, open data)."""
    return (site_url or "/").rstrip("/") + "/" + path


# --- Small pieces ---------------------------------------------------------------------------

def document_name(ctx, file_name):
    """What a person calls a source document ('Salford VCSE protocol'): its short_title in
    stages.yaml, else its title, else (a document the data does not list) its file name."""
    document = (ctx.bundle.get("sources") or {}).get(file_name) if ctx is not None else None
    if not document:
        return file_name
    return document.get("short_title") or document["title"]


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


def source_line(ctx, source=None, label="Source"):
    """A quiet line under a value: 'Source: Salford VCSE protocol, Appendix 2, section 4'.
    (Called as source_line(source) by older code, it names the file.)"""
    if source is None or isinstance(source, str):
        ctx, source, label = None, ctx, source or label
    return el("p", {"class": "sw-source", "data-field": page_ids.SOURCE}, label + ": ", citation(ctx, source), ".")


def contact_source_line(ctx, contact, count=1):
    """One quiet line for a contact's sources, whether anyone has confirmed the details and how
    old the sources are (engine.checked_words); for several contacts in a row that share it, one
    line for all of them."""
    label = "Source" if count == 1 else "Source for the %d contacts above" % count
    return el("p", {"class": "sw-source", "data-field": page_ids.SOURCE}, label + ": ",
              citation(ctx, contact["sources"]), ". ", engine.checked_words(ctx.bundle, contact))


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


contact_title = words.contact_heading  # the same words on the pages and in the wizard


def card_values(contact, heading="h3", detail=False, agency=None, answer=False):
    """What templates/contact_card.html shows of a contact (a bundle contact or the engine's
    contact_summary), without what needs the site's links: the pages and the wizard's
    first-paint blocks both start here, so the two cannot show a contact differently."""
    ways = contact.get("phones") or contact.get("emails")
    return {
        "id": contact["id"], "heading": heading, "answer": answer,
        "anchor": "contact-" + contact["id"] if detail else None,
        "name": contact_title(contact),
        "role": words.contact_role(contact),
        "organisation": contact["organisation"] if (agency if agency is not None else detail)
        and contact["organisation"] not in contact["name"] and contact["name"] not in contact["organisation"] else None,
        "phones": contact.get("phones", []), "emails": contact.get("emails", []),
        "no_ways": None if ways else words.no_ways_words(contact),
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
        contact["phones"] = engine.contact_summary(ctx.bundle, contact_id)["phones"]
    if contact.get("conflict") and conflict:
        conflict_part = conflict_box(ctx, contact_id)
    elif contact.get("conflict"):
        conflict_part = el("p", {"class": "sw-contact__conflict"}, "The sources give different numbers: ",
                           el("a", {"href": ctx.url(contacts_path(contact["partnership"])) + "#contact-" + contact_id},
                              "see why"), ".")
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
    date = engine.phone_from(ctx.bundle, phone)[0]
    return words.source_date(date) if date else "undated"


def conflict_box(ctx, contact_id):
    """Numbers the sources give for the same team, side by side with where each comes from."""
    contact = ctx.contact(contact_id)
    rows = []
    for cid in ctx.team_of(contact_id):
        for phone in ctx.contact(cid).get("phones", []):
            rows.append(el("tr", None, el("td", None, phone_link(phone)),
                           el("td", None, citation(ctx, phone["sources"]), " (", dated(ctx, phone), ")")))
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


def door_caveat(door, say=None):
    """The front door's caveat ("The protocol does not call MAST Duty and Advice..."), where the
    source does not name this contact as the route: said wherever the door is shown. Or None."""
    say = say or (lambda text: text)
    return el("p", {"class": "sw-caveat"}, say(door["caveat"])) if door.get("caveat") else None


def out_of_hours(ctx, partnership):
    """One line under an area's front door: its opening hours (or that the source gives none), and
    that no number is given for out of hours, with 999. Said only where none of the area's
    contacts is for out of hours (a source that gives one would name it)."""
    for cid in ctx.own_contacts(partnership["id"]):
        contact = ctx.contact(cid)
        said = " ".join([contact["name"]] + [phone.get("label") or "" for phone in contact.get("phones", [])]).lower()
        if "out of hours" in said or "out-of-hours" in said:
            return None
    hours = next((ctx.contact(cid)["hours"]["text"] for cid in partnership["front_door"]["contacts"]
                  if ctx.contact(cid).get("hours")), None)
    return el("p", {"class": "sw-out-of-hours"}, words.out_of_hours_words(hours))


def door_reachable(ctx, door):
    """Whether the source gives the front door any phone number or email."""
    return any(ctx.contact(cid).get("phones") or ctx.contact(cid).get("emails") for cid in door["contacts"])


def no_number(ctx, partnership, with_route=True):
    """A front door the source gives no number (Southwark's MASH manager): one line saying so,
    then what the source does say to do, beside 999. No number is invented."""
    door = partnership["front_door"]
    names = " or ".join(ctx.contact(cid)["name"] for cid in door["contacts"])
    parts = [el("p", {"class": "sw-no-number"}, el("strong", None, "No number given: "),
                "the source gives no phone number or email for the " + names + "."
                + ("" if with_route else " Do what it says above."))]
    if with_route:
        parts += [el("p", None, "What the source says to do: " + partnership["emergency"]["text"]),
                  el("p", None, el("a", {"href": "tel:999", "class": "sw-emergency__call"}, "Call 999")),
                  source_line(ctx, partnership["emergency"]["source"])]
    return join(parts)


def front_door_cards(ctx, partnership, heading="h4", with_route=True):
    """The front door's contacts as cards without conflict tables (a link to them instead), so a
    list of every area never makes one area's reader scroll through another area's table; or,
    where the source gives no number, what the source says to do instead."""
    door = partnership["front_door"]
    if not door_reachable(ctx, door):
        return no_number(ctx, partnership, with_route)
    return join(contact_card(ctx, cid, heading=heading, conflict=False) for cid in door["contacts"])


def front_doors(ctx):
    items = []
    for partnership in ctx.bundle["partnerships"].values():
        door = partnership["front_door"]
        items.append(el("li", {"class": "sw-area"},
                        el("h3", None, el("a", {"href": ctx.url(partnership_path(partnership["id"]))},
                                          partnership["name"])),
                        el("p", None, door["name"] + ": " + door["text"]),
                        front_door_cards(ctx, partnership)))
    return el("ul", {"class": "sw-areas"}, items)


def partnership_emergency(ctx, partnership, say=None):
    """The danger box; say (or None) writes out abbreviations at first use on the page."""
    say = say or (lambda text: text)
    route = partnership["emergency"]
    door = partnership["front_door"]
    return el("div", {"class": "sw-emergency", "role": "note", "aria-label": "Emergency"},
              el("p", {"class": "sw-emergency__title"}, "Is a child in immediate danger?"),
              el("p", None, say(route["text"])),
              el("p", None, el("a", {"href": "tel:999", "class": "sw-emergency__call"}, "Call 999")),
              el("p", None, say("Not an emergency but worried about a child? " + door["name"] + ":")),
              front_door_cards(ctx, partnership, heading="p", with_route=False),
              door_caveat(door, say),  # after the card, so its call button stays on the first screen
              source_line(ctx, route["source"]))


def wizard_start(ctx):
    """The way into the wizard from the home page, as a GOV.UK start button."""
    return el("p", None, el("a", {"class": "md-button md-button--primary sw-start", "href": ctx.url(WIZARD)},
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


def stage_item(ctx, procedure, stage, say):
    """One stage of a procedure page; say writes out abbreviations at first use on the page."""
    timescales = stage["timescales"]
    parts = [el("h2", {"class": "sw-step__title", "id": "stage-%d" % stage["number"]},
                el("span", {"class": "sw-step__number"}, "Stage %d" % stage["number"]), " ", say(stage["title"]))]
    if stage.get("reached_when"):
        parts.append(el("p", {"class": "sw-step__when"}, say(stage["reached_when"])))
    parts.append(el("dl", {"class": "sw-step__who"},
                    el("dt", None, "Your side"), el("dd", None, say(stage["who"]["raising"])),
                    el("dt", None, "Their side"), el("dd", None, say(stage["who"]["receiving"]))))
    parts += [el("h3", None, "What to do"), bullet_list([say(text) for text in stage["do"]])]
    if timescales:
        parts += [el("h3", None, "Time limits"), timescale_list(timescales, say)]
    else:
        parts += [el("h3", None, "Time limits"), el("p", None, "The source sets no time limit for this stage. "
                                                          "Do not let it drift.")]
    which = engine.which_wins_rule(procedure, stage["number"])
    if which:
        parts.append(el("p", {"class": "sw-which-wins"}, say(which)))
    if stage.get("send"):
        parts += [el("h3", None, "What to send"),
                  el("ul", None, [el("li", None, el("a", {"href": ctx.url(form_path(fid))},
                                                    say(ctx.bundle["forms"][fid]["title"]))) for fid in stage["send"]])]
    if stage.get("record"):
        parts += [el("h3", None, "What to record"), bullet_list([say(text) for text in stage["record"]])]
    if stage["contacts"]:
        parts += [el("h3", None, "Who to contact"), [contact_card(ctx, cid, heading="h4") for cid in stage["contacts"]]]
    said = engine.no_number(ctx.bundle, procedure["id"], stage["number"])
    if said:
        parts += [el("h3", None, "Who to contact"), el("p", {"class": "sw-no-number"}, say(said["sentence"])),
                  [contact_card(ctx, item["id"], heading="h4") for item in said["contacts"]]]
    if stage.get("directory"):
        parts.append(directory_links(ctx, ctx.bundle["lists"][stage["directory"]]))
    for note in stage.get("notes", []):
        parts.append(note_box(ctx, note, say=say))
    parts.append(source_line(ctx, stage["source"]))
    return el("li", {"class": "sw-step"}, parts)


def timescale_list(timescales, say):
    """A stage's time limits as sentences; under each, where the source can be read two ways,
    which reading we keep and why (the same line the wizard shows beside the date), then any note."""
    return el("ul", {"class": "sw-timescales"},
              [el("li", None, say(words.timescale_rule(item)),
                  [el("p", {"class": "sw-reading"}, say(reading["why"])) for reading in item.get("readings", [])],
                  el("br") if item.get("note") and not item.get("readings") else None,
                  el("small", None, say(item["note"])) if item.get("note") else None) for item in timescales])


def follow_up_item(ctx, procedure, item, say):
    """A situation the procedure's source gives a rule for outside its stages (Salford VCSE App. 2
    section 2: a referral with no answer): its time limit, what to do, how it is done in the first
    place, whom to contact, and where the route goes next."""
    following = engine.get_stage(procedure, item["then"])
    parts = [el("h2", {"id": "after-" + item["id"]}, say(item["title"])),
             el("p", {"class": "sw-step__when"}, say(item["for_whom"])),
             el("p", None, say(item["who"]["sentence"])),
             el("h3", None, "Time limit"), timescale_list(item["timescales"], say),
             el("h3", None, "What to do"), bullet_list([say(text) for text in item["do"]])]
    if item.get("how"):
        parts += [el("h3", None, say(item["how"]["title"])), bullet_list([say(text) for text in item["how"]["steps"]], True),
                  source_line(ctx, item["how"]["source"])]
    if item["contacts"]:
        parts += [el("h3", None, "Who to contact"), [contact_card(ctx, cid, heading="h4") for cid in item["contacts"]]]
    for note in item.get("notes", []):
        parts.append(note_box(ctx, note, say=say))
    parts.append(el("p", None, say(engine.next_words(following, False, item.get("if_not")))))
    parts.append(source_line(ctx, item["source"]))
    return el("section", {"class": "sw-follow-up"}, parts)


def note_box(ctx, note, kind="note", say=None):
    """A procedure's or a stage's note. Its title is a heading (h3: under the stage's h2, or under
    "Also in this procedure"), so a search result names the note and opens at it."""
    say = say or (lambda text: text)
    return el("div", {"class": "admonition " + kind},
              el("h3", {"class": "admonition-title"}, say(note["title"])),
              el("p", None, say(note["text"])),
              [contact_card(ctx, cid, heading="p") for cid in note.get("contacts", [])],
              source_line(ctx, note["source"]))


def contents_list(procedure, say):
    """"On this page": a jump link to each stage's heading (stage_item gives each its id), so a
    long procedure (Wigan's is some 12,000 px on a phone) can be crossed in one tap, without
    JavaScript; and to the procedure's own notes."""
    items = [el("li", None, el("a", {"href": "#stage-%d" % stage["number"]},
                                 "Stage %d: " % stage["number"], say(stage["title"])))
             for stage in procedure["stages"]]
    if procedure.get("notes"):
        items.append(el("li", None, el("a", {"href": "#" + ALSO_IN_THIS_PROCEDURE}, "Also in this procedure")))
    return el("nav", {"class": "sw-contents", "aria-labelledby": "on-this-page"},
              el("h2", {"id": "on-this-page", "class": "sw-contents__title"}, words.ON_THIS_PAGE),
              el("ul", {"class": "sw-contents__list"}, items))


ALSO_IN_THIS_PROCEDURE = "also-in-this-procedure"


def procedure_page(ctx, procedure_id):
    procedure = ctx.bundle["procedures"][procedure_id]
    partnership = ctx.bundle["partnerships"][procedure["partnership"]]
    # Each abbreviation is written out where the page first uses it (the glossary's words for
    # this area), as the wizard's answer does.
    say = abbreviations.writer(engine.letters_for(ctx.bundle, procedure["partnership"]))
    parts = []
    if procedure["status"] == "lapsed":
        parts.append(el("div", {"class": "admonition warning"},
                        el("p", {"class": "admonition-title"}, "Past its review date"),
                        el("p", None, say(procedure["status_note"]))))
    parts += [contents_list(procedure, say),
              el("p", {"class": "sw-lede"}, say(procedure["summary"])),
              el("p", None, el("strong", None, "Use this if: "), say(procedure["for_whom"])),
              partnership_emergency(ctx, partnership, say),
              el("div", {"class": "admonition tip"},
                 el("p", {"class": "admonition-title"}, "If the child's safety needs it, act sooner"),
                 el("p", None, say(procedure["safety_rule"]["text"])), source_line(ctx, procedure["safety_rule"]["source"]))]
    overall = procedure.get("overall")
    if overall:
        # "The whole process", or where the source sets it for some stages only, where it applies
        # (Southwark's one working week is the aim for the first discussion); with the data's
        # note on how the source was read, and which reading we keep where it reads two ways.
        parts.append(el("p", None, el("strong", None, words.overall_title(overall) + ": "),
                        say(words.timescale_rule(overall)),
                        el("br") if overall.get("note") else None,
                        el("small", None, say(overall["note"])) if overall.get("note") else None))
        parts += [el("p", {"class": "sw-reading"}, say(reading["why"])) for reading in overall.get("readings", [])]
    parts.append(Html(timeline.ladder(procedure, say)))  # the route at a glance, from templates/timeline.html
    parts += [follow_up_item(ctx, procedure, item, say) for item in procedure.get("follow_ups", [])]
    parts += [el("ol", {"class": "sw-steps"}, [stage_item(ctx, procedure, stage, say) for stage in procedure["stages"]])]
    if procedure.get("notes"):
        parts.append(el("h2", {"id": ALSO_IN_THIS_PROCEDURE}, "Also in this procedure"))
        parts += [note_box(ctx, note, say=say) for note in procedure["notes"]]
    parts.append(source_line(ctx, procedure["source"]))
    return join(parts)


# --- Contacts, forms ------------------------------------------------------------------------

def slug(words_):
    return re.sub(r"[^a-z0-9]+", "-", words_.lower()).strip("-")


def agency_anchor(organisation):
    return "agency-" + slug(organisation)


def list_anchor(list_id, organisation=None):
    """The id of a contact list on its contacts page, or of one agency's group in it."""
    return "list-" + list_id + ("--" + slug(organisation) if organisation else "")


def by_agency(ctx, contact_ids, list_id=None):
    """[(organisation, [contact ids])] in the order the data (and so the source) first names each:
    in a list, the heading the list prints each contact under (stillworried.flow.listed_as); an
    agency the sources print under two names is one group (its also_printed_as in the data)."""
    groups = {}
    for cid in contact_ids:
        contact = ctx.contact(cid)
        name = flow.listed_as(contact, list_id) if list_id else contact["organisation"]
        name = ctx.printed_names(contact["partnership"]).get(name, name)
        groups.setdefault(name, []).append(cid)
    return list(groups.items())


def directory_links(ctx, listing):
    """A stage's "find the right person": the list, and a link to each agency's group in it."""
    page = ctx.url(contacts_path(listing["partnership"]))
    return el("div", {"class": "sw-directory"},
              el("p", None, "To find the right person, open ",
                 el("a", {"href": page + "#" + list_anchor(listing["id"])}, listing["title"]),
                 " (%d contacts) at their agency:" % len(listing["contacts"])),
              el("ul", {"class": "sw-jump"},
                 [el("li", None, el("a", {"href": page + "#" + list_anchor(listing["id"], organisation)},
                                    organisation + " (%d)" % len(ids)))
                  for organisation, ids in by_agency(ctx, listing["contacts"], listing["id"])]))


def stage_words(numbers):
    if len(numbers) == 1:
        return "Stage %d" % numbers[0]
    return "Stages " + ", ".join("%d" % n for n in numbers[:-1]) + " and %d" % numbers[-1]


def procedure_contacts(ctx, procedure):
    """{contact id: [stage numbers]}: the contacts a procedure's stages name, in the order used."""
    used = {}
    for stage in procedure["stages"]:
        named = list(stage["contacts"]) + [cid for note in stage.get("notes", []) for cid in note.get("contacts", [])]
        for cid in named:
            numbers = used.setdefault(cid, [])
            if stage["number"] not in numbers:
                numbers.append(stage["number"])
    return used


def merged_cards(ctx, contact_ids, heading="h3"):
    """Contact cards in detail, with one source line for each run of cards that share it."""
    parts, run = [], []

    def close():
        if run:
            parts.append(contact_source_line(ctx, ctx.contact(run[0]), count=len(run)))
            run.clear()

    def key(cid):
        contact = ctx.contact(cid)
        return ([(s["file"], s["section"]) for s in contact["sources"]], contact.get("verified_on"))

    for cid in contact_ids:
        if run and key(run[0]) != key(cid):
            close()
        parts.append(contact_card(ctx, cid, heading=heading, detail=True, agency=False, source=False))
        run.append(cid)
    close()
    return parts


def list_table(ctx, contact_ids):
    """One agency's part of a contact list: team or person, role and number, to scan."""
    rows = []
    for cid in contact_ids:
        contact = ctx.contact(cid)
        role = contact.get("role") if contact.get("role") and contact["role"] != contact["name"] else None
        ways = [phone_link(phone) for phone in contact.get("phones", [])] + \
               [email_link(email) for email in contact.get("emails", [])]
        rows.append(el("tr", None,
                       # National numbers (999) have no card on an area's page to link to.
                       el("td", None, contact_title(contact) if contact["partnership"] == "national"
                          else el("a", {"href": "#contact-" + cid}, contact_title(contact)),
                          el("br") if role else None, el("small", None, role) if role else None),
                       el("td", {"class": "sw-list__ways"}, join(ways, Html("<br>")) if ways else "None given")))
    return el("table", {"class": "sw-list"},
              el("thead", None, el("tr", None, el("th", {"scope": "col"}, "Team or person, role"),
                                   el("th", {"scope": "col"}, "Number"))),
              el("tbody", None, rows))


def who_to_call(ctx, partnership):
    """The short block at the top of an area's contacts page: its front door, the emergency route,
    and the contacts its procedures' stages use. Returns (markup, the contact ids it showed)."""
    door = partnership["front_door"]
    shown = {"emergency-999"}
    parts = [el("h2", {"id": "who-to-call"}, "Who to call")]
    parts.append(el("h3", None, "Worried about a child: " + door["name"]))
    route = partnership["emergency"]
    if not door_reachable(ctx, door):
        parts.append(no_number(ctx, partnership))  # what the source says to do, beside 999
        parts.append(out_of_hours(ctx, partnership))
    else:
        parts += [contact_card(ctx, cid, heading="h4", detail=True) for cid in door["contacts"]]
        parts.append(out_of_hours(ctx, partnership))
        shown.update(door["contacts"])
        parts.append(el("div", {"class": "sw-emergency", "role": "note", "aria-label": "Emergency"},
                        el("p", {"class": "sw-emergency__title"}, "Child in immediate danger?"),
                        el("p", None, route["text"]),
                        el("p", None, el("a", {"href": "tel:999", "class": "sw-emergency__call"}, "Call 999")),
                        source_line(ctx, route["source"])))
    for procedure in ctx.bundle["procedures"].values():
        if procedure["partnership"] != partnership["id"]:
            continue
        used = [(cid, stages) for cid, stages in procedure_contacts(ctx, procedure).items() if cid not in shown]
        if not used:
            continue
        parts.append(el("h3", None, el("a", {"href": ctx.url(procedure_path(procedure))}, procedure["title"])))
        for cid, stages in used:
            parts.append(el("p", {"class": "sw-contact__used"}, stage_words(stages) + ":"))
            parts.append(contact_card(ctx, cid, heading="h4", detail=True, agency=True))
            shown.add(cid)
    return el("section", {"class": "sw-who", "aria-labelledby": "who-to-call"}, parts), shown


def contacts_page(ctx, partnership_id):
    """An area's contacts, for a phone: who to call first, then everyone else by agency (groups
    closed, a jump list at the top), then the lists the sources print, as tables by agency."""
    partnership = ctx.bundle["partnerships"][partnership_id]
    own = ctx.own_contacts(partnership_id)
    block, shown = who_to_call(ctx, partnership)
    groups = by_agency(ctx, [cid for cid in own if cid not in shown])
    parts = [block]
    if groups:
        parts += [el("h2", {"id": "by-agency"}, "Everyone else, by agency"),
                  el("nav", {"aria-label": "Agencies"},
                     el("ul", {"class": "sw-jump"},
                        [el("li", None, el("a", {"href": "#" + agency_anchor(organisation)},
                                           organisation + " (%d)" % len(ids))) for organisation, ids in groups]))]
        parts += [el("details", {"class": "sw-agency", "id": agency_anchor(organisation)},
                     el("summary", None, organisation, " (%d)" % len(ids)),
                     merged_cards(ctx, ids))
                  for organisation, ids in groups]
    lists = [listing for listing in ctx.bundle["lists"].values() if listing["partnership"] == partnership_id]
    if lists:
        parts.append(el("h2", {"id": "lists"}, "Lists printed in the sources"))
        for listing in lists:
            parts.append(el("section", {"class": "sw-list-group", "id": list_anchor(listing["id"]),
                                        "aria-labelledby": list_anchor(listing["id"]) + "-title"},
                            el("h3", {"id": list_anchor(listing["id"]) + "-title"},
                               listing["title"] + " (%d)" % len(listing["contacts"])),
                            source_line(ctx, listing["source"]),
                            [el("details", {"class": "sw-agency", "id": list_anchor(listing["id"], organisation)},
                                el("summary", None, organisation, " (%d)" % len(ids)),
                                list_table(ctx, ids))
                             for organisation, ids in by_agency(ctx, listing["contacts"], listing["id"])]))
    parts += [el("p", None, el("a", {"href": ctx.url(vcard_path(partnership_id)), "download": True},
                               "Save every " + partnership["name"] + " contact to your phone (vCard)")),
              el("p", None, "Every number is shown as the source prints it, with the source and its date. "
                            "If a number does not work, tell us (see About).")]
    return join(parts)


def list_member(ctx, contact_id, partnership_id):
    """A contact in a list: a link to its card on this page, or, for one whose card is not on
    this page (999, say), its name and numbers."""
    contact = ctx.contact(contact_id)
    if contact["partnership"] == partnership_id:
        return el("a", {"href": "#contact-" + contact_id}, contact["name"])
    numbers = [phone_link(phone) for phone in team_numbers.dialable_phones(contact)]
    return join([contact["name"]] + numbers, " ")


def contacts_index(ctx):
    """Where the header's "Your area's front door" leads: each area's front door, then its page."""
    items = [el("li", {"class": "sw-area"},
                el("h3", None, el("a", {"href": ctx.url(contacts_path(pid))}, partnership["name"] + " contacts")),
                el("p", None, "Worried about a child: " + partnership["front_door"]["name"]),
                door_caveat(partnership["front_door"]),
                front_door_cards(ctx, partnership))
             for pid, partnership in ctx.bundle["partnerships"].items()]
    parts = [emergency_notice(ctx), el("h2", None, "Contacts by area"), el("ul", {"class": "sw-areas"}, items)]
    # Said once for every area where no source gives a number for out of hours (each area's
    # contacts page says it under its front door, with the opening hours the source gives).
    if all(out_of_hours(ctx, partnership) is not None for partnership in ctx.bundle["partnerships"].values()):
        parts += [el("h2", {"id": "out-of-hours"}, "Out of hours"), el("p", None, words.OUT_OF_HOURS_EVERY_AREA)]
    return join(parts)


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
    parts.append(source_line(ctx, form["source"]))
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
    parts.append(source_line(ctx, item["source"]))
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
    parts.append(source_line(ctx, document["source"]))
    return join(parts)


def guidance_section(ctx, partnership_id, section_id):
    [section] = [s for s in ctx.bundle["guidance"]["guidance"][partnership_id]["sections"] if s["id"] == section_id]
    return join(guidance_block(ctx, section, "h2"))


def glossary(ctx):
    """Each entry under its own heading (with the entry's id), so a search result opens at the
    entry, not at the top of a long page (Pagefind links a result's sections to its headings).
    An entry the sources give no number for says how to reach them, with each area's front door."""
    names = {pid: p["name"] for pid, p in ctx.bundle["partnerships"].items()}
    items = []
    for entry in ctx.bundle["guidance"]["glossary"]:
        where = ", ".join("all areas" if pid == "all" else names.get(pid, pid) for pid in entry["partnerships"])
        term = entry["term"] + (" (" + entry["stands_for"] + ")" if entry.get("stands_for") else "")
        items.append(el("div", {"class": "sw-glossary__entry"},
                        el("h2", {"id": entry["id"], "class": "sw-glossary__term"}, term),
                        el("p", None, entry["definition"]),
                        reach_through_front_doors(ctx, entry) if entry.get("reach") else None,
                        el("p", {"class": "sw-note"}, entry["note"]) if entry.get("note") else None,
                        el("p", {"class": "sw-source"}, "Used in: " + where + ". Source: ",
                           citation(ctx, entry["source"]), ".")))
    return el("div", {"class": "sw-glossary"}, items)


def reach_through_front_doors(ctx, entry):
    """How to reach someone the sources give no number for (the LADO): the entry's words, then
    the front door of each area it is used in, with its number where the source gives one."""
    areas = ctx.bundle["partnerships"] if "all" in entry["partnerships"] else \
        {pid: ctx.bundle["partnerships"][pid] for pid in entry["partnerships"] if pid in ctx.bundle["partnerships"]}
    doors = []
    for pid, partnership in areas.items():
        door = partnership["front_door"]
        numbers = [el("a", {"href": "tel:" + phone["e164"], "class": "sw-call"}, phone["display"])
                   for cid in door["contacts"] for phone in team_numbers.dialable_phones(ctx.contact(cid))[:1]]
        doors.append(el("li", None, el("a", {"href": ctx.url(contacts_path(pid))}, partnership["name"]), ": ",
                        door["name"], " ", join(numbers, " ") if numbers else "(the source gives no number)",
                        door_caveat(door)))
    return join([el("p", {"class": "sw-reach"}, el("strong", None, "How to reach them: "), entry["reach"]),
                 el("ul", {"class": "sw-reach__doors"}, doors)])


def search_words(ctx):
    """The data's search words (guidance.yaml) for the search page's script: what a person types,
    and the site's own words to search for too. An attribute of a hidden element, so no inline
    script is needed; a few hundred bytes, the same whatever the number of partnerships."""
    given = [{"when": item["when"], "finds": item["finds"]} for item in ctx.bundle["guidance"].get("search_words", [])]
    return el("div", {"hidden": True, "id": "sw-search-words", "data-words": json.dumps(given, ensure_ascii=False)})


def sources_list(ctx):
    return el("ul", None, [el("li", None, el("cite", None, source["title"]), " (", source["file"], "). ",
                               source.get("date_note", "")) for source in ctx.bundle["sources"].values()])
