"""Issue 23: one area's contacts, forms, lists or documents used by another, an emergency route
that no longer reaches 999, and ids that would publish a page over another, each refused by
`check` and the build at its line (tests/data/hostile_edits.py runs them).

- References stay in their area (stillworried/validation/areas.py).
- Reserved and unique paths (stillworried/validation/site_paths.py), and the build's own guard
  against writing a path twice (mkdocs_hooks.refuse_twice).
"""
import re

import pytest
from mkdocs.exceptions import Abort

import mkdocs_hooks
from tests.data.hostile_edits import Edit, ids, refused
from stillworried.validation import site_paths

OTHER_AREA = ("but this belongs to",)
NO_999 = ("does not reach 999",)

AREAS = [
    Edit("Wigan's front door is Salford's Bridge", "stages.yaml", "      contacts: [wigan-mast]\n",
         "      contacts: [salford-bridge]\n", OTHER_AREA + ("'salford-bridge' is Salford's", "Wigan"),
         at="salford-bridge"),
    Edit("Salford's front door is the national 999", "stages.yaml",
         "      contacts: [salford-bridge]\n      text: 'If you are worried",
         "      contacts: [emergency-999]\n      text: 'If you are worried",
         ("must be one of Salford's own contacts, not the national",), at="emergency-999"),
    Edit("Salford's emergency route has no contacts", "stages.yaml",
         "      contacts: [emergency-999]\n      text: If a child is in immediate danger of being harmed",
         "      contacts: []\n      text: If a child is in immediate danger of being harmed", NO_999, at="[]"),
    Edit("Salford's emergency route is the Bridge instead of 999", "stages.yaml",
         "      contacts: [emergency-999]\n      text: If a child is in immediate danger of being harmed",
         "      contacts: [salford-bridge]\n      text: If a child is in immediate danger of being harmed", NO_999,
         at="[salford-bridge]"),
    Edit("Southwark's emergency route is Wigan's MAST", "stages.yaml",
         "      contacts: [emergency-999]\n      text: 'If a child is in immediate danger, call 999, the national "
         "emergency number. (The Southwark policy",
         "      contacts: [wigan-mast]\n      text: 'If a child is in immediate danger, call 999, the national "
         "emergency number. (The Southwark policy", NO_999,
         at="[wigan-mast]"),
    Edit("a Salford stage names Wigan's MAST", "stages.yaml",
         "contacts: [salford-bridge, salford-quality-assurance-unit-jwp]", "contacts: [salford-bridge, wigan-mast]",
         OTHER_AREA + ("'wigan-mast' is Wigan's",), at="wigan-mast"),
    Edit("a Wigan stage sends Salford's form", "stages.yaml", "send: [wigan-resolution-seeking-proforma]",
         "send: [salford-escalation-notice]", ("The form 'salford-escalation-notice' is Salford's", "Wigan"),
         at="salford-escalation-notice"),
    Edit("a Wigan stage shows Salford's list", "stages.yaml",
         "        directory: wigan-stage-1-useful-contacts\n", "        directory: salford-useful-contacts\n",
         ("The contact list 'salford-useful-contacts' is Salford's",), at="salford-useful-contacts"),
    Edit("a Salford procedure moved to Wigan", "stages.yaml", "    partnership: salford\n    title: Salford "
         "Safeguarding Children Board Escalation Procedure (2014)", "    partnership: wigan\n    title: Salford "
         "Safeguarding Children Board Escalation Procedure (2014)", ("is Salford's document", "belongs to Wigan"),
         at=("stages.yaml", '    source: {file: ^salford-sscb-escalation-procedure-2014.md, section: "Escalation '
                            'Procedure"}')),
    Edit("Salford's form moved to Southwark", "stages.yaml", "  - id: salford-escalation-notice\n    partnership: "
         "salford\n", "  - id: salford-escalation-notice\n    partnership: southwark\n",
         OTHER_AREA + ("'salford-sscb-business-manager' is Salford's",),
         at=("stages.yaml", "    send_to: [^salford-sscb-business-manager]\n    source: {file: "
                            "salford-sscb-escalation-procedure-2014.md")),
    Edit("a Salford contact moved to Wigan", "contacts.yaml", "  - id: salford-cvs\n    name: Salford CVS\n    "
         "organisation: Salford Community & Voluntary Services (CVS)\n    partnership: salford\n",
         "  - id: salford-cvs\n    name: Salford CVS\n    organisation: Salford Community & Voluntary Services (CVS)"
         "\n    partnership: wigan\n", ("is Salford's", "belongs to Wigan"),
         at=("contacts.yaml", "    lists: [^salford-useful-contacts]\n    note: A Salford CVS")),
    Edit("a Salford contact put in Wigan's list", "contacts.yaml",
         "    lists: [salford-useful-contacts]\n    note: A Salford CVS",
         "    lists: [wigan-stage-1-useful-contacts]\n    note: A Salford CVS",
         ("The contact list 'wigan-stage-1-useful-contacts' is Wigan's",), at="wigan-stage-1-useful-contacts"),
    Edit("Salford's guidance names Wigan's MAST", "guidance.yaml",
         "contacts: [salford-private-fostering-officer, salford-bridge]",
         "contacts: [salford-private-fostering-officer, wigan-mast]", OTHER_AREA, at="wigan-mast"),
    Edit("a Salford note names Southwark's partnership", "stages.yaml",
         "            contacts: [salford-bridge]\n            source: {file: salford-vcse-joint-working-protocol.md, "
         "section: \"Appendix 2, section 2, steps 4 and 5\"}",
         "            contacts: [southwark-sscp]\n            source: {file: salford-vcse-joint-working-protocol.md, "
         "section: \"Appendix 2, section 2, steps 4 and 5\"}", OTHER_AREA + ("'southwark-sscp' is Southwark's",),
         at="southwark-sscp"),
    Edit("a Salford step's way in is Wigan's MAST", "stages.yaml",
         "          contacts: [salford-bridge]\n          source: {file: salford-vcse-joint-working-protocol.md, "
         "section: \"Appendix 2, section 4, step 1\"}",
         "          contacts: [wigan-mast]\n          source: {file: salford-vcse-joint-working-protocol.md, "
         "section: \"Appendix 2, section 4, step 1\"}", OTHER_AREA, at="wigan-mast"),
    Edit("Southwark's form sent to Salford's business manager", "stages.yaml", "    send_to: [southwark-sscp]\n",
         "    send_to: [salford-sscb-business-manager]\n", OTHER_AREA, at="salford-sscb-business-manager"),
    Edit("a Salford glossary entry said to be Southwark's", "guidance.yaml",
         "    partnerships: [salford]\n    source:\n      file: salford-support-and-safeguarding-guidance.txt\n      "
         "section: Asset based approaches",
         "    partnerships: [southwark]\n    source:\n      file: salford-support-and-safeguarding-guidance.txt\n      "
         "section: Asset based approaches", ("is Salford's document", "belongs to Southwark"),
         at="salford-support-and-safeguarding-guidance.txt"),
    Edit("Wigan's list moved to Salford", "contacts.yaml",
         "  - id: wigan-stage-1-useful-contacts\n    title: Stage 1 useful contacts\n    partnership: wigan\n",
         "  - id: wigan-stage-1-useful-contacts\n    title: Stage 1 useful contacts\n    partnership: salford\n",
         ("is Wigan's document", "belongs to Salford"),
         at=("contacts.yaml", "    partnership: salford\n    stage: 1\n    source:\n      file: "
                              "^wigan-resolution-protocol.txt\n      section: \"Appendix 2: Stage 1 Useful Contacts\"\n"
                              "  - id: wigan-stage-2")),
    Edit("Wigan's front door cites Salford's protocol", "stages.yaml",
         "      source: {file: wigan-resolution-protocol.txt, section: \"Principles of concerns resolution; Appendix 2: "
         "Stage 1 Useful Contacts\"}",
         "      source: {file: salford-vcse-joint-working-protocol.md, section: \"Worried about a child?\"}",
         ("is Salford's document", "belongs to Wigan"), at="salford-vcse-joint-working-protocol.md"),
    Edit("Southwark's time limit cites Wigan's protocol", "stages.yaml",
         "            source: {file: southwark-professional-disagreement-policy.txt, section: \"3.6 Stage 5\"}\n"
         "        deadline: recommend",
         "            source: {file: wigan-resolution-protocol.txt, section: \"Resolution Process\"}\n"
         "        deadline: recommend", ("is Wigan's document", "belongs to Southwark"),
         at="wigan-resolution-protocol.txt"),
]

WOULD_LOSE = ("would be published at", "Choose another id")
PARTNERSHIP_ID = "  - id: southwark\n    name: Southwark\n"


def area_named(name, says=()):
    return Edit("an area called '%s'" % name, "stages.yaml", PARTNERSHIP_ID,
                "  - id: %s\n    name: Southwark\n" % name, WOULD_LOSE + says, at=name)


PATHS = [
    area_named("search", ("%s/" % "search",)),
    area_named("assets"),
    area_named("contacts"),
    area_named("forms"),
    area_named("glossary"),
    area_named("about"),
    area_named("amendments"),
    area_named("privacy"),
    area_named("accessibility"),
    area_named("maintainers"),
    area_named("pagefind", ("the search index",)),
    area_named("still-worried", ("wizard",)),
    area_named("index"),
    area_named("vcards", ("the folder of vCards",)),
    area_named("open-data", ("the open data",)),
    Edit("a procedure called 'support'", "stages.yaml", "  - id: salford-sscb-2014\n",
         "  - id: support\n", WOULD_LOSE + ("salford/support/", "the area's guidance pages"), at="support"),
    Edit("a procedure called 'index'", "stages.yaml", "  - id: salford-sscb-2014\n", "  - id: index\n",
         WOULD_LOSE + ("the area's own page",), at="index"),
    Edit("a contact called 'wigan' (Wigan's vCard)", "contacts.yaml", "  - id: salford-cvs\n", "  - id: wigan\n",
         WOULD_LOSE + ("contacts/vcards/wigan.vcf", "the vCard of the area 'wigan'"), at="wigan"),
    Edit("a contact called 'salford' (Salford's vCard)", "contacts.yaml", "  - id: salford-cvs\n",
         "  - id: salford\n", WOULD_LOSE + ("contacts/vcards/salford.vcf",), at="salford"),
    Edit("a form called 'index'", "stages.yaml", "  - id: salford-escalation-notice\n", "  - id: index\n",
         WOULD_LOSE + ("forms/index/",), at="index"),
    Edit("a guidance section called 'index'", "guidance.yaml", "      - id: private-fostering\n",
         "      - id: index\n", WOULD_LOSE + ("salford/support/index/",), at="index"),
    Edit("two guidance sections with one id", "guidance.yaml", "      - id: private-fostering\n",
         "      - id: bridge-partnership\n", ("would be published at salford/support/bridge-partnership/",
                                               "one would replace the other"), at="bridge-partnership"),
]

CASES = AREAS + PATHS


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
@pytest.mark.slow  # a sweep: every case through the whole check
def test_what_belongs_elsewhere_is_refused(case, tmp_path, capsys, monkeypatch):
    refused(case, tmp_path, capsys, monkeypatch)


def test_the_reserved_names_are_the_sites_own(built_site):
    """Every name the built site has at its top (not made from an id) that an id could be is
    reserved, read from docs/ and page_ids rather than typed: a new page in docs/ is reserved
    by being there."""
    taken = site_paths.reserved()[""]
    areas = {"salford", "wigan", "southwark"}
    made_here = {path.name for path in built_site.iterdir() if re.fullmatch(r"[a-z][a-z0-9-]*", path.name)} - areas
    assert made_here <= set(taken), made_here - set(taken)


def test_the_build_refuses_a_path_it_would_write_twice():
    taken = {"salford/support/index.html": "salford/support/index.md"}
    mkdocs_hooks.refuse_twice(taken, "salford/salford-vcse/index.html", "salford/salford-vcse.md")
    with pytest.raises(Abort) as stopped:
        mkdocs_hooks.refuse_twice(taken, "salford/support/index.html", "salford/support.md")
    assert "salford/support/index.html would be written twice" in str(stopped.value)
