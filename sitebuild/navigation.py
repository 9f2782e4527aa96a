"""The site's navigation, from the data: Home and the wizard, one section per area holding every
page of that area, then the site-wide pages. mkdocs_hooks.py gives it to MkDocs (config["nav"]),
and gives each area's pages only that area's part of it (mkdocs_hooks.area_navs).
"""
from macros.escape import text
from sitebuild.pages import WIZARD_PAGE


def nav(bundle, made):
    """The navigation: Home, then one section per area holding every page of that area (its
    procedures, guidance, contacts and forms), then the site-wide pages. One pass over the pages,
    so it grows linearly with the number of partnerships."""
    def entry(path):
        return {text(made[path][0]): path}

    own = {pid: {"pages": [], "support": [], "forms": []} for pid in bundle["partnerships"]}
    for path in made:
        folder, _, rest = path.partition("/")
        if folder == "forms":
            own[bundle["forms"][rest[:-len(".md")]]["partnership"]]["forms"].append(entry(path))
        elif folder in own and rest.startswith("support/"):
            own[folder]["support"].append(entry(path))
        elif folder in own and rest != "index.md":
            own[folder]["pages"].append(entry(path))
    areas = []
    for pid, partnership in bundle["partnerships"].items():
        section = [{"Overview": "%s/index.md" % pid}] + own[pid]["pages"]
        if own[pid]["support"]:
            section.append({"Support and guidance": own[pid]["support"]})
        section.append(entry("contacts/%s.md" % pid))
        if own[pid]["forms"]:
            section.append({text("%s forms" % partnership["name"]): own[pid]["forms"]})
        areas.append({text(partnership["name"]): section})
    return ([{"Home": "index.md"}, entry(WIZARD_PAGE)] + areas
            + [{"Contacts": "contacts/index.md"}, {"Forms": "forms/index.md"}, {"Glossary": "glossary.md"},
               {text("What's changed"): "amendments.md"},
               {"About": ["about.md", "accessibility.md", "privacy.md", "maintainers.md"]}])
