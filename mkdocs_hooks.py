"""The site's one MkDocs layer: every MkDocs event the site uses, and the state of one build.

Everything else it calls is plain Python that knows nothing of MkDocs: the pages' HTML is made by
the functions in macros/, the downloads by exports/, the wizard's files, the search index, the
Content-Security-Policy and the compressed copies by sitebuild/. Moving off MkDocs means
replacing this file.

A SiteBuild is made afresh by on_config for each build (`mkdocs serve` would rebuild in the same
process, so nothing from a previous build may be kept; bin/serve uses a fresh process): it reads and checks the data, cuts the wizard's
data, reads the git history of data/ and collects the pages' policies, each once.

- on_config: check the data (sitebuild/checked_data.py: a mistake stops the build with
  file:line messages, before anything is written), build the navigation from it
  (sitebuild/navigation.py), give the header and footer their emergency words and number
  (sitebuild/header.py), and give the pages in docs/ the functions they call
  ({{ front_doors() }}, sitebuild/pages.py).
- on_files: a page for every partnership, procedure, contact list, form and guidance section
  (sitebuild/pages.py lists them), its Markdown holding the page's HTML from macros/; a vCard
  for every contact and partnership, the open data, the Atom feed, the files the wizard runs
  on and Workbox's modules for the service worker. Adding a partnership needs YAML only.
- on_nav, on_page_context: an area's pages show only that area's part of the navigation.
- on_post_page, on_post_template (404.html, which MkDocs renders from the theme): mark the
  article for the search index, and put the page's CSP in a meta tag (sitebuild/csp.py).
- on_post_build: the search index (Pagefind), the _headers file, the service worker (sw.js,
  sitebuild/offline.py) and the precompressed copies.
"""
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section

from exports import amendments, open_data, vcards
from macros import first_paint
from macros.context import Context
from macros.escape import text
from sitebuild import checked_data, csp, offline, precompress, site_search, wizard_assets
from sitebuild.header import footer, header_data
from sitebuild.navigation import nav
from sitebuild.pages import DOCS_MACROS, anchor_ids, as_markdown_leaves_it, markdown, pages
from stillworried.core import page_ids
from stillworried.data import default_data_dir, engine_bundle

NOT_FOUND = "404.html"

build = None  # the SiteBuild in progress: made by on_config, so never one left from a previous build


def load_bundle():
    """The checked data (sitebuild/checked_data.py), or the build stopped with the maintainer's
    messages: Abort prints them without a traceback and exits non-zero, so nothing is built."""
    try:
        return checked_data.load_bundle()
    except checked_data.BuildStopped as stop:
        raise Abort(str(stop)) from None


class SiteBuild:
    """What one build reads once and every event uses."""

    def __init__(self, config):
        self.config = config
        self.bundle = load_bundle()
        try:
            self.manifest, self.wizard_files = wizard_assets.build(
                engine_bundle(self.bundle), config["extra"].get("wizard_interpreter", "micropython"))
            self.workbox = offline.workbox_files()
        except (wizard_assets.MissingRuntime, offline.MissingWorkbox) as error:
            raise PluginError("The wizard cannot be built: %s" % error) from None
        # The first-paint fragments, made once a build: their files here, their names for the wizard page.
        made, self.manifest["first_paint"] = first_paint.fragments(self.bundle, self.manifest["area_parts"])
        self.wizard_files.update(made)
        self.history = amendments.history(default_data_dir())
        self.policies = csp.Policies()
        self.pages = pages(self.bundle, self.manifest)
        self.navs = None
        self.shared = {}  # what the pages' functions work out once from the bundle (macros.context)
        self.raw = {}  # {src path: the HTML of a page made from the data}, between two events

    def context(self, page_url):
        return Context(self.bundle, page_url, self.shared)

    def docs_macros(self, page):
        """{name: function} for the pages in docs/; page() is the page being rendered."""
        def bound(function):
            def macro(*args):
                return function(self.context(page().url), *args)
            macro.__doc__ = function.__doc__
            return macro
        made = {name: bound(function) for name, function in DOCS_MACROS.items()}
        made["amendments_page"] = bound(lambda ctx: amendments.page(ctx, self.history))
        return made

    def files(self):
        """Every file made from the data: the pages, the vCards, the wizard's files, the open
        data and the feed."""
        made = []
        for path, (_, meta, function, args) in self.pages.items():
            page = File.generated(self.config, path, content="")
            page.content_string = markdown(meta, function(self.context(page.url), *args))
            made.append(page)
        for name, content in vcards.all_cards(self.bundle).items():
            made.append(File.generated(self.config, page_ids.vcard_path(name), content=content))
        for path, source in list(self.wizard_files.items()) + list(self.workbox.items()):
            if isinstance(source, Path):
                made.append(File.generated(self.config, path, abs_src_path=str(source)))
            else:
                made.append(File.generated(self.config, path, content=source))
        for path, content in open_data.files(self.bundle, self.config["site_url"]).items():
            made.append(File.generated(self.config, path, content=content))
        feed = amendments.feed(self.history, self.config["site_url"], self.config["site_name"])
        made.append(File.generated(self.config, amendments.FEED_PATH, content=feed))
        return made


WIZARD_NAV = "the wizard page"  # a key of area_navs' answer that no partnership id can be


def area_navs(site_nav, bundle):
    """{partnership id: the navigation its pages show}: Home, that area's own section and the
    site-wide pages. Every page listing every area would make each page, and the build, grow
    with the square of the number of partnerships; the home page lists them all instead."""
    count = len(bundle["partnerships"])
    lead = 2  # Home and the wizard come before the areas (see sitebuild/navigation.py)
    home, areas, rest = site_nav.items[:lead], site_nav.items[lead:lead + count], site_nav.items[lead + count:]
    assert [area.title for area in areas] == [text(p["name"]) for p in bundle["partnerships"].values()]
    navs = {pid: Navigation(home + [area] + rest, site_nav.pages) for pid, area in zip(bundle["partnerships"], areas)}
    # The other pages (home, wizard, contacts, glossary...) list every area by its overview only:
    # each area's whole section would put 150 areas' pages into every one of them.
    navs[None] = Navigation(home + [Section(area.title, area.children[:1]) for area in areas] + rest, site_nav.pages)
    # The wizard page lists no area at all: it asks for the area itself, and a shared link must
    # not get heavier as partnerships are added (150 overviews were 194 KB of HTML, 5 KB gzip).
    # Contacts, and Home's list, still lead to every area.
    navs[WIZARD_NAV] = Navigation(home + rest, site_nav.pages)
    return navs


# --- MkDocs' events, in the order a build calls them ----------------------------------------

def on_config(config):
    global build
    build = SiteBuild(config)
    config["nav"] = nav(build.bundle, build.pages)
    config["extra"]["sw"] = header_data(build.bundle)
    config["copyright"] = footer(build.bundle)
    macros = config["plugins"]["macros"]
    macros.register_macros(build.docs_macros(lambda: macros.page))
    return config


def on_files(files, config):
    taken = {file.dest_uri: file.src_uri for file in files}
    for made in build.files():
        refuse_twice(taken, made.dest_uri, made.src_uri)
        files.append(made)
    return files


def refuse_twice(taken, dest, src):
    """Stop the build before a file made from the data replaces another at the same place on
    the site (a page in docs/, or another file made from the data). taken: {place on the site:
    what made it}, to which this file is added. The check refuses every id that would do this
    (stillworried/validation/site_paths.py); this is the last guard, whatever let it through."""
    if dest in taken:
        raise Abort("The site was not built: %s would be written twice, from %s and from %s. Rename the id in data/ "
                    "that makes one of them (python -m stillworried check names it)." % (dest, taken[dest], src))
    taken[dest] = src


def on_page_markdown(markdown, page, config, files):
    """A page made from the data is HTML already, which Markdown would leave as it is after
    parsing every tag of it (the slowest step of the build): it skips Markdown, and
    on_page_content puts it back."""
    if page.file.src_uri not in build.pages:
        return markdown
    made = as_markdown_leaves_it(markdown)
    if made is None:
        return markdown
    build.raw[page.file.src_uri] = made
    return ""


def on_page_content(content, page, config, files):
    made = build.raw.pop(page.file.src_uri, None)
    if made is None:
        return content
    # The ids another page's link may point at (MkDocs checks links to anchors).
    page.present_anchor_ids = anchor_ids(made)
    return made


def on_nav(site_nav, config, files):
    build.navs = area_navs(site_nav, build.bundle)
    return site_nav


def on_page_context(context, page, config, nav):
    """An area's pages show only that area in the navigation, the wizard page none, the others
    every area's overview (see area_navs)."""
    if page.meta.get("wizard"):
        context["nav"] = build.navs[WIZARD_NAV]
    else:
        context["nav"] = build.navs.get(page.meta.get("partnership"), build.navs[None])
    return context


def on_post_page(output, page, config):
    if not page.meta.get("search_page") and not page.meta.get("search_exclude") and page.file.src_uri != "404.md":
        area = build.bundle["partnerships"].get(page.meta.get("partnership"), {}).get("name")
        output = site_search.prepare(output, config["site_name"], area)
    return build.policies.apply(output, page.url, wizard=bool(page.meta.get("wizard")),
                                search=bool(page.meta.get("search_page")))


def on_post_template(output, template_name, config):
    if template_name != NOT_FOUND:
        return output
    return build.policies.apply(output, NOT_FOUND)


def on_post_build(config):
    try:
        site_search.index(config["site_dir"])
    except site_search.IndexingFailed as error:
        raise PluginError("Search could not be built: %s" % error) from None
    (Path(config["site_dir"]) / "_headers").write_text(build.policies.headers_file())
    offline.write_service_worker(config["site_dir"], build.manifest, build.workbox)
    precompress.precompress(config["site_dir"])
