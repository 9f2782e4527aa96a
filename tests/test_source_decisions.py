"""What the data decided where the sources are unclear or silent (issue 14), checked as a reader
meets it: in the engine's answer, in the check's warnings and on the contact cards.
"""
import datetime
import html as html_text

from conftest import DATA
from macros import render
from stillworried import data_warnings, engine, validate

SINCE = "2026-11-23"  # a Monday


def answer(bundle, procedure, stage, since=SINCE):
    return engine.next_step(bundle, procedure, stage, since)


def test_the_bridge_challenge_route_offers_one_number_because_every_source_gives_it(bundle):
    """VCSE Appendix 2, section 4: "using the same generic email address and phone number"."""
    for stage in (2, 3, 4):
        [bridge] = [c for c in answer(bundle, "salford-vcse", stage)["contacts"] if c["id"] == "salford-bridge"]
        assert bridge["phone"] == "+441616034500" and bridge["conflicts"] == [] and not bridge["conflict"]


def test_where_the_bridge_numbers_compete_for_advice_both_are_shown(bundle):
    advice = engine.contact_summary(bundle, "salford-bridge-advice")
    # The guidance is undated, so the advice line's own number stays the button; each says its source.
    assert [c["phone"] for c in advice["conflicts"]] == ["+441616034500"]
    assert advice["phones"][0]["label"].endswith("Support and Safeguarding in Salford, undated")
    assert advice["conflicts"][0]["label"].endswith("Salford VCSE protocol, January 2015")
    assert "0161 603 4555" in advice["conflict"] and "0161 603 4500" in advice["conflict"]
    html = html_text.unescape(str(render.contact_card(render.Context(bundle, "salford/support/"),
                                                      "salford-bridge-advice")))
    assert "The sources give different numbers" in html and "tel:+441616034500" in html


def test_the_quality_assurance_unit_numbers_still_compete(bundle):
    """0161 603 4350 (2014, 3.2) and 0161 603 4322 (VCSE, Appendix 2): both contacts keep the note."""
    [unit] = answer(bundle, "salford-sscb-2014", 3)["contacts"]
    # Issue 21, item 11: the newer document's number first, each saying which document and date.
    assert [(phone["e164"], phone["label"]) for phone in unit["phones"]] == [
        ("+441616034322", "Salford VCSE protocol, January 2015")]
    assert [(other["phone"], other["label"]) for other in unit["conflicts"]] == [
        ("+441616034350", "Salford escalation procedure (2014), 15 May 2014")]


def test_a_contact_never_confirmed_says_so_to_the_maintainer():
    problems, files = validate.check(DATA)
    assert problems == []
    warnings = data_warnings.find(files, today=datetime.date(2026, 11, 23))
    unconfirmed = [w for w in warnings if "have never been confirmed with the partnership" in w.message]
    contacts = files["contacts.yaml"].data["contacts"]
    without_date = [c["id"] for c in contacts if not c.get("verified_on")]
    assert len(unconfirmed) == len(without_date) >= 67
    assert sum("'wigan-" in w.message for w in unconfirmed) == sum(i.startswith("wigan-") for i in without_date)
    mast = next(w for w in unconfirmed if "'wigan-mast'" in w.message)
    assert "wigan-resolution-protocol.txt, is undated" in mast.message and mast.severity == "warning"
    assert not any("'salford-bridge'" in w.message for w in unconfirmed)  # verified_on: "2015-01"


def test_a_contact_never_confirmed_says_so_to_the_reader(bundle):
    html = html_text.unescape(str(render.contact_card(render.Context(bundle, "contacts/wigan/"), "wigan-mast",
                                                      detail=True)))
    assert "Never confirmed with the partnership" in html and "undated" in html
    assert "Duty and Advice" in html  # the note: the protocol never ties MAST to Duty and Advice


def test_the_wigan_emergency_route_does_not_cite_999_to_the_protocol(bundle):
    wigan = bundle["partnerships"]["wigan"]
    assert "does not mention 999" in wigan["emergency"]["text"]
    assert "Duty and Advice should be contacted or the child's social worker" in wigan["emergency"]["text"]
    assert "gives no number for Duty and Advice" in wigan["front_door"]["text"]


def test_wigan_directors_stage_has_the_ten_working_days_of_each_stage(bundle):
    """'Time scales not exceeding 10 working days should be agreed for each stage'; the directors'
    stage also has 'within a further 2 working days' to raise it."""
    result = answer(bundle, "wigan", 4)
    dates = {item["id"]: item["date"] for item in result["deadlines"]}
    assert dates == {"raise": "2026-11-25", "resolve": "2026-12-07"}
    assert result["deadline"]["date"] == "2026-11-25"


def test_southwark_stage_4_is_also_reached_on_significant_policy_issues(bundle):
    stage = bundle["procedures"]["southwark"]["stages"][3]
    assert "significant policy issues" in stage["reached_when"]


def test_southwark_stage_5_goes_through_the_quality_and_assurance_lead(bundle):
    notes = answer(bundle, "southwark", 5)["notes"]
    via = next(note for note in notes if note["id"] == "via-quality-assurance-lead")
    assert "gives no phone number or email" in via["text"] and via["contacts"] == ["southwark-sscp"]


def test_the_vcse_protocol_shows_its_age_as_plainly_as_the_2014_procedure(bundle):
    vcse = answer(bundle, "salford-vcse", 2)
    assert vcse["status"] == "lapsed" and vcse["review_due"] == "2016-01"
    # SSCB is first met here in the answer, so its words are written out (tests/test_abbreviations.py).
    assert "January 2015" in vcse["status_note"]
    assert "complementary to the Salford Safeguarding Children Board (SSCB) Escalation Guidance" in vcse["status_note"]


def test_the_vcse_route_shows_the_referral_timescale_and_the_separate_complaints_route(bundle):
    first = {note["id"]: note for note in answer(bundle, "salford-vcse", 1)["notes"]}
    assert "within one week" in first["outcome-form"]["text"]
    assert "does not say what to do if the form does not come" in first["outcome-form"]["text"]
    assert "ask to be contacted before" in first["volunteer-risk"]["text"]
    assert "families can often work out where a referral has come from" in first["anonymous"]["text"]
    second = {note["id"]: note for note in answer(bundle, "salford-vcse", 2)["notes"]}
    assert "10 working days" in second["complaints"]["text"] and "Customer First" in second["complaints"]["text"]


def test_limits_whose_start_the_source_does_not_name_say_so(bundle):
    for stage in (2, 3, 4):
        [item] = bundle["procedures"]["salford-vcse"]["stages"][stage - 1]["timescales"]
        [reading] = item["readings"]
        assert 'does not say what its "within 5 working days" counts from' in reading["why"]
        assert reading["kept"] == "from the day you contacted them"
    [notice] = bundle["procedures"]["salford-sscb-2014"]["stages"][2]["timescales"]
    assert "your side's time limit" in notice["note"] and "no time limit for the Operational" in notice["note"]
    assert 'does not say what its "within 2 working days" counts from' in notice["readings"][0]["why"]
