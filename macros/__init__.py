"""The functions pages call: each takes a render.Context (the checked data and the page being
rendered) and returns the page's HTML, escaped by construction (html.el, templates.render).

Presentation only: the data is checked and loaded by stillworried.data, the rules come from
stillworried.engine and stillworried.words. render.py holds the area, procedure, contacts,
forms and guidance pages; wizard.py the wizard's questions; timeline.py and first_paint.py the
ladder and the wizard's first screen from templates/. Nothing here imports MkDocs:
mkdocs_hooks.py makes the generated pages with these functions and gives the pages in docs/ the
ones they call ({{ front_doors() }}), after it has checked the data, so a data mistake never
reaches a page.
"""
