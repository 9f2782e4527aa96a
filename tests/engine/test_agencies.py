"""Whose decision do you disagree with? (issue 9, item 2): each Wigan agency with a plain hint, and
the contact to call first, from the data's `agencies` block, checked against Appendix 2 itself.

Wigan Resolution Protocol, Appendix 2, "Safeguarding Leads and Teams Main Numbers for
logging/discussion/resolution at Stage 2":
    Wigan Council ... Michelle McNally Service Lead Duty & MAST Children's Social Care (listed first)
    Greater Manchester Police ... DS Claire Harvey MAST/Child Safeguarding (listed sixth, after the
    DCI, the two DIs, the PSs and the MARAC lead)
"""
import copy
import shutil

import pytest

from tests.conftest import DATA, ROOT
from stillworried import source_documents
from stillworried.core import bundle_parts, wizard_choices
from stillworried.data import DataError, build_bundle, engine_bundle

WIGAN = source_documents.find().folder / "wigan-resolution-protocol.txt"
needs_sources = pytest.mark.sources  # fails where they are absent (tests/conftest.py)


def choice(bundle, stage, agency_id):
    [found] = [item for item in wizard_choices.agencies(bundle, "wigan", stage) if item["id"] == agency_id]
    return found


def test_wigan_stage_2_wigan_council_michelle_mcnally_first(bundle):
    council = choice(bundle, 2, "wigan-council")
    assert council["contacts"][0] == "wigan-michelle-mcnally"
    assert bundle["contacts"]["wigan-michelle-mcnally"]["role"] == "Service Lead Duty & MAST Children's Social Care"
    listed = bundle["lists"]["wigan-stage-2-safeguarding-leads"]["contacts"]
    assert sorted(council["contacts"] + council["adults_only"]) == sorted(
        cid for cid in listed if bundle["contacts"][cid]["organisation"] == "Wigan Council")  # nobody dropped


def test_wigan_stage_2_greater_manchester_police_ds_claire_harvey_first(bundle):
    police = choice(bundle, 2, "greater-manchester-police")
    assert police["contacts"][0] == "wigan-claire-harvey"
    assert bundle["contacts"]["wigan-claire-harvey"]["role"] == "MAST/Child Safeguarding"
    # Nobody dropped: the rest follow, children's first, and DI Dave Henshall (Vulnerability Lead
    # Adults) apart, after them.
    assert len(police["contacts"]) == 6 and police["adults_only"] == ["wigan-dave-henshall"]


def test_wigan_stage_1_keeps_the_lists_order_where_the_data_puts_no_one_first(bundle):
    assert [cid for cid in choice(bundle, 1, "childrens-social-care")["contacts"][:2]] == [
        "wigan-csc-locality-1", "wigan-csc-locality-2"]


@needs_sources
def test_the_contacts_put_first_are_in_that_agencys_stage_2_table_in_the_source():
    text = WIGAN.read_text(encoding="utf-8")
    stage_2 = text[text.index("Main Numbers for"):text.index("Appendix 3")]
    council = stage_2[stage_2.index("Wigan Council\tContact Numbers"):]
    assert council.splitlines()[1].startswith("Michelle McNally Service Lead Duty & MAST Children's Social Care")
    police = stage_2[stage_2.index("Greater Manchester Police\tContact Numbers"):]
    assert "DS Claire Harvey MAST/Child Safeguarding" in police[:police.index("Greater Manchester Fire")]


def test_every_agency_the_wigan_lists_name_has_a_plain_hint_from_the_data(bundle):
    for stage in (1, 2, 3, 4):
        for item in wizard_choices.agencies(bundle, "wigan", stage):
            assert item["hint"] and item["hint"].endswith("."), (stage, item["id"])
            assert len(item["hint"]) <= 130, item["hint"]  # a line or two on a phone


def test_the_hints_come_from_the_data_not_the_code(bundle):
    changed = copy.deepcopy(bundle)
    changed["agencies"]["wigan/GMMH"]["hint"] = "Changed in the data."
    assert choice(changed, 2, "gmmh")["hint"] == "Changed in the data."
    del changed["agencies"]["wigan/GMMH"]
    assert choice(changed, 2, "gmmh")["hint"] is None  # still offered, without a hint


def test_the_browser_gets_the_same_choices_from_wigans_part_of_the_data(bundle):
    shared, parts = bundle_parts.split(engine_bundle(bundle))
    browser = bundle_parts.merge(bundle_parts.copy_of(shared), parts["wigan"])
    for stage in (1, 2):
        assert wizard_choices.agencies(browser, "wigan", stage) == wizard_choices.agencies(bundle, "wigan", stage)
    assert not parts["southwark"]["agencies"]


def data_copy(tmp_path, old, new):
    for name in ("stages.yaml", "contacts.yaml", "guidance.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    text = (tmp_path / "contacts.yaml").read_text()
    assert old in text
    (tmp_path / "contacts.yaml").write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as raised:
        build_bundle(tmp_path)
    return str(raised.value)


def test_a_first_contact_from_another_agency_stops_the_check(tmp_path):
    said = data_copy(tmp_path, "contact: wigan-claire-harvey", "contact: wigan-jim-robson")
    assert "'wigan-jim-robson' is not one of Greater Manchester Police's contacts" in said
    assert "wigan-claire-harvey" in said  # the ones it may be


def test_an_agency_not_spelled_as_its_contacts_stops_the_check_with_a_suggestion(tmp_path):
    said = data_copy(tmp_path, "  - organisation: Wigan Council\n", "  - organisation: Wigan Counsil\n")
    assert "No contact of wigan has the organisation 'Wigan Counsil'" in said and "Wigan Council" in said


def test_an_agency_listed_twice_stops_the_check(tmp_path):
    said = data_copy(tmp_path, "  - organisation: TYSS\n", "  - organisation: CAFCASS\n")
    assert "The agency 'CAFCASS' is listed twice for wigan" in said


# --- Issue 21, item 8, and issue 22: contact lists that fit the person ----------------------------

def test_wigan_appendix_2_stage_1_education_settings_is_its_own_choice(bundle):
    """Appendix 2's Stage 1 table lists "Education Settings ... Rachel Clemow Service Manager,
    Inclusion" and, under Early Intervention and Prevention Service Managers, the "Service Lead for
    Integrated Services (Children)"; its Stage 2 table puts both under Wigan Council."""
    assert choice(bundle, 1, "education-settings")["contacts"] == ["wigan-rachel-clemow"]
    managers = choice(bundle, 1, "early-intervention-and-prevention-service-managers")
    assert managers["contacts"] == ["wigan-graham-doubleday"]
    assert managers["adults_only"] == ["wigan-enhanced-service-manager-integrated-services-adults"]
    assert not [item for item in wizard_choices.agencies(bundle, "wigan", 1) if item["id"] == "wigan-council"]
    assert "wigan-rachel-clemow" in choice(bundle, 2, "wigan-council")["contacts"]


def test_wigan_council_at_stage_2_leads_with_childrens_contacts_and_puts_adults_apart(bundle):
    council = choice(bundle, 2, "wigan-council")
    assert council["contacts"][:3] == ["wigan-michelle-mcnally", "wigan-graham-doubleday", "wigan-rebecca-sutton"]
    assert council["adults_only"] == ["wigan-patricia-darbyshire"]


def test_an_agency_for_adults_only_comes_last_and_says_so(bundle):
    choices = wizard_choices.agencies(bundle, "wigan", 2)
    assert choices[-1]["id"] == "wigan-safeguarding-adults-board" and choices[-1]["contacts"] == []
    assert choices[-1]["hint"].startswith("For adult services only.")
    stage_1 = wizard_choices.agencies(bundle, "wigan", 1)
    assert stage_1[-1]["id"] == "adult-social-care"


def test_the_hospital_trust_is_one_choice_with_both_names(bundle):
    """The Stage 1 table prints "Wigan, Wrightington and Leigh NHS Foundation Trust (WWL)", the Stage
    2 table "Wrightington, Wigan & Leigh NHS Foundation Trust": one choice, both names, and a link
    made with the old id still finds it."""
    trusts = [item for item in wizard_choices.agencies(bundle, "wigan", 2) if "Leigh NHS" in item["label"]]
    assert len(trusts) == 1
    assert trusts[0]["label"] == ("Wigan, Wrightington and Leigh NHS Foundation Trust (WWL), also printed as "
                                  "Wrightington, Wigan & Leigh NHS Foundation Trust")
    assert len(trusts[0]["contacts"] + trusts[0]["adults_only"]) == 4
    assert wizard_choices.agency(bundle, "wigan", 2, "wrightington-wigan-leigh-nhs-foundation-trust") is not None


def test_serves_is_said_only_where_the_sources_words_say_it(bundle):
    """A contact marked for adults or for children has the word in its name, role or the heading
    the source prints it under, so nothing is put apart on our guess."""
    marked = 0
    for contact in bundle["contacts"].values():
        if not contact.get("serves"):
            continue
        printed = " ".join([contact["name"], contact.get("role") or "", contact["organisation"]]
                           + [under["organisation"] for under in contact.get("listed_under", [])]).lower()
        assert {"adults": "adult", "children": "child"}[contact["serves"]] in printed, contact["id"]
        marked += 1
    assert marked == 41


def test_the_list_heading_names_the_stage_the_source_gives_it_for():
    """Wigan Appendix 2's second table is "for logging/discussion/resolution at Stage 2": shown at
    stage 4, it is not titled "at stage 4"."""
    from stillworried.core.words import contacts as words
    listing = {"stage": 2}
    assert words.list_heading("Wigan Council", listing, 2) == "Wigan Council, from the stage 2 list:"
    assert words.list_heading("Wigan Council", listing, 4) == \
        "Wigan Council, from the stage 2 list (the source gives none for stage 4):"


def test_the_contacts_pages_anchor_an_agency_by_the_wizards_own_id():
    """Issue 24: one slug. The contacts page's anchor for an agency and the wizard's address id
    for it are made the same way ("Children's Services" -> childrens-services, never children-s-)."""
    from macros import contacts as contact_pages
    assert contact_pages.agency_anchor("Children's Services") == "agency-childrens-services"
    assert contact_pages.list_anchor("wigan-stage-1", "Children's Services") == \
        "list-wigan-stage-1--" + wizard_choices.slug("Children's Services")
