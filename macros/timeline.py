"""The procedure as a ladder (issue 9, item 7), from templates/timeline.html.

Procedure pages show it without dates at build, so a reader sees the whole route before the
detail, with no script. The wizard page carries the same template blank, and the glue fills it
with the dates of the answer. Each step is a row: the stage number, its title, and (in the
wizard) its date; the text list under the picture says the same for screen readers and print.
"""
from stillworried.core import page_ids, procedures, verdicts
from stillworried.core.words import limits as words, page as page_words

from macros import templates


def limit_words(timescale):
    """'Within 10 working days', or 'On the same working day'."""
    return words.limit_words(timescale["unit"], timescale.get("amount"))


def procedure_steps(procedure, say=None):
    """Each stage as a step; say (or None) writes out the abbreviations of the text list, which
    is what screen readers and print read. The picture's titles are short labels, left as the
    data gives them (an SVG line does not wrap)."""
    say = say or (lambda text: text)
    steps = []
    for stage in procedure["stages"]:
        main = procedures.headline_timescale(stage)
        # The limit that ends the stage, as the wizard's dated timeline gives it (verdicts.stage_end):
        # Wigan's directors raise it within 2 working days, and have the 10 of "each stage" to
        # resolve it; the stage ends with the 10.
        ending = verdicts.stage_end(stage["timescales"], main) or main
        limit = limit_words(ending) if ending else words.NO_LIMIT_IN_SOURCE
        text = page_words.ladder_text(stage["number"], stage["title"], stage["who"]["receiving"], limit)
        if main is not None and ending is not main:
            text += " " + words.timescale_rule(main)
        steps.append({"number": str(stage["number"]), "title": stage["title"], "date_words": limit, "state": "later",
                      "text": say(text)})
    overall = procedure.get("overall")
    if overall:
        # Southwark's "one working week" is the aim for the first discussion (applies_to_stages),
        # and is called so.
        title = words.overall_title(overall)
        steps.append({"number": "", "title": title, "state": "overall", "date_words": limit_words(overall),
                      "text": say(title + ": " + words.timescale_rule(overall))})
    return steps


def ladder(procedure, say=None):
    """The static ladder of a procedure page."""
    steps = procedure_steps(procedure, say)
    return templates.render("timeline.html", caption=page_words.AT_A_GLANCE, steps=steps,
                            height=len(steps) * page_ids.ROW)


def blank():
    """The wizard's <template>: one prototype step."""
    step = {"number": "", "title": "", "date_words": "", "state": "later", "text": ""}
    return templates.Markup('<template id="%s">%s</template>' % (
        page_ids.TEMPLATE_TIMELINE, templates.render("timeline.html", caption="", steps=[step], height=page_ids.ROW)))
