"""The page's state, in one object: the data the wizard has (the shared part, and each area's
part merged in as it arrives), the answers last shown, the areas' downloads, and the event
handlers the page keeps alive. In memory only: nothing is ever put in storage.

Runs on PyScript's MicroPython (and on Pyodide): only `js` and `json`.
"""
import json

import js

from stillworried.core import bundle_parts

# The page's own objects. Methods are called on js.window itself: PyScript's `window` helper
# is a proxy whose methods lose their `this` (addEventListener throws "Illegal invocation").
window = js.window
document = js.document


class PageState:
    def __init__(self, shared):
        # The shared part of the data (bank holidays, the areas, 999, where each area's part is)
        # came with the engine; bundle is it with the areas' parts merged in (area_data.py).
        self.shared = shared
        self.bundle = bundle_parts.copy_of(shared)
        self.site_title = document.title
        # The answers last shown: going back or changing an answer fills the date boxes with
        # these rather than quietly resetting them to today.
        self.remembered = {}
        # Each area's part: fetched, being fetched (with who waits for it), or failed.
        self.areas = {"loaded": [], "fetching": {}, "failed": []}
        # The event handlers of the page itself (its forms, the address, printing), kept alive
        # for the life of the page; and those of one answer or one error message, let go when
        # it is written again (release()), so the list does not grow with every answer.
        self.proxies = []
        self.held = {}

    def keep(self, proxy, scope=None):
        (self.proxies if scope is None else self.held.setdefault(scope, [])).append(proxy)

    def release(self, scope):
        self.held.pop(scope, None)


with open("shared.json") as handle:
    PAGE = PageState(json.load(handle))
