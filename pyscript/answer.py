"""The answer on the page: the answer view's fields (stillworried/core/answer_view.py) written
into the page's templates with text nodes only, the contact cards, the disclosures, the
timeline, "Your answers" and the buttons."""
from pyscript.ffi import to_js

from dom import (add, bullet_list, by_id, clone, disclosure, field, fill, filled_or_gone, focus_heading, listen,
                 london_now, make, section, shown_or_hidden, time_element, utc_stamp)
from page_state import PAGE, document, window
from stillworried.core import (address_grammar, answer_view, calendar_file, contacts, page_ids, question_order,
                               wizard_choices, worded)
from stillworried.core.words import contacts as contact_words, page as page_words, questions as words


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
                   and worded.office_status(contacts.office_status(PAGE.bundle, contact["hours"], today, now))["words"])
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


def write_result(answers, focus):
    today, now = london_now()
    if answers.get(address_grammar.RAISED) and answers.get("since"):
        # "Where should I be today?", and the person has said when the stage it reached began.
        answer = worded.where_known(PAGE.bundle, answers["procedure"], answers[address_grammar.RAISED], answers["stage"],
                                    answers["since"], today)
    elif answers.get(address_grammar.RAISED):
        # "Where should I be today?": the engine walks the procedure and answers for today's stage.
        answer = worded.where_today(PAGE.bundle, answers["procedure"], answers[address_grammar.RAISED], today)
    elif answers.get(address_grammar.AFTER):
        # A situation the source gives a rule for outside its stages: a referral with no answer.
        answer = worded.follow_up(PAGE.bundle, answers["procedure"], answers[address_grammar.AFTER], answers["since"], today)
    else:
        answer = worded.next_step(PAGE.bundle, answers["procedure"], answers["stage"], answers["since"],
                                  answers.get("started"), today)
    PAGE.remembered.clear()
    PAGE.remembered.update(address_grammar.given_answers(answers))
    result = by_id("sw-result")
    result.textContent = ""
    PAGE.release("answer")  # the answer written before, and its buttons, are gone
    previous = address_grammar.make_fragment(question_order.back(answers, PAGE.bundle))
    add(result, make("a", words.BACK, cls="sw-back", href=previous))

    # The first screen, from the same template as the first-paint blocks: who acts and whom they
    # contact, how; by when; what happens next.
    first = clone(page_ids.TEMPLATE_FIRST)
    add(result, first)
    view = answer_view.first_screen(answer)
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
    for card in carded:
        add(who, contact_block(card, today, now))
    picked, choices = wizard_choices.chosen_agency(PAGE.bundle, answer, answers)
    if picked:
        # Named by the stage the source gives the list for; children's contacts first, and those
        # the source says are for adults only apart, after them.
        add(who, make("p", contact_words.list_heading(picked["name"], answer["directory"], answer["stage"]), cls="sw-agency"))
        for contact_id in picked["contacts"]:
            carded.append(worded.contact(contacts.contact_summary(PAGE.bundle, contact_id)))
            add(who, contact_block(carded[-1], today, now))
        if picked["adults_only"]:
            add(who, make("p", contact_words.ADULTS_ONLY, cls="sw-agency sw-agency--adults"))
            for contact_id in picked["adults_only"]:
                carded.append(worded.contact(contacts.contact_summary(PAGE.bundle, contact_id)))
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
            add(box, contact_block(worded.contact(contacts.contact_summary(PAGE.bundle, contact_id)), today, now))
    if answer["next"]:
        add(disclosure(result, page_words.next_stage(answer["next"]["stage"]), "sw-result__then"),
            make("p", page_words.next_who(answer["next"]["who"])))

    write_answers(result, answer, answers)
    write_actions(result, answer, answers)
    sources = disclosure(result, page_words.SOURCES, "sw-result__sources")
    add(sources, add(make("ul"), *[add(make("li"), make("cite", contacts.document_name(PAGE.bundle, source["file"]),
                                                        title=source["file"]),
                                       make("span", ", " + source["section"]))
                                   for source in answer["sources"]]))
    # Whether anyone has confirmed each contact shown, and how old its source is (the pages' words).
    said_lines = []
    for card in carded:
        line = page_words.checked_line(card["name"], card["checked_words"])
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
    asked = answer_view.began_asked(answer, answers)
    add(line, make("span", " "), make("a", words.TELL_US, href=address_grammar.make_fragment(asked)))


def write_timeline(parent, answer, today):
    """The engine's timeline as the ladder of templates/timeline.html: its prototype step is
    cloned per stage and filled with text. Each stage with the date it ends (where the source
    gives one), the whole process's limit, today and the bank holidays in the span."""
    walk = answer.get("walk") or worded.timeline(PAGE.bundle, answer["procedure"], answer["stage"], answer["since"],
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
    rows = answer_view.check_rows(PAGE.bundle, answer, answers)
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
        listen(calendar_button, "click", download, "answer")
        add(row, calendar_button)
    print_button = make("button", page_words.PRINT, cls="md-button", type="button")
    listen(print_button, "click", lambda event: window.print(), "answer")
    add(row, print_button,
        make("a", page_words.CHANGE_AN_ANSWER, cls="md-button", href=address_grammar.make_fragment(question_order.back(answers, PAGE.bundle))),
        make("a", words.START_AGAIN, cls="md-button", href="#"))
    add(actions, row)
