"""The wizard's questions on the page: which one the address asks for (the engine's
question_order says), their choices from the area's data, the typed dates and the GOV.UK error
pattern, and Continue, which goes to the next address."""
import js

from answer import write_result
from area_data import area_data
from dom import add, by_id, clone, each, field, fill, focus_heading, listen, london_now, make
from page_state import PAGE, document, window
from stillworried.core import (address_grammar, answer_view, contacts, date_answers, page_ids, question_answers,
                               question_order, wizard_choices)
from stillworried.core.words import questions as words
from stillworried.core.workdays import DateError


# --- Reading the page ------------------------------------------------------------------------

def current():
    return question_order.step(PAGE.bundle, address_grammar.parse_fragment(window.location.hash), london_now()[0])


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
    PAGE.release("errors")
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
    listen(link, "click", focus_field, "errors")
    add(summary.querySelector("ul"), add(item, link))
    summary.hidden = False
    inline = by_id(field_id + "-error") if field_id else form.querySelector(".sw-error")
    if inline:
        inline.textContent = words.ERROR + message
        inline.hidden = False
        parent = inline.closest("fieldset")
        if parent:
            parent.classList.add("sw-fieldset--error")
    document.title = words.ERROR + document.title.replace(words.ERROR, "")
    summary.focus()


def hide_all(step):
    for form in each(document.querySelectorAll(".sw-step-form")):
        form.hidden = True
    # Once "No" is answered the danger question steps aside, as on a GOV.UK question page; the
    # header keeps 999 on screen.
    document.querySelector(".sw-danger-question").hidden = step != address_grammar.DANGER
    by_id("sw-result").hidden = True
    document.body.classList.remove("sw-has-result")


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
    choices = [(item["value"], item["label"], item["hint"], item["lapsed"]) for item in wizard_choices.situations(PAGE.bundle, area)]
    return fill_choices(by_id("sw-" + address_grammar.SITUATION), area, "procedure", choices)


def stage_form(procedure_id):
    """Which stage have you reached? After the fixed first choice, "Where should I be today?"."""
    form = by_id("sw-" + address_grammar.STAGE)
    if form.getAttribute(page_ids.FILLED_FOR) != procedure_id:
        procedure = PAGE.bundle["procedures"][procedure_id]
        # The situation question was skipped (one choice is no question): say what was chosen.
        only = wizard_choices.one_situation(PAGE.bundle, procedure["partnership"]) is not None
        chosen, hint = field(form, page_ids.CHOSEN), field(form, page_ids.HINT)
        chosen.textContent = words.one_procedure(PAGE.bundle["partnerships"][procedure["partnership"]]["name"],
                                                 procedure["title"]) if only else ""
        hint.textContent = "" if only else words.stage_hint(procedure["title"])
        chosen.hidden, hint.hidden = not only, only
    choices = [(str(stage["number"]), answer_view.stage_title(stage["number"], stage["title"]),
                stage.get("reached_when"), False) for stage in PAGE.bundle["procedures"][procedure_id]["stages"]]
    return fill_choices(form, procedure_id, "stage", choices, first=1)


def agency_form(procedure_id, stage):
    """Whose decision do you disagree with? The agencies the source lists at this stage, then
    the fixed "Another agency, or I'm not sure"."""
    choices = [(choice["id"], choice["label"], choice.get("hint"), False)
               for choice in wizard_choices.agencies(PAGE.bundle, procedure_id, stage)]
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
            add(result, make("h2", words.NO_SIGNAL_TITLE, cls="sw-question"),
                make("p", words.no_signal_area(contacts.emergency_phone(PAGE.bundle)["display"])))
        else:
            add(result, make("h2", words.PROBLEM_TITLE, cls="sw-question"), make("p", words.PROBLEM_TEXT),
                make("a", words.START_AGAIN, cls="md-button", href="#"))
        result.hidden = False
        focus_heading(result, True)


def show_step(focus):
    step, answers, problem = current()
    hide_all(step)
    if step == address_grammar.DANGER:
        document.title = PAGE.site_title
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
        same = PAGE.remembered.get("procedure") == answers["procedure"]
        fill_date("raised", given.get(address_grammar.RAISED) or (PAGE.remembered.get(address_grammar.RAISED) if same else None))
        field = "raised"
    elif step == address_grammar.WHEN_ESCALATED:
        form = escalated_form(answers, given)
        field = "escalated"
    else:
        form = by_id("sw-when")
        # A stage's question, or a follow-up's own ("When did you make the referral?").
        question, legend, asks_started = date_answers.date_question(PAGE.bundle, answers)
        form.querySelector(".sw-question").textContent = question
        by_id("sw-started-question").hidden = not asks_started
        by_id("since-legend").textContent = legend
        since, started = question_answers.prefill(given, PAGE.remembered)
        fill_date("since", since)
        fill_date("started", started)
        found = date_answers.date_problem(PAGE.bundle, given["since"], given.get("started"), london_now()[0]) \
            if given.get("since") else None
        field = found[0] if found else "since"
    clear_errors(form)
    previous = question_order.back(answers, PAGE.bundle)
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
            value = typed_date("raised", words.RAISED_NAMED)
            if value is None:
                raise DateError(words.enter(words.RAISED_NAMED))
        except DateError as error:
            return show_error(form, str(error), "raised")
        problem = date_answers.date_problem(PAGE.bundle, value, None, today, date_answers.RAISED_WHAT)
        if problem:
            return show_error(form, problem[1], "raised")
    elif step == address_grammar.WHEN_ESCALATED:
        # Optional: left empty, it is "I do not know".
        try:
            value = typed_date("escalated", words.stage_began_what(answers["stage"]))
        except DateError as error:
            return show_error(form, str(error), "escalated")
        problem = value and date_answers.escalated_problem(PAGE.bundle, answers[address_grammar.RAISED], answers["stage"], value, today)
        if problem:
            return show_error(form, problem, "escalated")
    else:
        value = typed_dates(form, answers)
        if value is None:
            return
    go(question_answers.answered(PAGE.bundle, answers, step, value, today))


# The questions answered by a radio: the radios' name, and the message when none is chosen.
CHOICE_QUESTIONS = {question: (name, words.NOTHING_CHOSEN[question]) for question, name in (
    (address_grammar.AREA, "area"), (address_grammar.SITUATION, "procedure"), (address_grammar.STAGE, "stage"),
    (address_grammar.AGENCY, "agency"))}


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
        what = words.date_what(date_answers.date_question(PAGE.bundle, answers)[1]) if answers.get(address_grammar.AFTER) \
            else words.SINCE_NAMED
        since = typed_date("since", what)
        if since is None:
            raise DateError(words.enter(what))
    except DateError as error:
        return show_error(form, str(error), "since")
    started = None
    if not by_id("sw-started-question").hidden:
        try:
            started = typed_date("started", words.STARTED_NAMED)
        except DateError as error:
            return show_error(form, str(error), "started")
    problem = date_answers.date_problem(PAGE.bundle, since, started, london_now()[0])
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
    said = date_answers.escalated_question(PAGE.bundle, answers, london_now()[0])
    fill(form, page_ids.QUESTION, said["question"])
    fill(form, page_ids.HINT, said["hint"])
    by_id("escalated-legend").textContent = said["legend"]
    since, _ = question_answers.prefill(given, PAGE.remembered)
    fill_date("escalated", since)
    unknown = question_answers.answered(PAGE.bundle, answers, address_grammar.WHEN_ESCALATED, None, london_now()[0])
    field(form, page_ids.DONT_KNOW).setAttribute("href", address_grammar.make_fragment(unknown))
    return form
