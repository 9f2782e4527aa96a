"""`python -m stillworried diff BASE` shows a reviewer what a change to the data changes for
users, in a temporary git repository with a copy of the real data committed as "main"."""
import datetime
import shutil
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT
from tests.source_copies import record_fingerprints, sources_copy
from stillworried import diff, source_documents

pytestmark = pytest.mark.sources  # each repository made here holds a copy of the documents

TODAY = datetime.date(2026, 11, 23)
GIT = ["git", "-c", "user.name=Maintainer", "-c", "user.email=maintainer@example.org", "-c", "init.defaultBranch=main"]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository whose main branch holds the real data; the tests edit its working tree.
    Beside it, a copy of the source documents, which the check reads (STILLWORRIED_SOURCES): a
    change to a number or a time limit comes with the new version of its document (new_version)."""
    shutil.copytree(DATA, tmp_path / "data")
    for command in (["init", "-q"], ["add", "data"], ["commit", "-q", "-m", "The data as published"]):
        subprocess.run(GIT + command, cwd=tmp_path, check=True, capture_output=True)
    monkeypatch.setenv("STILLWORRIED_SOURCES", str(sources_copy(tmp_path)))
    return tmp_path


def new_version(repo, document, old, new):
    """The partnership publishes a new version of a document (old printed as new), and the data
    records it."""
    path = repo / "protocols" / document
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    record_fingerprints(repo / "data", repo / "protocols")


def edit(repo, name, old, new):
    path = repo / "data" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def rows(report, heading):
    """The table rows under a ### heading, as lists of cells."""
    section = report.split("### " + heading, 1)[1].split("\n### ", 1)[0]
    return [[cell.strip() for cell in line.strip("|").split(" | ")]
            for line in section.splitlines() if line.startswith("| ") and not line.startswith("| Contact |")
            and not line.startswith("| Procedure |")]


def test_nothing_changed_says_so(repo):
    report = diff.report("main", repo / "data", TODAY)
    assert "Nothing changes for users" in report
    assert "|" not in report


def test_a_changed_number_shows_old_and_new_side_by_side_and_every_answer_it_changes(repo):
    edit(repo, "contacts.yaml", '"0161 603 4500"', '"0161 603 4501"')
    new_version(repo, "salford-vcse-joint-working-protocol.md", "0161 603 4500", "0161 603 4501")
    report = diff.report("main", repo / "data", TODAY)
    [contact] = rows(report, "Contacts")
    assert contact[0] == "The Bridge Partnership (`salford-bridge`)" and contact[1] == "Phone"
    assert contact[2].startswith("0161 603 4500 (Referrals") and contact[3].startswith("0161 603 4501 (Referrals")
    assert "### Time limits" not in report
    answers = rows(report, "The wizard's answers")
    # The VCSE procedure's stages 2, 3 and 4 are all through the Bridge (Appendix 2, section 4).
    changed = {(row[1], row[3]) for row in answers if row[0].startswith("Challenging a Children's Services")}
    assert {("2", "Contacts"), ("3", "Contacts"), ("4", "Contacts")} <= changed
    for row in answers:
        assert row[2] == "every date checked"
        assert "0161 603 4500" in row[4] and "0161 603 4501" in row[5]


def test_a_changed_timescale_is_shown_in_words_with_the_deadlines_it_moves(repo):
    new_version(repo, "salford-vcse-joint-working-protocol.md",
                "The practice manager will respond to your complaint within 5 working days.",
                "The practice manager will respond to your complaint within 6 working days.")
    edit(repo, "stages.yaml", "            quote: The practice manager will respond to your complaint within 5 working days.\n"
         "            readings:\n              - words: within 5 working days",
         "            quote: The practice manager will respond to your complaint within 6 working days.\n"
         "            readings:\n              - words: within 6 working days")
    edit(repo, "stages.yaml", """            amount: 5
            unit: working_days
            counts_from: stage_start
            from_words: the day you contacted them
            quote: The practice manager""", """            amount: 6
            unit: working_days
            counts_from: stage_start
            from_words: the day you contacted them
            quote: The practice manager""")
    report = diff.report("main", repo / "data", TODAY)
    [limit] = rows(report, "Time limits")
    assert limit[1] == "Stage 2: Practice Manager"
    assert limit[2] == ("The Practice Manager should respond to your complaint within 5 working days of the day you "
                        "contacted them.")
    assert "within 6 working days" in limit[3]
    deadlines = {row[2]: (row[4], row[5]) for row in rows(report, "The wizard's answers") if row[3] == "Deadline"}
    # 5 working days from Monday 23 November 2026 is Monday 30 November; 6 is Tuesday 1 December.
    assert deadlines["Monday 23 November 2026"] == ("Monday 30 November 2026", "Tuesday 1 December 2026")
    # From Christmas Eve: 25, 26 (Saturday), 27 (Sunday), 28 December (substitute Boxing Day) and 1 January are
    # not working days, so the 5th working day is Tuesday 5 January 2027 and the 6th Wednesday 6 January.
    assert deadlines["Thursday 24 December 2026"] == ("Tuesday 5 January 2027", "Wednesday 6 January 2027")


def test_added_and_removed_contacts_and_a_changed_email(repo):
    edit(repo, "contacts.yaml", "address: fgc@salford.gov.uk", "address: familygroup@salford.gov.uk")
    new_version(repo, "salford-support-and-safeguarding-guidance.txt", "fgc@salford.gov.uk", "familygroup@salford.gov.uk")
    edit(repo, "contacts.yaml", """  - id: wigan-cafcass
    name: CAFCASS
""", """  - id: wigan-cafcass-new
    name: CAFCASS | Wigan
""")
    report = diff.report("main", repo / "data", TODAY)
    contacts = {(row[0], row[1]): row[2:] for row in rows(report, "Contacts")}
    assert contacts[("CAFCASS (`wigan-cafcass`)", "Removed")] == ["0300 456 400 (cannot be dialled)", ""]
    # A | in the data would end the table cell, so it is escaped.
    assert contacts[("CAFCASS \\| Wigan (`wigan-cafcass-new`)", "Added")] == ["", "0300 456 400 (cannot be dialled)"]
    [email] = [value for key, value in contacts.items() if key[1] == "Email"]
    assert email == ["fgc@salford.gov.uk", "familygroup@salford.gov.uk"]


def test_a_stage_added_to_a_procedure_is_listed(repo):
    edit(repo, "stages.yaml", "  - id: salford-sscb-2014\n", "  - id: salford-sscb-2015\n")
    report = diff.report("main", repo / "data", TODAY)
    stages = {(row[0], row[1], row[4], row[5]) for row in rows(report, "The wizard's answers") if row[3] == "Stage"}
    title = "Salford Safeguarding Children Board Escalation Procedure (2014)"
    assert (title, "1", "exists", "(no such stage)") in stages
    assert (title, "1", "(no such stage)", "exists") in stages


def test_reference_dates_are_today_and_the_working_day_before_the_next_bank_holidays(bundle):
    assert diff.reference_dates(bundle, TODAY) == [
        TODAY, datetime.date(2026, 12, 24), datetime.date(2026, 12, 31), datetime.date(2027, 3, 25)]


def test_a_markdown_cell_cannot_break_the_table():
    assert diff.cell("a | b\nc <br> & d") == "a \\| b c &lt;br&gt; &amp; d"


def run_cli(cwd, *args):
    return subprocess.run([sys.executable, "-m", "stillworried", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                               "STILLWORRIED_SOURCES": str(source_documents.find().folder)})


def test_cli_prints_the_table_for_the_change(repo):
    edit(repo, "contacts.yaml", '"0161 603 4500"', '"0161 603 4501"')
    new_version(repo, "salford-vcse-joint-working-protocol.md", "0161 603 4500", "0161 603 4501")
    result = run_cli(repo, "diff", "main", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert "| The Bridge Partnership (`salford-bridge`) | Phone | 0161 603 4500" in result.stdout


@pytest.mark.parametrize("base, message", [
    ("mian", "'mian' is not a branch, tag or commit in this repository"),
    ("HEAD~5", "'HEAD~5' is not a branch, tag or commit"),
])
def test_cli_an_unknown_ref_gets_one_line_and_exit_code_2(repo, base, message):
    result = run_cli(repo, "diff", base)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("stillworried: " + message) and line.endswith("Try main, or a commit id from 'git log'.")


def test_cli_outside_a_git_repository_says_so(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    result = run_cli(tmp_path, "diff", "main")
    assert result.returncode == 2 and result.stdout == ""
    assert "is not in a git repository, so there is nothing to compare with" in result.stderr


def test_cli_refuses_to_compare_while_the_working_data_has_problems(repo):
    edit(repo, "contacts.yaml", '"0161 603 4500"', '"0161 6O3 4500"')
    result = run_cli(repo, "diff", "main")
    assert result.returncode == 1 and result.stdout == ""
    assert "contacts.yaml:" in result.stderr and "letter O" in result.stderr


def test_main_known_only_as_the_remote_branch_is_found(repo, tmp_path_factory):
    """In a fresh clone on a branch of your own, or a pull request's checkout, main may exist only
    as origin/main; diff main should still work."""
    clone = tmp_path_factory.mktemp("clone") / "clone"
    subprocess.run(GIT + ["clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    subprocess.run(GIT + ["checkout", "-q", "-b", "new-number"], cwd=clone, check=True, capture_output=True)
    subprocess.run(GIT + ["branch", "-q", "-D", "main"], cwd=clone, check=True, capture_output=True)
    edit(clone, "contacts.yaml", '"0161 603 4500"', '"0161 603 4501"')
    new_version(repo, "salford-vcse-joint-working-protocol.md", "0161 603 4500", "0161 603 4501")
    record_fingerprints(clone / "data", repo / "protocols")
    report = diff.report("main", clone / "data", TODAY)
    assert report.startswith("## What changes for users (`origin/main` → this branch)")
    assert "| Phone | 0161 603 4500" in report


def test_a_changed_front_door_number_needs_a_second_reviewer(repo):
    """The Bridge Partnership is Salford's front door: a new number there is called out first."""
    edit(repo, "contacts.yaml", '"0161 603 4500"', '"0161 603 4501"')
    new_version(repo, "salford-vcse-joint-working-protocol.md", "0161 603 4500", "0161 603 4501")
    report = diff.report("main", repo / "data", TODAY)
    assert report.index("### Needs a second reviewer") < report.index("### Contacts")
    assert "A second reviewer must check each new number" in report
    [row] = [row for row in rows(report, "Needs a second reviewer") if row[0] != "Area"]
    assert row[0] == "Salford" and row[1].startswith("Front door")
    assert row[2].startswith("0161 603 4500") and row[3].startswith("0161 603 4501")


def test_a_changed_number_of_another_contact_needs_no_second_reviewer(repo):
    edit(repo, "contacts.yaml", '"01942 828451"', '"01942 828452"')
    new_version(repo, "wigan-resolution-protocol.txt", "01942 828451", "01942 828452")
    report = diff.report("main", repo / "data", TODAY)
    assert "### Contacts" in report and "Needs a second reviewer" not in report
