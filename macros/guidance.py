"""An area's guidance (Salford's levels of support and its sections), the glossary, and the
search words the search page's script reads from the data (guidance.yaml).
"""
import json

from stillworried.core import team_numbers
from stillworried.core.page_ids import contacts_path, guidance_path

from stillworried.core.words import pages

from macros.front_doors import door_caveat
from macros.html import el, join
from macros.pieces import bullet_list, citation, contact_card, source_line


def guidance_notes(notes):
    return [el("p", {"class": "sw-note"}, el("strong", None, pages.NOTE_LABEL), note["text"]) for note in notes or []]


def guidance_block(ctx, item, heading):
    parts = [el("p", None, item["summary"])]
    if item.get("highlight"):
        parts.append(el("div", {"class": "admonition important"}, el("p", None, item["highlight"])))
    if item.get("points"):
        parts.append(bullet_list(item["points"]))
    for listing in item.get("lists", []):
        parts += [el(heading, None, listing["title"]), bullet_list(listing["items"], listing["ordered"])]
    if item.get("examples"):
        parts += [el(heading, None, pages.EXAMPLES), bullet_list(item["examples"])]
    if item.get("what_to_do"):
        parts += [el(heading, None, pages.WHAT_YOU_CAN_DO), el("p", None, item["what_to_do"])]
    if item.get("contacts"):
        parts += [el(heading, None, pages.CONTACTS_HEADING),
                  [contact_card(ctx, cid, heading="p") for cid in item["contacts"]]]
    parts += guidance_notes(item.get("notes"))
    parts.append(source_line(ctx, item["source"]))
    return parts


def guidance_page(ctx, partnership_id):
    guidance = ctx.bundle["guidance"]["guidance"][partnership_id]
    document = guidance["document"]
    parts = [el("p", {"class": "sw-lede"}, document["summary"]),
             el("p", None, pages.who_it_is_for(document["audience"]))]
    if guidance.get("levels"):
        parts.append(el("h2", None, pages.THE_LEVELS))
        for level in guidance["levels"]:
            parts += [el("h3", {"id": level["id"]}, level["name"] + " (" + level["also_called"] + ")")]
            parts += guidance_block(ctx, level, "h4")
    parts.append(el("h2", None, pages.MORE_GUIDANCE))
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
        where = [pages.ALL_AREAS if pid == "all" else names.get(pid, pid) for pid in entry["partnerships"]]
        term = entry["term"] + (" (" + entry["stands_for"] + ")" if entry.get("stands_for") else "")
        items.append(el("div", {"class": "sw-glossary__entry"},
                        el("h2", {"id": entry["id"], "class": "sw-glossary__term"}, term),
                        el("p", None, entry["definition"]),
                        reach_through_front_doors(ctx, entry) if entry.get("reach") else None,
                        el("p", {"class": "sw-note"}, entry["note"]) if entry.get("note") else None,
                        el("p", {"class": "sw-source"}, pages.used_in(where),
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
                        door["name"], " ", join(numbers, " ") if numbers else pages.NO_NUMBER_GIVEN,
                        door_caveat(door)))
    return join([el("p", {"class": "sw-reach"}, el("strong", None, pages.HOW_TO_REACH), entry["reach"]),
                 el("ul", {"class": "sw-reach__doors"}, doors)])


def search_words(ctx):
    """The data's search words (guidance.yaml) for the search page's script: what a person types,
    and the site's own words to search for too. An attribute of a hidden element, so no inline
    script is needed; a few hundred bytes, the same whatever the number of partnerships."""
    given = [{"when": item["when"], "finds": item["finds"]} for item in ctx.bundle["guidance"].get("search_words", [])]
    return el("div", {"hidden": True, "id": "sw-search-words", "data-words": json.dumps(given, ensure_ascii=False)})
