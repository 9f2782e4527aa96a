"""Still Worried?: children's-safeguarding escalation protocols as data, and one engine.

The engine, its words, the wizard's questions and the answer view are in stillworried/core/:
they run unchanged under CPython, MicroPython and Pyodide, so they import nothing but each other
and datetime, and the build ships every module of that folder to the browser
(sitebuild/wizard_assets.py). Everything that needs CPython (YAML, schemas, phone numbers, the
holidays library, the command line) lives in the other modules.
"""
