"""Steps where the source gives no number (issue 9): the answer says so plainly, and how to reach
the person instead, rather than showing nothing.

Checked against the source text itself (../shared/protocols): where the data says the source
gives no number, the section it cites prints no phone number or email; where it gives a way in
(Salford's Partnership Bridge), the section prints that contact's number.
"""
import re

import pytest

from stillworried import source_documents
from stillworried.core import contacts, worded
from stillworried.core.procedures import get_procedure, get_stage
from stillworried.data import build_bundle
from stillworried.source_sections import locate

PROTOCOLS = source_documents.find().folder  # where `check` finds them (../shared/protocols by default)
needs_sources = pytest.mark.sources  # fails where they are absent (tests/conftest.py)
PHONE_OR_EMAIL = re.compile(r"\b0\d{2,4}[ \d]{6,}|\S+@\S+")


def said(bundle, procedure_id, stage):
    """The line as the data says it; the answer writes its abbreviations out at first use
    (tests/engine/test_abbreviations.py)."""
    return worded.no_number(contacts.no_number(bundle, get_stage(get_procedure(bundle, procedure_id), stage)))


def test_southwark_stage_1_the_source_gives_no_number_for_the_practitioner_or_decision_maker(bundle):
    """3.2: raise it "with the relevant practitioner or decision make verbally and in writing"; no number."""
    found = said(bundle, "southwark", 1)
    assert found["words"] == ("This procedure gives no phone number or email for the "
                              "practitioner or decision maker in the other agency.")
    assert "switchboard" in found["reach"] and found["contacts"] == []
    assert found["source"]["section"] == "3.2 Stage 1"


def test_southwark_stage_2_the_source_gives_no_number_for_the_other_practitioners_line_manager(bundle):
    """3.3: escalated "to their respective line managers"; the policy names no one and no number."""
    found = said(bundle, "southwark", 2)
    assert found["words"] == ("This procedure gives no phone number or email for the other "
                              "practitioner's line manager.")
    assert "Ask the other practitioner for their line manager's name" in found["reach"]
    assert found["contacts"] == []


def test_southwark_stage_3_the_source_gives_no_number_for_the_senior_manager(bundle):
    """3.4: "referred to the relevant senior manager"; no number."""
    found = said(bundle, "southwark", 3)
    assert "gives no phone number or email for the senior manager in the other agency." in found["words"]
    assert found["source"]["section"] == "3.4 Stage 3"


def test_southwark_stages_4_and_5_have_the_partnerships_email_so_no_such_line(bundle):
    """3.5: "email to SSCP@southwark.gov.uk"; stage 5 goes through the same address."""
    assert said(bundle, "southwark", 4) is None
    assert said(bundle, "southwark", 5) is None


def test_salford_2014_procedure_stages_1_and_2_the_source_gives_no_number(bundle):
    """2.1 (practitioner to practitioner) and 2.4 (line manager to "their opposite number"): no
    number; 3.2 gives the Safeguarding and Quality Assurance Unit's number at stage 3."""
    assert "for the practitioner or case worker in the other agency." in said(bundle, "salford-sscb-2014", 1)["words"]
    assert "for your line manager's opposite number in the other agency." in \
        said(bundle, "salford-sscb-2014", 2)["words"]
    assert said(bundle, "salford-sscb-2014", 3) is None


def test_salford_vcse_stage_1_no_number_for_the_caseworker_but_the_partnership_bridge_call_button(bundle):
    """Appendix 2 §4: "Initial attempts should seek to resolve difficulties at practitioner/caseworker
    level first" (no number); step 1: "Telephone the Partnership Bridge in Salford on 0161 603 4500"."""
    found = said(bundle, "salford-vcse", 1)
    assert found["words"] == ("This procedure gives no phone number or email for the practitioner "
                              "or caseworker in Children's Services.")
    assert [contact["id"] for contact in found["contacts"]] == ["salford-bridge"]
    assert found["contacts"][0]["phone"] == "+441616034500"
    assert found["contacts"][0]["email"] == "worriedaboutachild@salford.gov.uk"
    assert found["source"]["section"] == "Appendix 2, section 4, step 1"


def test_wigan_stages_have_the_appendix_2_lists_so_no_such_line(bundle):
    for stage in (1, 2, 3, 4, 5):
        assert said(bundle, "wigan", stage) is None


def test_every_stage_names_whom_to_call_or_says_the_source_gives_no_number(bundle):
    for procedure_id, procedure in bundle["procedures"].items():
        for stage in procedure["stages"]:
            answer = worded.next_step(bundle, procedure_id, stage["number"], "2026-11-23")
            reachable = answer["contacts"] or answer["directory"] or answer["no_number"]
            assert reachable, (procedure_id, stage["number"])
            assert not (answer["no_number"] and (answer["contacts"] or answer["directory"])), \
                (procedure_id, stage["number"])


@needs_sources
def test_where_the_data_says_no_number_the_cited_section_prints_none_or_prints_the_way_in(bundle):
    texts = {path.name: path.read_text(encoding="utf-8") for path in PROTOCOLS.iterdir()}
    checked = 0
    for procedure in bundle["procedures"].values():
        for stage in procedure["stages"]:
            if not stage.get("no_number"):
                continue
            source = stage["no_number"]["source"]
            passages = locate(texts[source["file"]], source["section"])
            assert passages, source
            if stage["no_number"].get("contacts"):
                for contact_id in stage["no_number"]["contacts"]:
                    printed = [phone["number"] for phone in bundle["contacts"][contact_id]["phones"]]
                    assert any(number in passage for number in printed for passage in passages), (contact_id, source)
            else:
                for passage in passages:
                    assert not PHONE_OR_EMAIL.search(passage), (procedure["id"], stage["number"], passage)
            checked += 1
    assert checked == 6


def test_a_stage_with_no_contacts_and_no_number_line_stops_the_check(tmp_path):
    import shutil
    from tests.conftest import DATA
    for name in ("stages.yaml", "contacts.yaml", "guidance.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    text = (tmp_path / "stages.yaml").read_text()
    start = text.index("        no_number:\n          for: the other practitioner's line manager")
    end = text.index("        timescales:", start)
    (tmp_path / "stages.yaml").write_text(text[:start] + text[end:])
    with pytest.raises(Exception) as raised:
        build_bundle(tmp_path)
    assert "no contacts and no directory" in str(raised.value) and "no_number" in str(raised.value)


def test_a_stage_with_contacts_and_a_no_number_line_stops_the_check(tmp_path):
    import shutil
    from tests.conftest import DATA
    for name in ("stages.yaml", "contacts.yaml", "guidance.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    text = (tmp_path / "stages.yaml").read_text()
    text = text.replace("          for: the other practitioner's line manager\n",
                        "          for: the other practitioner's line manager\n          contacts: []\n", 1)
    marker = "        no_number:\n          for: the other practitioner's line manager"
    text = text.replace("        contacts: []\n" + marker, "        contacts: [southwark-sscp]\n" + marker, 1)
    (tmp_path / "stages.yaml").write_text(text)
    with pytest.raises(Exception) as raised:
        build_bundle(tmp_path)
    assert "Remove 'no_number'" in str(raised.value)
