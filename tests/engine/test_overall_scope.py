"""`applies_to_stages`: an overall time limit the source sets for part of a procedure only
(Southwark 3.1's "one working week" for the first discussion). The check refuses it anywhere
but in `overall:`, and a stage number the procedure does not have, at the line it is on."""
import shutil

import pytest

from stillworried import source_documents, validate
from tests.conftest import DATA

SOUTHWARK_SCOPE = "      applies_to_stages: [1]\n"


def check_with(tmp_path, old, new):
    data_dir = tmp_path / "data"
    shutil.copytree(DATA, data_dir)
    path = data_dir / "stages.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    problems, _ = validate.check(data_dir)
    return text, problems


@pytest.mark.sources
def test_southwarks_overall_limit_applies_at_stage_1_with_the_reason_in_its_note():
    text = (DATA / "stages.yaml").read_text(encoding="utf-8")
    assert text.count(SOUTHWARK_SCOPE) == 1
    overall = text[text.index("    overall:\n      id: discussion"):text.index(SOUTHWARK_SCOPE)]
    assert '"If it is safe to do so then proceed to Stage 1"' in overall
    source = source_documents.find().folder / "southwark-professional-disagreement-policy.txt"
    assert "If it is safe to do so then proceed to Stage 1" in source.read_text(encoding="utf-8")


@pytest.mark.parametrize("number", [6, 0])
def test_a_stage_the_procedure_does_not_have_is_refused_on_its_line(tmp_path, number):
    text, problems = check_with(tmp_path, SOUTHWARK_SCOPE, "      applies_to_stages: [1, %d]\n" % number)
    if number == 0:  # the schema's minimum
        assert len(problems) == 1 and problems[0].line == text[:text.index("[1, 0]")].count("\n") + 1
        return
    [problem] = problems
    assert problem.line == text[:text.index("[1, 6]")].count("\n") + 1
    assert "This procedure has no stage 6. 'applies_to_stages' lists stage numbers from 1 to 5." in problem.message


def test_only_the_overall_limit_can_have_it(tmp_path):
    old = ("            from_words: the day the issue was brought to their attention\n")
    text, problems = check_with(tmp_path, old, old + "            applies_to_stages: [5]\n")
    [problem] = problems
    assert problem.line == text[:text.index("applies_to_stages: [5]")].count("\n") + 1
    assert "Only the overall time limit can have 'applies_to_stages'" in problem.message
