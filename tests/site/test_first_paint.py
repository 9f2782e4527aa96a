"""The first-paint blocks and the templates (issue 9, items 6 and 7), read without a browser:
one content-hashed file per procedure with a block per stage made from the same template as the
wizard's <template>, every value escaped once, and a wizard page that carries only the map."""
import re
from html.parser import HTMLParser

from markupsafe import Markup

from macros import first_paint, pieces, templates, timeline
from macros.context import Context
from stillworried.core import contacts, page_ids, worded
from stillworried.core import procedures as core_procedures
from stillworried.core.words import page as page_words


class Blocks(HTMLParser):
    """Each block's id, its visible text and its links."""

    def __init__(self):
        super().__init__()
        self.blocks, self.current = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("class") == "sw-first":
            self.current = attrs["id"]
            self.blocks[self.current] = {"text": "", "links": []}
        elif tag == "a" and self.current:
            self.blocks[self.current]["links"].append(attrs["href"])

    def handle_data(self, data):
        if self.current:
            self.blocks[self.current]["text"] += data


def test_every_stage_has_a_first_paint_block_with_who_the_rule_and_the_buttons(bundle):
    files, where = first_paint.fragments(bundle)
    assert sorted(where) == sorted(bundle["procedures"])
    for procedure_id, procedure in bundle["procedures"].items():
        assert re.fullmatch(first_paint.FOLDER + procedure_id + r"-[0-9a-f]{12}\.txt", where[procedure_id])
        parser = Blocks()
        parser.feed(files[where[procedure_id]])
        assert sorted(parser.blocks) == sorted(page_ids.FIRST_STAGE + str(s["number"]) for s in procedure["stages"])
        for stage in procedure["stages"]:
            block = parser.blocks[page_ids.FIRST_STAGE + str(stage["number"])]
            # The wizard's answer, abbreviations written out at first use as the block writes them.
            answer = worded.next_step(bundle, procedure_id, stage["number"], "2026-11-23")
            assert answer["who"]["sentence"] in block["text"]
            assert answer["next_words"] in block["text"]
            assert page_words.DATE_PENDING in block["text"]  # the date is the engine's, later
            said = answer["no_number"]
            if said:  # the source gives no number: the line saying so, and the way in it gives (the Bridge)
                assert said["words"] in block["text"] and said["reach"] in block["text"]
            expected = []
            for contact_id in stage["contacts"] + ([c["id"] for c in said["contacts"]] if said else []):
                contact = worded.contact(contacts.contact_summary(bundle, contact_id))
                expected += ["tel:" + p["e164"] for p in contact["phones"] if p.get("e164")]
                expected += ["mailto:" + e["address"] for e in contact["emails"]]
            assert block["links"] == expected, (procedure_id, stage["number"])


def test_the_fragment_name_changes_with_its_content(bundle):
    import copy
    changed = copy.deepcopy(bundle)
    changed["procedures"]["wigan"]["stages"][0]["who"]["sentence"] = "Someone else acts."
    # One digest names them all (the page holds one pattern, not a line per procedure).
    assert first_paint.fragments(changed)[1]["wigan"] != first_paint.fragments(bundle)[1]["wigan"]
    assert first_paint.fragments(changed)[1]["southwark"] != first_paint.fragments(bundle)[1]["southwark"]
    assert first_paint.fragments(bundle)[1] == first_paint.fragments(copy.deepcopy(bundle))[1]


def test_the_page_names_every_fragment_with_one_pattern(bundle):
    _, where = first_paint.fragments(bundle)
    pattern = first_paint.page_map(where, lambda path: "../" + path)
    assert pattern.count(first_paint.PROCEDURE) == 1
    for procedure_id, path in where.items():
        assert pattern.replace(first_paint.PROCEDURE, procedure_id) == "../" + path


def test_hostile_text_is_escaped_once_by_the_finaliser():
    hostile = '<script>alert(1)</script> & "quotes" {{ 7*7 }} [x](javascript:alert(1))'
    html = templates.render("answer_first.html", block_id="x", title=hostile, lede="", who=hostile, contacts=[],
                            label="", rule="", next="")
    assert "<script>" not in html and "{{" not in html and "](javascript" not in html
    text = re.sub(r"<[^>]+>", "", html)
    import html as html_module
    assert html_module.unescape(text).count(hostile) == 2
    assert templates.finalize(Markup("<b>made by a template</b>")) == "<b>made by a template</b>"


def test_the_templates_carry_every_field_the_glue_fills(bundle):
    blank = str(first_paint.blank_templates()) + str(timeline.blank())
    for name in ("TITLE", "LEDE", "WHO", "CONTACTS", "LABEL", "DATE", "FLAG", "RULE", "NEXT", "NAME", "ROLE", "CALL",
                 "NUMBER", "PHONE_LABEL", "EMAIL", "NOTE", "WAYS", "INVALID", "INVALID_NUMBER", "EMAIL_ADDRESS",
                 "EMAIL_LABEL", "NO_WAYS", "HOURS", "CONFLICT", "ALSO", "ALSO_ONE", "ALSO_CALL", "ALSO_NAME",
                 "CONFLICT_NOTE", "CAPTION", "LADDER", "STEP", "STEP_NUMBER", "STEP_TITLE",
                 "STEP_DATE", "LADDER_TEXT", "STEP_TEXT"):
        assert 'data-field="%s"' % templates.finalize(getattr(page_ids, name)) in blank, name
    for template in (page_ids.TEMPLATE_FIRST, page_ids.TEMPLATE_CONTACT, page_ids.TEMPLATE_TIMELINE):
        assert '<template id="%s">' % template in blank


def fields(html):
    return set(re.findall(r'data-field="([^"]+)"', html))


def test_the_wizards_contact_template_and_the_pages_cards_are_one_template(bundle):
    """templates/contact_card.html is the only contact markup: the wizard's <template>, a
    first-paint block's card and a procedure page's card carry the same fields and classes,
    and the contacts pages' card adds only its detail rows."""
    blank = str(first_paint.blank_templates())
    wizard_card = blank[blank.index('<template id="%s">' % page_ids.TEMPLATE_CONTACT):]
    assert wizard_card.count("<template") == 1 and 'class="sw-contact sw-result__contact" data-contact=""' in wizard_card
    ctx = Context(bundle, "salford/salford-vcse/")
    page_card = str(pieces.contact_card(ctx, "salford-bridge"))
    first_card = str(first_paint.stage_block(bundle, bundle["procedures"]["salford-vcse"],
                                             bundle["procedures"]["salford-vcse"]["stages"][0]))
    detail = str(pieces.contact_card(ctx, "salford-bridge", detail=True))
    for card in (page_card, first_card, detail):
        assert 'class="md-button md-button--primary sw-call" data-field="call" href="tel:' in card
        assert 'class="sw-contact__actions sw-contact__ways" data-field="ways"' in card
    assert fields(page_card) <= fields(wizard_card)
    assert fields(detail) - fields(wizard_card) <= {"organisation", "address", "vcard", "source"}
    assert not (templates.FOLDER / "answer_contact.html").exists()


def test_procedure_pages_ladder_has_every_stage_and_its_limit_in_words(bundle):
    html = str(timeline.ladder(bundle["procedures"]["wigan"]))
    assert html.count('data-field="step"') == 6  # five stages and the whole process
    # Stages 1 to 4: 10 working days (4 also says its 2 working days to raise it, in the text);
    # 5: "Within further week", 7 days (picture and text). Issue 22: stage 4 showed only its 2.
    assert html.count("Within 10 working days") == 4 * 2 and "within 2 working days" in html and "Within 7 days" in html
    assert "Within 1 month" in html


def test_the_headline_limit_without_dates_is_next_steps_deadline(bundle):
    """The first paint and the ladder name the same headline limit the answer then dates."""
    for procedure in bundle["procedures"].values():
        for stage in procedure["stages"]:
            answer = worded.next_step(bundle, procedure["id"], stage["number"], "2026-11-23", "2026-11-02", "2026-11-25")
            main = core_procedures.headline_timescale(stage)
            assert (answer["deadline"] and answer["deadline"]["id"]) == (main and main["id"]), (procedure["id"], stage)
