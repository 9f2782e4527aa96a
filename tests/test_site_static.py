"""Every page of the built site, checked from its HTML (tests/site_checks.py): links resolve,
nothing is fetched from another host, the Content-Security-Policy is there and tight, phone and
email links match what they show, ids are unique, and 999 and the quick exit are in every
header. These are fast, so they cover every page however many partnerships there are; the
browser tests visit one page of each kind."""
import pytest

import site_checks


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
