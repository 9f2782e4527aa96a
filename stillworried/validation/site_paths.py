"""Every id that becomes a path on the site is free: it is none of the site's own pages or
folders, and no other id becomes the same path.

Ids become addresses (stillworried/core/page_ids.py says where): an area's pages under <area>/ and
its contacts page at contacts/<area>/, a procedure at <area>/<procedure>/, guidance at
<area>/support/<section>/, a form at forms/<form>/, and a vCard per contact and per area at
contacts/vcards/<id>.vcf. An area called "search" would replace the search page, a procedure
called "support" would lose a guidance page and a contact called "wigan" would replace Wigan's
vCard. The site's own names are read from what makes them, never kept here by hand: the pages
and folders in docs/ (search, assets, contacts, forms, glossary, about, amendments, privacy,
accessibility, maintainers...), the wizard's page, the search index and the open data
(page_ids), and the index page of each folder.

The build refuses a path it would write twice as well (mkdocs_hooks.py), whatever let it through.
"""
from pathlib import Path

from stillworried.core import page_ids
from stillworried.text_policy import shown

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
INDEX = "index"
# Ids the cross checks already require to be unique, so a second one is reported there.
CHECKED_ELSEWHERE = ("the area", "the contacts page of", "the vCard of the area", "the procedure", "the form",
                     "the vCard of the contact")


def _names(folder):
    """The names a folder of docs/ takes: its pages (without .md) and its folders."""
    folder = DOCS / folder
    if not folder.is_dir():
        return set()
    return {path.stem if path.suffix == ".md" else path.name for path in folder.iterdir()} | {INDEX}


def _first(path):
    return path.strip("/").split("/")[0]


def _last(path):
    return path.strip("/").split("/")[-1]


def reserved():
    """{folder: {name: what has it}} of the names the site itself uses, folder by folder."""
    sample = "x"
    top = {name: "the site's own page or folder '%s/'" % name for name in _names("")}
    for path, what in ((page_ids.WIZARD, "the \"Still worried?\" wizard's page"),
                       (page_ids.SEARCH_INDEX, "the search index"), (page_ids.OPEN_DATA, "the open data")):
        top.setdefault(_first(path), what)
    contacts_folder = _first(page_ids.contacts_path(sample))
    in_contacts = {name: "the site's own page or folder '%s/%s/'" % (contacts_folder, name)
                   for name in _names(contacts_folder)}
    in_contacts[_last(page_ids.OPEN_DATA)] = "the open data"
    in_contacts[page_ids.vcard_path(sample).split("/")[1]] = "the folder of vCards"
    forms_folder = _first(page_ids.form_path(sample))
    return {
        "": top,
        contacts_folder + "/": in_contacts,
        forms_folder + "/": {name: "the site's own page '%s/%s/'" % (forms_folder, name)
                             for name in _names(forms_folder)},
        "area/": {INDEX: "the area's own page", _last(page_ids.guidance_path(sample)): "the area's guidance pages"},
        "guidance/": {INDEX: "the guidance's own page"},
    }


def paths(files):
    """(path, folder kind, name, file, data path, what) for every path an id becomes."""
    stages, contacts, guidance = (files.get(name) for name in ("stages.yaml", "contacts.yaml", "guidance.yaml"))
    found = []
    if stages:
        for index, partnership in enumerate(stages.data["partnerships"]):
            pid = partnership["id"]
            at = (stages, ("partnerships", index, "id"))
            found.append((page_ids.partnership_path(pid), "", pid, at, "the area '%s'" % pid))
            found.append((page_ids.contacts_path(pid), _first(page_ids.contacts_path(pid)) + "/", pid, at,
                          "the contacts page of '%s'" % pid))
            found.append((page_ids.vcard_path(pid), None, pid, at, "the vCard of the area '%s'" % pid))
        for index, procedure in enumerate(stages.data["procedures"]):
            found.append((page_ids.procedure_path(procedure), "area/", procedure["id"],
                          (stages, ("procedures", index, "id")), "the procedure '%s'" % procedure["id"]))
        for index, form in enumerate(stages.data["forms"]):
            found.append((page_ids.form_path(form["id"]), _first(page_ids.form_path(form["id"])) + "/", form["id"],
                          (stages, ("forms", index, "id")), "the form '%s'" % form["id"]))
    if contacts:
        for index, contact in enumerate(contacts.data["contacts"]):
            found.append((page_ids.vcard_path(contact["id"]), None, contact["id"],
                          (contacts, ("contacts", index, "id")), "the vCard of the contact '%s'" % contact["id"]))
    if guidance:
        for pid, entry in guidance.data["guidance"].items():
            for index, section in enumerate(entry.get("sections", [])):
                found.append((page_ids.guidance_path(pid, section["id"]), "guidance/", section["id"],
                              (guidance, ("guidance", pid, "sections", index, "id")),
                              "the guidance section '%s'" % section["id"]))
    return found


def check(files, add):
    taken = reserved()
    first = {}
    for path, folder, name, (marked, at), what in paths(files):
        own = taken.get(folder, {}).get(name) if folder is not None else None
        if own:
            add(marked.problem(at, "The id '%s' would be published at %s, which is %s: the site would lose that page. "
                                   "Choose another id (for example with the area's name in front)." % (
                                       shown(name), path, own)))
            continue
        if path in first:
            earlier_marked, earlier_at, earlier_what = first[path]
            kind = what.split(" '")[0]
            if kind == earlier_what.split(" '")[0] and kind in CHECKED_ELSEWHERE:
                continue  # an id used twice, which the cross checks report
            add(marked.problem(at, "The id '%s' would be published at %s, where %s (%s line %d) is published too: one "
                                   "would replace the other. Choose another id." % (
                                       shown(name), path, earlier_what, earlier_marked.file,
                                       earlier_marked.where(earlier_at)[0])))
            continue
        first[path] = (marked, at, what)
