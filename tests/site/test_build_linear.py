"""The build's short cuts give what the slow way gave: a page made from the data skips Markdown
(sitebuild.pages.as_markdown_leaves_it), the contacts pages share one grouping of the contacts,
and the data check looks each schema reference up once."""
import markdown as python_markdown

from macros import contacts
from macros.context import Context
from sitebuild.pages import WIZARD_PAGE, as_markdown_leaves_it, pages


def through_markdown(html):
    """What MkDocs' Markdown (with the site's extensions) makes of a page's HTML."""
    return python_markdown.Markdown(extensions=["admonition", "attr_list", "toc"]).convert(html)


def test_every_page_made_from_the_data_comes_back_as_markdown_gives_it(bundle):
    made = pages(bundle, {"modulepreload": [], "fetch_first": [], "fetch": []})
    shared = {}
    for path, (_, _, function, args) in made.items():
        if path != WIZARD_PAGE:  # every page but the wizard's, which needs the built manifest
            html = str(function(Context(bundle, path, shared), *args)) + "\n"
            assert as_markdown_leaves_it(html) == through_markdown(html), path


def test_anything_outside_an_element_goes_through_markdown():
    for html in ("text <p>a</p>", "<p>a</p> *b*", "<p>a</p><div>", "<p>a"):
        assert as_markdown_leaves_it(html) is None
    assert as_markdown_leaves_it("<p>a</p>\n \n<p>b</p>") is None  # Markdown keeps the blank line
    html = '<p>a</p>\n<div><br><img src="x"><!-- c --></div><script>if (a < b) {}</script>'
    assert as_markdown_leaves_it(html) == through_markdown(html) == \
        '<p>a</p>\n<div><br><img src="x"><!-- c --></div>\n<script>if (a < b) {}</script>'


def test_a_shared_context_gives_the_same_contacts_pages(bundle):
    shared = {}
    for pid in bundle["partnerships"]:
        alone = contacts.contacts_page(Context(bundle, "contacts/%s/" % pid), pid)
        assert contacts.contacts_page(Context(bundle, "contacts/%s/" % pid, shared), pid) == alone
    assert set(shared) == {"own", "teams", "printed"}

