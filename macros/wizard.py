"""The "Still worried?" wizard page: every question as plain HTML made from the data at build.

The page works in three layers, so nobody is left with a blank box:
- with no JavaScript at all, "Is a child in immediate danger?" is answered by two links and
  CSS (:target): "Yes" shows the emergency number and each area's front door, "No" leads to the home page's list
  of areas, whose pages link every procedure (also linked below the questions);
- once PyScript's MicroPython has started, pyscript/wizard.py shows one question at a time,
  following the address (stillworried.core.question_order) and asking the engine for the answer;
- the answer itself is written into #sw-result by that glue, with text nodes only.
The questions are GOV.UK radios and date inputs. Nothing here decides a rule.
"""
import json

from stillworried.core.words import emergency, questions as words
from stillworried.core import address_grammar, date_answers, page_ids
from stillworried.core.contacts import emergency_phone

from macros import first_paint, timeline
from macros.html import Raw, el, join
from macros.templates import render_macro
from stillworried.core.page_ids import partnership_path

def radio(name, index, value, label, option_hint=None, tag=None):
    """One GOV.UK radio. The label's text and the hint are data-field slots, so the same markup
    serves as the <template> the glue fills with an area's own choices (choices_template)."""
    ident = "%s-%s" % (name, index)
    return el("div", {"class": "sw-radio"},
              el("input", {"type": "radio", "id": ident, "name": name, "value": value,
                           "aria-describedby": ident + "-hint" if option_hint is not None else None}),
              el("label", {"for": ident}, el("span", {page_ids.FIELD: page_ids.CHOICE_LABEL}, label), " ", tag),
              el("p", {"class": "sw-hint", "id": ident + "-hint", page_ids.FIELD: page_ids.CHOICE_HINT}, option_hint)
              if option_hint is not None else None)


def lapsed_tag():
    return el("strong", {"class": "sw-tag", page_ids.FIELD: page_ids.CHOICE_TAG}, words.PAST_REVIEW)


def choices_template():
    """One choice of a question whose choices come from the chosen area's data (its situations,
    a procedure's stages, the agencies listed at a stage): written once here, cloned and filled
    with text by the glue, so the page does not grow with the number of areas."""
    return el("template", {"id": page_ids.TEMPLATE_CHOICE}, radio("choice", 0, "", "", "", lapsed_tag()))


def radios(name, legend, options, hint=None, filled=False, last=()):
    """A GOV.UK radios question: a fieldset whose legend is the page's question. With filled,
    the area's own choices are added by the glue into the data-field="choices" slot, between
    options and last (choices that are the same for every area, written here)."""
    items = [radio(name, index, value, label, option_hint, tag)
             for index, (value, label, option_hint, tag) in enumerate(options)]
    if filled:
        items.append(el("div", {page_ids.FIELD: page_ids.CHOICES}))
        items += [radio(name, "last-%d" % index, value, label, option_hint, tag)
                  for index, (value, label, option_hint, tag) in enumerate(last)]
    described = (name + "-hint " if hint is not None else "") + name + "-error"
    return el("fieldset", {"class": "sw-fieldset", "aria-describedby": described},
              el("legend", None, el("h2", {"class": "sw-question", "tabindex": "-1"}, legend)),
              el("p", {"class": "sw-hint", "id": name + "-hint", page_ids.FIELD: page_ids.HINT,
                      "hidden": hint == "" or None}, hint)
              if hint is not None else None,
              el("p", {"class": "sw-error", "id": name + "-error", "hidden": True}),
              items)


def question(step, body, after=None):
    """One question: a back link, an error summary, the fields and a Continue button (and
    anything after it). There is one form per step, whatever the number of areas."""
    attrs = {"class": "sw-step-form", "id": "sw-" + step, "data-step": step, "hidden": True, "novalidate": True,
             "action": "#"}
    return el("form", attrs,
              el("a", {"class": "sw-back", "href": "#"}, words.BACK),
              el("div", {"class": "sw-error-summary", "role": "alert", "tabindex": "-1", "hidden": True},
                 el("h2", None, words.THERE_IS_A_PROBLEM), el("ul", None)),
              body,
              el("button", {"type": "submit", "class": "md-button md-button--primary sw-continue"}, words.CONTINUE),
              after)


def date_input(name, legend, hint):
    """The GOV.UK date input: day, month and year boxes, empty, numbers only, no free text kept.
    No maxlength (as GOV.UK): a box holding "18" with maxlength 2 silently kept 18 when "17" was
    typed; a day of too many numbers is an error message instead (date_answers.date_from_parts)."""
    boxes = []
    for part, label, width in (("day", words.DAY, 2), ("month", words.MONTH, 2), ("year", words.YEAR, 4)):
        ident = "%s-%s" % (name, part)
        boxes.append(el("div", {"class": "sw-date__item"},
                        el("label", {"for": ident}, label),
                        # No name: the boxes are read by id, so even a form sent without the
                        # script could never put what was typed into the address.
                        el("input", {"class": "sw-date__input sw-date__input--%d" % width, "id": ident,
                                     "type": "text", "inputmode": "numeric", "autocomplete": "off",
                                     "spellcheck": "false"})))
    return el("fieldset", {"class": "sw-fieldset", "id": name, "role": "group",
                           "aria-describedby": "%s-hint %s-error" % (name, name)},
              el("legend", {"id": name + "-legend"}, legend),
              el("p", {"class": "sw-hint", "id": name + "-hint"}, hint),
              el("p", {"class": "sw-error", "id": name + "-error", "hidden": True}),
              el("div", {"class": "sw-date"}, boxes))


def danger_question(ctx):
    """Plain links and CSS: works before Python has loaded and with JavaScript off. The answer
    names each area's front door and links the area's page, where its numbers are on the first
    screen: a line per area, not every area's contact cards."""
    phone = emergency_phone(ctx.bundle)
    return join([
        el("section", {"class": "sw-danger-question", "aria-labelledby": "sw-danger-title"},
           el("h2", {"id": "sw-danger-title", "class": "sw-question", "tabindex": "-1"}, emergency.QUESTION),
           el("p", {"class": "sw-answer-links"},
              el("a", {"class": "md-button md-button--primary", "href": "#immediate-danger"}, words.YES), " ",
              el("a", {"class": "md-button", "href": "#area"}, words.NO))),
        el("section", {"id": "immediate-danger", "class": "sw-danger-answer", "tabindex": "-1",
                       "aria-labelledby": "sw-danger-answer-title"},
           el("h2", {"id": "sw-danger-answer-title"}, emergency.call_now(phone["display"])),
           el("p", None, render_macro("emergency_call", phone, emergency)),  # the emergency box's button
           el("p", None, " ".join([emergency.TELL_POLICE, emergency.THEN, emergency.AREA_PAGES])),
           el("ul", {"class": "sw-areas"},
              [el("li", None, el("a", {"href": ctx.url(partnership_path(pid))}, partnership["name"]),
                  ": " + partnership["front_door"]["name"]
                  + (". " + partnership["front_door"]["caveat"] if partnership["front_door"].get("caveat") else ""))
               for pid, partnership in ctx.bundle["partnerships"].items()]),
           el("p", None, el("a", {"href": "#"}, words.START_AGAIN))),
        no_script_areas(ctx),
    ])


def no_script_areas(ctx):
    """"No" with JavaScript off (or before Python has started): the address becomes #area, and
    this section (shown by :target, like the "Yes" answer) leads to the home page's list of
    areas, each area's page linking its procedures. One link, not a list: the page must not grow
    with every partnership. Once the wizard has started it asks the area question instead, and
    this is hidden (docs/assets/stillworried.css)."""
    return el("section", {"id": "area", "class": "sw-danger-answer sw-no-script-area", "tabindex": "-1",
                          "aria-labelledby": "sw-no-script-area-title"},
              el("h2", {"id": "sw-no-script-area-title"}, words.NO_SCRIPT_AREA_TITLE),
              el("p", None, words.NO_SCRIPT_AREA),
              el("p", None, el("a", {"class": "md-button md-button--primary",
                                     "href": ctx.url("").rstrip("/") + "/#" + page_ids.HOME_AREAS},
                               words.CHOOSE_AREA)),
              el("p", None, el("a", {"href": "#"}, words.START_AGAIN)))


def fallback(ctx):
    """The static steps, always on the page: what to use if the quick answer does not load.
    Each area's page links its procedures (and says which are past their review date)."""
    # Answering "No" (#area) with no script shows no_script_areas() above, by the question.
    return el("section", {"class": "sw-fallback", "aria-labelledby": "sw-fallback-title"},
              el("h2", {"id": "sw-fallback-title"}, words.READ_THE_PROCEDURES),
              el("p", {"class": "sw-status", "id": "sw-status", "role": "status"},
                 words.NEEDS_JAVASCRIPT),
              # One link to the home page's list of areas, not a list here: a shared link to the
              # wizard must not grow with every partnership added (150 areas: 11 KB of HTML).
              el("p", None, el("a", {"href": ctx.url("").rstrip("/") + "/#" + page_ids.HOME_AREAS}, words.CHOOSE_AREA)))


def questions(ctx):
    """One form per question. The area question lists every area (a line each); the questions
    after it are one form each, whose choices the glue fills from the chosen area's data."""
    bundle = ctx.bundle
    forms = [question(address_grammar.AREA, radios(
        "area", words.AREA_QUESTION,
        [(pid, p["name"], p["full_name"], None) for pid, p in bundle["partnerships"].items()],
        hint=words.AREA_HINT))]
    forms.append(question(address_grammar.SITUATION, radios("procedure", words.SITUATION_QUESTION, [], filled=True)))
    # First: for someone who raised it and has heard nothing, the engine works out the stage.
    raised = (address_grammar.RAISED, words.RAISED_CHOICE, words.RAISED_CHOICE_HINT, None)
    forms.append(question(address_grammar.STAGE, join([
        # When the situation question was skipped (one choice is no question), the glue says
        # here what was chosen.
        el("p", {"class": "sw-chosen", page_ids.FIELD: page_ids.CHOSEN, "hidden": True}),
        radios("stage", words.STAGE_QUESTION, [raised], hint="", filled=True)])))
    forms.append(question(address_grammar.AGENCY, radios(
        "agency", words.AGENCY_QUESTION, [], hint=words.AGENCY_HINT, filled=True,
        last=[(address_grammar.OTHER_AGENCY, words.OTHER_AGENCY_CHOICE, None, None)])))
    forms.append(question(address_grammar.WHEN, join([
        el("h2", {"class": "sw-question", "tabindex": "-1"}, words.WHEN_STAGE_BEGAN),
        date_input("since", words.SINCE_LEGEND, words.SINCE_HINT),
        el("div", {"id": "sw-started-question", "hidden": True},
           date_input("started", words.STARTED_LEGEND, words.STARTED_HINT)),
    ])))
    forms.append(question(address_grammar.WHEN_RAISED, join([
        el("h2", {"class": "sw-question", "tabindex": "-1"}, words.WHEN_RAISED_QUESTION),
        date_input("raised", words.RAISED_LEGEND, words.RAISED_HINT),
    ])))
    # "Where should I be today?" past the first stage: the walk's day for the stage it reached is
    # an assumption, so the person is asked for the real one (optional). The glue writes the
    # question, the hint (the walk's day) and the legend for the stage.
    forms.append(question(address_grammar.WHEN_ESCALATED, join([
        el("h2", {"class": "sw-question", "tabindex": "-1", page_ids.FIELD: page_ids.QUESTION},
           words.WHEN_STAGE_BEGAN),
        el("p", {"class": "sw-chosen", page_ids.FIELD: page_ids.HINT}),
        date_input("escalated", words.SINCE_LEGEND, words.DATE_EXAMPLE),
    ]), after=el("p", {"class": "sw-dont-know"},
                 el("a", {"href": "#", page_ids.FIELD: page_ids.DONT_KNOW}, words.DONT_KNOW))))
    return join(forms)


def print_record():
    """Blank lines for the case details, on paper only: the site never asks for them."""
    return el("div", {"class": "sw-print-record", "aria-hidden": "true"},
              el("h2", None, words.CASE_RECORD),
              el("ol", {"class": "sw-form"}, [el("li", None, el("span", {"class": "sw-form__label"}, line),
                                                  el("span", {"class": "sw-form__blank"}))
                                               for line in words.CASE_RECORD_LINES]))


def wizard_page(ctx, manifest):
    # The build made the first-paint fragments once (mkdocs_hooks).
    where = manifest["first_paint"]
    return el("div", {"class": "sw-wizard", "id": "sw-wizard",
                      page_ids.FIRST_PAINT_MAP: first_paint.page_map(where, ctx.url),
                      page_ids.ADDRESS_PATTERNS: json.dumps(address_grammar.patterns(), sort_keys=True),
                      page_ids.STATUS_WORDS: json.dumps({"loading": words.LOADING, "not_loaded": words.NOT_LOADED},
                                                        sort_keys=True)},
              Raw(first_paint.blank_templates() + timeline.blank()),  # markup from templates/, already escaped
              choices_template(),
              danger_question(ctx),
              el("div", {"class": "sw-questions", "id": "sw-questions"},
                 questions(ctx),
                 el("section", {"id": "sw-result", "class": "sw-result", "hidden": True, "tabindex": "-1",
                                "aria-labelledby": "sw-result-title"}),
                 print_record()),
              fallback(ctx),
              scripts(ctx, manifest))


def scripts(ctx, manifest):
    """PyScript's config (interpreter and files from this site, unused plugins off) and the
    script tags. The Python is one archive in the config's files (sitebuild/wizard_assets.py);
    the script itself only imports the glue from it, so no other file is fetched for it."""
    config = {"interpreter": ctx.url(manifest["interpreter"]),
              "files": {ctx.url(path): target for path, target in manifest["files"].items()},
              "plugins": manifest["plugins"]}
    # PyScript reads a config for each of its two script types and, for a type with none, loads
    # every plugin. The type we do not run gets a config that only turns the plugins off.
    other = {"mpy": "py", "py": "mpy"}[manifest["script_type"]]
    return join([
        el(other + "-config", None, json.dumps({"plugins": manifest["plugins"]})),
        el("script", {"type": manifest["script_type"], "config": json.dumps(config, sort_keys=True)},
           Raw(manifest["main"])),  # "import wizard": Python, which the browser never runs as a script
        # MicroPython only: under Pyodide, PyScript waits for that database before it starts, so
        # the same script would stop the wizard (docs/decisions/0002-address-fragment-not-storage.md).
        el("script", {"src": ctx.url(manifest["no_storage"])}) if manifest["script_type"] == "mpy" else None,
        el("script", {"type": "module", "src": ctx.url(manifest["core"])}),
        el("script", {"src": ctx.url(manifest["status"])}),
    ])
