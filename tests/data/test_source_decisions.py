"""What the data decided where the sources are unclear or silent (issue 14), checked as a reader
meets it: in the engine's answer, in the check's warnings and on the contact cards.
"""
import datetime
import html as html_text

import pytest

from tests.conftest import DATA
from macros import pieces, procedures
from macros.context import Context
from stillworried import data_warnings, validate
from stillworried.core import contacts, verdicts, worded
from stillworried.core import procedures as core_procedures

SINCE = "2026-11-23"  # a Monday


def answer(bundle, procedure, stage, since=SINCE):
    return worded.next_step(bundle, procedure, stage, since)


def test_the_bridge_challenge_route_offers_one_number_because_every_source_gives_it(bundle):
    """VCSE Appendix 2, section 4: "using the same generic email address and phone number"."""
    for stage in (2, 3, 4):
        [bridge] = [c for c in answer(bundle, "salford-vcse", stage)["contacts"] if c["id"] == "salford-bridge"]
        assert bridge["phone"] == "+441616034500" and bridge["conflicts"] == [] and not bridge["conflict"]


def test_where_the_bridge_numbers_compete_for_advice_both_are_shown(bundle):
    advice = worded.contact(contacts.contact_summary(bundle, "salford-bridge-advice"))
    # The guidance is undated, so the advice line's own number stays the button; each says its source.
    assert [c["phone"] for c in advice["conflicts"]] == ["+441616034500"]
    assert advice["phones"][0]["label"].endswith("Support and Safeguarding in Salford, undated")
    assert advice["conflicts"][0]["label"].endswith("Salford VCSE protocol, January 2015")
    assert "0161 603 4555" in advice["conflict"] and "0161 603 4500" in advice["conflict"]
    html = html_text.unescape(str(pieces.contact_card(Context(bundle, "salford/support/"),
                                                      "salford-bridge-advice")))
    assert "The sources give different numbers" in html and "tel:+441616034500" in html


def test_the_quality_assurance_unit_numbers_still_compete(bundle):
    """0161 603 4350 (2014, 3.2) and 0161 603 4322 (VCSE, Appendix 2): both contacts keep the note."""
    [unit] = answer(bundle, "salford-sscb-2014", 3)["contacts"]
    # Issue 21, item 11: the newer document's number first, each saying which document and date.
    assert [(phone["e164"], phone["label"]) for phone in unit["phones"]] == [
        ("+441616034322", "Newest source: Salford VCSE protocol, January 2015")]
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
    # Issue 22: a document's date is not a check. Salford's contacts carried the date of their
    # source as verified_on ("2015-01"); now nobody's confirmation is claimed, dated source or not.
    assert len(unconfirmed) == len(contacts)
    unit = next(w for w in unconfirmed if "'salford-quality-assurance-unit-2014'" in w.message)
    assert "undated" not in unit.message  # its 2014 procedure is dated 15 May 2014


def test_a_contact_never_confirmed_says_so_to_the_reader(bundle):
    html = html_text.unescape(str(pieces.contact_card(Context(bundle, "contacts/wigan/"), "wigan-mast",
                                                      detail=True)))
    assert "Never confirmed with the partnership. The source is undated, so how old these details are is not known." in html
    assert "Duty and Advice" in html  # the note: the protocol never ties MAST to Duty and Advice


def test_a_contact_whose_source_is_dated_shows_that_date_and_no_check(bundle):
    """"Verified January 2015 (the date of the source)" showed a document's date as a check. The
    2014 procedure is dated 15 May 2014; the Bridge is printed in January 2015's VCSE protocol and
    the undated Support and Safeguarding guidance."""
    def line(contact_id, path):
        return html_text.unescape(str(pieces.contact_card(Context(bundle, path), contact_id, detail=True)))
    assert "Never confirmed with the partnership. The source is dated 15 May 2014." in \
        line("salford-quality-assurance-unit-2014", "contacts/salford/")
    bridge = line("salford-bridge", "contacts/salford/")
    assert ("Never confirmed with the partnership. The sources: Salford VCSE protocol, dated January 2015; "
            "Support and Safeguarding in Salford, undated.") in bridge
    assert "Verified" not in bridge and not any(contact.get("verified_on") for contact in bundle["contacts"].values())


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
    assert "January 2015" in vcse["status_note"]
    # The source's own words, in quotation marks, are never written out (issue 22).
    assert '"complementary to the SSCB Escalation Guidance"' in vcse["status_note"]


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


def test_one_wording_for_a_contact_nobody_has_confirmed_on_pages_open_data_vcards_and_the_cli(bundle, built_site):
    """Issue 22: pages, open data, vCards, the command line and the wizard (test_wizard_browser)
    say it the same way, from words.checked_words."""
    import csv
    import subprocess
    import sys

    import vobject

    from tests.conftest import ROOT
    said = worded.checked_words(bundle, bundle["contacts"]["salford-bridge"])
    assert said.startswith("Never confirmed with the partnership.") and "dated January 2015" in said
    page = html_text.unescape((built_site / "contacts" / "salford" / "index.html").read_text(encoding="utf-8"))
    assert said in " ".join(page.split())
    with open(built_site / "contacts" / "open-data" / "services.csv", encoding="utf-8", newline="") as table:
        [row] = [row for row in csv.DictReader(table) if row["sw_contact_id"] == "salford-bridge"]
    assert row["sw_checked"] == said and row["sw_verified_on"] == "" and row["assured_date"] == ""
    card = vobject.readOne((built_site / "contacts" / "vcards" / "salford-bridge.vcf").read_text(encoding="utf-8"))
    assert card.note.value.endswith(said)
    printed = subprocess.run([sys.executable, "-m", "stillworried", "next", "salford-vcse", "--stage", "2",
                              "--since", SINCE, "--today", SINCE], cwd=ROOT, capture_output=True, text=True)
    assert "    " + said in printed.stdout.splitlines()


def test_the_southwark_emergency_route_does_not_cite_999_to_the_policy(bundle):
    """1.4 says "emergency action should be taken"; it never mentions 999 (issue 22)."""
    southwark = bundle["partnerships"]["southwark"]["emergency"]
    assert "(The Southwark policy does not mention 999.)" in southwark["text"]
    assert southwark["quote"] in southwark["text"] and southwark["source"]["section"] == "1.4"


@pytest.mark.sources
def test_own_agency_safeguarding_procedures_is_cited_where_wigan_says_it(bundle):
    """"this should be responded to using your own agencies safeguarding procedures" is in
    Professional Disagreement and Shared Professional Concern, not in the principles."""
    from stillworried.source_sections import locate
    from tests.data.test_source_quotes import PROTOCOLS
    route = bundle["partnerships"]["wigan"]["emergency"]
    assert "follow your own agency's safeguarding procedures" in route["text"]
    sections = route["source"]["section"].split("; ")
    assert sections == ["Principles of concerns resolution", "Professional Disagreement and Shared Professional Concern"]
    wigan = (PROTOCOLS / "wigan-resolution-protocol.txt").read_text(encoding="utf-8")
    [shared] = locate(wigan, sections[1])
    assert "using your own agencies safeguarding procedures" in shared


@pytest.mark.sources
def test_southwarks_full_name_is_cited_to_3_6_where_the_policy_spells_it_out(bundle):
    from stillworried.source_sections import locate
    from tests.data.test_source_quotes import PROTOCOLS
    contact = bundle["contacts"]["southwark-sscp"]
    assert contact["name"] == "Southwark Safeguarding Children Partnership (SSCP)"
    [named] = [source for source in contact["sources"] if source["section"].startswith("3.6")]
    text = (PROTOCOLS / "southwark-professional-disagreement-policy.txt").read_text(encoding="utf-8")
    assert any(contact["name"] in passage for passage in locate(text, named["section"]))
    assert not any(contact["name"] in passage for passage in locate(text, "3.5 Stage 4"))


def test_southwarks_one_working_week_is_called_the_aim_at_stage_1_not_the_whole_process(bundle):
    """The data reads 3.1's "one working week" as the aim for the first discussion
    (applies_to_stages: [1]); the procedure page called it "Overall:" and "The whole process"."""
    from macros import timeline
    page = html_text.unescape(str(procedures.procedure_page(Context(bundle, "southwark/southwark/"), "southwark")))
    assert "The aim at stage 1: " in page and "Overall: " not in page and "The whole process" not in page
    assert "one working week" in page  # the data's note says how the source was read
    [last] = timeline.procedure_steps(bundle["procedures"]["southwark"])[-1:]
    assert (last["title"], last["date_words"]) == ("The aim at stage 1", "Within 5 working days")
    wigan = timeline.procedure_steps(bundle["procedures"]["wigan"])[-1]
    assert (wigan["title"], wigan["date_words"]) == ("The whole process", "Within 1 month")


def test_wigan_stage_4_at_a_glance_agrees_with_the_dated_timeline(bundle):
    """'Time scales not exceeding 10 working days should be agreed for each stage' (Resolution
    Process), and the directors' 'within a further 2 working days' is for raising it: the stage
    ends with the 10, at a glance as in the wizard's timeline, and the text says both."""
    from macros import timeline
    steps = {step["number"]: step for step in timeline.procedure_steps(bundle["procedures"]["wigan"])}
    assert steps["4"]["date_words"] == "Within 10 working days"
    assert "raise the disagreement at Director or Assistant Director level within 2 working days" in steps["4"]["text"]
    walk = worded.timeline(bundle, "wigan", 4, SINCE, "2026-11-02")
    [four] = [step for step in walk["steps"] if step["stage"] == 4]
    assert four["ends"] == "2026-12-07"  # 10 working days from Monday 23 November
    for procedure_id, procedure in bundle["procedures"].items():
        for step, stage in zip(timeline.procedure_steps(procedure), procedure["stages"]):
            ending = verdicts.stage_end(stage["timescales"], core_procedures.headline_timescale(stage))
            if ending is not None:
                assert step["date_words"] == timeline.limit_words(ending), (procedure_id, stage["number"])


def test_mast_is_never_shown_as_wigans_front_door_without_the_caveat(bundle, built_site):
    """The protocol says "Duty and Advice" and gives it no number; MAST is the number its list
    gives under Children's Social Care. Every Wigan page's header, and the area and procedure
    pages, say the protocol does not call MAST Duty and Advice (issue 22)."""
    caveat = bundle["partnerships"]["wigan"]["front_door"]["caveat"]
    assert caveat == "The protocol does not call MAST Duty and Advice, and gives no number for Duty and Advice."
    pages = [path for path in built_site.glob("wigan/**/index.html")] + [built_site / "contacts" / "wigan" / "index.html"]
    assert len(pages) >= 2
    for path in pages:
        text = html_text.unescape(path.read_text(encoding="utf-8"))
        header = text.split("</header>")[0]
        assert caveat in header, path
    for path in ("wigan/index.html", "wigan/wigan/index.html", "contacts/index.html", "still-worried/index.html"):
        text = html_text.unescape((built_site / path).read_text(encoding="utf-8")).split("</header>", 1)[-1]
        assert caveat in text, path


# --- Passages the last reading found missing (issue 22), each shown where it changes what a reader does


def notes_of(result):
    return {note["id"]: note for note in result["notes"]}


def test_wigan_shared_concern_is_a_second_kind_of_escalation_not_a_disagreement(bundle):
    """Professional Disagreement and Shared Professional Concern: "practitioners agree there is a
    concern, but this requires a strategic leadership approach ... This will require escalation to
    senior management and the tripartite leaders"."""
    procedure = bundle["procedures"]["wigan"]
    assert "we agree there is a concern that needs senior leaders" in procedure["for_whom"]
    for stage in (1, 3):
        shared = notes_of(answer(bundle, "wigan", stage))["shared-concern"]
        assert "tripartite leaders" in shared["text"] and "does not say who the tripartite leaders are" in shared["text"]
    page = html_text.unescape(str(procedures.procedure_page(Context(bundle, "wigan/wigan/"), "wigan")))
    assert "If you agree there is a concern, but it needs senior leaders" in page


def test_wigan_things_for_consideration_families_at_meetings_who_leads_and_written_confirmation(bundle):
    result = answer(bundle, "wigan", 3)
    meetings = notes_of(result)["meetings"]
    assert "appropriate for families to attend" in meetings["text"] and "the agency who calls the meeting" in meetings["text"]
    first = answer(bundle, "wigan", 1)
    assert any('"about agreed resolutions, next steps and the proposed follow-up of any outstanding issues"' in item
               for item in first["record"])


def test_southwark_section_2_no_justification_to_not_share_information(bundle):
    for stage in (1, 4):
        sharing = notes_of(answer(bundle, "southwark", stage))["information-sharing"]
        assert "There is no justification to not share information that will protect a child" in sharing["text"]
        assert "seek urgent advice if you feel compromised" in sharing["text"]


def test_southwark_stage_5_the_sscp_cannot_direct_the_actions_of_partner_agencies(bundle):
    """3.6, shown at stage 5 (it was only in the glossary)."""
    stage_5 = notes_of(answer(bundle, "southwark", 5))
    assert "The SSCP is not an operational body and cannot direct the actions of partner agencies." in \
        stage_5["not-operational"]["text"]
    assert "not-operational" not in notes_of(answer(bundle, "southwark", 4))


def test_salford_vcse_early_intervention_support_names_the_caf_co_ordinators(bundle):
    """Early Intervention level support: "The Local Authority CAF Co-ordinators can advise you on
    the completion of a CAF, they can be contacted on 0161 778 0391". check warned nothing used it."""
    note = notes_of(answer(bundle, "salford-vcse", 1))["not-a-safeguarding-concern"]
    assert note["contacts"] == ["salford-caf-coordinators"]
    assert bundle["contacts"]["salford-caf-coordinators"]["phones"][0]["e164"] == "+441617780391"
    problems, files = validate.check(DATA)
    warnings = data_warnings.find(files, today=datetime.date(2026, 11, 23))
    assert not any("Nothing uses the contact 'salford-caf-coordinators'" in w.message for w in warnings)


def test_differences_in_status_may_affect_the_confidence_to_challenge(bundle):
    """VCSE Appendix 2, section 4 (staff/volunteers) and the 2014 procedure's 2.3 (workers) say it
    in their own words; each stage 1 quotes its own."""
    vcse = notes_of(answer(bundle, "salford-vcse", 1))["confidence"]
    assert ("Differences in status and/or experience may affect the confidence of some staff/volunteers to "
            "pursue this without additional support.") in vcse["text"]
    procedure_2014 = notes_of(answer(bundle, "salford-sscb-2014", 1))["confidence"]
    assert ("Differences in status and/or experience may affect the confidence of some workers to pursue "
            "concerns and challenge through the escalation process.") in procedure_2014["text"]
