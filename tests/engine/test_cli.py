"""The command line answers like the wizard, and says clearly what is wrong with a question.

The commands run in this process (stillworried.cli.main, what `python -m stillworried` calls),
which saves starting Python for each; the last test runs the real `python -m stillworried` and
finds the same output and exit code."""
import contextlib
import io
import json
import re
import subprocess
import sys

import pytest

from stillworried import cli, validate, yamlmarks
from tests.conftest import ROOT
from tests.data.test_hostile_yaml import ValidateOnce, load_once


def run(*args):
    """`python -m stillworried ARGS` in the repository, as a finished process: its exit code and what
    it printed on stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    # The data's files do not change between commands: each is parsed and checked against its
    # schema once (load_once and ValidateOnce, as the hostile families do). The command still
    # reads the folder and checks the data as a whole every time; run_python reads all afresh.
    with pytest.MonkeyPatch.context() as patch, contextlib.chdir(ROOT), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        patch.setattr(yamlmarks, "load", load_once)
        patch.setattr(validate, "Validator", ValidateOnce)
        try:
            code = cli.main(list(args))
        except SystemExit as stopped:  # argparse's way out: --help, or a mistake in the question
            code = stopped.code
    return subprocess.CompletedProcess(args, code or 0, out.getvalue(), err.getvalue())


def run_python(*args):
    return subprocess.run([sys.executable, "-m", "stillworried", *args], cwd=ROOT, capture_output=True, text=True)


def test_next_json_for_southwark_stage_4():
    result = run("next", "southwark", "--stage", "4", "--since", "2026-11-23", "--today", "2026-11-24", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    for key in ("procedure", "stage", "title", "since", "deadline", "deadlines", "overall",
                "contacts", "next", "sources"):
        assert key in answer
    assert answer["procedure"] == "southwark" and answer["stage"] == 4 and answer["since"] == "2026-11-23"
    deadline = answer["deadline"]
    assert (deadline["date"], deadline["status"], deadline["working_days_left"]) == ("2026-11-25", "upcoming", 1)
    assert answer["deadlines"] == [deadline]
    assert set(deadline) >= {"measures", "label", "date", "rule", "source", "non_working_day", "after_overall"}
    assert deadline["measures"] == "resolve" and deadline["label"] == "Resolution due by"
    # 3.1's "one working week" is for the first discussion: not shown at stage 4
    assert answer["overall"] is None
    [contact] = answer["contacts"]
    assert set(contact) >= {"name", "role", "phone", "email"}
    assert contact["email"] == "SSCP@southwark.gov.uk" and contact["phone"] is None
    assert answer["next"]["stage"] == 5 and answer["next"]["title"] == "SSCP Independent Chair"
    assert {"file": "southwark-professional-disagreement-policy.txt", "section": "3.5 Stage 4"} in answer["sources"]


def test_started_defaults_to_since_at_stage_1_and_can_be_given():
    default = json.loads(run("next", "wigan", "--stage", "1", "--since", "2026-11-23", "--json").stdout)
    given = json.loads(run("next", "wigan", "--stage", "1", "--since", "2026-11-23",
                           "--started", "2026-11-02", "--json").stdout)
    assert default["overall"]["date"] == "2026-12-23"
    assert given["overall"]["date"] == "2026-12-02"


def test_at_stage_3_without_started_the_overall_limit_is_not_worked_out():
    answer = json.loads(run("next", "wigan", "--stage", "3", "--since", "2026-11-23", "--json").stdout)
    assert answer["started"] is None
    assert answer["overall"]["date"] is None and answer["overall"]["missing"] == "started"
    human = run("next", "wigan", "--stage", "3", "--since", "2026-11-23").stdout
    assert "Overall: not worked out. We need the date the disagreement began to work this out." in human
    assert "23 December 2026" not in human  # a month from the stage's start would be a guess


def test_a_stage_with_no_timescale_has_a_null_deadline():
    answer = json.loads(run("next", "salford-vcse", "--stage", "1", "--since", "2026-11-23", "--json").stdout)
    assert answer["deadline"] is None and answer["deadlines"] == [] and answer["overall"] is None


def test_human_output_says_overdue_and_today():
    overdue = run("next", "salford-vcse", "--stage", "2", "--since", "2026-11-20", "--today", "2026-12-01").stdout
    assert "Deadline: Friday 27 November 2026 (2026-11-27). Overdue: it was due 2 working days ago." in overdue
    today = run("next", "salford-vcse", "--stage", "2", "--since", "2026-11-20", "--today", "2026-11-27").stdout
    assert "Deadline: Friday 27 November 2026 (2026-11-27). Due today." in today


def test_human_output_says_a_deadline_falls_on_christmas_day_and_after_the_overall_limit():
    christmas = run("next", "wigan", "--stage", "5", "--since", "2026-12-18", "--started", "2026-11-30",
                    "--today", "2026-12-18").stdout
    assert "Deadline: Friday 25 December 2026 (2026-12-25). In 4 working days." in christmas
    assert "NOTE: Friday 25 December 2026 is a bank holiday (Christmas Day): offices may be closed." in christmas
    late = run("next", "wigan", "--stage", "2", "--since", "2026-11-23", "--started", "2026-11-02").stdout
    assert "NOTE: This is after the overall time limit, which ends on Wednesday 2 December 2026." in late


def test_where_should_i_be_today_for_southwark():
    result = run("where", "southwark", "--raised", "2026-11-23", "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "You raised it on Monday 23 November 2026. Giving each stage its full time limit, on Tuesday 1 December "
        "2026 it should be at stage 2: Line manager to line manager.")
    assert "Stage 2, Line manager to line manager: from Thursday 26 November 2026 to Tuesday 1 December 2026" \
           "  <- today" in result.stdout
    assert "Deadline: Tuesday 1 December 2026 (2026-12-01). Due today." in result.stdout
    answer = json.loads(run("where", "southwark", "--raised", "2026-11-23", "--today", "2026-12-01",
                            "--json").stdout)
    assert (answer["stage"], answer["since"], answer["deadline"]["date"]) == (2, "2026-11-26", "2026-12-01")
    assert answer["walk"]["today_stage"] == 2


def test_where_says_the_walks_day_is_assumed_and_takes_the_day_a_later_stage_began():
    """Wigan: raised 16 November 2026, taken to stage 2 on 24 November; on 8 December stage 2's 10
    working days end that day (the walk's 30 November would give 14 December)."""
    walked = run("where", "wigan", "--raised", "2026-11-16", "--today", "2026-12-08").stdout
    assert "We assumed stage 2 began that day, when stage 1's time limit ended" in walked
    known = run("where", "wigan", "--raised", "2026-11-16", "--stage", "2", "--since", "2026-11-24",
                "--today", "2026-12-08")
    assert known.returncode == 0, known.stderr
    assert known.stdout.startswith("You raised it on Monday 16 November 2026, and it was taken to stage 2 on "
                                   "Tuesday 24 November 2026.")
    assert "Deadline: Tuesday 8 December 2026 (2026-12-08). Due today." in known.stdout
    assert run("where", "wigan", "--raised", "2026-11-16", "--stage", "2", "--today", "2026-12-08").returncode == 2


def test_where_with_stages_tried_starts_the_walk_after_them():
    answer = json.loads(run("where", "salford-vcse", "--raised", "2026-11-23", "--tried", "1",
                            "--today", "2026-12-01", "--json").stdout)
    assert (answer["stage"], answer["title"], answer["deadline"]["date"]) == (3, "Service Manager", "2026-12-07")


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
    (("where", "wigan", "--raised", "2026-11-23", "--today", "2026-11-20"), "cannot be after today"),
    (("where", "wigan", "--raised", "2026-11-23", "--tried", "one"), "stage numbers separated by commas"),
    (("where", "wigan", "--raised", "2026-11-23", "--tried", "9"), "has no stage 9"),
    (("where", "wigan", "--raised", "2026-11-23", "--tried", "1,5"), "the last stage of this procedure"),
    (("where", "wigan", "--today", "2026-11-23"), "--raised"),
])
def test_a_bad_question_gets_one_line_and_exit_code_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]


@pytest.mark.sources  # check's output says whether the documents were checked
def test_check_passes_on_the_real_data_with_warnings_and_one_summary_line():
    """The real data has no problems. It has warnings (its sources date from 2014 and 2015),
    and they do not fail the check unless --strict is given."""
    result = run("check", "--today", "2026-11-23")
    assert result.returncode == 0
    *warned, summary = result.stdout.strip().splitlines()
    assert all(": warning: " in line for line in warned), result.stdout
    assert summary.startswith("No problems:") and "warnings to look at" in summary
    assert run("check", "--today", "2026-11-23", "--strict").returncode == 1


@pytest.mark.sources  # check's output says whether the documents were checked
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


@pytest.mark.parametrize("args", [
    ("next", "southwark", "--stage", "4", "--since", "2026-11-23", "--today", "2026-11-24", "--json"),
    ("where", "wigan", "--raised", "2026-11-16", "--today", "2026-12-08"),
    ("next", "wigan", "--stage", "\u0662", "--since", "2026-11-23"),
    ("check", "--today", "2026-11-23", "--strict"),
], ids=["next --json", "where", "a bad stage", "check --strict"])
def test_python_m_stillworried_is_the_command_the_tests_run(args):
    real, here = run_python(*args), run(*args)
    assert (real.returncode, real.stdout, real.stderr) == (here.returncode, here.stdout, here.stderr)
