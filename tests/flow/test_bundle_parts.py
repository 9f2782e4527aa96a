"""The wizard's data, cut into a shared part and one part per area (stillworried.bundle_parts):
an area's part plus the shared part answers every question about that area exactly as the whole
data does, and neither grows with the number of areas. (The same answers under MicroPython and
Pyodide are checked in interpreter_parity.py.)"""
import copy
import gzip
import json
import sys

import pytest

from tests.conftest import ROOT
from stillworried.core import contacts, worded
from stillworried.core import address_grammar, bundle_parts, question_order, wizard_choices
from stillworried.data import build_bundle, engine_bundle
from tests.flow.test_flow import every_stage

sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def whole(bundle):
    return engine_bundle(bundle)


@pytest.fixture(scope="module")
def split(whole):
    return bundle_parts.split(copy.deepcopy(whole))


def area_bundle(split, area):
    shared, parts = split
    return bundle_parts.merge(bundle_parts.copy_of(shared), parts[area])


def gzipped_kb(data):
    return len(gzip.compress(json.dumps(data, separators=(",", ":")).encode())) / 1024


def test_every_stage_is_answered_from_its_areas_part_as_from_the_whole_data(whole, split):
    for procedure_id, number in every_stage(whole):
        mine = area_bundle(split, whole["procedures"][procedure_id]["partnership"])
        for since, started in (("2026-11-23", None), ("2026-12-24", "2026-10-31")):
            assert worded.next_step(mine, procedure_id, number, since, started) == \
                worded.next_step(whole, procedure_id, number, since, started), (procedure_id, number)


def test_every_contact_of_an_area_and_its_hours_are_in_its_part(whole, split):
    for contact_id, contact in whole["contacts"].items():
        owner = contact["partnership"]
        if owner == "national":
            assert contact_id in split[0]["contacts"]
            continue
        mine = area_bundle(split, owner)
        assert worded.contact(contacts.contact_summary(mine, contact_id)) == \
            worded.contact(contacts.contact_summary(whole, contact_id))
        if contact.get("hours"):
            assert worded.office_status(contacts.office_status(mine, contact["hours"], "2026-11-23", "10:00")) == \
                worded.office_status(contacts.office_status(whole, contact["hours"], "2026-11-23", "10:00"))


def test_an_areas_part_holds_no_other_areas_procedures(whole, split):
    shared, parts = split
    assert set(parts) == set(whole["partnerships"]) == {"salford", "wigan", "southwark"}
    assert shared["partnerships"] == {pid: {"id": pid, "name": p["name"]} for pid, p in whole["partnerships"].items()}
    for area, part in parts.items():
        assert part["partnerships"] == {area: whole["partnerships"][area]}
        assert {p["partnership"] for p in part["procedures"].values()} == {area}
        assert {c["partnership"] for c in part["contacts"].values()} <= {area}
    assert shared["procedures"] == {}
    assert set(shared["contacts"]) == {"emergency-999"}
    assert shared["procedure_areas"] == {pid: p["partnership"] for pid, p in whole["procedures"].items()}


def test_an_areas_part_lists_its_procedures_in_the_datas_order_through_a_sorted_file(whole, split):
    """The parts are written with sorted keys, so the situation question takes its order from
    area_procedures: Salford's VCSE procedure comes first, as in data/stages.yaml."""
    for area, part in split[1].items():
        read_back = json.loads(json.dumps(part, sort_keys=True))
        assert read_back["area_procedures"] == {area: wizard_choices.area_procedures(whole, area)}
        assert area_bundle(split, area)["area_procedures"][area] == wizard_choices.area_procedures(whole, area)
    assert split[1]["salford"]["area_procedures"]["salford"] == ["salford-vcse", "salford-sscb-2014"]


def test_a_contact_named_by_another_area_and_its_whole_team_come_with_the_part(whole):
    """The engine lists every number printed for a contact's team, so a part holds the team."""
    data = copy.deepcopy(whole)
    stage = data["procedures"]["southwark"]["stages"][0]
    stage["contacts"] = stage["contacts"] + ["wigan-mast"]
    data["contacts"]["wigan-mast"]["team"] = "a-shared-team"
    data["contacts"]["wigan-csc-locality-1"]["team"] = "a-shared-team"
    shared, parts = bundle_parts.split(data)
    assert {"wigan-mast", "wigan-csc-locality-1"} <= set(parts["southwark"]["contacts"])
    mine = bundle_parts.merge(bundle_parts.copy_of(shared), parts["southwark"])
    assert worded.next_step(mine, "southwark", stage["number"], "2026-11-23") == \
        worded.next_step(data, "southwark", stage["number"], "2026-11-23")


def test_the_area_a_question_needs_comes_from_the_address(split):
    shared, _ = split
    cases = {"": None, "#area": None, "#area=wigan": "wigan", "#area=nowhere": None,
             "#procedure=salford-vcse": "salford", "#procedure=southwark&stage=4&since=2026-11-23": "southwark",
             "#procedure=nowhere&stage=1": None, "#immediate-danger": None}
    for fragment, area in cases.items():
        assert bundle_parts.area_for(shared, address_grammar.parse_fragment(fragment)) == area, fragment


def test_the_first_questions_need_only_the_shared_part(whole, split):
    """The area question and broken links need only the shared part. Once an area is chosen the
    glue waits for its part: whether "Which of these describes you?" is asked depends on how many
    procedures the area has (Wigan has one, so it is skipped)."""
    shared = bundle_parts.copy_of(split[0])
    for fragment in ("#area", "#area=nowhere", "#procedure=nowhere"):
        answers = address_grammar.parse_fragment(fragment)
        assert question_order.step(shared, answers, "2026-11-23") == question_order.step(whole, answers, "2026-11-23"), fragment


def test_merging_is_in_place_repeatable_and_leaves_the_shared_part_alone(split):
    shared, parts = split
    before = json.dumps(shared, sort_keys=True)
    bundle = bundle_parts.copy_of(shared)
    same = bundle_parts.merge(bundle, parts["wigan"])
    assert same is bundle
    once = json.dumps(bundle, sort_keys=True)
    bundle_parts.merge(bundle, parts["wigan"])
    assert json.dumps(bundle, sort_keys=True) == once
    assert json.dumps(shared, sort_keys=True) == before


@pytest.mark.slow  # writes the data of 12 areas and checks it
def test_with_many_areas_a_part_stays_the_size_of_one_area_and_the_shared_part_stays_small(tmp_path, whole, split):
    """12 areas (copies of the three): each copy's part is the size of its original's, and the
    shared part grows by well under a kilobyte per area (150 areas: about 20 KB compressed)."""
    import synthetic_data
    data = synthetic_data.write_data(ROOT / "data", tmp_path / "data", 12)
    many = engine_bundle(build_bundle(data, synthetic_data.documents_of(data)))
    shared, parts = bundle_parts.split(many)
    assert len(parts) == 12
    original = {area: gzipped_kb(part) for area, part in split[1].items()}
    for area, part in parts.items():
        template = many["partnerships"][area]["name"].split("(from ")[-1].rstrip(")").lower()
        assert gzipped_kb(part) < original.get(area, original.get(template, 0)) * 1.1 + 0.5, area
    per_area = (gzipped_kb(shared) - gzipped_kb(split[0])) / 9
    assert per_area < 1.0, per_area
