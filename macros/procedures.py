"""A procedure's page: the route at a glance, then each stage as a step (who, what to do, the time
limits and how a source read two ways is counted, what to send and record, whom to contact), the
situations the source gives a rule for outside its stages, and the procedure's notes. Each
abbreviation is written out where the page first uses it, as the wizard's answer does.
"""
from stillworried.core import abbreviations, contacts, worded
from stillworried.core.procedures import get_stage
from stillworried.core.words import limits as limit_words, page as page_words, pages, questions as question_words
from stillworried.core.words.answers import next_words, stage_title
from stillworried.core.written_out import letters_for
from stillworried.core.page_ids import form_path

from macros import timeline
from macros.contacts import directory_links
from macros.front_doors import partnership_emergency
from macros.html import Html, el, join
from macros.pieces import bullet_list, contact_card, source_line


def stage_item(ctx, procedure, stage, say):
    """One stage of a procedure page; say writes out abbreviations at first use on the page."""
    timescales = stage["timescales"]
    parts = [el("h2", {"class": "sw-step__title", "id": "stage-%d" % stage["number"]},
                el("span", {"class": "sw-step__number"}, pages.stage_label(stage["number"])), " ", say(stage["title"]))]
    if stage.get("reached_when"):
        parts.append(el("p", {"class": "sw-step__when"}, say(stage["reached_when"])))
    parts.append(el("dl", {"class": "sw-step__who"},
                    el("dt", None, pages.YOUR_SIDE), el("dd", None, say(stage["who"]["raising"])),
                    el("dt", None, pages.THEIR_SIDE), el("dd", None, say(stage["who"]["receiving"]))))
    parts += [el("h3", None, pages.WHAT_TO_DO), bullet_list([say(text) for text in stage["do"]])]
    if timescales:
        parts += [el("h3", None, pages.TIME_LIMITS), timescale_list(timescales, say)]
    else:
        parts += [el("h3", None, pages.TIME_LIMITS), el("p", None, limit_words.NO_TIME_LIMIT)]
    which = worded.which_wins_rule(procedure, stage["number"])
    if which:
        parts.append(el("p", {"class": "sw-which-wins"}, say(which)))
    if stage.get("send"):
        parts += [el("h3", None, page_words.TO_SEND),
                  el("ul", None, [el("li", None, el("a", {"href": ctx.url(form_path(fid))},
                                                    say(ctx.bundle["forms"][fid]["title"]))) for fid in stage["send"]])]
    if stage.get("record"):
        parts += [el("h3", None, page_words.TO_RECORD), bullet_list([say(text) for text in stage["record"]])]
    if stage["contacts"]:
        parts += [el("h3", None, pages.WHO_TO_CONTACT),
                  [contact_card(ctx, cid, heading="h4") for cid in stage["contacts"]]]
    said = worded.no_number(contacts.no_number(ctx.bundle, stage))
    if said:
        parts += [el("h3", None, pages.WHO_TO_CONTACT), el("p", {"class": "sw-no-number"}, say(said["sentence"])),
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
              [el("li", None, say(limit_words.timescale_rule(item)),
                  [el("p", {"class": "sw-reading"}, say(reading["why"])) for reading in item.get("readings", [])],
                  el("br") if item.get("note") and not item.get("readings") else None,
                  el("small", None, say(item["note"])) if item.get("note") else None) for item in timescales])


def follow_up_item(ctx, procedure, item, say):
    """A situation the procedure's source gives a rule for outside its stages (Salford VCSE App. 2
    section 2: a referral with no answer): its time limit, what to do, how it is done in the first
    place, whom to contact, and where the route goes next."""
    following = get_stage(procedure, item["then"])
    parts = [el("h2", {"id": "after-" + item["id"]}, say(item["title"])),
             el("p", {"class": "sw-step__when"}, say(item["for_whom"])),
             el("p", None, say(item["who"]["sentence"])),
             el("h3", None, pages.TIME_LIMIT), timescale_list(item["timescales"], say),
             el("h3", None, pages.WHAT_TO_DO), bullet_list([say(text) for text in item["do"]])]
    if item.get("how"):
        parts += [el("h3", None, say(item["how"]["title"])), bullet_list([say(text) for text in item["how"]["steps"]], True),
                  source_line(ctx, item["how"]["source"])]
    if item["contacts"]:
        parts += [el("h3", None, pages.WHO_TO_CONTACT),
                  [contact_card(ctx, cid, heading="h4") for cid in item["contacts"]]]
    for note in item.get("notes", []):
        parts.append(note_box(ctx, note, say=say))
    parts.append(el("p", None, say(next_words(following, False, item.get("if_not")))))
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
                                 stage_title(stage["number"], say(stage["title"]))))
             for stage in procedure["stages"]]
    if procedure.get("notes"):
        items.append(el("li", None, el("a", {"href": "#" + ALSO_IN_THIS_PROCEDURE}, pages.ALSO_IN_THIS_PROCEDURE)))
    return el("nav", {"class": "sw-contents", "aria-labelledby": "on-this-page"},
              el("h2", {"id": "on-this-page", "class": "sw-contents__title"}, page_words.ON_THIS_PAGE),
              el("ul", {"class": "sw-contents__list"}, items))


ALSO_IN_THIS_PROCEDURE = "also-in-this-procedure"


def procedure_page(ctx, procedure_id):
    procedure = ctx.bundle["procedures"][procedure_id]
    partnership = ctx.bundle["partnerships"][procedure["partnership"]]
    # Each abbreviation is written out where the page first uses it (the glossary's words for
    # this area), as the wizard's answer does.
    say = abbreviations.writer(letters_for(ctx.bundle, procedure["partnership"]))
    parts = []
    if procedure["status"] == "lapsed":
        parts.append(el("div", {"class": "admonition warning"},
                        el("p", {"class": "admonition-title"}, question_words.PAST_REVIEW),
                        el("p", None, say(procedure["status_note"]))))
    parts += [contents_list(procedure, say),
              el("p", {"class": "sw-lede"}, say(procedure["summary"])),
              el("p", None, el("strong", None, pages.USE_THIS_IF), say(procedure["for_whom"])),
              partnership_emergency(ctx, partnership, say),
              el("div", {"class": "admonition tip"},
                 el("p", {"class": "admonition-title"}, page_words.SAFETY),
                 el("p", None, say(procedure["safety_rule"]["text"])), source_line(ctx, procedure["safety_rule"]["source"]))]
    overall = procedure.get("overall")
    if overall:
        # "The whole process", or where the source sets it for some stages only, where it applies
        # (Southwark's one working week is the aim for the first discussion); with the data's
        # note on how the source was read, and which reading we keep where it reads two ways.
        parts.append(el("p", None, el("strong", None, limit_words.overall_title(overall) + ": "),
                        say(limit_words.timescale_rule(overall)),
                        el("br") if overall.get("note") else None,
                        el("small", None, say(overall["note"])) if overall.get("note") else None))
        parts += [el("p", {"class": "sw-reading"}, say(reading["why"])) for reading in overall.get("readings", [])]
    parts.append(Html(timeline.ladder(procedure, say)))  # the route at a glance, from templates/timeline.html
    parts += [follow_up_item(ctx, procedure, item, say) for item in procedure.get("follow_ups", [])]
    parts += [el("ol", {"class": "sw-steps"}, [stage_item(ctx, procedure, stage, say) for stage in procedure["stages"]])]
    if procedure.get("notes"):
        parts.append(el("h2", {"id": ALSO_IN_THIS_PROCEDURE}, pages.ALSO_IN_THIS_PROCEDURE))
        parts += [note_box(ctx, note, say=say) for note in procedure["notes"]]
    parts.append(source_line(ctx, procedure["source"]))
    return join(parts)
