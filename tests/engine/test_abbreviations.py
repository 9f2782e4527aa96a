"""Abbreviations written out the first time they appear (issue 9, item 1: "Expand or explain
every abbreviation the first time it appears; use the data's glossary").

The words come from the glossary in data/guidance.yaml, by area: the Southwark disagreements
policy's "email to SSCP@southwark.gov.uk" (3.5) is the Southwark Safeguarding Children
Partnership; Salford's SSCP is Salford's partnership. The answer the wizard shows, the first-paint
blocks and the procedure pages write the letters out once, where a reader first meets them.
"""
import copy
import re
from html.parser import HTMLParser

import pytest

from stillworried.core import answers as engine_answers, worded
from stillworried.core.written_out import letters_for, written_out
from stillworried.core import abbreviations, bundle_parts
from stillworried.data import engine_bundle
from tests.flow.test_flow import every_stage

# Texts that the matcher must read alike under CPython, MicroPython and Pyodide (checked in
# interpreter_parity.py): addresses, longer words, brackets, punctuation outside ASCII.
TRICKY = [
    "Email the SSCP at SSCP@southwark.gov.uk or see https://www.southwark.gov.uk/SSCP today.",
    "www.sscp.org.uk/SSCP and SSCP.",
    "SSCPs, non-SSCP, SSCP-led, SSCP_1, SSCP2 and the SSCP.",
    "The Multi-Agency Safeguarding Hub (MASH) said the MASH would call.",
    "\u201cSSCP\u201d \u2013 SSCP\u2019s chair; \u00e9SSCP; SSCP\u00e9; LADO/MASH; (LADO); [VCSE]",
    "",
    "   MASH\n\tLADO  ",
    "\u201cThe SSCP is not an operational body\u201d, the child's 'SSCP chair' and \"the MASH manager\" then MASH",
]


def known(bundle, area):
    return letters_for(engine_bundle(bundle), area)


def shown(answer):
    """The answer's text as the wizard shows it, in reading order (pyscript/answer.py), after
    the stage's heading (a heading keeps the source's short title, see the Southwark stage 5 test)."""
    texts = [answer.get("where_words") or answer["partnership_name"] + ": " + answer["procedure_title"],
             answer["who"].get("sentence") or answer["who"]["raising"] + ". Contact: " + answer["who"]["receiving"]]
    main = answer["deadline"]
    if main:
        texts += [main["rule"], main["missing_words"] or ""]
    texts += [answer["which_wins"] or "", answer["next_words"]]
    said = answer["no_number"]
    contacts = answer["contacts"] + (said["contacts"] if said else [])
    if said:
        texts.append(said["sentence"])
    for contact in contacts:
        texts += [contact["name"], contact.get("role") or "", contact.get("conflict") or ""]
    if answer["status"] == "lapsed":
        texts.append(answer["status_note"])
    texts += [limit["rule"] for limit in answer["deadlines"] if not limit["headline"]]
    texts += [answer["overall"]["rule"]] if answer["overall"] else []
    texts += answer["do"] + [form["title"] for form in answer["send"]] + answer["record"]
    texts.append(answer["safety_rule"]["text"])
    for note in answer["notes"]:
        texts += [note["title"], note["text"]]
    return "\n".join(texts)


def bare(text):
    """Text with its email and web addresses blanked (same length), where letters are never written out."""
    return re.sub(r"\S*(@|://|www\.)\S*|\S*\w\.\w\S*", lambda found: " " * len(found.group(0)), text)


def unquoted(text):
    """Text with its quotations blanked (same length): the source's own words, never written out."""
    return "".join(" " * len(piece) if quoted else piece for piece, quoted in abbreviations.quoted_spans(text))


def first_use(text, letters):
    """Where the letters first appear as a word of their own (not in a longer word, not in a
    quotation), or -1."""
    found = re.search(r"(?<![\w\-])" + letters + r"(?![\w\-])", bare(unquoted(text)))
    return found.start() if found else -1


def answers(bundle):
    for procedure_id, number in every_stage(bundle):
        yield (procedure_id, number), worded.next_step(bundle, procedure_id, number, "2026-11-23",
                                                       "2026-11-23" if number == 1 else "2026-11-02")


def test_every_abbreviation_in_an_answer_is_written_out_where_it_first_appears(bundle):
    checked = set()
    for question, answer in answers(bundle):
        text = shown(answer)
        raw = shown(worded.in_words(engine_answers.next_step(bundle, question[0], question[1], answer["since"], answer["started"])))
        for letters, words in known(bundle, answer["partnership"]).items():
            at = first_use(text, letters)
            if at < 0:
                continue
            checked.add((answer["partnership"], letters))
            # Written out here, or already in brackets after the words in the data's own text.
            assert text[at - 1:at + len(letters) + 1] == "(" + letters + ")", (question, letters, text[at - 80:at + 20])
            # Written out once at most, where the data does not write it out itself.
            assert text.count(words + " (" + letters + ")") <= raw.count(words + " (" + letters + ")") + 1
            assert "(" + letters + ") (" + letters + ")" not in text
    # The letters the sources use in these answers, area by area.
    assert {("southwark", "SSCP"), ("southwark", "MASH"), ("southwark", "LADO"), ("salford", "VCSE"),
            ("salford", "SSCB"), ("salford", "LADO"), ("wigan", "WSCP")} <= checked


def test_sscp_is_salfords_partnership_in_salford_and_southwarks_in_southwark(bundle):
    sentence = "Email the SSCP."
    assert abbreviations.write_out(sentence, known(bundle, "salford"), {}) == \
        "Email the Salford Safeguarding Children Partnership (SSCP)."
    assert abbreviations.write_out(sentence, known(bundle, "southwark"), {}) == \
        "Email the Southwark Safeguarding Children Partnership (SSCP)."
    assert abbreviations.write_out(sentence, known(bundle, "wigan"), {}) == sentence
    assert "WSCP" in known(bundle, "wigan") and "WSCP" not in known(bundle, "salford")


def test_southwark_stage_5_says_the_sscp_in_full_at_once_and_keeps_its_email(bundle):
    """3.6 Stage 5: the SSCP's Independent Chair, reached through SSCP@southwark.gov.uk (3.5)."""
    answer = worded.next_step(bundle, "southwark", 5, "2026-11-23", "2026-11-02")
    # The heading stays as short as the source has it (three lines on a phone written out);
    # the who sentence, straight below it, says the words in full.
    assert answer["title"] == "SSCP Independent Chair"
    assert answer["who"]["sentence"].endswith("the Independent Chair of the Southwark Safeguarding Children "
                                              "Partnership (SSCP).")
    assert "Southwark Safeguarding Children Partnership (SSCP) Southwark" not in shown(answer)
    assert [contact["email"] for contact in answer["contacts"]] == ["SSCP@southwark.gov.uk"]
    assert bundle["procedures"]["southwark"]["stages"][4]["title"] == "SSCP Independent Chair"


def test_salford_vcse_stage_1_says_vcse_in_full_where_it_is_used(bundle):
    """The joint working protocol's Glossary: 'VCSE: Voluntary and community organisations and
    social enterprises'."""
    answer = worded.next_step(bundle, "salford-vcse", 1, "2026-11-23")
    # The no-number line says "This procedure" rather than the document's name ("Salford VCSE
    # protocol"), so the answer's own words never use the letters; the procedure page does.
    assert "VCSE" not in shown(answer)
    assert answer["no_number"]["sentence"].startswith("This procedure gives no phone number or email")
    from macros import procedures
    from macros.context import Context
    parser = PageText()
    parser.feed(str(procedures.procedure_page(Context(bundle, "procedures/salford-vcse/"), "salford-vcse")))
    text = " ".join(parser.text)
    words = "Voluntary and community organisations and social enterprises (VCSE)"
    assert first_use(text, "VCSE") < 0 or text[:first_use(text, "VCSE") + len("VCSE)")].endswith(words)


def test_addresses_and_longer_words_are_left_alone():
    letters = {"SSCP": "Southwark Safeguarding Children Partnership"}
    for text in ("SSCP@southwark.gov.uk", "https://www.southwark.gov.uk/SSCP", "www.sscp.org.uk/SSCP",
                 "southwark.gov.uk/SSCP", "SSCPs", "non-SSCP", "SSCP-led", "SSCP2"):
        assert abbreviations.write_out(text, letters, {}) == text


def test_nothing_inside_quotation_marks_is_written_out():
    """Issue 22: the VCSE status note showed "complementary to the Salford Safeguarding Children
    Board (SSCB) Escalation Guidance"; the source (Appendix 2, section 1) says "complementary to
    the SSCB Escalation Guidance". The letters are written out at their next use outside quotes."""
    letters = {"SSCB": "Salford Safeguarding Children Board", "SSCP": "Southwark Safeguarding Children Partnership"}
    for text, said in [
        ('Its Appendix 2 is "complementary to the SSCB Escalation Guidance", the SSCB one.',
         'Its Appendix 2 is "complementary to the SSCB Escalation Guidance", the Salford Safeguarding Children '
         'Board (SSCB) one.'),
        ("\u201cThe SSCP is not an operational body\u201d, says the SSCP.",
         "\u201cThe SSCP is not an operational body\u201d, says the Southwark Safeguarding Children Partnership (SSCP)."),
        ("prints 'SSCB Business Manager, Sutherland House' and the child's SSCB",
         "prints 'SSCB Business Manager, Sutherland House' and the child's Salford Safeguarding Children Board (SSCB)"),
        ("\u2018SSCP\u2019", "\u2018SSCP\u2019"),
        ('A quotation left open: "the SSCB Escalation Guidance', 'A quotation left open: "the SSCB Escalation Guidance'),
    ]:
        assert abbreviations.write_out(text, letters, {}) == said


def test_letters_already_in_brackets_are_not_written_out_again():
    letters = {"MASH": "Multi Agency Safeguarding Hub"}
    text = "The Multi-Agency Safeguarding Hub (MASH) said the MASH would call."
    assert abbreviations.write_out(text, letters, {}) == text


def test_writing_out_twice_changes_nothing(bundle):
    for text in TRICKY:
        once = abbreviations.write_out(text, known(bundle, "southwark"), {})
        assert abbreviations.write_out(once, known(bundle, "southwark"), {}) == once
    for _, answer in answers(bundle):
        assert written_out(bundle, answer) == answer


def test_the_bundle_is_not_changed_by_an_answer(bundle):
    before = copy.deepcopy(bundle)
    for _ in answers(bundle):
        pass
    worded.where_today(bundle, "southwark", "2026-11-23", "2026-12-01")
    assert bundle == before


def test_where_today_writes_out_from_its_first_line(bundle):
    answer = worded.where_today(bundle, "southwark", "2026-11-02", "2026-12-01")
    text = shown(answer)
    for letters in ("SSCP", "MASH"):
        at = first_use(text, letters)
        assert at < 0 or text[at - 1:at + len(letters) + 1] == "(" + letters + ")"


def test_every_abbreviation_names_its_source_and_reaches_the_areas_that_use_it(bundle):
    whole = engine_bundle(bundle)
    for entry in whole["abbreviations"].values():
        assert entry["source"]["file"] and entry["source"]["section"]
    shared, parts = bundle_parts.split(copy.deepcopy(whole))
    assert "sscp-salford" in parts["salford"]["abbreviations"] and "sscp-southwark" not in parts["salford"]["abbreviations"]
    assert "sscp-southwark" in parts["southwark"]["abbreviations"]
    assert set(shared["abbreviations"]) == {i for i, e in whole["abbreviations"].items() if e["partnerships"] == ["all"]}
    for area in parts:
        merged = bundle_parts.merge(bundle_parts.copy_of(shared), parts[area])
        assert letters_for(merged, area) == letters_for(whole, area)


def test_tricky_texts_read_as_a_person_would(bundle):
    """What the parity suite asks every interpreter (interpreter_parity.py), checked here by eye."""
    sscp, mash = "Southwark Safeguarding Children Partnership (SSCP)", "Multi Agency Safeguarding Hub (MASH)"
    lado = "Local Authority Designated Officer (LADO)"
    vcse = "Voluntary and community organisations and social enterprises (VCSE)"
    assert [abbreviations.write_out(text, known(bundle, "southwark"), {}) for text in TRICKY] == [
        "Email the " + sscp + " at SSCP@southwark.gov.uk or see https://www.southwark.gov.uk/SSCP today.",
        "www.sscp.org.uk/SSCP and " + sscp + ".",
        "SSCPs, non-SSCP, SSCP-led, SSCP_1, SSCP2 and the " + sscp + ".",
        "The Multi-Agency Safeguarding Hub (MASH) said the MASH would call.",
        "\u201cSSCP\u201d \u2013 " + sscp + "\u2019s chair; \u00e9SSCP; SSCP\u00e9; " + lado + "/" + mash
        + "; (LADO); [" + vcse + "]",
        "",
        "   " + mash + "\n\t" + lado + "  ",
        "\u201cThe SSCP is not an operational body\u201d, the child's 'SSCP chair' and \"the MASH manager\" then " + mash,
    ]


class PageText(HTMLParser):
    """A page's text as a reader meets it, without the contact cards (their markup is shared with
    the contacts pages and is not written out), the quiet source lines (a citation names the
    document as it is called: "Salford VCSE protocol") or the SVG ladder's short labels."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping, self.depth, self.text = None, 0, []

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.depth += tag == self.skipping
        elif tag == "svg" or (tag, (dict(attrs).get("class") or "").split()[:1]) in (("div", ["sw-contact"]),
                                                                                   ("p", ["sw-source"])):
            self.skipping, self.depth = tag, 1

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping:
            self.depth -= 1
            if not self.depth:
                self.skipping = None

    def handle_data(self, data):
        if not self.skipping:
            self.text.append(data)


@pytest.mark.parametrize("procedure_id", ["southwark", "salford-vcse", "salford-sscb-2014", "wigan"])
def test_procedure_pages_write_each_abbreviation_out_where_the_page_first_uses_it(bundle, procedure_id):
    from macros import procedures
    from macros.context import Context
    procedure = bundle["procedures"][procedure_id]
    parser = PageText()
    parser.feed(str(procedures.procedure_page(Context(bundle, "procedures/" + procedure_id + "/"), procedure_id)))
    text = " ".join(parser.text)
    used = 0
    for letters in known(bundle, procedure["partnership"]):
        at = first_use(text, letters)
        if at < 0:
            continue
        used += 1
        assert text[at - 1:at + len(letters) + 1] == "(" + letters + ")", (letters, text[max(0, at - 80):at + 20])
    assert used
