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
import json

from stillworried import abbreviations, engine, page_ids, words

from macros import render, templates

FOLDER = "assets/wizard/first/"


def contact_view(contact):
    """A contact as the answer's card shows it (templates/contact_card.html, as on the pages)."""
    return render.card_values(contact, heading="p", answer=True)


def blank_contact():
    """The wizard's card prototype: every optional part present, one number, one email."""
    return {"id": "", "heading": "p", "answer": True, "name": "", "role": "", "hours": "", "note": "", "no_ways": "",
            "phones": [{"e164": "", "display": "", "number": "", "label": ""}],
            "emails": [{"address": "", "label": ""}]}


def who_words(stage):
    return stage["who"].get("sentence") or stage["who"]["raising"] + ". Contact: " + stage["who"]["receiving"] + "."


def stage_block(bundle, procedure, stage):
    """One stage's first screen, without the date. Its abbreviations are written out at first
    use in the order the block is read, as the engine writes the wizard's answer."""
    main = engine.headline_timescale(stage)
    said = engine.no_number(bundle, procedure["id"], stage["number"])
    contacts = stage["contacts"] + ([item["id"] for item in said["contacts"]] if said else [])
    say = abbreviations.writer(engine.letters_for(bundle, procedure["partnership"]))
    title = "Stage %d: %s" % (stage["number"], stage["title"])  # a heading: kept short, as the engine does
    lede = say(bundle["partnerships"][procedure["partnership"]]["name"] + ": " + procedure["title"])
    who = say(who_words(stage))
    rule = say(words.timescale_rule(main) if main else "The source sets no time limit for this stage. Do not let it drift.")
    which_wins = engine.which_wins_rule(procedure, stage["number"])
    which_wins = which_wins and say(which_wins)
    following = say(engine.next_words(engine.following_stage(procedure, stage["number"]), main is not None))
    no_number = said and say(said["sentence"])
    views = []
    for cid in contacts:
        view = contact_view(engine.contact_summary(bundle, cid))
        for key in ("name", "role", "no_ways"):
            view[key] = view[key] and say(view[key])
        views.append(view)
    return templates.render(
        "answer_first.html", block_id=page_ids.FIRST_STAGE + str(stage["number"]), title=title, lede=lede, who=who,
        contacts=views, label=words.deadline_label(main["measures"]) if main else "", rule=rule,
        which_wins=which_wins, no_number=no_number, next=following)


def blank_templates():
    """The <template> elements the glue clones: the first screen and a contact card."""
    first = templates.render("answer_first.html", block_id=page_ids.FIRST, title="", lede="", who="", contacts=[],
                             label="", rule="", which_wins="", no_number="", next="")
    card = templates.render_macro("contact_card", blank_contact(), page_ids, True)
    return templates.Markup('<template id="%s">%s</template><template id="%s">%s</template>'
                            % (page_ids.TEMPLATE_FIRST, first, page_ids.TEMPLATE_CONTACT, card))


def fragments(bundle):
    """{site path: html} for every procedure, and {procedure id: site path}."""
    files, where = {}, {}
    for procedure in bundle["procedures"].values():
        html = "<!doctype html><meta charset=utf-8><title>%s</title>%s" % (
            templates.finalize(procedure["id"]),
            "".join(stage_block(bundle, procedure, stage) for stage in procedure["stages"]))
        digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:12]
        # .txt: a fragment for the status script to read, not a page of the site.
        path = FOLDER + "%s-%s.txt" % (procedure["id"], digest)
        files[path] = html
        where[procedure["id"]] = path
    return files, where


def page_map(where, url):
    """The wizard's attribute value: {procedure id: URL of its fragment, relative to the page}."""
    return json.dumps({pid: url(path) for pid, path in sorted(where.items())}, separators=(",", ":"))
