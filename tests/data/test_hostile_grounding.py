"""Issue 23, "a pull request cannot publish what the sources do not say": hostile edits that make
the data say what the source documents do not, each refused by `check` and the build at its line
(tests/data/hostile_edits.py runs them).

- Grounding (stillworried/validation/grounding.py): a quote changed or invented, cited to a section
  that does not hold it or does not exist, a document missing, changed or not the recorded
  version, a number or email that its document does not print.
- Time limits (validation/time_limits.py): an amount or unit the quote does not say, however the
  quote writes the number ("5", "five", "one working week", "further week").
- Whole numbers (validation/core_scalars.py): YAML 1.1's octal, hex, underscores, sexagesimal,
  decimals and yes/no, which would be read as something other than what was typed.
"""
import pytest

from tests.data.hostile_edits import Edit, ids, refused

VCSE_STEP_2 = "The practice manager will respond to your complaint within 5 working days."
SOUTHWARK_STAGE_5 = "The Chair will make recommendations within five working days of the issue being brought to their attention."
WIGAN_OVERALL = ("Where possible this should not exceed 10 working days between stages and one month for the overall "
                 "process to be completed.")
NOT_IN = ("is not word for word in",)
NO_SECTION = ("There is no section",)
NOT_PRINTED = ("is not printed in", "the document its 'sources' cite")
DISAGREES = ("but its quote says",)
PLAIN_DIGITS = ("Write a whole number in plain digits",)

GROUNDING = [
    Edit("a time limit's quote has one word changed", "stages.yaml", "The practice manager will respond",
         "The practice manager must respond", NOT_IN, at="The practice manager must"),
    Edit("a time limit's quote the source never says", "stages.yaml", VCSE_STEP_2,
         "The practice manager will respond to your complaint within 5 working days, or sooner if asked.",
         NOT_IN, at="The practice manager will respond to your complaint within 5 working days, or"),
    Edit("a quote cited to a section that does not hold it", "stages.yaml",
         VCSE_STEP_2 + "\n            readings:\n              - words: within 5 working days\n                kept: from "
         "the day you contacted them\n                rejected: from a later day, such as the day they first read it\n"
         "                when: closed_start\n                why: 'The protocol does not say what its \"within 5 "
         "working days\" counts from: we count from the day you contacted them, the earliest it could mean.'\n"
         "            source: {file: salford-vcse-joint-working-protocol.md, section: \"Appendix 2, section 4, step 2\"}",
         VCSE_STEP_2 + "\n            readings:\n              - words: within 5 working days\n                kept: from "
         "the day you contacted them\n                rejected: from a later day, such as the day they first read it\n"
         "                when: closed_start\n                why: 'The protocol does not say what its \"within 5 "
         "working days\" counts from: we count from the day you contacted them, the earliest it could mean.'\n"
         "            source: {file: salford-vcse-joint-working-protocol.md, section: \"Appendix 2, section 4, step 3\"}",
         NOT_IN + ("elsewhere in the document",), at="The practice manager will respond"),
    Edit("a section that does not exist", "stages.yaml", 'section: "3.6 Stage 5"}\n        deadline: recommend',
         'section: "3.9 Stage 7"}\n        deadline: recommend', NO_SECTION, at='"3.9 Stage 7"'),
    Edit("an appendix that does not exist", "contacts.yaml",
         '      section: "Appendix 2: Stage 1 Useful Contacts (CAFCASS)"\n\n  - id: wigan-ashley-carrick',
         '      section: "Appendix 9: Stage 1 Useful Contacts (CAFCASS)"\n\n  - id: wigan-ashley-carrick',
         NO_SECTION, at='"Appendix 9'),
    Edit("a step past the last one", "stages.yaml", 'section: "Appendix 2, section 4, step 4"}',
         'section: "Appendix 2, section 4, step 9"}', NO_SECTION, at='"Appendix 2, section 4, step 9"'),
    Edit("a numbered section with the wrong title", "stages.yaml",
         'safety_rule:\n      text: "If a child is in immediate danger',
         'safety_rule:\n      text: "If a child is in immediate danger', NO_SECTION,
         also=(("stages.yaml", 'section: "Appendix 2, section 4: Steps to challenge a decision made by children\'s '
                               'services"}\n    safety_rule:',
                'section: "Appendix 2, section 4: Steps to appeal a decision made by children\'s services"}\n'
                '    safety_rule:'),),
         at='"Appendix 2, section 4: Steps to appeal'),
    Edit("two places cited, one of them made up", "stages.yaml", 'section: "2.1; 2.2"}',
         'section: "2.1; 2.9"}', NO_SECTION, at='"2.1; 2.9"'),
    Edit("a route's quote changed", "stages.yaml",
         "      quote: Duty and Advice should be contacted or the child's social worker if they have one\n",
         "      quote: The MAST team should be contacted or the child's social worker if they have one\n",
         NOT_IN, at="^The MAST team"),
    Edit("a note's quote changed", "stages.yaml",
         "            quote: You will receive a Referrals Outcome Form within one week\n            contacts:",
         "            quote: You will receive a Referrals Outcome Form within one day\n            contacts:", NOT_IN,
         at="^You will receive"),
    Edit("words in quotation marks the source never says", "stages.yaml",
         "the protocol warns that \"families can often work out where a referral has come from\"",
         "the protocol warns that \"families will always find out who referred them\"",
         ("words in quotation marks", "not word for word in any source document"),
         at=("stages.yaml", "text: ^'You can refer a child")),
    Edit("the landline next to the real one", "contacts.yaml", '      - number: "0161 603 4500"',
         '      - number: "0161 603 4501"', NOT_PRINTED, at='"0161 603 4501"'),
    Edit("a freephone number the source never prints", "contacts.yaml", '      - number: "0161 603 4500"',
         '      - number: "0800 123 4567"', NOT_PRINTED, at='"0800 123 4567"'),
    Edit("a number printed in another document than the one cited", "contacts.yaml",
         '      - number: "0161 603 4350"', '      - number: "0161 603 4322"', NOT_PRINTED,
         at='"0161 603 4322"'),
    Edit("an email address the source never prints", "contacts.yaml",
         "      - address: worriedaboutachild@salford.gov.uk\n", "      - address: worried@salford.gov.uk\n",
         NOT_PRINTED, at="worried@"),
    Edit("a document listed but not in the protocols folder", "stages.yaml",
         "  - file: southwark-professional-disagreement-policy.txt\n",
         "  - file: southwark-professional-disagreement-policy-2026.txt\n",
         ("cannot be read", "Put the document itself in the protocols folder"),
         also=(("stages.yaml", "      source: {file: southwark-professional-disagreement-policy.txt, section: \"1.4\"}",
                "      source: {file: southwark-professional-disagreement-policy-2026.txt, section: \"1.4\"}"),),
         at="southwark-professional-disagreement-policy-2026.txt\n"),
    Edit("a document's recorded sha256 changed", "stages.yaml",
         "    sha256: 6f1fc281c1e69b5de1eeeee9ce0fd8fff01955272b0e0d56ab7ad2a1acf45957",
         "    sha256: 6f1fc281c1e69b5de1eeeee9ce0fd8fff01955272b0e0d56ab7ad2a1acf45958",
         ("is not the version recorded here", "write sha256: 6f1fc281"), at="^6f1fc281"),
    Edit("a document's sha256 taken out", "stages.yaml",
         "    sha256: 6f1fc281c1e69b5de1eeeee9ce0fd8fff01955272b0e0d56ab7ad2a1acf45957\n", "",
         ("'sha256' is missing", "add: sha256: 6f1fc281"), at="^southwark-professional-disagreement-policy.txt\n"),
    Edit("a document edited in its folder and not recorded", "stages.yaml", "  - file: wigan-resolution-protocol.txt\n",
         "  - file: wigan-resolution-protocol.txt\n",
         ("is not the version recorded here",), also=(("stages.yaml", "    sha256: f1a5", "    sha256: f1a5"),),
         sources=(("wigan-resolution-protocol.txt", "MAST\t01942 828300", "MAST\t01942 828301"),),
         at=("stages.yaml", "    sha256: ^f1a5")),
]

TIME_LIMITS = [
    Edit("an amount of 50 beside a quote that says 5", "stages.yaml",
         "            amount: 5\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The practice manager",
         "            amount: 50\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The practice manager",
         DISAGREES + ("5 working days",), at="50"),
    Edit("an amount one more than the quote's number word", "stages.yaml",
         "            amount: 5\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day the issue was brought",
         "            amount: 6\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day the issue was brought",
         DISAGREES + ("5 working days",), at="6"),
    Edit("working days changed to calendar days", "stages.yaml",
         "            amount: 5\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The service manager",
         "            amount: 5\n            unit: calendar_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The service manager",
         DISAGREES, at="5\n"),
    Edit("one month changed to two", "stages.yaml", "      amount: 1\n      unit: calendar_months",
         "      amount: 2\n      unit: calendar_months", DISAGREES + ("1 calendar month",), at="2"),
    Edit("one month changed to 30 calendar days", "stages.yaml", "      amount: 1\n      unit: calendar_months",
         "      amount: 30\n      unit: calendar_days", DISAGREES, at="30"),
    Edit("a further week changed to eight days", "stages.yaml", "            amount: 7\n            unit: calendar_days\n            counts_from: stage_start\n            from_words: the day the directors",
         "            amount: 8\n            unit: calendar_days\n            counts_from: stage_start\n            from_words: the day the directors", DISAGREES + ("7 calendar days",), at="8"),
    Edit("one working week changed to ten working days", "stages.yaml",
         "      amount: 5\n      unit: working_days\n      counts_from: process_start",
         "      amount: 10\n      unit: working_days\n      counts_from: process_start", DISAGREES, at="10"),
    Edit("a further five days changed to fifteen", "stages.yaml",
         "            amount: 5\n            unit: calendar_days\n            counts_from: escalate",
         "            amount: 15\n            unit: calendar_days\n            counts_from: escalate",
         DISAGREES + ("5 calendar days or 5 working days",), at="15"),
    Edit("the same working day changed to a day's limit", "stages.yaml",
         "            unit: same_working_day\n",
         "            amount: 1\n            unit: working_days\n", DISAGREES + ("the same working day",), at="1"),
    Edit("a quote that names no time limit", "stages.yaml",
         "            quote: Time scales not exceeding 10 working days should be agreed for each stage taking into "
         "consideration risk to the child.\n            note: Ten working days is the most",
         "            quote: Time scales should be agreed for each stage taking into consideration risk to the child."
         "\n            note: Ten working days is the most",
         ("names no time limit",), at=("stages.yaml", "            amount: ^10\n            unit: working_days\n"
                                                      "            counts_from: stage_start\n            from_words: "
                                                      "the day this stage began\n            quote: Time scales should")),
    Edit("two working days changed to three in a quote's number word", "stages.yaml",
         "            amount: 2\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day it was referred to them",
         "            amount: 3\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day it was referred to them", DISAGREES + ("2 working days",), at="3"),
]

WHOLE_NUMBERS = [
    Edit("amount 010, which YAML 1.1 reads as 8", "stages.yaml",
         "            amount: 10\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day this stage began\n            quote: Time scales not exceeding 10 working "
         "days should be agreed for each stage taking into consideration risk to the child.\n            note: Ten",
         "            amount: 010\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day this stage began\n            quote: Time scales not exceeding 10 working "
         "days should be agreed for each stage taking into consideration risk to the child.\n            note: Ten",
         PLAIN_DIGITS + ("written '010'", "reads as the number 8", "amount: 10"), at="010"),
    Edit("amount 0x5", "stages.yaml", "            amount: 5\n            unit: working_days\n            counts_from: "
         "stage_start\n            from_words: the day you contacted them\n            quote: The Head",
         "            amount: 0x5\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The Head",
         PLAIN_DIGITS + ("written '0x5'",), at="0x5"),
    Edit("amount 1_0", "stages.yaml", "            amount: 10\n            unit: working_days\n            counts_from: "
         "stage_start\n            from_words: the day the heads of service",
         "            amount: 1_0\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day the heads of service", PLAIN_DIGITS + ("written '1_0'", "amount: 10"),
         at="1_0"),
    Edit("amount 5.0, shown as 5.0 working days", "stages.yaml",
         "            amount: 5\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The practice manager",
         "            amount: 5.0\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day you contacted them\n            quote: The practice manager",
         PLAIN_DIGITS + ("with a decimal point", "amount: 5"), at="5.0"),
    Edit("amount 0o2 (YAML 1.2's octal)", "stages.yaml", "            amount: 2\n            unit: working_days\n"
         "            counts_from: stage_start\n            from_words: the day the heads of service",
         "            amount: 0o2\n            unit: working_days\n"
         "            counts_from: stage_start\n            from_words: the day the heads of service",
         ("'amount'",), at="0o2", col=False),
    Edit("amount +5", "stages.yaml", "            amount: 5\n            unit: working_days\n            counts_from: "
         "stage_start\n            from_words: the day the issue was brought",
         "            amount: +5\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day the issue was brought", PLAIN_DIGITS + ("written '+5'",), at="+5"),
    Edit("amount 1:00, which YAML 1.1 reads as 60", "stages.yaml", "            amount: 7\n            unit: calendar_days\n            counts_from: stage_start\n            from_words: the day the directors",
         "            amount: 1:00\n            unit: calendar_days\n            counts_from: stage_start\n            from_words: the day the directors", PLAIN_DIGITS + ("written '1:00'", "number 60"),
         at="1:00"),
    Edit("amount 1:30, which YAML 1.1 reads as 90", "stages.yaml", "            amount: 3\n            unit: working_days",
         "            amount: 1:30\n            unit: working_days", PLAIN_DIGITS + ("written '1:30'", "number 90"),
         at="1:30"),
    Edit("amount 3.0e+0", "stages.yaml", "            amount: 2\n            unit: working_days\n            counts_from: "
         "stage_start\n            from_words: the day it was referred",
         "            amount: 3.0e+0\n            unit: working_days\n            counts_from: stage_start\n"
         "            from_words: the day it was referred", PLAIN_DIGITS, at="3.0e+0"),
    Edit("stage number 02", "stages.yaml", "      - number: 2\n        title: Practice Manager",
         "      - number: 02\n        title: Practice Manager", PLAIN_DIGITS + ("written '02'",), at="02"),
    Edit("applies_to_stages written [01]", "stages.yaml", "applies_to_stages: [1]", "applies_to_stages: [01]",
         PLAIN_DIGITS, at="01"),
    Edit("invalid_in_source: yes", "contacts.yaml", "        invalid_in_source: true\n",
         "        invalid_in_source: yes\n", ("written 'yes'", "Write invalid_in_source: true"), at="yes"),
    Edit("a list's ordered: on", "guidance.yaml",
         "            title: Seven golden rules to sharing information\n            ordered: true\n",
         "            title: Seven golden rules to sharing information\n            ordered: on\n",
         ("written 'on'", "Write ordered: true"), at=": ^on\n"),
]

CASES = GROUNDING + TIME_LIMITS + WHOLE_NUMBERS


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
@pytest.mark.slow  # a sweep: every case through the whole check
def test_what_the_sources_do_not_say_is_refused(case, tmp_path, capsys, monkeypatch):
    refused(case, tmp_path, capsys, monkeypatch)
