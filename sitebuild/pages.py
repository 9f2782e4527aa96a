"""Every page made from the data: where it goes, its title in the navigation, its front matter
and the function in macros/ that writes its HTML. Adding a partnership to data/ adds its pages
here; mkdocs_hooks.py turns each into a page of the site. And the functions the pages written by
hand in docs/ call (DOCS_MACROS).

A page's Markdown is its front matter and that function's HTML, which Markdown leaves as it is.
"""
import re
from html import unescape

import yaml

from exports import open_data
from macros import areas, contacts, forms, front_doors, guidance, pieces, procedures, wizard
from macros.context import Context
from macros.escape import text
from sitebuild import wizard_assets

WIZARD_PAGE = wizard_assets.PAGE + "index.md"

# The functions the pages in docs/ call, such as {{ front_doors() }}: each is given the page
# being rendered (a macros.context.Context) before its own arguments.
DOCS_MACROS = {
    "emergency_notice": front_doors.emergency_notice, "front_doors": front_doors.front_doors,
    "procedure_links": areas.procedure_links, "contacts_index": contacts.contacts_index,
    "forms_index": forms.forms_index, "glossary": guidance.glossary, "search_words": guidance.search_words,
    "sources_list": pieces.sources_list, "wizard_start": front_doors.wizard_start,
    "save_to_phone": open_data.downloads,
    "open_data_files": open_data.file_links,
}


def markdown(meta, html):
    """A generated page: front matter (title and description escaped for HTML, since MkDocs'
    templates do not escape) and the page's HTML."""
    front = dict(meta, title=text(meta["title"]), description=text(meta["description"]))
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + str(html) + "\n"


# A tag, a comment, or a script or style element whole (its text may hold "<").
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([a-zA-Z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>",
                  re.S)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def as_markdown_leaves_it(html):
    """A generated page's HTML as Markdown would give it back: each top-level element on a line
    of its own, nothing else changed. Markdown parses every tag to find those elements, which
    made it the slowest step of the build; the build skips it for these pages and calls this
    (the HTML is made by macros/, so it is well formed). Returns None if something is left
    outside an element, which Markdown would treat as text, or a blank line between two elements,
    which Markdown keeps: the page then goes through Markdown."""
    blocks, depth, start = [], 0, None
    for match in _TAG.finditer(html):
        if start is None:
            gap = html[0 if not blocks else blocks[-1][1]:match.start()]
            if gap.strip() or (blocks and _BLANK_LINE.search(gap)):
                return None  # text outside an element, or a blank line, which Markdown keeps
            start = match.start()
        closing, name, self_closing = match.group(2), (match.group(3) or "").lower(), match.group(4)
        if name and not self_closing and name not in _VOID:
            depth += -1 if closing else 1
        if depth == 0:
            blocks.append((start, match.end()))
            start = None
    if depth or start is not None or html[blocks[-1][1] if blocks else 0:].strip():
        return None
    return "\n".join(html[a:b] for a, b in blocks)


# An id (or an <a>'s name) in a page's HTML, as MkDocs' own raw-HTML scan finds them.
ANCHOR = re.compile(r'<[a-zA-Z][^>]*?(?<![\w-])id="([^"]*)"|<a\s[^>]*?(?<![\w-])name="([^"]*)"')


def anchor_ids(html):
    """The ids in a page's HTML that another page's link may point at (MkDocs checks links to
    anchors): what MkDocs would have found, for a page that skips Markdown."""
    return {unescape(a or b) for a, b in ANCHOR.findall(html)}


def pages(bundle, manifest):
    """{site path: (nav title, front matter, function, arguments)} for every page made from the
    data: function(context, *arguments) in macros/ is the page's HTML."""
    relative_to_wizard = Context(None, wizard_assets.PAGE).url
    made = {WIZARD_PAGE: ("Still worried? Find who to contact", {
        "title": "Still worried? Find who to contact next",
        "description": "Answer a few questions to find who to contact next about a child, and the date they "
                       "should answer by.",
        "wizard": True,
        # The wizard's head preloads the runtime, so the download starts while the first
        # question, which needs no script, is being read.
        "modulepreload": [relative_to_wizard(path) for path in manifest["modulepreload"]],
        "preload_first": [relative_to_wizard(path) for path in manifest["fetch_first"]],
        "preload": [relative_to_wizard(path) for path in manifest["fetch"]]}, wizard.wizard_page, (manifest,))}
    guidance_of = bundle["guidance"]["guidance"]

    def add(path, nav_title, title, description, function, *args, **meta):
        made[path] = (nav_title, dict({"title": title, "description": description}, **meta), function, args)

    for pid, partnership in bundle["partnerships"].items():
        add("%s/index.md" % pid, partnership["name"], partnership["full_name"],
            "Safeguarding escalation in %s: the emergency route, the front door, and the procedures for "
            "disagreeing with another agency about a child." % partnership["name"],
            areas.partnership_page, pid, partnership=pid)
        for procedure in bundle["procedures"].values():
            if procedure["partnership"] == pid:
                add("%s/%s.md" % (pid, procedure["id"]), procedure["title"], procedure["title"], procedure["summary"],
                    procedures.procedure_page, procedure["id"], partnership=pid)
        if pid in guidance_of:
            document = guidance_of[pid]["document"]
            add("%s/support/index.md" % pid, "Levels of support", document["title"], document["summary"],
                guidance.guidance_page, pid, partnership=pid)
            for section in guidance_of[pid]["sections"]:
                add("%s/support/%s.md" % (pid, section["id"]), section["title"], section["title"], section["summary"],
                    guidance.guidance_section, pid, section["id"], partnership=pid)
        add("contacts/%s.md" % pid, "%s contacts" % partnership["name"], "%s contacts" % partnership["name"],
            "Every phone number and email in the %s safeguarding documents, with its source." % partnership["name"],
            contacts.contacts_page, pid, partnership=pid)
    for form in bundle["forms"].values():
        add("forms/%s.md" % form["id"], form["title"], form["title"], form["purpose"], forms.form_page, form["id"],
            partnership=form["partnership"])
    return made
