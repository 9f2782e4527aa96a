"""MkDocs hooks: the site's pages, navigation and downloads come from the data, and every page
gets a Content-Security-Policy.

- on_config: check the data (a mistake stops the build with file:line messages, before anything
  is written), build the navigation from it, and give the header its emergency numbers.
- on_nav, on_page_context: an area's pages show only that area's part of the navigation.
- on_files: a page for every partnership, procedure, contact list, form and guidance section,
  a vCard for every contact and partnership, the contacts as open data (macros.open_data), the
  Atom feed of changes to the data (macros.amendments) and the files the wizard runs on
  (macros.wizard_assets). Adding a partnership needs YAML only.
- on_post_page: mark the page's article for the search index (macros.site_search); hash the
  page's inline scripts and put the CSP in a meta tag at the top of <head> (the wizard page's also
  allows eval, for PyScript; the search page's allows WebAssembly, for Pagefind).
- on_post_template: the same for 404.html, which MkDocs renders from the theme, not as a page.
- on_post_build: index the site for search (Pagefind), then the same policies as a _headers file for static hosts that read one, with
  frame-ancestors 'none' and X-Frame-Options: DENY (no site may show ours in a frame: a page
  framed by another can be overlaid to trick a tap). frame-ancestors only works as a header;
  in a meta tag browsers ignore it and log an error, so the meta tags leave it out.
- on_post_build also writes .gz and .br copies of the text files for hosts that serve
  precompressed files (macros.precompress).
"""
import base64
import hashlib
import re
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from exports import amendments, open_data, vcards  # noqa: E402
from macros import first_paint, render  # noqa: E402
from sitebuild import precompress, site_search, wizard_assets  # noqa: E402
from macros.escape import text  # noqa: E402
from macros.site_data import load_bundle  # noqa: E402
from stillworried.data import default_data_dir, engine_bundle  # noqa: E402

STATE = {}

# The policy for every page. Scripts: our own files plus the hashes of the page's inline
# scripts (Material writes three). Styles: Material and the browser set style attributes.
# Images: Material's icons are data: URLs. Nothing may be loaded from any other host.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# The wizard page alone may also run PyScript. Its core builds functions from strings
# (new Function), which needs 'unsafe-eval', and compiles the interpreter's WebAssembly, which
# needs 'wasm-unsafe-eval'. No other page gets either.
WIZARD_SCRIPT_SRC = ["'unsafe-eval'", "'wasm-unsafe-eval'"]
# Only in the _headers file (see the module's docstring).
HEADER_ONLY = {"frame-ancestors": ["'none'"]}
NOT_FOUND = "404.html"
# The search page alone may compile WebAssembly: Pagefind's search runs as WebAssembly, in the
# page itself (not in a worker, which a meta-tag policy would not cover).
SEARCH_SCRIPT_SRC = ["'wasm-unsafe-eval'"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def page(title, description, body, **meta):
    """A generated Markdown page: front matter (title and description escaped for HTML, since
    MkDocs' templates do not escape) and one macro call."""
    front = {"title": text(title), "description": text(description), "render_macros": True}
    front.update(meta)
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"


def wizard_page(manifest):
    """The "Still worried?" wizard. Its head preloads the runtime so the download starts while
    the first question, which needs no script, is being read."""
    relative_to_wizard = render.Context(None, wizard_assets.PAGE).url
    return page("Still worried? Find who to contact next",
                "Answer a few questions to find who to contact next about a child, and the date they "
                "should answer by.", "{{ wizard_page() }}", wizard=True,
                modulepreload=[relative_to_wizard(path) for path in manifest["modulepreload"]],
                preload_first=[relative_to_wizard(path) for path in manifest["fetch_first"]],
                preload=[relative_to_wizard(path) for path in manifest["fetch"]])


def pages(bundle, manifest):
    """{site path: (nav title, Markdown)} for every page made from the data."""
    made = {wizard_assets.PAGE + "index.md": ("Still worried? Find who to contact", wizard_page(manifest))}
    guidance = bundle["guidance"]["guidance"]
    for pid, partnership in bundle["partnerships"].items():
        made["%s/index.md" % pid] = (partnership["name"], page(
            partnership["full_name"],
            "Safeguarding escalation in %s: the emergency route, the front door, and the procedures for "
            "disagreeing with another agency about a child." % partnership["name"],
            '{{ partnership_page("%s") }}' % pid, partnership=pid))
        for procedure in bundle["procedures"].values():
            if procedure["partnership"] == pid:
                made["%s/%s.md" % (pid, procedure["id"])] = (procedure["title"], page(
                    procedure["title"], procedure["summary"], '{{ procedure_page("%s") }}' % procedure["id"],
                    partnership=pid))
        if pid in guidance:
            document = guidance[pid]["document"]
            made["%s/support/index.md" % pid] = ("Levels of support", page(
                document["title"], document["summary"], '{{ guidance_page("%s") }}' % pid, partnership=pid))
            for section in guidance[pid]["sections"]:
                made["%s/support/%s.md" % (pid, section["id"])] = (section["title"], page(
                    section["title"], section["summary"],
                    '{{ guidance_section("%s", "%s") }}' % (pid, section["id"]), partnership=pid))
        made["contacts/%s.md" % pid] = ("%s contacts" % partnership["name"], page(
            "%s contacts" % partnership["name"],
            "Every phone number and email in the %s safeguarding documents, with its source." % partnership["name"],
            '{{ contacts_page("%s") }}' % pid, partnership=pid))
    for form in bundle["forms"].values():
        made["forms/%s.md" % form["id"]] = (form["title"], page(
            form["title"], form["purpose"], '{{ form_page("%s") }}' % form["id"], partnership=form["partnership"]))
    return made


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
    return ([{"Home": "index.md"}, entry(wizard_assets.PAGE + "index.md")] + areas
            + [{"Contacts": "contacts/index.md"}, {"Forms": "forms/index.md"}, {"Glossary": "glossary.md"},
               {text("What's changed"): "amendments.md"},
               {"About": ["about.md", "accessibility.md", "privacy.md", "maintainers.md"]}])


def area_navs(site_nav, bundle):
    """{partnership id: the navigation its pages show}: Home, that area's own section and the
    site-wide pages. Every page listing every area would make each page, and the build, grow
    with the square of the number of partnerships; the home page lists them all instead."""
    count = len(bundle["partnerships"])
    lead = 2  # Home and the wizard come before the areas (see nav)
    home, areas, rest = site_nav.items[:lead], site_nav.items[lead:lead + count], site_nav.items[lead + count:]
    assert [area.title for area in areas] == [text(p["name"]) for p in bundle["partnerships"].values()]
    navs = {pid: Navigation(home + [area] + rest, site_nav.pages) for pid, area in zip(bundle["partnerships"], areas)}
    # The other pages (home, wizard, contacts, glossary...) list every area by its overview only:
    # each area's whole section would put 150 areas' pages into every one of them.
    navs[None] = Navigation(home + [Section(area.title, area.children[:1]) for area in areas] + rest, site_nav.pages)
    return navs


def header_data(bundle):
    """What the header's emergency line shows: 999, and on an area's pages its front door."""
    doors = {}
    for pid, partnership in bundle["partnerships"].items():
        contact = bundle["contacts"][partnership["front_door"]["contacts"][0]]
        phone = next((p for p in contact.get("phones", []) if p.get("e164")), None)
        doors[pid] = {"area": partnership["name"], "name": partnership["front_door"]["name"],
                      "tel": phone["e164"] if phone else None, "display": phone["display"] if phone else None}
    return {"front_doors": doors, "exit_to": render.NEUTRAL_SITE}


def on_config(config):
    bundle = load_bundle()
    STATE["bundle"] = bundle
    interpreter = config["extra"].get("wizard_interpreter", "micropython")
    try:
        browser_bundle = engine_bundle(bundle)
        STATE["wizard_files"] = wizard_assets.site_files(browser_bundle, interpreter)
        STATE["wizard_files"].update(first_paint.fragments(bundle)[0])
        manifest = wizard_assets.manifest(browser_bundle, interpreter)
    except wizard_assets.MissingRuntime as error:
        raise PluginError("The wizard cannot be built: %s" % error) from None
    STATE["pages"] = pages(bundle, manifest)
    config["nav"] = nav(bundle, STATE["pages"])
    config["extra"]["sw"] = header_data(bundle)
    return config


def on_nav(site_nav, config, files):
    STATE["navs"] = area_navs(site_nav, STATE["bundle"])
    return site_nav


def on_page_context(context, page, config, nav):
    """An area's pages show only that area in the navigation, the others every area's overview
    (see area_navs)."""
    context["nav"] = STATE["navs"].get(page.meta.get("partnership"), STATE["navs"][None])
    return context


def on_files(files, config):
    for path, (_, content) in STATE["pages"].items():
        files.append(File.generated(config, path, content=content))
    for name, content in vcards.all_cards(STATE["bundle"]).items():
        files.append(File.generated(config, render.vcard_path(name), content=content))
    for path, source in STATE["wizard_files"].items():
        if isinstance(source, Path):
            files.append(File.generated(config, path, abs_src_path=str(source)))
        else:
            files.append(File.generated(config, path, content=source))
    for path, content in open_data.files(STATE["bundle"], config["site_url"]).items():
        files.append(File.generated(config, path, content=content))
    feed = amendments.feed(amendments.history(default_data_dir()), config["site_url"], config["site_name"])
    files.append(File.generated(config, amendments.FEED_PATH, content=feed))
    return files


def policy_for(scripts, wizard=False, header=False, search=False):
    policy = {key: list(value) for key, value in POLICY.items()}
    if header:
        policy.update({key: list(value) for key, value in HEADER_ONLY.items()})
    if wizard:
        policy["script-src"] += WIZARD_SCRIPT_SRC
    elif search:
        policy["script-src"] += SEARCH_SCRIPT_SRC
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        policy["script-src"].append("'sha256-%s'" % digest)
    return "; ".join("%s %s" % (key, " ".join(value)) for key, value in policy.items())


def with_policy(output, url, wizard=False, search=False):
    """output with its CSP meta tag first in <head>; the policy is remembered for _headers."""
    scripts = INLINE_SCRIPT.findall(output)
    STATE.setdefault("policies", {})[url] = (scripts, wizard, search)
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy_for(scripts, wizard, search=search)
    return output.replace("<head>", "<head>" + meta, 1)


def on_post_page(output, page, config):
    if not page.meta.get("search_page") and page.file.src_uri != "404.md":
        area = STATE["bundle"]["partnerships"].get(page.meta.get("partnership"), {}).get("name")
        output = site_search.prepare(output, config["site_name"], area)
    return with_policy(output, page.url, wizard=bool(page.meta.get("wizard")),
                       search=bool(page.meta.get("search_page")))


def on_post_template(output, template_name, config):
    if template_name != NOT_FOUND:
        return output
    return with_policy(output, NOT_FOUND)


def on_post_build(config):
    try:
        site_search.index(config["site_dir"])
    except site_search.IndexingFailed as error:
        raise PluginError("Search could not be built: %s" % error) from None
    lines = []
    for url, (scripts, wizard, search) in sorted(STATE.get("policies", {}).items()):
        lines += ["/" + url, "  Content-Security-Policy: " + policy_for(scripts, wizard, header=True, search=search),
                  "  X-Frame-Options: DENY", "  Referrer-Policy: no-referrer",
                  "  X-Content-Type-Options: nosniff", "  Permissions-Policy: interest-cohort=()", ""]
    (Path(config["site_dir"]) / "_headers").write_text("\n".join(lines))
    precompress.precompress(config["site_dir"])
