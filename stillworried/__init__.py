"""Still Worried?: children's-safeguarding escalation protocols as data, and one engine.

The engine modules (``workdays``, ``engine``, ``words``) run unchanged under CPython and
PyScript's MicroPython, so they import nothing but ``datetime``. Everything that needs
CPython (YAML, schemas, phone numbers, the holidays library) lives in the other modules.
"""

# The modules that run in the browser under MicroPython, and nothing else: they may import
# only each other and datetime (tests/engine/test_micropython.py runs them there to prove it).
BROWSER_MODULES = ("__init__.py", "workdays.py", "words.py", "engine.py", "flow.py", "calendar_file.py",
                   "page_ids.py", "bundle_parts.py", "team_numbers.py", "abbreviations.py")
