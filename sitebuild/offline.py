"""Offline after one visit (issue 25): the site's service worker and what it keeps.

sw.js, at the site's root so that its scope is the whole site (under a project sub-path too,
with no header needed), is sitebuild/service-worker.js with SITE filled in here from the built
pages: which paths hold a hash of their content, the pattern of an area's part of the wizard's
data, where an area's pages are (stillworried.core.page_ids), the files the pages link, and the files
the wizard page runs on. Workbox's service-worker modules (npm, pinned by package-lock.json) are
copied into assets/workbox-<hash>/ and loaded from there. docs/assets/offline.js registers it.

Nothing here depends on MkDocs: mkdocs_hooks.py copies workbox_files() into the site and calls
write_service_worker() once the pages are written.
"""
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

from sitebuild import wizard_assets
from stillworried.core import page_ids

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "service-worker.js"
WORKBOX_PACKAGES = ROOT / "node_modules"
# workbox-sw loads the others from its modulePathPrefix; the worker uses routing and strategies,
# which need core. Nothing else (expiration would keep its dates in IndexedDB).
WORKBOX = {"workbox-sw.js": "workbox-sw", "workbox-core.prod.js": "workbox-core",
           "workbox-routing.prod.js": "workbox-routing", "workbox-strategies.prod.js": "workbox-strategies"}
SERVICE_WORKER = "sw.js"
PLACEHOLDER = "{/* SITE, filled in by sitebuild/offline.py */}"

HASH = "[0-9a-f]{12}"
# Every path of the site that holds a hash of its content, as (before the hash)(hash)(after it).
HASHED = [
    # The runtime's folders: pyscript-<hash>/, micropython-<hash>/, pyodide-<hash>/.
    "^(" + wizard_assets.BASE + "[a-z]+-)(" + HASH + ")(/[^/]+)$",
    # The Python: py-<hash>.tar.gz.
    "^(" + wizard_assets.BASE + "py-)(" + HASH + r")(\.tar\.gz)$",
    # The data: shared and each area's part; the first-paint fragments.
    "^(" + wizard_assets.BASE + "data/[a-z0-9-]+-)(" + HASH + r")(\.json)$",
    "^(" + wizard_assets.BASE + "first/[a-z0-9-]+-)(" + HASH + r")(\.txt)$",
    # Material's stylesheet and script: main.<hash>.min.css, bundle.<hash>.min.js.
    r"^(assets/(?:stylesheets|javascripts)/[a-z]+\.)([0-9a-f]{8})(\.min\.(?:css|js))$",
]
# An area's part of the wizard's data (wizard_assets.data_files), with the area's id.
AREA_PART = "^" + wizard_assets.BASE + "data/area-([a-z0-9-]+)-" + HASH + r"\.json$"
AREA, PROCEDURE = "{area}", "{procedure}"


class MissingWorkbox(Exception):
    """Workbox is not installed in node_modules."""


def workbox_files():
    """{site path: Path} of Workbox's modules, in assets/workbox-<hash of them>/."""
    paths = {}
    for name, package in WORKBOX.items():
        path = WORKBOX_PACKAGES / package / "build" / name
        if not path.is_file():
            raise MissingWorkbox("%s is missing. Run bin/setup (it runs npm ci)." % path.relative_to(ROOT))
        paths[name] = path
    digest = wizard_assets.digest((name, path.read_bytes()) for name, path in sorted(paths.items()))
    return {"assets/workbox-%s/%s" % (digest, name): path for name, path in sorted(paths.items())}


class _Linked(HTMLParser):
    """The URLs a page loads as it opens: stylesheets, icons, preloads and scripts."""

    RELS = {"stylesheet", "icon", "preload", "modulepreload"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and self.RELS & set((attrs.get("rel") or "").split()) and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def linked_files(html, page_path):
    """The site paths (from the root) of the files a page at page_path loads as it opens."""
    parser = _Linked()
    parser.feed(html)
    found = []
    for url in parser.urls:
        url = url.split("#")[0].split("?")[0]
        if not url or ":" in url or url.startswith("//"):
            continue
        path = posixpath.normpath(posixpath.join("/" + page_path, url)).lstrip("/")
        if path not in found:
            found.append(path)
    return found


def site_config(site_dir, manifest, workbox):
    """SITE for sw.js (see sitebuild/service-worker.js)."""
    site_dir = Path(site_dir)
    home = (site_dir / "index.html").read_text()
    wizard_page = (site_dir / wizard_assets.PAGE / "index.html").read_text()
    wizard = [wizard_assets.PAGE] + linked_files(wizard_page, wizard_assets.PAGE) + list(manifest["imported"])
    return {
        "workbox": posixpath.dirname(next(iter(workbox))) + "/",
        "hashed": HASHED,
        "area_part": AREA_PART,
        "pages": {"home": "", "area": page_ids.partnership_path(AREA), "contacts": page_ids.contacts_path(AREA),
                  "procedure": page_ids.procedure_path({"partnership": AREA, "id": PROCEDURE}),
                  # Every page's header links the contacts index ("Your area's front door", and the
                  # menu's Contacts), so it is saved with an area; the no-signal page is shown for
                  # a page never saved (docs/offline.md).
                  "contacts_index": page_ids.CONTACTS_INDEX, "offline": page_ids.OFFLINE},
        "page_files": linked_files(home, ""),
        "wizard": wizard,
    }


def service_worker(config):
    template = TEMPLATE.read_text()
    assert template.count(PLACEHOLDER) == 1
    return template.replace(PLACEHOLDER, json.dumps(config, indent=1, sort_keys=True))


def written_config(site_dir):
    """SITE as a built site's sw.js has it (for the tests and the benchmark)."""
    text = (Path(site_dir) / SERVICE_WORKER).read_text()
    return json.loads(text.split("const SITE = ", 1)[1].split(";\n", 1)[0])


def write_service_worker(site_dir, manifest, workbox):
    """Write sw.js at the root of the built site (after the pages, whose links it names)."""
    (Path(site_dir) / SERVICE_WORKER).write_text(service_worker(site_config(site_dir, manifest, workbox)))
