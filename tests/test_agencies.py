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

from conftest import DATA, ROOT
from stillworried import bundle_parts, flow
from stillworried.data import DataError, build_bundle, engine_bundle

WIGAN = ROOT.parent / "shared" / "protocols" / "wigan-resolution-protocol.txt"
needs_sources = pytest.mark.skipif(not WIGAN.is_file(), reason="the source protocols are not beside this checkout")


def choice(bundle, stage, agency_id):
    [found] = [item for item in flow.agencies(bundle, "wigan", stage) if item["id"] == agency_id]
    return found


def test_wigan_stage_2_wigan_council_michelle_mcnally_first(bundle):
    council = choice(bundle, 2, "wigan-council")
    assert council["contacts"][0] == "wigan-michelle-mcnally"
    assert bundle["contacts"]["wigan-michelle-mcnally"]["role"] == "Service Lead Duty & MAST Children's Social Care"
    listed = bundle["lists"]["wigan-stage-2-safeguarding-leads"]["contacts"]
    assert sorted(council["contacts"]) == sorted(
        cid for cid in listed if bundle["contacts"][cid]["organisation"] == "Wigan Council")  # nobody dropped


def test_wigan_stage_2_greater_manchester_police_ds_claire_harvey_first(bundle):
    police = choice(bundle, 2, "greater-manchester-police")
    assert police["contacts"][0] == "wigan-claire-harvey"
    assert bundle["contacts"]["wigan-claire-harvey"]["role"] == "MAST/Child Safeguarding"
    assert len(police["contacts"]) == 7  # nobody dropped: the rest follow in the data's order


def test_wigan_stage_1_keeps_the_lists_order_where_the_data_puts_no_one_first(bundle):
    assert choice(bundle, 1, "wigan-council")["contacts"][0] == "wigan-graham-doubleday"


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
        for item in flow.agencies(bundle, "wigan", stage):
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
        assert flow.agencies(browser, "wigan", stage) == flow.agencies(bundle, "wigan", stage)
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
