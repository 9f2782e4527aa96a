"""The data's quotations are the sources' own words, in the places the data says.

- Every `quote` field (time limits, notes, routes: anything that has one) appears in the
  section its `source` cites, not only somewhere in the file. A citation pointing at the wrong
  section is how "telephone rather than wait" came to be cited to a section that says "You may
  choose to telephone initially".
- Every passage the data puts in quotation marks, in any text, appears word for word in a
  source. That is how a paraphrase presented as the source's words ("whichever is shorter") is
  caught.
- And what is displayed: every quotation on every built page and in the command line's answer
  for every stage is word for word in a source (whitespace aside). Issue 22: the VCSE status note
  showed "complementary to the Salford Safeguarding Children Board (SSCB) Escalation Guidance",
  its abbreviation written out inside the quotation. "Quotation" means what
  stillworried.core.abbreviations.quoted_spans finds, the same rule that keeps them unchanged.
- Every phone number or email a sentence names is one a contact holds
  (stillworried/named_in_text.py, which `python -m stillworried check` runs), with seeded
  mistakes to show that it fails.

The test reads the sources themselves (../shared/protocols), as test_source_coverage.py does,
and fails, saying so, where that folder is absent (tests/conftest.py), unless
STILLWORRIED_NO_SOURCES=1 leaves it out.
"""
import re
import shutil

import pytest

from tests.conftest import DATA, ROOT
from tests.source_copies import record_fingerprints, sources_copy
from stillworried import source_documents, validate
from stillworried.core import worded
from stillworried.core import abbreviations
from stillworried.source_sections import locate, normalise
from stillworried.validate import walk

PROTOCOLS = source_documents.find().folder  # where `check` finds them (../shared/protocols by default)
needs_sources = pytest.mark.sources
# Pages about the site itself quote its own buttons ("Exit this page"), and the record of changes
# quotes the git history: none of them quotes a source.
ABOUT_THE_SITE = ("about/", "privacy/", "accessibility/", "maintainers/", "amendments/", "search/", "404.html")


def source_texts():
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(PROTOCOLS.iterdir())
            if path.suffix in (".md", ".txt") and path.name != "README.md"}


def raw_data():
    import yaml
    return {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
            for name in ("stages.yaml", "contacts.yaml", "guidance.yaml")}


def quoted_items(data):
    """(path, item) for every mapping with a 'quote', anywhere in the data."""
    return [(path, item) for path, item in walk(data) if isinstance(item, dict) and "quote" in item]


def strings(data):
    return [(path, text) for path, text in walk(data) if isinstance(text, str)]


@needs_sources
def test_every_quote_is_in_the_section_it_cites():
    texts = source_texts()
    checked, wrong = 0, []
    for name, data in raw_data().items():
        for where, item in quoted_items(data):
            source = item["source"]
            passages = locate(texts[source["file"]], source["section"])
            checked += 1
            if not passages:
                wrong.append((name, where, "section not found: " + source["section"]))
            elif not any(normalise(item["quote"]) in passage for passage in passages):
                wrong.append((name, where, "not in " + source["section"] + ": " + item["quote"]))
    assert not wrong, "\n".join(map(str, wrong))
    assert checked >= 25


@needs_sources
def test_a_quote_cited_to_the_wrong_section_is_caught():
    """The locator really narrows: the VCSE step 2 sentence is not in step 3, and section 2's
    Referrals Outcome Form is not in section 4."""
    vcse = source_texts()["salford-vcse-joint-working-protocol.md"]
    sentence = "The practice manager will respond to your complaint within 5 working days."
    assert any(sentence in passage for passage in locate(vcse, "Appendix 2, section 4, step 2"))
    assert not any(sentence in passage for passage in locate(vcse, "Appendix 2, section 4, step 3"))
    form = "You will receive a Referrals Outcome Form within one week"
    assert any(form in passage for passage in locate(vcse, "Appendix 2, section 2, step 4"))
    assert not any(form in passage for passage in locate(vcse, "Appendix 2, section 4"))
    wigan = source_texts()["wigan-resolution-protocol.txt"]
    assert not any("999" in passage for passage in locate(wigan, "Principles of concerns resolution"))
    southwark = source_texts()["southwark-professional-disagreement-policy.txt"]
    [stage_1] = locate(southwark, "3.2 Stage 1")
    assert "within 2 working days" in stage_1 and "whichever is less" not in stage_1


def quotations(text):
    """The passages of text in quotation marks, without the marks."""
    return [piece[1:-1] for piece, quoted in abbreviations.quoted_spans(text) if quoted]


def not_in_sources(passages, everything):
    """The passages that are not word for word in the sources (whitespace, curly or straight
    quotes aside; a full stop or comma closing the quotation belongs to the sentence around it)."""
    return [passage for passage in passages
            if normalise(passage).strip().rstrip(".,;:") and normalise(passage).strip().rstrip(".,;:") not in everything]


@needs_sources
def test_every_passage_in_quotation_marks_is_in_a_source():
    everything = normalise(" ".join(source_texts().values()))
    wrong = []
    for name, data in raw_data().items():
        for where, text in strings(data):
            wrong += [(name, where, passage) for passage in not_in_sources(quotations(text), everything)]
    assert not wrong, "\n".join(map(str, wrong))


def page_text(path):
    """A built page's text as a reader reads it: each element's text apart, no scripts, templates
    or PyScript's configuration."""
    from lxml import html
    tree = html.fromstring(path.read_bytes())
    for hidden in tree.xpath("//script | //style | //template | //py-config"):
        hidden.drop_tree()
    return " ".join(" ".join(tree.itertext()).split())


@needs_sources
def test_every_quotation_on_every_page_is_word_for_word_in_a_source(built_site):
    everything = normalise(" ".join(source_texts().values()))
    wrong, checked = [], 0
    for path in sorted(built_site.rglob("*.html")):
        where = path.relative_to(built_site).as_posix().replace("index.html", "")
        if where.startswith(ABOUT_THE_SITE) or where.startswith("pagefind/"):
            continue
        found = quotations(page_text(path))
        checked += len(found)
        wrong += [(where, passage) for passage in not_in_sources(found, everything)]
    assert not wrong, "\n".join(map(str, wrong))
    assert checked >= 40


@needs_sources
def test_every_quotation_the_command_line_prints_for_every_stage_is_in_a_source(bundle):
    from stillworried.cli.answers import human
    from stillworried.cli.where_today import walk_lines
    from tests.flow.test_flow import every_stage
    everything = normalise(" ".join(source_texts().values()))
    wrong, checked = [], 0
    for procedure_id, number in every_stage(bundle):
        printed = human(worded.next_step(bundle, procedure_id, number, "2026-11-23",
                                         "2026-11-23" if number == 1 else "2026-11-02", "2026-11-30"))
        found = quotations(printed)
        checked += len(found)
        wrong += [(procedure_id, number, passage) for passage in not_in_sources(found, everything)]
    for procedure_id in bundle["procedures"]:
        where = worded.where_today(bundle, procedure_id, "2026-11-02", "2026-12-01")
        printed = "\n".join([where["where_words"]] + walk_lines(where["walk"]) + [human(where)])
        wrong += [(procedure_id, "where", passage) for passage in not_in_sources(quotations(printed), everything)]
    assert not wrong, "\n".join(map(str, wrong))
    assert checked >= 20


@needs_sources
def test_a_quotation_changed_on_display_is_caught():
    """The issue's own example, and a paraphrase in quotation marks."""
    everything = normalise(" ".join(source_texts().values()))
    shown = ('Its Appendix 2 is "complementary to the Salford Safeguarding Children Board (SSCB) Escalation '
             'Guidance", and \u201ccomplementary to the SSCB Escalation Guidance\u201d.')
    assert not_in_sources(quotations(shown), everything) == [
        "complementary to the Salford Safeguarding Children Board (SSCB) Escalation Guidance"]


@needs_sources
def test_the_southwark_harm_clause_is_only_on_the_limits_that_have_it(bundle):
    """3.1, 3.3, 3.4 and 3.5 add 'or a timescale that protects the child from harm'; stage 1,
    the same-day escalation, the confirmations and stage 5 do not."""
    procedure = bundle["procedures"]["southwark"]
    clause = "or a timescale that protects the child from harm"
    with_clause = {(stage["number"], item["id"]) for stage in procedure["stages"] for item in stage["timescales"]
                   if clause in item["quote"]}
    assert with_clause == {(2, "resolve"), (3, "resolve"), (4, "resolve")}
    assert clause in procedure["overall"]["quote"]
    for stage in procedure["stages"]:
        for item in stage["timescales"]:
            assert (clause in (item.get("note") or "")) == ((stage["number"], item["id"]) in with_clause)
    assert "Every timescale" not in procedure["safety_rule"]["text"]


# --- numbers named in sentences -------------------------------------------------------------

BUSINESS_MANAGER_NOTE = "No phone number or email is given for the Business Manager."


def check_copy(tmp_path, name, old, new, sources=None, before=()):
    """Copy the data, make each of `before`'s (old, new) edits, then the one edit under test,
    and return the check's errors with the edited text."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    text = (copy / name).read_text(encoding="utf-8")
    for earlier, later in [*before, (old, new)]:
        assert text.count(earlier) == 1, earlier
        text = text.replace(earlier, later)
    (copy / name).write_text(text, encoding="utf-8")
    if sources is not None:
        record_fingerprints(copy, sources)
    problems, _ = validate.check(copy, sources)
    return [problem for problem in problems if problem.severity == problem.ERROR], text


def test_the_data_names_no_number_that_no_contact_holds():
    problems, _ = validate.check(DATA)
    assert [str(problem) for problem in problems] == []


@pytest.mark.parametrize("name, old, new, named", [
    ("contacts.yaml", BUSINESS_MANAGER_NOTE, "Ring the Business Manager on 0161 603 4321.", "0161 603 4321"),
    ("stages.yaml", "The protocol does not say what to do if the form does not come.",
     "If it does not come, ring 0161 603 4999.", "0161 603 4999"),
    ("stages.yaml", "It is the Quality and Assurance Lead who takes it to the Chair.",
     "Or email chair@southwark.gov.uk.", "chair@southwark.gov.uk"),
])
def test_a_sentence_naming_a_number_no_contact_holds_is_a_problem(tmp_path, name, old, new, named):
    problems, text = check_copy(tmp_path, name, old, new)
    assert len(problems) == 1, [str(problem) for problem in problems]
    [problem] = problems
    line = next(number for number, content in enumerate(text.splitlines(), 1) if named in content)
    assert (problem.file.endswith(name), problem.line) == (True, line)
    assert named in problem.message and "no contact in contacts.yaml holds it" in problem.message


@needs_sources
def test_a_number_changed_in_its_contact_but_not_in_a_note_is_a_problem(tmp_path):
    """The Quality Assurance Unit's number changes, in a new version of the VCSE protocol and in
    its contact; a note on the SSCB Business Manager that names the unit's number still names the
    old one. (The unit's own conflict notes are left to the team warning.)"""
    sources = sources_copy(tmp_path, [("salford-vcse-joint-working-protocol.md", "0161 603 4322", "0161 603 4323")])
    naming = "The unit that holds the post is on 0161 603 4322."
    problems, text = check_copy(tmp_path, "contacts.yaml", '- number: "0161 603 4322"', '- number: "0161 603 4323"',
                                sources, before=[(BUSINESS_MANAGER_NOTE, naming)])
    assert len(problems) == 1 and "0161 603 4322" in problems[0].message
    assert naming in text.splitlines()[problems[0].line - 1]


def test_a_mistyped_number_is_reported_once_where_it_was_typed(tmp_path):
    """Until contacts.yaml is right, sentences naming the number are not checked against it."""
    problems, _ = check_copy(tmp_path, "contacts.yaml", '- number: "0161 603 4322"', '- number: "0161 6O3 4322"')
    assert len(problems) == 1 and "letter O" in problems[0].message
