"""Every page of the built site, checked from its HTML (tests/site_checks.py): links resolve,
nothing is fetched from another host, the Content-Security-Policy is there and tight, phone and
email links match what they show, ids are unique, and 999 and the quick exit are in every
header. These are fast, so they cover every page however many partnerships there are; the
browser tests visit one page of each kind."""
import pytest

from tests import site_checks


@pytest.fixture(scope="module")
def pages(built_site):
    found = site_checks.html_files(built_site)
    assert len(found) > 30 and "" in found and "404.html" in found
    return found


def test_every_link_resolves_and_nothing_is_fetched_from_another_host(built_site, pages):
    assert site_checks.check_links(built_site, pages) == []


def test_every_page_has_a_content_security_policy_with_no_unsafe_inline_script(pages):
    assert site_checks.check_policies(pages) == []


def test_every_phone_link_is_e164_and_matches_the_number_shown_and_every_email_its_address(pages):
    problems, checked = site_checks.check_phone_and_email_links(pages)
    assert problems == []
    assert checked > 100


def test_every_page_has_a_language_a_title_one_heading_unique_ids_999_and_a_quick_exit(pages):
    assert site_checks.check_page_basics(pages) == []


def test_the_invalid_cafcass_number_is_text_with_a_warning_never_a_link(pages):
    page = site_checks.parsed(pages["contacts/wigan/"])
    assert page.xpath("//a[contains(@href, '0300456400') or contains(@href, '300456400')]") == []
    assert "0300 456 400 is printed like this in the source and cannot be dialled" in page.text_content()


@pytest.mark.parametrize("mistake, found", [
    ('<a href="tel:+441616034500">0161 603 4501</a>', "shows '0161 603 4501'"),
    ('<a href="tel:01616034500">0161 603 4500</a>', "tel:01616034500"),
    ('<a href="mailto:a@example.org">b@example.org</a>', "mailto:a@example.org"),
    ('<script src="https://cdn.example/x.js"></script>', "fetched from another host"),
    ('<img src="//cdn.example/x.png" alt="">', "fetched from another host"),
    ('<a href="../nowhere/">x</a>', "leads to no file"),
    ('<a href="#no-such-id">x</a>', "leads to no id"),
    ('<p id="sw-dup"></p><p id="sw-dup"></p>', "used twice"),
    ('<script>alert(1)</script>', "not allowed by the policy"),
    ('<h1>Second heading</h1>', "2 <h1> headings"),
])
def test_the_checks_find_a_seeded_mistake(built_site, tmp_path, mistake, found):
    """Each check would fail on a page carrying the mistake (so none of them can pass by
    checking nothing)."""
    page = tmp_path / "salford" / "index.html"
    page.parent.mkdir()
    page.write_text(site_checks.html_files(built_site)["salford/"].read_text().replace("</article>", mistake + "</article>", 1))
    seeded = {"salford/": page}
    problems = (site_checks.check_links(built_site, seeded) + site_checks.check_policies(seeded)
                + site_checks.check_phone_and_email_links(seeded)[0] + site_checks.check_page_basics(seeded))
    assert any(found in problem for problem in problems), problems


def test_text_files_have_gzip_and_brotli_copies_that_give_back_the_same_bytes(built_site):
    """For hosts that send ready-made copies (nginx gzip_static and brotli_static)."""
    import gzip

    import brotli
    runtime = next((built_site / "assets" / "wizard").glob("micropython-*/micropython.wasm"))
    data = next((built_site / "assets" / "wizard" / "data").glob("area-wigan-*.json"))
    stylesheet = next((built_site / "assets" / "stylesheets").glob("main.*.css"))
    for path in (runtime, data, stylesheet, built_site / "pagefind" / "pagefind.js"):
        original = path.read_bytes()
        packed_gz, packed_br = (path.with_name(path.name + suffix).read_bytes() for suffix in (".gz", ".br"))
        assert gzip.decompress(packed_gz) == original and brotli.decompress(packed_br) == original, path
        assert len(packed_br) < len(packed_gz) < len(original), path
    # Every .gz is a copy of its file but the wizard's Python, an archive of its own (py-<hash>.tar.gz).
    small = [path for path in built_site.rglob("*.gz") if path.stat().st_size and not path.name.endswith(".tar.gz")
             and len(path.with_suffix("").read_bytes()) < 1024]
    assert small == []
    assert not list(built_site.rglob("*.png.gz")) and not list(built_site.rglob("*.gz.gz"))


def navigation(page):
    """The top-level entries of Material's main navigation: [(title, number of links in it)]."""
    nav = page.xpath("//nav[contains(@class, 'md-nav--primary')]")[0]
    return [(" ".join(item.xpath("string((./a | ./label)[1])").split()), len(item.xpath(".//a[@href]")))
            for item in nav.xpath("./ul/li")]


def test_an_areas_pages_show_its_own_section_and_the_other_pages_each_areas_overview(pages, bundle):
    """Every page listing every area's pages would grow with the square of the partnerships."""
    names = [partnership["name"] for partnership in bundle["partnerships"].values()]
    for area, partnership in bundle["partnerships"].items():
        for path in (area + "/", "contacts/" + area + "/"):
            shown = [title for title, _ in navigation(site_checks.parsed(pages[path]))]
            assert [name for name in names if name in shown] == [partnership["name"]], (path, shown)
    for path in ("", "glossary/", "contacts/"):
        entries = dict(navigation(site_checks.parsed(pages[path])))
        assert all(entries.get(name) == 1 for name in names), (path, entries)
    # The wizard asks for the area itself, so its menu lists none (a shared link stays the same
    # size whatever the number of partnerships); Contacts still leads to every area.
    entries = dict(navigation(site_checks.parsed(pages["still-worried/"])))
    assert not [name for name in names if name in entries] and "Contacts" in entries, entries


def data_ids(bundle):
    """Every contact, list, form and procedure id that is not also ordinary words: an id with a
    hyphen ("salford-bridge-advice") is the data's and the code's name, never a reader's
    ("wigan", a procedure id, is the area's name too)."""
    found = set()
    for kind in ("contacts", "lists", "forms", "procedures"):
        found.update(item for item in bundle[kind] if "-" in item)
    return found


def ids_shown(pages, bundle):
    """[(page, id, the text around it)] for each data id in a page's text, as the reader reads
    it: not in attributes, scripts or templates."""
    import re
    ids = data_ids(bundle)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])")
    shown = []
    for path, page in pages.items():
        if path == "amendments/":
            continue  # the record of changes quotes the git history's own words
        tree = site_checks.parsed(page)
        for hidden in tree.xpath("//script | //style | //template"):
            hidden.drop_tree()
        text = tree.text_content()
        shown += [(path, found.group(1), text[max(0, found.start() - 60):found.end() + 10])
                  for found in pattern.finditer(text)]
    return shown


def test_no_page_shows_a_data_id(pages, bundle):
    """Ids are for the data and the code. A reader saw "(salford-quality-assurance-unit-jwp)" in a
    contact's note, and then "(the contact 'salford-bridge-advice')" on the Salford contacts page
    (issue 22)."""
    assert {"salford-bridge-advice", "wigan-stage-1-useful-contacts", "salford-escalation-notice",
            "salford-sscb-2014"} <= data_ids(bundle)
    assert ids_shown(pages, bundle) == []


def test_the_data_id_check_finds_an_id_in_a_note_and_not_in_an_attribute(pages, bundle, tmp_path):
    page = tmp_path / "index.html"
    html = pages["contacts/salford/"].read_text(encoding="utf-8")
    assert 'data-contact="salford-bridge-advice"' in html
    page.write_text(html.replace("</article>", "<p>(the contact 'salford-bridge-advice')</p></article>", 1))
    assert [found[:2] for found in ids_shown({"contacts/salford/": page}, bundle)] == \
        [("contacts/salford/", "salford-bridge-advice")]
