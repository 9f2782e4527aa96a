"""The glue's DOM helpers: elements made and filled with text only (never parsed as HTML),
the page's templates cloned, event listeners kept alive, the page title and focus, and London's
date and time from the browser's Intl (never the device's own time zone)."""
from pyscript.ffi import create_proxy, to_js

from page_state import PAGE, document, window
from stillworried.core import page_ids


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


def listen(node, event, handler, scope=None):
    """Call handler on the node's event. scope: what the node belongs to ("answer", "errors"),
    whose handlers are let go when it is written again (PAGE.release); None for the page's own."""
    proxy = create_proxy(handler)
    PAGE.keep(proxy, scope)
    node.addEventListener(event, proxy)


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


def disclosure(parent, title, cls=None):
    """A GOV.UK details disclosure, closed: everything after the first screen lives in one."""
    box = make("details", cls="sw-details" + (" " + cls if cls else ""))
    add(box, add(make("summary", cls="sw-details__summary"), make("span", title, cls="sw-details__summary-text")))
    body = make("div", cls="sw-details__text")
    add(box, body)
    add(parent, box)
    return body


def focus_heading(container, focus):
    """The page title is the question (GOV.UK), and focus moves to it after Continue. The
    hidden error summary's own heading comes first in the form, so it is never picked."""
    heading = container.querySelector(".sw-question") or container.querySelector("h2")
    if heading:
        document.title = heading.textContent + " - " + PAGE.site_title
        if focus:
            # Each question starts at the top, as a new GOV.UK page does: the banner, with the
            # quick exit and the area's front door, is back in view (999 is in the sticky header).
            window.scrollTo(0, 0)
            heading.setAttribute("tabindex", "-1")
            heading.focus(to_js({"preventScroll": True}))


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
