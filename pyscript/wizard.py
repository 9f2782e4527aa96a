"""The "Still worried?" wizard in the browser: glue between the page and the engine. This module
starts it; the glue is split by job: page_state.py (the page's one state object), dom.py (the DOM
helpers), area_data.py (an area's data, fetched when needed), questions.py (the questions) and
answer.py (the answer).

It reads the page (the address, the radios and date boxes), asks stillworried.core.question_order
which question comes next and the engine (stillworried.core.worded) for the answer, and writes
that answer with text nodes only, so nothing from the data can run as markup. It implements no
rule: what the answer says and where is the answer view's (stillworried/core/answer_view.py). The
questions are on the page, made at build by macros/wizard.py; the choices of those after the
area's (the area's situations, a procedure's stages, the agencies at a stage) are cloned from one
template and filled with text from the chosen area's data, so the page is the same size for any
number of areas.

Runs on PyScript's MicroPython (and on Pyodide with type="py"): only `pyscript` and `json`.
"""
from area_data import area_data
from dom import by_id, each, listen
from page_state import document, window
from questions import on_submit, show
from stillworried.core.words import questions as words


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
    by_id("sw-status").textContent = words.READY
    window.performance.mark("wizard-ready")


if area_data(start):  # a shared link: its area's part first
    start()
