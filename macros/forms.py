"""The forms the procedures ask for, as pages to print and fill in by hand (the site never asks for a
child's details), and the list of them by area.
"""
from stillworried.core.page_ids import form_path
from stillworried.core.words import pages

from macros.html import el, join
from macros.pieces import contact_card, source_line


def form_page(ctx, form_id):
    form = ctx.bundle["forms"][form_id]
    parts = [el("p", {"class": "sw-lede"}, form["purpose"]),
             el("p", {"class": "sw-noprint"}, pages.PRINT_AND_FILL_IN)]
    if form.get("note"):
        parts.append(el("p", None, form["note"]))
    if form.get("send_to"):
        parts += [el("h2", None, pages.SEND_IT_TO), [contact_card(ctx, cid) for cid in form["send_to"]]]
    parts.append(el("h2", None, pages.THE_FORM))
    parts.append(el("ol", {"class": "sw-form"}, [el("li", None, el("span", {"class": "sw-form__label"}, label),
                                                   el("span", {"class": "sw-form__blank", "aria-hidden": "true"}))
                                                for label in form["fields"]]))
    parts.append(source_line(ctx, form["source"]))
    return join(parts)


def forms_index(ctx):
    items = []
    for partnership_id, partnership in ctx.bundle["partnerships"].items():
        forms = [form for form in ctx.bundle["forms"].values() if form["partnership"] == partnership_id]
        if forms:
            items += [el("h2", None, partnership["name"]),
                      el("ul", None, [el("li", None, el("a", {"href": ctx.url(form_path(form["id"]))}, form["title"]),
                                         ": " + form["purpose"]) for form in forms])]
    return join(items)
