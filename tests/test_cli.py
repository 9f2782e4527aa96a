"""The command line answers like the wizard, and says clearly what is wrong with a question."""
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "stillworried", *args], cwd=ROOT, capture_output=True, text=True)


def test_next_json_for_southwark_stage_4():
    result = run("next", "southwark", "--stage", "4", "--since", "2026-11-23", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    for key in ("procedure", "stage", "title", "since", "deadline", "deadlines", "overall_deadline",
                "contacts", "next", "sources"):
        assert key in answer
    assert answer["procedure"] == "southwark" and answer["stage"] == 4 and answer["since"] == "2026-11-23"
    assert answer["deadline"] == "2026-11-25"
    assert answer["overall_deadline"] == "2026-11-30"
    [deadline] = answer["deadlines"]
    assert set(deadline) >= {"measures", "date", "rule", "source"}
    assert deadline["measures"] == "resolve"
    [contact] = answer["contacts"]
    assert set(contact) >= {"name", "role", "phone", "email"}
    assert contact["email"] == "SSCP@southwark.gov.uk" and contact["phone"] is None
    assert answer["next"]["stage"] == 5 and answer["next"]["title"] == "SSCP Independent Chair"
    assert {"file": "southwark-professional-disagreement-policy.txt", "section": "3.5 Stage 4"} in answer["sources"]


def test_started_defaults_to_since_and_can_be_given():
    default = json.loads(run("next", "wigan", "--stage", "1", "--since", "2026-11-23", "--json").stdout)
    given = json.loads(run("next", "wigan", "--stage", "1", "--since", "2026-11-23",
                           "--started", "2026-11-02", "--json").stdout)
    assert default["overall_deadline"] == "2026-12-23"
    assert given["overall_deadline"] == "2026-12-02"


def test_a_stage_with_no_timescale_has_a_null_deadline():
    answer = json.loads(run("next", "salford-vcse", "--stage", "1", "--since", "2026-11-23", "--json").stdout)
    assert answer["deadline"] is None and answer["overall_deadline"] is None


def test_human_output_gives_the_deadline_in_words_and_the_number_to_call():
    result = run("next", "salford-vcse", "--stage", "2", "--since", "2026-11-23")
    assert result.returncode == 0
    assert "Deadline: Monday 30 November 2026" in result.stdout
    assert "0161 603 4500" in result.stdout
    assert "If it is not resolved: stage 3, Service Manager." in result.stdout


def test_human_output_warns_that_the_2014_procedure_has_lapsed():
    result = run("next", "salford-sscb-2014", "--stage", "3", "--since", "2026-11-23")
    assert "past its review date (2016-05-15)" in result.stdout


@pytest.mark.parametrize("args, message", [
    (("next", "salford", "--stage", "1", "--since", "2026-11-23"), "no procedure called 'salford'"),
    (("next", "wigan", "--stage", "6", "--since", "2026-11-23"), "has no stage 6"),
    (("next", "wigan", "--stage", "two", "--since", "2026-11-23"), "the stage must be a number"),
    # Other scripts' digits: str.isdigit() takes '٢' as 2, but dates refuse them, so the stage does too.
    (("next", "wigan", "--stage", "\u0662", "--since", "2026-11-23"), "the digits 0 to 9"),
    (("next", "wigan", "--stage", "\uff12", "--since", "2026-11-23"), "the digits 0 to 9"),
    # The range message names the date given, not the day after it that could not be counted.
    (("next", "wigan", "--stage", "1", "--since", "2035-12-31"), "counted from 2035-12-31 (the date given to --since)"),
    (("next", "wigan", "--stage", "1", "--since", "23/11/2026"), "YYYY-MM-DD"),
    (("next", "wigan", "--stage", "1", "--since", "2026-02-30"), "not a real date"),
    (("next", "wigan", "--stage", "1", "--since", "2040-01-01"), "outside that range"),
    (("next", "wigan", "--stage", "1", "--since", "2026-11-23", "--started", "2026-12-01"), "cannot have begun"),
    (("next", "wigan", "--since", "2026-11-23"), "--stage"),
])
def test_a_bad_question_gets_one_line_and_exit_code_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]


def test_check_passes_on_the_real_data_with_warnings_and_one_summary_line():
    """The real data has no problems. It has warnings (its sources date from 2014 and 2015),
    and they do not fail the check unless --strict is given."""
    result = run("check", "--today", "2026-11-23")
    assert result.returncode == 0
    *warned, summary = result.stdout.strip().splitlines()
    assert all(": warning: " in line for line in warned), result.stdout
    assert summary.startswith("No problems:") and "warnings to look at" in summary
    assert run("check", "--today", "2026-11-23", "--strict").returncode == 1


def test_check_in_github_format_prints_workflow_commands():
    result = run("check", "--today", "2026-11-23", "--format", "github")
    assert result.returncode == 0
    *commands, summary = result.stdout.strip().splitlines()
    assert commands and summary.startswith("No problems:")
    for line in commands:
        assert re.match(r"^::warning file=data/(stages|contacts|guidance)\.yaml,line=[1-9][0-9]*,col=[1-9][0-9]*,"
                        r"title=Worth checking in the data::\S", line), line


@pytest.mark.parametrize("args, message", [
    (("check", "--max-age-months", "0"), "--max-age-months must be a whole number of months"),
    (("check", "--today", "23/11/2026"), "YYYY-MM-DD"),
    (("check", "--format", "html"), "invalid choice"),
])
def test_a_bad_check_option_gets_one_line_and_exit_code_2(args, message):
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
