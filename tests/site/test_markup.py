"""macros.html builds markup that knows it is markup (a markupsafe.Markup), so joining pieces can
never escape our own tags a second time, and text joined to markup is always escaped."""
from markupsafe import Markup

from macros.escape import text
from macros.html import Html, el, join
from macros.templates import render_template
from stillworried.core import page_ids


def test_markup_plus_text_plus_markup_keeps_the_tags_and_escapes_the_text():
    joined = el("cite", None, "Wigan Resolution Protocol") + ", " + el("span", None, "Stage 1: x?")
    assert isinstance(joined, Html) and isinstance(joined, Markup)
    assert joined == "<cite>Wigan Resolution Protocol</cite>, <span>Stage 1&#58; x&#63;</span>"
    # Built into another element, it is not escaped again.
    assert el("p", None, joined) == Html("<p>") + joined + Html("</p>")
    assert "&#60;cite" not in el("p", None, "Source: ", joined, ".")


def test_text_added_to_markup_is_escaped_with_the_sites_escaping():
    for hostile in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=x }", "{{ config }}"):
        assert el("b", None, "x") + hostile == "<b>x</b>" + text(hostile)
        assert hostile + el("b", None, "x") == text(hostile) + "<b>x</b>"
        assert join([hostile, el("i", None, "y")], hostile) == text(hostile) + text(hostile) + "<i>y</i>"
        assert Html("<b>%s</b>") % hostile == "<b>" + text(hostile) + "</b>"


def test_the_contact_card_template_escapes_values_and_keeps_markup_given_as_markup():
    card = render_template("contact_card.html", ids=page_ids, card={
        "id": "x", "heading": "h3", "name": "<img src=x onerror=alert(1)>",
        "phones": [{"e164": "+441616034500", "display": "0161 603 4500", "label": "[a](javascript:b)"},
                   {"e164": None, "number": "<b>0161</b>", "label": None}],
        "emails": [], "source": el("p", {"class": "sw-source"}, "Source: ", el("cite", None, "Doc"))})
    assert isinstance(card, Html) and "\n" not in card
    assert text("<img src=x onerror=alert(1)>") in card and "<img" not in card
    assert text("[a](javascript:b)") in card
    assert '<p class="sw-source">Source&#58; <cite>Doc</cite></p>' in card
    assert text("<b>0161</b>") in card and "Not a valid number" in card and "<b>0161" not in card
    assert 'data-field="name"' in card and 'data-field="call"' in card
