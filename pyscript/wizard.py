"""The "Still worried?" wizard in the browser: glue between the page and the engine.

It reads the page (the address, the radios and date boxes), asks stillworried.flow which
question comes next and stillworried.engine for the answer, and writes that answer with text
nodes only, so nothing from the data can run as markup. It implements no rule. The questions
themselves are already on the page, made at build by macros/wizard.py.

Runs on PyScript's MicroPython (and on Pyodide with type="py"): only `pyscript` and `json`.
"""
import json

import js
from pyscript.ffi import create_proxy, to_js

from stillworried import bundle_parts, calendar_file, engine, flow, words
from stillworried.workdays import DateError

# The shared part of the data (bank holidays, the areas, 999, where each area's part is) came
# with the engine; an area's own part is fetched when a question first needs it (area_data).
with open("shared.json") as handle:
    SHARED = json.load(handle)
BUNDLE = bundle_parts.copy_of(SHARED)

# The page's own objects. Methods are called on js.window itself: PyScript's `window` helper
# is a proxy whose methods lose their `this` (addEventListener throws "Illegal invocation").
window = js.window
document = js.document
SITE_TITLE = document.title
FORMS_PATH = "../forms/"
CONTACTS_PATH = "../contacts/"
PROCEDURE_PATH = "../"
PROXIES = []  # keep event handlers alive for the life of the page
# The answers last shown, in memory only (never in storage): going back or changing an answer
# fills the date boxes with these rather than quietly resetting them to today.
REMEMBERED = {}


def by_id(ident):
    return document.getElementById(ident)


def each(nodes):
    return [nodes.item(index) for index in range(nodes.length)]


def make(tag, text=None, cls=None, **attrs):
    """An element with text set as text (never parsed as HTML)."""
    node = document.createElement(tag)
    if cls:
        node.className = cls
    for name in attrs:
        if attrs[name] is not None:
            node.setAttribute(name.replace("_", "-"), str(attrs[name]))
    if text is not None:
        node.textContent = str(text)
    return node


def add(parent, *children):
    for child in children:
        if child is not None:
            parent.appendChild(child)
    return parent


def listen(node, event, handler):
    proxy = create_proxy(handler)
    PROXIES.append(proxy)
    node.addEventListener(event, proxy)


# --- The data: only the part for the area the question is about -----------------------------

AREAS = {"loaded": [], "fetching": {}, "failed": []}


def area_data(then):
    """True when BUNDLE holds what the address's question needs. Otherwise fetch that area's
    part (one small file, whatever the number of areas), merge it into BUNDLE, call then() and
    return False. On the situation question (#area=...) the part is fetched while the person
    reads, without waiting for it. A part that cannot be fetched when a question waits for it
    raises once (show() says so), and is fetched again the next time."""
    answers = flow.parse_fragment(window.location.hash)
    area = bundle_parts.area_for(SHARED, answers)
    if area is None or area in AREAS["loaded"]:
        return True
    if area in AREAS["failed"]:
        AREAS["failed"].remove(area)
        raise RuntimeError("the data for " + area + " could not be fetched")
    if area not in AREAS["fetching"]:
        AREAS["fetching"][area] = []

        def finish(outcome):
            waiting = AREAS["fetching"].pop(area)
            if outcome == "loaded" or waiting:  # a failed fetch nobody waited for is simply tried again
                AREAS[outcome].append(area)
            for then_show in waiting:
                then_show()

        def arrived(text):
            bundle_parts.merge(BUNDLE, json.loads(text))
            finish("loaded")

        def body(response):
            return response.text() if response.ok else window.Promise.reject(response.status)
        handlers = [create_proxy(body), create_proxy(arrived), create_proxy(lambda error: finish("failed"))]
        PROXIES.extend(handlers)
        window.fetch(SHARED["parts"][area]).then(handlers[0]).then(handlers[1]).catch(handlers[2])
    if "procedure" not in answers:
        return True
    AREAS["fetching"][area].append(then)
    return False


# --- London time, from the browser's Intl: never the device's own time zone -----------------

def london_now():
    """(YYYY-MM-DD, HH:MM) in Europe/London."""
    options = to_js({"timeZone": "Europe/London", "year": "numeric", "month": "2-digit", "day": "2-digit",
                     "hour": "2-digit", "minute": "2-digit", "hourCycle": "h23"})
    parts = window.Intl.DateTimeFormat.new("en-GB", options).formatToParts(window.Date.new())
    values = {}
    for index in range(parts.length):
        values[parts[index].type] = parts[index].value
    return (values["year"] + "-" + values["month"] + "-" + values["day"], values["hour"] + ":" + values["minute"])


def utc_stamp():
    moment = window.Date.new().toISOString()
    return moment[0:4] + moment[5:7] + moment[8:10] + "T" + moment[11:13] + moment[14:16] + moment[17:19] + "Z"


# --- Reading the page ------------------------------------------------------------------------

def current():
    return flow.step(BUNDLE, flow.parse_fragment(window.location.hash), london_now()[0])


def checked(name):
    for radio in each(document.getElementsByName(name)):
        if radio.checked:
            return radio.value
    return None


def typed_date(name, what):
    parts = [by_id(name + "-" + part).value for part in ("day", "month", "year")]
    if not "".join(parts).strip():
        return None
    return flow.date_from_parts(parts[0], parts[1], parts[2], what)


# --- Writing the page ------------------------------------------------------------------------

def clear_errors(form):
    summary = form.querySelector(".sw-error-summary")
    summary.hidden = True
    summary.querySelector("ul").textContent = ""
    for message in each(form.querySelectorAll(".sw-error")):
        message.hidden = True
        message.textContent = ""
    for field in each(form.querySelectorAll(".sw-fieldset--error")):
        field.classList.remove("sw-fieldset--error")


def show_error(form, message, field_id=None):
    """The GOV.UK error pattern: a summary at the top linking to the field, and the message
    by the field itself."""
    summary = form.querySelector(".sw-error-summary")
    target = by_id(field_id) if field_id else form.querySelector("input")
    item = make("li")
    link = make("a", message, href="#")
    first_input = target if target.tagName == "INPUT" else target.querySelector("input")

    def focus_field(event):
        event.preventDefault()
        first_input.focus()
    listen(link, "click", focus_field)
    add(summary.querySelector("ul"), add(item, link))
    summary.hidden = False
    inline = by_id(field_id + "-error") if field_id else form.querySelector(".sw-error")
    if inline:
        inline.textContent = "Error: " + message
        inline.hidden = False
        parent = inline.closest("fieldset")
        if parent:
            parent.classList.add("sw-fieldset--error")
    document.title = "Error: " + document.title.replace("Error: ", "")
    summary.focus()


def hide_all(step):
    for form in each(document.querySelectorAll(".sw-step-form")):
        form.hidden = True
    # Once "No" is answered the danger question steps aside, as on a GOV.UK question page; the
    # header keeps 999 on screen.
    document.querySelector(".sw-danger-question").hidden = step != flow.DANGER
    by_id("sw-result").hidden = True
    document.body.classList.remove("sw-has-result")


def focus_heading(container, focus):
    heading = container.querySelector(".sw-question, h2")
    if heading:
        document.title = heading.textContent + " - " + SITE_TITLE
        if focus:
            heading.setAttribute("tabindex", "-1")
            heading.focus()


def fill_date(name, iso):
    day, month, year = flow.date_parts(iso) if iso else ("", "", "")
    by_id(name + "-day").value = day
    by_id(name + "-month").value = month
    by_id(name + "-year").value = year


def show(focus):
    """Show the question (or the answer) the address asks for. If anything goes wrong, say so
    and point to the procedure pages: never leave an empty page."""
    try:
        if area_data(lambda: show(focus)):
            show_step(focus)
    except Exception as error:  # the last line of defence for a worried reader
        js.console.error("Still worried? wizard: " + str(error))
        hide_all(None)
        result = by_id("sw-result")
        result.textContent = ""
        add(result, make("h2", "Sorry, there is a problem with this page", cls="sw-question"),
            make("p", "Use the procedure pages below instead: they have the same stages, contacts and time limits."),
            make("a", "Start again", cls="md-button", href="#"))
        result.hidden = False
        focus_heading(result, True)


def show_step(focus):
    step, answers, problem = current()
    hide_all(step)
    if step == flow.DANGER:
        document.title = SITE_TITLE
        if focus and window.location.hash != "#immediate-danger":
            focus_heading(document.querySelector(".sw-danger-question"), True)
        return
    if step == flow.RESULT:
        try:
            return write_result(answers, focus)
        except ValueError as error:  # a deadline beyond the dates we can count, say
            step, problem = flow.WHEN, str(error)
            hide_all(step)
    field = None
    if step == flow.AREA:
        form = by_id("sw-area")
    elif step == flow.SITUATION:
        form = by_id("sw-situation-" + answers["area"])
    elif step == flow.STAGE:
        form = by_id("sw-stage-" + answers["procedure"])
    else:
        form = by_id("sw-when")
        procedure = BUNDLE["procedures"][answers["procedure"]]
        by_id("sw-started-question").hidden = not flow.asks_when_it_started(procedure)
        by_id("since-legend").textContent = words.capitalise(flow.stage_began_words(procedure, answers["stage"]))
        given = flow.parse_fragment(window.location.hash)
        today = london_now()[0]
        since, started = flow.prefill(given, REMEMBERED, today)
        fill_date("since", since)
        fill_date("started", started)
        found = flow.date_problem(BUNDLE, given["since"], given.get("started"), today) if given.get("since") else None
        field = found[0] if found else "since"
    clear_errors(form)
    previous = flow.back(answers)
    form.querySelector(".sw-back").setAttribute("href", flow.make_fragment(previous) if previous else "#")
    form.hidden = False
    focus_heading(form, focus)
    if problem:
        show_error(form, problem, field)


def on_submit(event):
    event.preventDefault()
    form = event.currentTarget
    step = form.getAttribute("data-step")
    clear_errors(form)
    _, answers, _ = current()
    if step == flow.AREA:
        chosen = checked("area")
        if chosen is None:
            return show_error(form, "Select the area the child is in")
        window.location.hash = flow.make_fragment({"area": chosen})
    elif step == flow.SITUATION:
        chosen = checked("procedure-" + form.getAttribute("data-area"))
        if chosen is None:
            return show_error(form, "Select what describes you")
        window.location.hash = flow.make_fragment({"procedure": chosen})
    elif step == flow.STAGE:
        chosen = checked("stage-" + form.getAttribute("data-procedure"))
        if chosen is None:
            return show_error(form, "Select the stage you have reached")
        window.location.hash = flow.make_fragment({"procedure": answers["procedure"], "stage": int(chosen)})
    else:
        submit_dates(form, answers)


def submit_dates(form, answers):
    try:
        since = typed_date("since", "date this stage began")
        if since is None:
            raise DateError("Enter the date this stage began.")
    except DateError as error:
        return show_error(form, str(error), "since")
    started = None
    if not by_id("sw-started-question").hidden:
        try:
            started = typed_date("started", "date the disagreement began")
        except DateError as error:
            return show_error(form, str(error), "started")
    problem = flow.date_problem(BUNDLE, since, started, london_now()[0])
    if problem:
        return show_error(form, problem[1], problem[0])
    chosen = {"procedure": answers["procedure"], "stage": answers["stage"], "since": since}
    if started and started != since:
        chosen["started"] = started
    window.location.hash = flow.make_fragment(chosen)


# --- The answer --------------------------------------------------------------------------------

def section(parent, title, cls=None):
    block = add(make("div", cls=cls), make("h3", title))
    add(parent, block)
    return block


def bullet_list(items):
    return add(make("ul"), *[make("li", item) for item in items])


def time_element(iso, words_text):
    return make("time", words_text, datetime=iso)


def contact_block(contact, today, now):
    block = make("div", cls="sw-contact sw-result__contact")
    heading = contact["name"]
    if contact.get("person") and contact["person"] not in heading:
        heading += " (" + contact["person"] + ")"
    add(block, make("p", heading, cls="sw-contact__name"))
    if contact.get("role") and contact["role"] != contact["name"]:
        add(block, make("p", contact["role"], cls="sw-contact__role"))
    actions = make("p", cls="sw-contact__actions")
    for phone in contact["phones"]:
        if phone.get("e164"):
            label = " (" + phone["label"] + ")" if phone.get("label") else ""
            add(actions, make("a", "Call " + phone["display"] + label, cls="md-button md-button--primary sw-call",
                              href="tel:" + phone["e164"]))
        else:
            add(block, make("p", "Not a valid number: " + phone["number"] + " is printed like this in the source "
                            "and cannot be dialled.", cls="sw-invalid"))
    for email in contact["emails"]:
        add(actions, make("a", "Email " + email["address"], cls="md-button sw-email", href="mailto:" + email["address"]))
    add(block, actions)
    if contact["conflicts"]:
        others = add(make("p", "Also printed for the same team: ", cls="sw-conflict"))
        for other in contact["conflicts"]:
            add(others, make("a", other["phone_text"], href="tel:" + other["phone"]),
                make("span", " (" + other["name"] + ") "))
        add(block, others)
    if contact.get("conflict"):
        add(block, make("p", contact["conflict"], cls="sw-conflict"))
    if contact.get("hours"):
        status = engine.office_status(BUNDLE, contact["hours"], today, now)
        add(block, make("p", status["words"], cls="sw-open sw-open--" + status["state"]))
    if not contact["phones"] and not contact["emails"] and contact.get("note"):
        add(block, make("p", contact["note"]))
    return block


def write_result(answers, focus):
    today, now = london_now()
    answer = engine.next_step(BUNDLE, answers["procedure"], answers["stage"], answers["since"], answers.get("started"))
    REMEMBERED.clear()
    REMEMBERED.update(answers)
    result = by_id("sw-result")
    result.textContent = ""
    add(result, make("a", "Back", cls="sw-back", href=flow.make_fragment(flow.back(answers))))
    add(result, make("h2", "Stage " + str(answer["stage"]) + ": " + answer["title"], cls="sw-question",
                     id="sw-result-title"))
    add(result, make("p", answer["procedure_title"], cls="sw-lede"))
    if answer["status"] == "lapsed":
        add(result, add(make("div", cls="admonition warning"), make("p", "Past its review date", cls="admonition-title"),
                        make("p", answer["status_note"])))

    who = section(result, "Who to contact now", "sw-result__contacts")
    add(who, make("p", answer["who"]["receiving"] + "."))
    for contact in answer["contacts"]:
        add(who, contact_block(contact, today, now))
    if answer["directory"]:
        add(who, add(make("p", "To find the right person: "),
                     make("a", answer["directory"]["title"],
                          href=CONTACTS_PATH + answer["partnership"] + "/#list-" + answer["directory"]["id"])))

    deadline = section(result, "By when", "sw-result__deadline")
    if answer["deadline"]:
        main = [item for item in answer["deadlines"] if item["id"] == answer["deadline_id"]][0]
        line = add(make("p", cls="sw-deadline"), make("strong", words.deadline_label(main["measures"]) + " "),
                   add(make("strong"), time_element(answer["deadline"], answer["deadline_words"])))
        add(deadline, line, make("p", answer["deadline_rule"]), make("p", "That is " + main["counted"] + ".", cls="sw-counted"))
    else:
        add(deadline, make("p", "The source sets no time limit for this stage. Do not let it drift."))
    others = [item for item in answer["deadlines"] if item["id"] != answer["deadline_id"]]
    if others:
        more = section(result, "Other time limits at this stage", "sw-result__others")
        for item in others:
            add(more, add(make("p"), make("span", item["rule"] + " That is "),
                          time_element(item["date"], item["date_words"]),
                          make("span", " (" + item["counted"] + ").")))
    if answer["overall"]:
        overall = section(result, "Overall time limit", "sw-result__overall")
        add(overall, add(make("p"), make("span", answer["overall"]["rule"] + " That is "),
                         time_element(answer["overall"]["date"], answer["overall"]["date_words"]),
                         make("span", " (" + answer["overall"]["counted"] + ").")))

    add(section(result, "What to do", "sw-result__do"), bullet_list(answer["do"]))
    if answer["send"]:
        send = section(result, "What to send", "sw-result__send")
        add(send, add(make("ul"), *[add(make("li"), make("a", form["title"], href=FORMS_PATH + form["id"] + "/"))
                                    for form in answer["send"]]))
    if answer["record"]:
        add(section(result, "What to record", "sw-result__record"), bullet_list(answer["record"]))
    safety = section(result, "If the child's safety needs it, act sooner", "sw-result__safety admonition tip")
    add(safety, make("p", answer["safety_rule"]["text"]))
    for note in answer["notes"]:
        box = add(section(result, note["title"], "sw-result__note admonition note"), make("p", note["text"]))
        for contact_id in note.get("contacts", []):
            add(box, contact_block(engine.contact_summary(BUNDLE, contact_id), today, now))

    following = section(result, "If it is not resolved", "sw-result__next")
    if answer["next"]:
        add(following, make("p", "Go to stage " + str(answer["next"]["stage"]) + ": " + answer["next"]["title"] + ". "
                             + answer["next"]["who"]["receiving"] + "."))
    else:
        add(following, make("p", "This is the last stage of the procedure."))

    write_answers(result, answer, answers)
    write_actions(result, answer, answers)
    sources = section(result, "Where this comes from", "sw-result__sources")
    add(sources, add(make("ul"), *[add(make("li"), make("cite", source["file"]), make("span", ", " + source["section"]))
                                    for source in answer["sources"]]))
    add(sources, make("p", "Full procedure: ", cls="sw-source"))
    sources.lastChild.appendChild(make("a", answer["procedure_title"],
                                       href=PROCEDURE_PATH + answer["partnership"] + "/" + answer["procedure"] + "/"))
    result.setAttribute("data-answers", flow.make_fragment(answers))
    result.hidden = False
    document.body.classList.add("sw-has-result")
    focus_heading(result, focus)


def write_answers(result, answer, answers):
    """The GOV.UK check-answers pattern: each answer with a link to change it."""
    partnership = BUNDLE["partnerships"][answer["partnership"]]
    procedure = BUNDLE["procedures"][answer["procedure"]]
    rows = [("Area", partnership["name"], {"area": None}),
            ("Your situation", procedure["for_whom"], {"area": answer["partnership"]}),
            ("Stage reached", "Stage " + str(answer["stage"]) + ": " + answer["title"], {"procedure": answer["procedure"]}),
            ("This stage began", answer["since_words"], {"procedure": answer["procedure"], "stage": answer["stage"]})]
    if answer["started"] != answer["since"]:
        rows.append(("The disagreement began", words.long_date(answer["started"]),
                     {"procedure": answer["procedure"], "stage": answer["stage"]}))
    summary = make("dl", cls="sw-summary")
    for label, value, change in rows:
        row = add(make("div", cls="sw-summary__row"), make("dt", label), make("dd", value))
        link = make("a", "Change", href=flow.make_fragment(change))
        add(link, make("span", " " + label.lower(), cls="sw-visually-hidden"))
        add(row, add(make("dd", cls="sw-summary__change"), link))
        add(summary, row)
    add(section(result, "Your answers", "sw-result__answers"), summary)


def write_actions(result, answer, answers):
    actions = section(result, "What next", "sw-result__actions sw-noprint")
    row = add(make("p", cls="sw-actions"))
    if calendar_file.event_date(answer):
        calendar_button = make("button", "Add to calendar", cls="md-button", type="button")

        def download(event):
            text = calendar_file.deadline_event(answer, utc_stamp())
            blob = window.Blob.new(to_js([text]), to_js({"type": "text/calendar;charset=utf-8"}))
            link = make("a", href=window.URL.createObjectURL(blob), download="escalation-deadline.ics")
            document.body.appendChild(link)
            link.click()
            link.remove()
        listen(calendar_button, "click", download)
        add(row, calendar_button)
    print_button = make("button", "Print a record", cls="md-button", type="button")
    listen(print_button, "click", lambda event: window.print())
    add(row, print_button,
        make("a", "Change an answer", cls="md-button", href=flow.make_fragment(flow.back(answers))),
        make("a", "Start again", cls="md-button", href="#"))
    add(actions, row)


def on_hashchange(event):
    show(True)


def start():
    for form in each(document.querySelectorAll(".sw-step-form")):
        listen(form, "submit", on_submit)
    listen(window, "hashchange", on_hashchange)
    show(bool(window.location.hash) and window.location.hash != "#immediate-danger")
    wizard = by_id("sw-wizard")
    wizard.setAttribute("data-ready", "yes")
    by_id("sw-status").textContent = "Every procedure is also set out in full, stage by stage:"
    window.performance.mark("wizard-ready")


if area_data(start):  # a shared link: its area's part first
    start()
