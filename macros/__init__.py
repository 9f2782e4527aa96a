"""The functions pages call: each takes a macros.context.Context (the checked data and the page
being rendered) and returns the page's HTML, escaped by construction (html.el, templates.render).

Presentation only: the data is checked and loaded by stillworried.data, the rules come from
stillworried.core and its words from stillworried.core.words. One module for each kind of page: areas.py (an
area's overview), procedures.py, contacts.py, forms.py and guidance.py (with the glossary);
wizard.py the wizard's questions; timeline.py and first_paint.py the ladder and the wizard's
first screen from templates/. What they share is in one place: pieces.py (source lines,
contact cards, phone links) and front_doors.py (the emergency route and each area's front
door). Nothing here imports MkDocs, or the exports: mkdocs_hooks.py makes the generated pages
with these functions (sitebuild/pages.py lists them) and gives the pages in docs/ the ones they
call ({{ front_doors() }}), after it has checked the data, so a data mistake never reaches a page.
"""
