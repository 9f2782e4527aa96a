"""The data: the shared part came with the engine; an area's own part is fetched when a
question first needs it (one small file, whatever the number of areas), and merged into the
page's bundle."""
import json

from pyscript.ffi import create_proxy

from page_state import PAGE, window
from stillworried.core import address_grammar, bundle_parts


# --- The data: only the part for the area the question is about -----------------------------

PAGE.areas = {"loaded": [], "fetching": {}, "failed": []}


def area_data(then):
    """True when PAGE.bundle holds what the address's question needs. Otherwise fetch that area's
    part (one small file, whatever the number of areas), merge it into PAGE.bundle, call then() and
    return False. Every question after the area's waits for it, since whether the situation
    question is asked at all depends on the area's procedures. A part that cannot be fetched
    raises once (show() says so), and is fetched again the next time."""
    answers = address_grammar.parse_fragment(window.location.hash)
    area = bundle_parts.area_for(PAGE.shared, answers)
    if area is None or area in PAGE.areas["loaded"]:
        return True
    if area in PAGE.areas["failed"]:
        PAGE.areas["failed"].remove(area)
        raise RuntimeError("the data for " + area + " could not be fetched")
    if area not in PAGE.areas["fetching"]:
        PAGE.areas["fetching"][area] = []

        def finish(outcome):
            waiting = PAGE.areas["fetching"].pop(area)
            PAGE.release("fetch " + area)
            if outcome == "loaded" or waiting:  # a failed fetch nobody waited for is simply tried again
                PAGE.areas[outcome].append(area)
            for then_show in waiting:
                then_show()

        def arrived(text):
            bundle_parts.merge(PAGE.bundle, json.loads(text))
            finish("loaded")

        def body(response):
            return response.text() if response.ok else window.Promise.reject(response.status)
        handlers = [create_proxy(body), create_proxy(arrived), create_proxy(lambda error: finish("failed"))]
        for handler in handlers:
            PAGE.keep(handler, "fetch " + area)
        window.fetch(PAGE.shared["parts"][area]).then(handlers[0]).then(handlers[1]).catch(handlers[2])
    # Every question after the area waits for the area's part: which of them comes next depends on
    # its procedures (an area with one situation skips that question).
    PAGE.areas["fetching"][area].append(then)
    return False
