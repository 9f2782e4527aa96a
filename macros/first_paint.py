"""Who and what at first paint (issue 9, item 6), at a cost that does not grow with the country.

A shared answer link (#procedure=...&stage=...&since=...) should show the stage's who, the rule
in words and the contact buttons as soon as the page is painted, before Python has started.
The build writes one small static file per procedure (content-hashed, under the wizard's
assets) holding a block per stage, made from the same template the glue fills
(templates/answer_first.html). The wizard page carries only a map of procedure ids to those
files; the tiny status script (docs/assets/wizard/status.js) fetches the one in the address and
shows the block for its stage. The date and the today/overdue flag are left to the engine: no
rule is worked out here or in JavaScript.
"""
import hashlib

from stillworried.core import abbreviations, contacts, page_ids, procedures, worded
from stillworried.core.words import answers as answer_words, limits as limit_words, page as page_words
from stillworried.core.written_out import letters_for

from macros import pieces, templates

FOLDER = "assets/wizard/first/"


def contact_view(contact):
    """A contact as the answer's card shows it (templates/contact_card.html, as on the pages)."""
    return pieces.card_values(contact, heading="p", answer=True)


def blank_contact():
    """The wizard's card prototype: every optional part present, one number, one email."""
    return {"id": "", "heading": "p", "answer": True, "name": "", "role": "", "hours": "", "note": "", "no_ways": "",
            "phones": [{"e164": "", "display": "", "number": "", "label": ""}],
            "emails": [{"address": "", "label": ""}]}


def stage_block(bundle, procedure, stage):
    """One stage's first screen, without the date. Its abbreviations are written out at first
    use in the order the block is read, as the engine writes the wizard's answer."""
    main = procedures.headline_timescale(stage)
    said = worded.no_number(contacts.no_number(bundle, stage))
    shown = stage["contacts"] + ([item["id"] for item in said["contacts"]] if said else [])
    say = abbreviations.writer(letters_for(bundle, procedure["partnership"]))
    title = answer_words.stage_title(stage["number"], stage["title"])  # a heading: kept short, as the engine does
    lede = say(page_words.lede(bundle["partnerships"][procedure["partnership"]]["name"], procedure["title"]))
    who = say(page_words.who(stage["who"]))
    rule = say(limit_words.timescale_rule(main) if main else limit_words.NO_TIME_LIMIT)
    which_wins = worded.which_wins_rule(procedure, stage["number"])
    which_wins = which_wins and say(which_wins)
    after = procedures.following_stage(procedure, stage["number"])
    following = say(answer_words.next_words(after, main is not None, None, procedures.same_working_day_step(after)))
    no_number = said and say(said["sentence"])
    # Why a source read two ways is counted as it is: date-free words, so they are shown at first paint too.
    reading = say(" ".join(item["why"] for item in main.get("readings", []))) if main else ""
    views = []
    for cid in shown:
        view = contact_view(worded.contact(contacts.contact_summary(bundle, cid)))
        for key in ("name", "role", "no_ways"):
            view[key] = view[key] and say(view[key])
        views.append(view)
    return templates.render(
        "answer_first.html", block_id=page_ids.FIRST_STAGE + str(stage["number"]), title=title, lede=lede, who=who,
        contacts=views, label=limit_words.limit_label(main) if main else "", rule=rule, reading=reading,
        which_wins=which_wins, no_number=no_number, next=following)


def blank_templates():
    """The <template> elements the glue clones: the first screen and a contact card."""
    first = templates.render("answer_first.html", block_id=page_ids.FIRST, title="", lede="", who="", contacts=[],
                             label="", rule="", reading="", which_wins="", no_number="", next="")
    card = templates.render_macro("contact_card", blank_contact(), page_ids, True)
    return templates.Markup('<template id="%s">%s</template><template id="%s">%s</template>'
                            % (page_ids.TEMPLATE_FIRST, first, page_ids.TEMPLATE_CONTACT, card))


PROCEDURE = "{procedure}"  # where the status script puts the procedure id in page_map's pattern


def area_part_link(area_parts, procedure):
    """The procedure's area's part of the wizard's data (sitebuild/wizard_assets.py), as a
    preload link the status script copies into the page: the part downloads while Python
    starts, instead of after it. area_parts: {partnership id: its URL from the wizard page}."""
    if not area_parts or procedure["partnership"] not in area_parts:
        return ""
    return '<link rel="preload" as="fetch" crossorigin="anonymous" href="%s">' % templates.finalize(
        area_parts[procedure["partnership"]])


def fragments(bundle, area_parts=None):
    """{site path: html} for every procedure, and {procedure id: site path}.

    Every fragment is named by one digest of them all, so the wizard page names them with one
    pattern instead of a map with a line per procedure: with 150 partnerships that map was 3 KB
    gzip of every shared link (the hashes do not compress). Any change renames them all; each
    is a few KB, fetched only on a shared link, so that costs little."""
    pages = {}
    for procedure in bundle["procedures"].values():
        pages[procedure["id"]] = "<!doctype html><meta charset=utf-8><title>%s</title>%s%s" % (
            templates.finalize(procedure["id"]), area_part_link(area_parts, procedure),
            "".join(stage_block(bundle, procedure, stage) for stage in procedure["stages"]))
    whole = hashlib.sha256()
    for procedure_id in sorted(pages):
        whole.update((procedure_id + "\0" + pages[procedure_id] + "\0").encode("utf-8"))
    digest = whole.hexdigest()[:12]
    # .txt: a fragment for the status script to read, not a page of the site.
    where = {pid: FOLDER + "%s-%s.txt" % (pid, digest) for pid in pages}
    return {where[pid]: html for pid, html in pages.items()}, where


def page_map(where, url):
    """The wizard's attribute value: the URL of any procedure's fragment, relative to the page,
    with PROCEDURE where its id goes (see fragments: one digest names them all)."""
    any_id, path = sorted(where.items())[0]
    folder, name = path.rsplit("/", 1)
    assert name.startswith(any_id + "-")
    return url(folder + "/") + PROCEDURE + name[len(any_id):]
