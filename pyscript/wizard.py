"""The "Still worried?" wizard in the browser: glue between the page and the engine.

It reads the page (the address, the radios and date boxes), asks stillworried.core.question_order which
question comes next and stillworried.engine for the answer, and writes that answer with text
nodes only, so nothing from the data can run as markup. It implements no rule. The questions
are on the page, made at build by macros/wizard.py; the choices of those after the area's (the
area's situations, a procedure's stages, the agencies at a stage) are cloned from one template
and filled with text from the chosen area's data, so the page is the same size for any number
of areas.

Runs on PyScript's MicroPython (and on Pyodide with type="py"): only `pyscript` and `json`.
"""
import json

import js
from pyscript.ffi import create_proxy, to_js

from stillworried.core import (address_grammar, answer_view, bundle_parts, calendar_file, contacts, date_answers,
                               page_ids, question_answers, question_order, wizard_choices, worded)
from stillworried.core.words import contacts as contact_words, page as page_words, questions as words
from stillworried.core.workdays import DateError

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
    return False. Every question after the area's waits for it, since whether the situation
    question is asked at all depends on the area's procedures. A part that cannot be fetched
    raises once (show() says so), and is fetched again the next time."""
    answers = address_grammar.parse_fragment(window.location.hash)
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
    # Every question after the area waits for the area's part: which of them comes next depends on
    # its procedures (an area with one situation skips that question).
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
    return question_order.step(BUNDLE, address_grammar.parse_fragment(window.location.hash), london_now()[0])


def checked(name):
    for radio in each(document.getElementsByName(name)):
        if radio.checked:
            return radio.value
    return None


def typed_date(name, what):
    parts = [by_id(name + "-" + part).value for part in ("day", "month", "year")]
    if not "".join(parts).strip():
        return None
    return date_answers.date_from_parts(parts[0], parts[1], parts[2], what)


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
    document.querySelector(".sw-danger-question").hidden = step != address_grammar.DANGER
    by_id("sw-result").hidden = True
    document.body.classList.remove("sw-has-result")


def focus_heading(container, focus):
    """The page title is the question (GOV.UK), and focus moves to it after Continue. The
    hidden error summary's own heading comes first in the form, so it is never picked."""
    heading = container.querySelector(".sw-question") or container.querySelector("h2")
    if heading:
        document.title = heading.textContent + " - " + SITE_TITLE
        if focus:
            # Each question starts at the top, as a new GOV.UK page does: the banner, with the
            # quick exit and the area's front door, is back in view (999 is in the sticky header).
            window.scrollTo(0, 0)
            heading.setAttribute("tabindex", "-1")
            heading.focus(to_js({"preventScroll": True}))


def fill_date(name, iso):
    day, month, year = date_answers.date_parts(iso) if iso else ("", "", "")
    by_id(name + "-day").value = day
    by_id(name + "-month").value = month
    by_id(name + "-year").value = year


# --- The choices that come from the chosen area's data ----------------------------------------

def fill_choices(form, key, name, choices, first=0):
    """Put choices [(value, label, hint or None, lapsed)] into the form's slot, each cloned from
    the page's one choice template and filled with text only. Done once per key (the area, the
    procedure...), so a choice made stays checked when the person comes back to the question."""
    if form.getAttribute(page_ids.FILLED_FOR) == key:
        return form
    for radio in each(form.querySelectorAll("input[type=radio]")):
        radio.checked = False
    slot = field(form, page_ids.CHOICES)
    slot.textContent = ""
    for index, (value, label, hint, lapsed) in enumerate(choices):
        item = clone(page_ids.TEMPLATE_CHOICE)
        ident = name + "-" + str(first + index)
        radio = item.querySelector("input")
        radio.setAttribute("id", ident)
        radio.setAttribute("name", name)
        radio.setAttribute("value", value)
        item.querySelector("label").setAttribute("for", ident)
        fill(item, page_ids.CHOICE_LABEL, label)
        if hint:
            fill(item, page_ids.CHOICE_HINT, hint)
            field(item, page_ids.CHOICE_HINT).setAttribute("id", ident + "-hint")
            radio.setAttribute("aria-describedby", ident + "-hint")
        else:
            field(item, page_ids.CHOICE_HINT).remove()
            radio.removeAttribute("aria-describedby")
        if not lapsed:
            field(item, page_ids.CHOICE_TAG).remove()
        slot.appendChild(item)
    form.setAttribute(page_ids.FILLED_FOR, key)
    return form


def situation_form(area):
    """Which of these describes you? The area's procedures, each with who it is for, and the
    situations their sources give a rule for outside the stages (a referral with no answer)."""
    choices = [(item["value"], item["label"], item["hint"], item["lapsed"]) for item in wizard_choices.situations(BUNDLE, area)]
    return fill_choices(by_id("sw-" + address_grammar.SITUATION), area, "procedure", choices)


def stage_form(procedure_id):
    """Which stage have you reached? After the fixed first choice, "Where should I be today?"."""
    form = by_id("sw-" + address_grammar.STAGE)
    if form.getAttribute(page_ids.FILLED_FOR) != procedure_id:
        procedure = BUNDLE["procedures"][procedure_id]
        # The situation question was skipped (one choice is no question): say what was chosen.
        only = len(wizard_choices.situations(BUNDLE, procedure["partnership"])) == 1
        chosen, hint = field(form, page_ids.CHOSEN), field(form, page_ids.HINT)
        chosen.textContent = (BUNDLE["partnerships"][procedure["partnership"]]["name"] + " has one procedure for "
                              "this, so we have chosen it: " + procedure["title"] + ".") if only else ""
        hint.textContent = "" if only else (procedure["title"] + ". Choose the stage that matches who you have "
                                            "already spoken to.")
        chosen.hidden, hint.hidden = not only, only
    choices = [(str(stage["number"]), answer_view.stage_title(stage["number"], stage["title"]),
                stage.get("reached_when"), False) for stage in BUNDLE["procedures"][procedure_id]["stages"]]
    return fill_choices(form, procedure_id, "stage", choices, first=1)


def agency_form(procedure_id, stage):
    """Whose decision do you disagree with? The agencies the source lists at this stage, then
    the fixed "Another agency, or I'm not sure"."""
    choices = [(choice["id"], choice["label"], choice.get("hint"), False)
               for choice in wizard_choices.agencies(BUNDLE, procedure_id, stage)]
    return fill_choices(by_id("sw-" + address_grammar.AGENCY), procedure_id + "-" + str(stage), "agency", choices)


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
        if not js.navigator.onLine:
            # Offline, an area never used on this phone has no saved data, nor saved pages to send
            # the person to (a tester was told "Use the procedure pages below instead").
            add(result, make("h2", words.NO_SIGNAL_TITLE, cls="sw-question"), make("p", words.NO_SIGNAL_AREA))
        else:
            add(result, make("h2", "Sorry, there is a problem with this page", cls="sw-question"),
                make("p", "Use the procedure pages below instead: they have the same stages, contacts and time "
                          "limits."),
                make("a", words.START_AGAIN, cls="md-button", href="#"))
        result.hidden = False
        focus_heading(result, True)


def show_step(focus):
    step, answers, problem = current()
    hide_all(step)
    if step == address_grammar.DANGER:
        document.title = SITE_TITLE
        if focus and window.location.hash != "#immediate-danger":
            focus_heading(document.querySelector(".sw-danger-question"), True)
        return
    if step == address_grammar.RESULT:
        try:
            return write_result(answers, focus)
        except ValueError as error:  # a deadline beyond the dates we can count, say
            step = address_grammar.WHEN if address_grammar.RAISED not in answers else (
                address_grammar.WHEN_ESCALATED if answers.get("since") else address_grammar.WHEN_RAISED)
            problem = str(error)
            hide_all(step)
    field = None
    given = address_grammar.parse_fragment(window.location.hash)
    if step == address_grammar.AREA:
        form = by_id("sw-area")
        choose(form, answers.get("partnership") if address_grammar.ASK in answers else None)
    elif step == address_grammar.SITUATION:
        form = situation_form(answers.get("area") or answers["partnership"])
        # The radio of the situation already chosen: a procedure, or its follow-up ("id/follow-up").
        chosen = answers.get("procedure")
        if chosen and answers.get(address_grammar.AFTER):
            chosen += "/" + answers[address_grammar.AFTER]
        choose(form, chosen)
    elif step == address_grammar.STAGE:
        form = stage_form(answers["procedure"])
        choose(form, address_grammar.RAISED if answers.get(address_grammar.RAISED) else answers.get("stage"))
    elif step == address_grammar.AGENCY:
        form = agency_form(answers["procedure"], answers.get("stage") or answers["landed"])
        choose(form, answers.get("agency"))
    elif step == address_grammar.WHEN_RAISED:
        form = by_id("sw-when-raised")
        same = REMEMBERED.get("procedure") == answers["procedure"]
        fill_date("raised", given.get(address_grammar.RAISED) or (REMEMBERED.get(address_grammar.RAISED) if same else None))
        field = "raised"
    elif step == address_grammar.WHEN_ESCALATED:
        form = escalated_form(answers, given)
        field = "escalated"
    else:
        form = by_id("sw-when")
        # A stage's question, or a follow-up's own ("When did you make the referral?").
        question, legend, asks_started = date_answers.date_question(BUNDLE, answers)
        form.querySelector(".sw-question").textContent = question
        by_id("sw-started-question").hidden = not asks_started
        by_id("since-legend").textContent = legend
        since, started = question_answers.prefill(given, REMEMBERED)
        fill_date("since", since)
        fill_date("started", started)
        found = date_answers.date_problem(BUNDLE, given["since"], given.get("started"), london_now()[0]) \
            if given.get("since") else None
        field = found[0] if found else "since"
    clear_errors(form)
    previous = question_order.back(answers, BUNDLE)
    form.querySelector(".sw-back").setAttribute("href", address_grammar.make_fragment(previous) if previous else "#")
    form.hidden = False
    focus_heading(form, focus)
    if problem:
        show_error(form, problem, field)


def on_submit(event):
    """Read the question's answer and go to the address question_answers.answered gives: the next question,
    or the answer, with every answer given before kept."""
    event.preventDefault()
    form = event.currentTarget
    step = form.getAttribute("data-step")
    clear_errors(form)
    _, answers, _ = current()
    today = london_now()[0]
    if step in CHOICE_QUESTIONS:
        name, missing = CHOICE_QUESTIONS[step]
        value = checked(name)
        if value is None:
            return show_error(form, missing)
        if step == address_grammar.STAGE and value != address_grammar.RAISED:
            value = int(value)
    elif step == address_grammar.WHEN_RAISED:
        try:
            value = typed_date("raised", "date you raised it")
            if value is None:
                raise DateError("Enter the date you raised it.")
        except DateError as error:
            return show_error(form, str(error), "raised")
        problem = date_answers.date_problem(BUNDLE, value, None, today, date_answers.RAISED_WHAT)
        if problem:
            return show_error(form, problem[1], "raised")
    elif step == address_grammar.WHEN_ESCALATED:
        # Optional: left empty, it is "I do not know".
        try:
            value = typed_date("escalated", words.stage_began_what(answers["stage"]))
        except DateError as error:
            return show_error(form, str(error), "escalated")
        problem = value and date_answers.escalated_problem(BUNDLE, answers[address_grammar.RAISED], answers["stage"], value, today)
        if problem:
            return show_error(form, problem, "escalated")
    else:
        value = typed_dates(form, answers)
        if value is None:
            return
    go(question_answers.answered(BUNDLE, answers, step, value, today))


# The questions answered by a radio: the radios' name, and the message when none is chosen.
CHOICE_QUESTIONS = {address_grammar.AREA: ("area", "Select the area the child is in"),
                    address_grammar.SITUATION: ("procedure", "Select what describes you"),
                    address_grammar.STAGE: ("stage", "Select the stage you have reached"),
                    address_grammar.AGENCY: ("agency", "Select whose decision you disagree with")}


def go(answers):
    """Show the address for these answers (an unchanged address is shown again: no hashchange)."""
    fragment = address_grammar.make_fragment(answers)
    if fragment == window.location.hash:
        show(True)
    else:
        window.location.hash = fragment


def typed_dates(form, answers):
    """(since, started) from the date question (a stage's, or a follow-up's own), or None once an
    error is shown."""
    try:
        what = words.date_what(date_answers.date_question(BUNDLE, answers)[1]) if answers.get(address_grammar.AFTER) \
            else "date this stage began"
        since = typed_date("since", what)
        if since is None:
            raise DateError("Enter the " + what + ".")
    except DateError as error:
        return show_error(form, str(error), "since")
    started = None
    if not by_id("sw-started-question").hidden:
        try:
            started = typed_date("started", "date the disagreement began")
        except DateError as error:
            return show_error(form, str(error), "started")
    problem = date_answers.date_problem(BUNDLE, since, started, london_now()[0])
    if problem:
        return show_error(form, problem[1], problem[0])
    return since, started


def choose(form, value):
    """Check the radio holding an answer already given (going back, or a "Change" link)."""
    if value is None:
        return
    for radio in each(form.querySelectorAll("input[type=radio]")):
        radio.checked = radio.value == str(value)


def escalated_form(answers, given):
    """"When did stage N begin?", with the walk's day in the hint and "I do not know"."""
    form = by_id("sw-" + address_grammar.WHEN_ESCALATED)
    said = date_answers.escalated_question(BUNDLE, answers, london_now()[0])
    fill(form, page_ids.QUESTION, said["question"])
    fill(form, page_ids.HINT, said["hint"])
    by_id("escalated-legend").textContent = said["legend"]
    since, _ = question_answers.prefill(given, REMEMBERED)
    fill_date("escalated", since)
    unknown = question_answers.answered(BUNDLE, answers, address_grammar.WHEN_ESCALATED, None, london_now()[0])
    field(form, page_ids.DONT_KNOW).setAttribute("href", address_grammar.make_fragment(unknown))
    return form


# --- The answer --------------------------------------------------------------------------------

def section(parent, title, cls=None):
    block = add(make("div", cls=cls), make("h3", title))
    add(parent, block)
    return block


def bullet_list(items):
    return add(make("ul"), *[make("li", item) for item in items])


def time_element(iso, words_text):
    return make("time", words_text, datetime=iso)


def clone(template_id):
    """A fresh copy of one of the page's <template> elements (made at build from templates/)."""
    return by_id(template_id).content.firstElementChild.cloneNode(True)


def field(node, name):
    return node.querySelector("[" + page_ids.FIELD + "='" + name + "']")


def fill(node, name, text):
    """Set a template's field as text (never parsed as markup)."""
    field(node, name).textContent = str(text)


def shown_or_hidden(node, name, text):
    """Fill a template's field that starts hidden and show it, or leave it hidden and empty."""
    slot = field(node, name)
    slot.textContent = text or ""
    slot.hidden = not text


def filled_or_gone(node, name, text):
    """Fill a template's optional field, or remove it where there is nothing to say."""
    if text:
        fill(node, name, text)
    else:
        field(node, name).remove()


def contact_block(contact, today, now):
    """A contact card from templates/contact_card.html, the pages' card: its one call, one
    invalid number and one email are cloned per number and address, then the prototypes removed."""
    card = clone(page_ids.TEMPLATE_CONTACT)
    card.setAttribute("data-contact", contact["id"])
    fill(card, page_ids.NAME, contact_words.contact_heading(contact))
    filled_or_gone(card, page_ids.ROLE, contact_words.contact_role(contact))
    call, wrong, mail = field(card, page_ids.CALL), field(card, page_ids.INVALID), field(card, page_ids.EMAIL)
    for phone in contact["phones"]:
        if phone.get("e164"):
            link = call.cloneNode(True)
            link.setAttribute("href", "tel:" + phone["e164"])
            fill(link, page_ids.NUMBER, phone["display"])
        else:
            link = wrong.cloneNode(True)
            fill(link, page_ids.INVALID_NUMBER, phone["number"])
        filled_or_gone(link, page_ids.PHONE_LABEL, phone.get("label"))
        call.parentNode.insertBefore(link, call)
    for email in contact["emails"]:
        link = mail.cloneNode(True)
        link.setAttribute("href", "mailto:" + email["address"])
        fill(link, page_ids.EMAIL_ADDRESS, email["address"])
        filled_or_gone(link, page_ids.EMAIL_LABEL, email.get("label"))
        mail.parentNode.insertBefore(link, mail)
    call.remove()
    wrong.remove()
    mail.remove()
    if contact["phones"] or contact["emails"]:
        field(card, page_ids.NO_WAYS).remove()
    else:
        field(card, page_ids.WAYS).remove()
        fill(card, page_ids.NO_WAYS, contact_words.no_ways_words(contact))
    filled_or_gone(card, page_ids.HOURS, contact.get("hours")
                   and worded.office_status(contacts.office_status(BUNDLE, contact["hours"], today, now))["words"])
    box = field(card, page_ids.CONFLICT)
    if contact["conflicts"] or contact.get("conflict"):
        # Another number printed for the same team: said, but after the first screen's essentials.
        also, one = field(box, page_ids.ALSO), field(box, page_ids.ALSO_ONE)
        for other in contact["conflicts"]:
            item = one.cloneNode(True)
            link = field(item, page_ids.ALSO_CALL)
            link.setAttribute("href", "tel:" + other["phone"])
            link.textContent = other["phone_text"]
            # Which document and date it comes from (its name where the data gives none).
            fill(item, page_ids.ALSO_NAME, other.get("label") or other["name"])
            also.insertBefore(item, one)
        one.remove()
        if not contact["conflicts"]:
            also.remove()
        filled_or_gone(box, page_ids.CONFLICT_NOTE, contact.get("conflict"))
    else:
        box.remove()
    # The note is the pages' detail; where it says how to reach a contact with no number, it is
    # in the no-ways line above.
    field(card, page_ids.NOTE).remove()
    return card


def disclosure(parent, title, cls=None):
    """A GOV.UK details disclosure, closed: everything after the first screen lives in one."""
    box = make("details", cls="sw-details" + (" " + cls if cls else ""))
    add(box, add(make("summary", cls="sw-details__summary"), make("span", title, cls="sw-details__summary-text")))
    body = make("div", cls="sw-details__text")
    add(box, body)
    add(parent, box)
    return body


def limit_line(item):
    """One time limit in a sentence with its date in a <time datetime>, or with what is
    missing to work it out (the engine never counts from a date not given)."""
    shown = answer_view.limit_line(item)
    if shown[0] == "missing":
        return make("p", shown[1], cls="sw-missing")
    _, before, after, warnings = shown
    line = add(make("p"), make("span", before), time_element(item["date"], item["date_words"]), make("span", after))
    for warning in warnings:
        add(line, make("span", " " + warning))
    return line


def chosen_agency(answer, answers):
    """The agency chosen at this stage ({"id", "name", "contacts"}), None, or the 'other' id."""
    if answer["stage"] is None:
        return None, []
    choices = wizard_choices.agencies(BUNDLE, answer["procedure"], answer["stage"])
    if not choices:
        return None, []
    return wizard_choices.agency(BUNDLE, answer["procedure"], answer["stage"], answers.get("agency")), choices


def write_result(answers, focus):
    today, now = london_now()
    if answers.get(address_grammar.RAISED) and answers.get("since"):
        # "Where should I be today?", and the person has said when the stage it reached began.
        answer = worded.where_known(BUNDLE, answers["procedure"], answers[address_grammar.RAISED], answers["stage"],
                                    answers["since"], today)
    elif answers.get(address_grammar.RAISED):
        # "Where should I be today?": the engine walks the procedure and answers for today's stage.
        answer = worded.where_today(BUNDLE, answers["procedure"], answers[address_grammar.RAISED], today)
    elif answers.get(address_grammar.AFTER):
        # A situation the source gives a rule for outside its stages: a referral with no answer.
        answer = worded.follow_up(BUNDLE, answers["procedure"], answers[address_grammar.AFTER], answers["since"], today)
    else:
        answer = worded.next_step(BUNDLE, answers["procedure"], answers["stage"], answers["since"],
                                  answers.get("started"), today)
    REMEMBERED.clear()
    REMEMBERED.update(address_grammar.given_answers(answers))
    result = by_id("sw-result")
    result.textContent = ""
    add(result, make("a", "Back", cls="sw-back", href=address_grammar.make_fragment(question_order.back(answers, BUNDLE))))

    # The first screen, from the same template as the first-paint blocks: who acts and whom they
    # contact, how; by when; what happens next.
    first = clone(page_ids.TEMPLATE_FIRST)
    add(result, first)
    counted = worded.counted_from(answer)
    view = answer_view.first_screen(answer, counted)
    fill(first, page_ids.TITLE, view["title"])
    fill(first, page_ids.LEDE, view["lede"])
    fill(first, page_ids.WHO, view["who"])
    who = field(first, page_ids.CONTACTS)
    said = answer["no_number"]
    if said:
        # The source gives no number for this step: say so, how to reach them, and any way in it gives.
        fill(first, page_ids.NO_NUMBER, view["no_number"])
    else:
        field(first, page_ids.NO_NUMBER).remove()
    carded = answer["contacts"] + (said["contacts"] if said else [])
    for contact in carded:
        add(who, contact_block(contact, today, now))
    picked, choices = chosen_agency(answer, answers)
    if picked:
        # Named by the stage the source gives the list for; children's contacts first, and those
        # the source says are for adults only apart, after them.
        add(who, make("p", contact_words.list_heading(picked["name"], answer["directory"], answer["stage"]), cls="sw-agency"))
        for contact_id in picked["contacts"]:
            carded.append(worded.contact(contacts.contact_summary(BUNDLE, contact_id)))
            add(who, contact_block(carded[-1], today, now))
        if picked["adults_only"]:
            add(who, make("p", contact_words.ADULTS_ONLY, cls="sw-agency sw-agency--adults"))
            for contact_id in picked["adults_only"]:
                carded.append(worded.contact(contacts.contact_summary(BUNDLE, contact_id)))
                add(who, contact_block(carded[-1], today, now))
    elif choices:
        # The agency question, with every other answer kept in the address.
        add(who, add(make("p", cls="sw-agency"),
                     make("a", page_words.ASK_AGENCY,
                          href=address_grammar.make_fragment(address_grammar.asking(answers, address_grammar.AGENCY)))))
    if answer["directory"]:
        listing = page_ids.from_wizard(page_ids.contacts_path(answer["partnership"]))
        add(who, add(make("p", cls="sw-directory"), make("span", page_words.DIRECTORY),
                     make("a", answer["directory"]["title"], href=listing + "#list-" + answer["directory"]["id"])))
    # The date to keep to, and the lines around it: the answer view (core/answer_view.py) says which.
    rule = field(first, page_ids.RULE)
    rule.textContent = view["rule"]
    if view["date"]:
        fill(first, page_ids.LABEL, view["date"]["label"])
        when = field(first, page_ids.DATE)
        when.setAttribute("datetime", view["date"]["iso"])
        when.textContent = view["date"]["words"]
        shown_or_hidden(first, page_ids.CLOSED, view["closed"])
        shown_or_hidden(first, page_ids.READING, view["reading"])
        if view["from_line"]:
            write_counted_from(field(first, page_ids.FROM), view["from_line"], answer, answers)
        elif view["tell_us"]:
            tell_us(rule, answer, answers)
    else:
        first.querySelector(".sw-deadline").remove()
    if view["flag"]:
        # Today or overdue, by the stage's date or the whole process's limit (the engine says which).
        shown = field(first, page_ids.FLAG)
        shown.textContent = view["flag"]["words"]
        shown.classList.add("sw-flag--" + view["flag"]["status"])
        shown.hidden = False
    shown_or_hidden(first, page_ids.STEPS_DUE, view["steps_due"])
    if view["which_wins"]:
        fill(first, page_ids.WHICH_WINS, view["which_wins"])
    else:
        field(first, page_ids.WHICH_WINS).remove()
    fill(first, page_ids.NEXT, view["next"])
    if view["lapsed"]:
        add(result, make("p", view["lapsed"], cls="sw-lapsed"))

    # Everything else, closed by default.
    others = [item for item in answer["deadlines"] if not item["headline"]]
    if others or answer["overall"]:
        limits = disclosure(result, page_words.OTHER_LIMITS)
        if others:
            more = add(make("div", cls="sw-result__others"))
            for item in others:
                add(more, limit_line(item))
            add(limits, more)
        if answer["overall"]:
            # "The whole process", or "The aim at stage 1" (Southwark 3.1's working week).
            overall = add(make("div", cls="sw-result__overall"), make("h3", answer_view.overall_heading(answer["overall"])),
                          limit_line(answer["overall"]))
            if answer["overall"]["missing"] == "started":
                # Never counted from the day this stage began: ask for the day it began.
                add(overall, add(make("p"), make("a", page_words.ADD_STARTED,
                                                 href=address_grammar.make_fragment(address_grammar.asking(answers, address_grammar.WHEN)))))
            add(limits, overall)
    if answer["stage"] is not None:  # a follow-up comes before the stages: no walk to date
        write_timeline(disclosure(result, page_words.TIMELINE, "sw-result__timeline"), answer, today)
    do = disclosure(result, page_words.TO_DO, "sw-result__do")
    add(do, bullet_list(answer["do"]))
    if answer["how"]:
        # How the thing waited on is done in the first place (Salford VCSE App. 2 section 2: a referral).
        add(disclosure(result, answer["how"]["title"], "sw-result__how"),
            add(make("ol"), *[make("li", step) for step in answer["how"]["steps"]]))
    if answer["send"]:
        add(do, make("h3", page_words.TO_SEND),
            add(make("ul", cls="sw-result__send"),
                *[add(make("li"), make("a", form["title"], href=page_ids.from_wizard(page_ids.form_path(form["id"]))))
                  for form in answer["send"]]))
    if answer["record"]:
        add(do, make("h3", page_words.TO_RECORD), bullet_list(answer["record"]))
    add(disclosure(result, page_words.SAFETY, "sw-result__safety"),
        make("p", answer["safety_rule"]["text"]))
    for note in answer["notes"]:
        box = disclosure(result, note["title"], "sw-result__note")
        add(box, make("p", note["text"]))
        for contact_id in note.get("contacts", []):
            add(box, contact_block(worded.contact(contacts.contact_summary(BUNDLE, contact_id)), today, now))
    if answer["next"]:
        add(disclosure(result, page_words.next_stage(answer["next"]["stage"]), "sw-result__then"),
            make("p", page_words.next_who(answer["next"]["who"])))

    write_answers(result, answer, answers)
    write_actions(result, answer, answers)
    sources = disclosure(result, page_words.SOURCES, "sw-result__sources")
    add(sources, add(make("ul"), *[add(make("li"), make("cite", source_name(source["file"]), title=source["file"]),
                                       make("span", ", " + source["section"]))
                                   for source in answer["sources"]]))
    # Whether anyone has confirmed each contact shown, and how old its source is (the pages' words).
    said_lines = []
    for contact in carded:
        line = page_words.checked_line(contact["name"], contact["checked_words"])
        if line not in said_lines:
            said_lines.append(line)
            add(sources, make("p", line, cls="sw-source"))
    add(sources, make("p", page_words.FULL_PROCEDURE, cls="sw-source"))
    procedure = {"partnership": answer["partnership"], "id": answer["procedure"]}
    sources.lastChild.appendChild(make("a", answer["procedure_title"],
                                       href=page_ids.from_wizard(page_ids.procedure_path(procedure))))
    result.setAttribute("data-answers", address_grammar.make_fragment(answers))
    result.hidden = False
    document.body.classList.add("sw-has-result")
    focus_heading(result, focus)


def write_counted_from(line, said, answer, answers):
    """The day the bold date was counted from (engine.counted_from), where the rule's own count
    starts on another day, so a date typed wrong can be seen."""
    line.textContent = said["words"]
    if said["assumed"]:
        tell_us(line, answer, answers)
    line.hidden = False


def tell_us(line, answer, answers):
    """Where the day is the walk's assumption: a link asking when the stage really began."""
    asked = dict(address_grammar.given_answers(answers))
    asked["stage"] = answer["stage"]
    add(line, make("span", " "), make("a", words.TELL_US, href=address_grammar.make_fragment(asked)))


def source_name(file):
    """A source as a reader names it ("Wigan Resolution Protocol"); its file name stays in the
    title for maintainers, as on the static pages."""
    return BUNDLE["sources"].get(file, {}).get("short_title") or file


def write_timeline(parent, answer, today):
    """The engine's timeline as the ladder of templates/timeline.html: its prototype step is
    cloned per stage and filled with text. Each stage with the date it ends (where the source
    gives one), the whole process's limit, today and the bank holidays in the span."""
    walk = answer.get("walk") or worded.timeline(BUNDLE, answer["procedure"], answer["stage"], answer["since"],
                                                 answer["started"], today)
    rows = answer_view.timeline_rows(walk, answer)
    figure = clone(page_ids.TEMPLATE_TIMELINE)
    fill(figure, page_ids.CAPTION, answer_view.timeline_caption(walk))
    ladder = field(figure, page_ids.LADDER)
    ladder.setAttribute("viewBox", "0 0 300 " + str(len(rows) * page_ids.ROW))
    step, item = field(ladder, page_ids.STEP), field(figure, page_ids.STEP_TEXT)
    for index, (number, title, when, state, text) in enumerate(rows):
        row = step.cloneNode(True)
        row.setAttribute("transform", "translate(0 " + str(index * page_ids.ROW) + ")")
        row.setAttribute("class", "sw-timeline__step sw-timeline__step--" + state)
        fill(row, page_ids.STEP_NUMBER, number)
        fill(row, page_ids.STEP_TITLE, title)
        fill(row, page_ids.STEP_DATE, when)
        ladder.insertBefore(row, step)
        line = item.cloneNode(True)
        line.textContent = text
        item.parentNode.insertBefore(line, item)
    step.remove()
    item.remove()
    add(parent, figure)


def write_answers(result, answer, answers):
    """The GOV.UK check-answers pattern: each answer with a link to change it, which asks that
    question again with every other answer kept (address_grammar.asking)."""
    item = wizard_choices.follow_up(BUNDLE, answer["procedure"], answer.get("after"))
    one = len(wizard_choices.situations(BUNDLE, answer["partnership"])) == 1
    picked, choices = (None, []) if item else chosen_agency(answer, answers)
    rows = answer_view.check_rows(BUNDLE, answer, answers, item, one, picked, choices)
    summary = make("dl", cls="sw-summary")
    for label, value, change in rows:
        summary_row(summary, label, value, address_grammar.asking(answers, change) if isinstance(change, str) else change)
    add(section(result, page_words.YOUR_ANSWERS, "sw-result__answers"), summary)


def summary_row(summary, label, value, change):
    """One row of "Your answers": the answer, and a link to change it."""
    row = add(make("div", cls="sw-summary__row"), make("dt", label), make("dd", value))
    link = make("a", page_words.CHANGE, href=address_grammar.make_fragment(change))
    add(link, make("span", " " + label.lower(), cls="sw-visually-hidden"))
    add(row, add(make("dd", cls="sw-summary__change"), link))
    add(summary, row)


def write_actions(result, answer, answers):
    actions = section(result, page_words.WHAT_NEXT, "sw-result__actions sw-noprint")
    row = add(make("p", cls="sw-actions"))
    if calendar_file.event_date(answer):
        calendar_button = make("button", page_words.ADD_TO_CALENDAR, cls="md-button", type="button")

        def download(event):
            text = calendar_file.deadline_event(answer, utc_stamp())
            blob = window.Blob.new(to_js([text]), to_js({"type": "text/calendar;charset=utf-8"}))
            link = make("a", href=window.URL.createObjectURL(blob), download=page_words.CALENDAR_FILE)
            document.body.appendChild(link)
            link.click()
            link.remove()
        listen(calendar_button, "click", download)
        add(row, calendar_button)
    print_button = make("button", page_words.PRINT, cls="md-button", type="button")
    listen(print_button, "click", lambda event: window.print())
    add(row, print_button,
        make("a", page_words.CHANGE_AN_ANSWER, cls="md-button", href=address_grammar.make_fragment(question_order.back(answers, BUNDLE))),
        make("a", words.START_AGAIN, cls="md-button", href="#"))
    add(actions, row)


def open_details(event):
    """A printed record shows everything, closed disclosures included."""
    for box in each(document.querySelectorAll("#sw-result details")):
        box.open = True


def on_hashchange(event):
    show(True)


def start():
    for form in each(document.querySelectorAll(".sw-step-form")):
        listen(form, "submit", on_submit)
    listen(window, "hashchange", on_hashchange)
    listen(window, "beforeprint", open_details)
    show(bool(window.location.hash) and window.location.hash != "#immediate-danger")
    wizard = by_id("sw-wizard")
    wizard.setAttribute("data-ready", "yes")
    by_id("sw-status").textContent = "Every procedure is also set out in full, stage by stage:"
    window.performance.mark("wizard-ready")


if area_data(start):  # a shared link: its area's part first
    start()
