"""The check and the build stand on the source documents, and never skip them silently (issue 23).

- `python -m stillworried check --require-sources` passes on the real data against the real
  documents. This test is what makes `bin/test` (and so CI's .ci/run) fail where the documents
  are missing: the suite cannot pass with the grounding skipped.
- Without the documents `check` says so, before and in its summary; with --require-sources or
  STILLWORRIED_REQUIRE_SOURCES=1 it fails, and so does the build (the tests build with it set,
  tests/site_support.py, as the GitHub workflow does).
- A sample of the hostile families (tests/test_hostile_*.py) also runs through the real command and
  the real `mkdocs build`; the rest run through the same entry points in this process.
"""
import subprocess
import sys

import pytest

from tests.data import test_hostile_areas, test_hostile_grounding, test_hostile_numbers, test_hostile_text
from tests.conftest import DATA, ROOT
from tests.data.hostile_edits import make
from tests.site_support import build_site
from stillworried import source_documents, validate

FAMILIES = (test_hostile_grounding, test_hostile_numbers, test_hostile_areas, test_hostile_text)
ALL_CASES = [case for family in FAMILIES for case in family.CASES]
NOT_CHECKED = "The source documents were not checked"


def check(*options, env=None):
    return subprocess.run([sys.executable, "-m", "stillworried", "--data", str(DATA), "check", *options], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.sources
def test_the_real_data_is_checked_against_the_real_documents():
    documents = source_documents.find()
    assert documents.found, "the source documents are needed: %s" % documents.summary()
    result = check("--require-sources")
    assert result.returncode == 0, result.stdout + result.stderr
    assert NOT_CHECKED not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("No problems:")


def test_without_the_documents_check_says_so_in_its_summary(tmp_path):
    result = check("--sources", str(tmp_path / "nowhere"))
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout
    assert lines[-2].startswith(NOT_CHECKED) and str(tmp_path / "nowhere") in lines[-2]
    assert lines[-1].endswith("Not checked against the source documents (see above).")


@pytest.mark.parametrize("how", ["--require-sources", "STILLWORRIED_REQUIRE_SOURCES=1"])
def test_without_the_documents_check_fails_when_they_are_required(tmp_path, how, monkeypatch):
    import os
    env = dict(os.environ)
    options = ["--sources", str(tmp_path / "nowhere")]
    if how.startswith("--"):
        options.append(how)
    else:
        env["STILLWORRIED_REQUIRE_SOURCES"] = "1"
    result = check(*options, env=env)
    assert result.returncode == 1, result.stdout
    assert NOT_CHECKED in result.stdout and "this fails the check" in result.stdout


@pytest.mark.slow  # the real mkdocs build, in its own process
def test_without_the_documents_the_build_stops_when_they_are_required(tmp_path):
    result = build_site(tmp_path / "site", env={"STILLWORRIED_SOURCES": str(tmp_path / "nowhere")})
    assert result.returncode != 0
    assert "The site was not built: %s" % NOT_CHECKED in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_default_folder_is_beside_the_checkout():
    assert source_documents.BESIDE_CHECKOUT == ROOT.parent / "shared" / "protocols"


@pytest.mark.sources
def test_every_document_listed_is_recorded_with_its_sha256():
    _, files = validate.check(DATA)
    for source in files["stages.yaml"].data["sources"]:
        assert len(source.get("sha256", "")) == 64, source["file"]
        assert source_documents.find().sha256(source["file"]) == source["sha256"]


def test_there_are_at_least_150_hostile_cases_with_distinct_names():
    names = [case.id for case in ALL_CASES]
    assert len(names) >= 150
    assert len(set(names)) == len(names)


# One of each family: the rest go through the same entry points in the test process (validate.check,
# which `check` and the build's mkdocs_hooks.load_bundle both call).
REAL = ("the landline next to the real one", "front door changed to Ofcom's Manchester drama number",
        "an area called 'search'", "a form with 200,000 fields")


@pytest.mark.parametrize("name", REAL)
@pytest.mark.slow  # the real command and the real mkdocs build, each in its own process
def test_the_real_command_and_the_real_build_refuse_it(name, tmp_path):
    case = next(case for case in ALL_CASES if case.id == name)
    data_dir, sources, file, line, col = make(case, tmp_path)
    where = "%s:%d:%d: " % (validate.display_path(data_dir / file), line, col)
    result = subprocess.run([sys.executable, "-m", "stillworried", "--data", str(data_dir), "check",
                             "--require-sources"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stderr == ""
    assert any(row.startswith(where) and all(words in row for words in case.says)
               for row in result.stdout.splitlines()), result.stdout
    built = build_site(tmp_path / "site", data_dir=data_dir)
    output = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in output
    assert where in output
    assert not (tmp_path / "site" / "index.html").exists()
