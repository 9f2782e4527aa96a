"""The site's pages come from the data alone, and no text in the data can change the page's
markup: hostile payloads through every macro, in every place a value can sit."""
import copy
import hashlib
import html.parser
import re
import shutil

import markdown
import pytest
import vobject

from tests.conftest import DATA, ROOT
from macros import areas, contacts, forms, front_doors, guidance, pieces, procedures
from macros.context import Context
from sitebuild import site_search
from tests.site_support import build_site, site_pages
from tests.source_copies import sources_copy

DECISIONS = ROOT / "docs" / "decisions"

PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "</p><h1>pwned</h1>",
    "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=//evil.example></iframe>", "<style>*{display:none}</style>",
    "<!-- comment -->", "<![CDATA[x]]>", "&lt;script&gt;", "&#60;script&#62;", "&amp;quot;",
    "[click](javascript:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "![img](javascript:alert(1))",
    "<javascript:alert(1)>", "<https://evil.example>", "https://evil.example/path", "[x][1]\n\n[1]: javascript:alert(1)",
    "{: onclick=\"alert(1)\" }", "text{: .evil onmouseover=alert(1) }", "# heading", "## heading", "> quote",
    "* item", "- item", "1. item", "---", "***bold italic***", "__under__", "`code`", "```\ncode\n```",
    "| a | b |\n|---|---|", "!!! danger \"x\"", "<div markdown=\"1\">*x*</div>", "\\*escaped\\*",
    "{{ config }}", "{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{# comment #}", "${7*7}", "#{7*7}",
    "%s%s%n", "' OR '1'='1", "\"double\" 'single'", "\u202eevil\u202c", "zero\u200bwidth", "emoji 🚸",
    "Ünïcödé ñ", "tab\tseparated", "line\nbreak", "a < b > c & d", "<<>>", "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "onload=alert(1)", "style=\"x:expression(1)\"",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<form action=//evil.example><input></form>",
    "[[wikilink]]", ":smile:", "++inserted++", "==marked==", "^^sup^^", "~~strike~~",
]
TEXT_KEYS = {"title", "name", "text", "summary", "for_whom", "role", "organisation", "label", "note", "purpose",
             "action", "who", "from_words", "quote", "section", "raising", "receiving", "reached_when",
             "conflict", "definition", "term", "stands_for", "status_note", "highlight", "what_to_do", "audience",
             "person", "display_name"}
LIST_KEYS = {"do", "record", "fields", "address", "points", "examples", "items"}
ALLOWED_TAGS = {"div", "p", "a", "span", "strong", "small", "br", "ul", "ol", "li", "h1", "h2", "h3", "h4", "dl", "dt",
                "dd", "cite", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "section", "nav"}
# Our own markup's attributes: a citation keeps its file name in title; the contact card
# (templates/contact_card.html) marks what the wizard fills with data-field and data-contact.
ALLOWED_ATTRS = {"class", "href", "id", "role", "aria-label", "aria-hidden", "aria-labelledby", "download", "scope",
                 "title", "data-field", "data-contact"}
# The procedure's ladder (templates/timeline.html): fixed markup, the data only in its text.
ALLOWED_TAGS |= {"figure", "figcaption", "svg", "g", "line", "circle", "text"}
ALLOWED_ATTRS |= {"viewbox", "width", "focusable", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx",
                  "cy", "r", "text-anchor"}

assert len(PAYLOADS) >= 60


def poison(data, payload):
    """A copy of the data with every text a page shows replaced by the payload (ids untouched)."""
    if isinstance(data, dict):
        result = {}
        for key, value in data.items():
            if key in TEXT_KEYS and isinstance(value, str):
                result[key] = payload
            elif key in LIST_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                result[key] = [payload for _ in value]
            else:
                result[key] = poison(value, payload)
        return result
    if isinstance(data, list):
        return [poison(value, payload) for value in data]
    return data


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def calls(bundle):
    partnership = "salford"
    procedure = "southwark"
    form = "southwark-escalation-referral-form"
    section = bundle["guidance"]["guidance"]["salford"]["sections"][0]["id"]
    return {
        front_doors.emergency_notice: (), front_doors.front_doors: (), areas.procedure_links: (),
        areas.partnership_page: (partnership,), procedures.procedure_page: (procedure,),
        contacts.contacts_page: (partnership,), contacts.contacts_index: (), forms.form_page: (form,),
        forms.forms_index: (), guidance.guidance_page: (partnership,), guidance.guidance_section: (partnership, section),
        guidance.glossary: (), pieces.sources_list: (),
    }


def assert_safe(output, payload, where, shows_text=True):
    collected = Collector()
    collected.feed(output)
    assert collected.tags <= ALLOWED_TAGS, (where, collected.tags - ALLOWED_TAGS)
    for name, value in collected.attrs:
        assert name in ALLOWED_ATTRS and not name.startswith("on"), (where, name)
        if name == "href":
            assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), (where, value)
    visible = " ".join(" ".join(collected.text).split())
    if shows_text:
        assert " ".join(payload.split()) in visible, where


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.slow  # a sweep: every hostile payload through every macro
def test_no_payload_escapes_any_macro_in_any_context(bundle, payload):
    hostile = poison(copy.deepcopy(bundle), payload)
    for function, args in calls(hostile).items():
        name = function.__name__
        output = function(Context(hostile, "salford/southwark/"), *args)
        assert "\n\n" not in output, name
        shows_text = name != "emergency_notice"  # the only macro with no text from the data
        assert_safe(output, payload, name, shows_text)
        # Markdown runs after the macros: it must leave the block alone.
        converted = markdown.markdown(output, extensions=["admonition", "attr_list", "toc"])
        assert_safe(converted, payload, name + " after Markdown", shows_text)


def test_no_phone_number_email_or_timescale_is_typed_into_the_markdown():
    number = re.compile(r"\b0\d{3,4}[ ]?\d{3}[ ]?\d{3,4}\b|\+44[0-9 ]{9,13}|\b999\b")
    email = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}")
    timescale = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten)\s+(working\s+)?(days?|weeks?|months?)\b", re.I)
    found = []
    for path in (ROOT / "docs").rglob("*.md"):
        if DECISIONS in path.parents:
            continue  # the developers' decision records, left out of the site (mkdocs.yml exclude_docs)
        for line_number, line in enumerate(path.read_text().splitlines(), 1):
            for rule in (number, email, timescale):
                if rule.search(line):
                    found.append("%s:%d: %s" % (path.relative_to(ROOT), line_number, line.strip()))
    assert found == []


def test_the_decision_records_are_not_published(built_site):
    assert any(DECISIONS.glob("0*.md"))
    assert not (built_site / "decisions").exists()
    assert not list(built_site.rglob("*earlier-date*"))


def test_every_built_page_is_clean_and_has_a_description(built_site):
    for path in site_pages(built_site):
        page = (built_site / path / "index.html").read_text()
        for leftover in ("{{", "{%", "Macro Rendering Error", "Traceback"):
            assert leftover not in page, (path, leftover)
        description = re.search(r'<meta name="description" content="([^"]*)"', page)
        assert description and len(description.group(1)) > 20, path


def test_every_contact_and_partnership_has_a_vcard_with_callable_numbers(built_site, bundle):
    for partnership_id in bundle["partnerships"]:
        cards = list(vobject.readComponents((built_site / "contacts/vcards" / (partnership_id + ".vcf")).read_text()))
        assert len(cards) >= 2  # 999 and at least one of its own
        for card in cards:
            for tel in card.contents.get("tel", []):
                assert re.fullmatch(r"\+44\d{9,10}|999", tel.value)
    bridge = vobject.readOne((built_site / "contacts/vcards/salford-bridge.vcf").read_text())
    assert bridge.tel.value == "+441616034500"
    assert not (built_site / "contacts/vcards/wigan-cafcass.vcf").exists()


TESTSHIRE_PROTOCOL = """# Testshire Escalation Protocol

## 1. Worried about a child

Call 999 if a child is in immediate danger. Call the front door on 0113 496 1000.

## 2. Escalation

The practitioner should answer within 3 working days.
"""


@pytest.mark.slow  # a build of its own
def test_a_new_partnership_needs_yaml_only(tmp_path):
    """YAML and the partnership's own document, which goes in the protocols folder with it."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    sources = sources_copy(tmp_path)
    (sources / "testshire-protocol.md").write_text(TESTSHIRE_PROTOCOL)
    stages = (data / "stages.yaml").read_text()
    stages = stages.replace("# ---------------------------------------------------------------------------------------\n"
                            "# Partnerships", """  - file: testshire-protocol.md
    title: Testshire Escalation Protocol
    partnership: testshire
    sha256: %s
# ---------------------------------------------------------------------------------------
# Partnerships""" % hashlib.sha256(TESTSHIRE_PROTOCOL.encode()).hexdigest(), 1)
    stages = stages.replace("\n# ---------------------------------------------------------------------------------------\n"
                            "# Forms", """
  - id: testshire
    name: Testshire
    full_name: Testshire Safeguarding Children Partnership
    emergency:
      name: Police
      contacts: [emergency-999]
      text: Call 999 if a child is in immediate danger.
      source: {file: testshire-protocol.md, section: "1"}
    front_door:
      name: Testshire Front Door
      contacts: [testshire-front-door]
      text: Call the front door.
      source: {file: testshire-protocol.md, section: "1"}

# ---------------------------------------------------------------------------------------
# Forms""", 1)
    stages += """
  - id: testshire-escalation
    partnership: testshire
    title: Testshire escalation
    summary: How Testshire resolves disagreements about a child.
    for_whom: I'm in Testshire and disagree with another agency.
    status: current
    source: {file: testshire-protocol.md, section: "2"}
    safety_rule: {text: Act sooner if the child needs it., source: {file: testshire-protocol.md, section: "2"}}
    stages:
      - number: 1
        title: Talk to the practitioner
        who: {raising: You, receiving: The practitioner}
        do: [Talk to them.]
        contacts: [testshire-front-door]
        timescales:
          - {id: answer, measures: answer, who: the practitioner, action: answer, amount: 3, unit: working_days,
             counts_from: stage_start, from_words: the day you asked, quote: within 3 working days,
             source: {file: testshire-protocol.md, section: "2"}}
        deadline: answer
        source: {file: testshire-protocol.md, section: "2"}
"""
    (data / "stages.yaml").write_text(stages)
    contacts = (data / "contacts.yaml").read_text() + """
  - id: testshire-front-door
    name: Testshire Front Door
    organisation: Testshire Council
    partnership: testshire
    phones:
      - number: "0113 496 1000"
        sources: [{file: testshire-protocol.md, section: "1"}]
    sources: [{file: testshire-protocol.md, section: "1"}]
"""
    (data / "contacts.yaml").write_text(contacts)
    site = tmp_path / "site"
    result = build_site(site, data_dir=data, env={"STILLWORRIED_SOURCES": str(sources)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Testshire Front Door" in (site / "testshire/index.html").read_text()
    procedure = (site / "testshire/testshire-escalation/index.html").read_text()
    assert "within 3 working days of the day you asked" in procedure and 'href="tel:+441134961000"' in procedure
    assert "0113 496 1000" in (site / "contacts/testshire/index.html").read_text()
    assert (site / "contacts/vcards/testshire-front-door.vcf").exists()
    assert "/testshire/testshire-escalation/" in [entry["url"] for entry in site_search.indexed_pages(site)]
