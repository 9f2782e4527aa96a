"""The "Still worried?" wizard page: every question as plain HTML made from the data at build.

The page works in three layers, so nobody is left with a blank box:
- with no JavaScript at all, "Is a child in immediate danger?" is answered by two links and
  CSS (:target), and every procedure page is linked below the questions;
- once PyScript's MicroPython has started, pyscript/wizard.py shows one question at a time,
  following the address (stillworried.flow) and asking stillworried.engine for the answer;
- the answer itself is written into #sw-result by that glue, with text nodes only.
The questions are GOV.UK radios and date inputs. Nothing here decides a rule.
"""
import json

from stillworried import flow, page_ids

from macros import first_paint, timeline
from macros.html import Raw, el, join
from macros.render import front_doors, procedure_path

def radios(name, legend, options, hint=None):
    """A GOV.UK radios question: a fieldset whose legend is the page's question."""
    items = []
    for index, (value, label, option_hint, tag) in enumerate(options):
        ident = "%s-%d" % (name, index)
        items.append(el("div", {"class": "sw-radio"},
                        el("input", {"type": "radio", "id": ident, "name": name, "value": value,
                                     "aria-describedby": ident + "-hint" if option_hint else None}),
                        el("label", {"for": ident}, label, " ", tag),
                        el("p", {"class": "sw-hint", "id": ident + "-hint"}, option_hint) if option_hint else None))
    described = (name + "-hint " if hint else "") + name + "-error"
    return el("fieldset", {"class": "sw-fieldset", "aria-describedby": described},
              el("legend", None, el("h2", {"class": "sw-question", "tabindex": "-1"}, legend)),
              el("p", {"class": "sw-hint", "id": name + "-hint"}, hint) if hint else None,
              el("p", {"class": "sw-error", "id": name + "-error", "hidden": True}),
              items)


def question(step, body, key=None, **data):
    """One question: a back link, an error summary, the fields and a Continue button.
    key tells apart the forms of one step (the situation question of each area, say)."""
    attrs = {"class": "sw-step-form", "id": "sw-" + step + ("-" + key if key else ""), "data-step": step,
             "hidden": True, "novalidate": True, "action": "#"}
    attrs.update(("data-" + name, value) for name, value in data.items())
    return el("form", attrs,
              el("a", {"class": "sw-back", "href": "#"}, "Back"),
              el("div", {"class": "sw-error-summary", "role": "alert", "tabindex": "-1", "hidden": True},
                 el("h2", None, "There is a problem"), el("ul", None)),
              body,
              el("button", {"type": "submit", "class": "md-button md-button--primary sw-continue"}, "Continue"))


def date_input(name, legend, hint):
    """The GOV.UK date input: day, month and year boxes, numbers only, no free text kept."""
    boxes = []
    for part, label, width in (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)):
        ident = "%s-%s" % (name, part)
        boxes.append(el("div", {"class": "sw-date__item"},
                        el("label", {"for": ident}, label),
                        # No name: the boxes are read by id, so even a form sent without the
                        # script could never put what was typed into the address.
                        el("input", {"class": "sw-date__input sw-date__input--%d" % width, "id": ident,
                                     "type": "text", "inputmode": "numeric", "autocomplete": "off",
                                     "spellcheck": "false", "maxlength": str(width)})))
    return el("fieldset", {"class": "sw-fieldset", "id": name, "role": "group",
                           "aria-describedby": "%s-hint %s-error" % (name, name)},
              el("legend", {"id": name + "-legend"}, legend),
              el("p", {"class": "sw-hint", "id": name + "-hint"}, hint),
              el("p", {"class": "sw-error", "id": name + "-error", "hidden": True}),
              el("div", {"class": "sw-date"}, boxes))


def danger_question(ctx):
    """Plain links and CSS: works before Python has loaded and with JavaScript off."""
    emergency = ctx.contact("emergency-999")["phones"][0]
    return join([
        el("section", {"class": "sw-danger-question", "aria-labelledby": "sw-danger-title"},
           el("h2", {"id": "sw-danger-title", "class": "sw-question", "tabindex": "-1"},
              "Is a child in immediate danger?"),
           el("p", {"class": "sw-answer-links"},
              el("a", {"class": "md-button md-button--primary", "href": "#immediate-danger"}, "Yes"), " ",
              el("a", {"class": "md-button", "href": "#area"}, "No"))),
        el("section", {"id": "immediate-danger", "class": "sw-danger-answer", "tabindex": "-1",
                       "aria-labelledby": "sw-danger-answer-title"},
           el("h2", {"id": "sw-danger-answer-title"}, "Call 999 now"),
           el("p", None, el("a", {"href": "tel:" + emergency["e164"], "class": "sw-emergency__call"}, "Call 999")),
           el("p", None, "Tell the police the child is in immediate danger. When the child is safe, contact the "
                         "front door for the child's area:"),
           front_doors(ctx),
           el("p", None, el("a", {"href": "#"}, "Start again"))),
    ])


def fallback(ctx):
    """The static steps, always on the page: what to use if the quick answer does not load."""
    # id="area": before Python has started, or with no script, answering "No" (#area) jumps here.
    return el("section", {"class": "sw-fallback", "id": "area", "aria-labelledby": "sw-fallback-title"},
              el("h2", {"id": "sw-fallback-title"}, "Read the procedures"),
              el("p", {"class": "sw-status", "id": "sw-status", "role": "status"},
                 "The quick answer needs JavaScript. Every procedure is also set out in full, stage by stage:"),
              el("ul", {"class": "sw-procedures"},
                 [el("li", None, el("a", {"href": ctx.url(procedure_path(procedure))},
                                    ctx.bundle["partnerships"][procedure["partnership"]]["name"] + ": "
                                    + procedure["title"]),
                     " ", el("strong", {"class": "sw-tag"}, "Past its review date")
                     if procedure["status"] == "lapsed" else None)
                  for procedure in ctx.bundle["procedures"].values()]))


def questions(ctx):
    bundle = ctx.bundle
    forms = [question(flow.AREA, radios(
        "area", "Which area is the child in?",
        [(pid, p["name"], p["full_name"], None) for pid, p in bundle["partnerships"].items()],
        hint="The procedure to follow is the one for the area where the child lives."))]
    for pid, partnership in bundle["partnerships"].items():
        options = []
        for procedure in bundle["procedures"].values():
            if procedure["partnership"] == pid:
                tag = el("strong", {"class": "sw-tag"}, "Past its review date") if procedure["status"] == "lapsed" else None
                hint = procedure["title"] + ". " + (procedure.get("status_note") or "")
                options.append((procedure["id"], procedure["for_whom"], hint.strip(), tag))
        forms.append(question(flow.SITUATION, radios("procedure-" + pid, "Which of these describes you?", options),
                              key=pid, area=pid))
    for procedure in bundle["procedures"].values():
        options = [(str(stage["number"]), "Stage %d: %s" % (stage["number"], stage["title"]),
                    stage.get("reached_when"), None) for stage in procedure["stages"]]
        # First: for someone who raised it and has heard nothing, the engine works out the stage.
        options.insert(0, (flow.RAISED, "Where should I be today?",
                           "I raised it on a date and I'm not sure which stage it should be at now.", None))
        partnership = bundle["partnerships"][procedure["partnership"]]
        only = len(flow.area_procedures(bundle, procedure["partnership"])) == 1
        forms.append(question(flow.STAGE, join([
            # The situation question was skipped (one choice is no question): say what was chosen.
            el("p", {"class": "sw-chosen"}, "%s has one procedure for this, so we have chosen it: %s."
               % (partnership["name"], procedure["title"])) if only else None,
            radios("stage-" + procedure["id"], "Which stage have you reached?", options,
                   hint=None if only else procedure["title"] + ". Choose the stage that matches who you have "
                   "already spoken to.")]),
            key=procedure["id"], procedure=procedure["id"]))
        for stage in procedure["stages"]:
            choices = flow.agencies(bundle, procedure["id"], stage["number"])
            if not choices:
                continue
            options = [(choice["id"], choice["name"], None, None) for choice in choices]
            options.append((flow.OTHER_AGENCY, "Another agency, or I'm not sure", None, None))
            forms.append(question(flow.AGENCY, radios(
                "agency-%s-%d" % (procedure["id"], stage["number"]), "Whose decision do you disagree with?",
                options, hint="We will show the numbers the source lists for that agency at this stage."),
                key="%s-%d" % (procedure["id"], stage["number"]), procedure=procedure["id"],
                stage=str(stage["number"])))
    forms.append(question(flow.WHEN, join([
        el("h2", {"class": "sw-question", "tabindex": "-1"}, "When did this stage begin?"),
        date_input("since", "The day this stage began",
                   "The time limits at this stage count from this day. We have filled in today's date in "
                   "the UK; change it if it was another day. For example, 23 11 2026."),
        el("div", {"id": "sw-started-question", "hidden": True},
           date_input("started", "When did the disagreement first begin? (optional)",
                      "The time limit for the whole process counts from this day. If you leave it blank "
                      "after the first stage, we will say that we cannot work out that limit, rather than "
                      "guess it.")),
    ])))
    forms.append(question(flow.WHEN_RAISED, join([
        el("h2", {"class": "sw-question", "tabindex": "-1"}, "When did you raise it?"),
        date_input("raised", "The day you first raised the disagreement",
                   "We give each stage its full time limit, in turn, from this day, and show the stage it "
                   "should be at today. For example, 23 11 2026."),
    ])))
    return join(forms)


def print_record():
    """Blank lines for the case details, on paper only: the site never asks for them."""
    lines = ["Child or case reference (your organisation's own)", "Who you contacted, and how",
             "Date and time", "What they said", "What you will do next"]
    return el("div", {"class": "sw-print-record", "aria-hidden": "true"},
              el("h2", None, "Case record (fill in by hand)"),
              el("ol", {"class": "sw-form"}, [el("li", None, el("span", {"class": "sw-form__label"}, line),
                                                  el("span", {"class": "sw-form__blank"})) for line in lines]))


def wizard_page(ctx, manifest):
    _, where = first_paint.fragments(ctx.bundle)
    return el("div", {"class": "sw-wizard", "id": "sw-wizard",
                      page_ids.FIRST_PAINT_MAP: first_paint.page_map(where, ctx.url)},
              Raw(first_paint.blank_templates() + timeline.blank()),  # markup from templates/, already escaped
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
    script tags. The glue is loaded with src= so that it keeps its type and config whichever
    way the page is reached."""
    config = {"interpreter": ctx.url(manifest["interpreter"]),
              "files": {ctx.url(path): target for path, target in manifest["files"].items()},
              "plugins": manifest["plugins"]}
    # PyScript reads a config for each of its two script types and, for a type with none, loads
    # every plugin. The type we do not run gets a config that only turns the plugins off.
    other = {"mpy": "py", "py": "mpy"}[manifest["script_type"]]
    return join([
        el(other + "-config", None, json.dumps({"plugins": manifest["plugins"]})),
        el("script", {"type": manifest["script_type"], "src": ctx.url(manifest["glue"]),
                      "config": json.dumps(config, sort_keys=True)}),
        # MicroPython only: under Pyodide, PyScript waits for that database before it starts, so
        # the same script would stop the wizard (see README, "No IndexedDB either").
        el("script", {"src": ctx.url(manifest["no_storage"])}) if manifest["script_type"] == "mpy" else None,
        el("script", {"type": "module", "src": ctx.url(manifest["core"])}),
        el("script", {"src": ctx.url(manifest["status"])}),
    ])
