"""What may be published, and how it is shown: the phone-number policy (which kinds of number a
safeguarding contact can have), the characters a string may hold, and output that a value from
the data or the command line cannot forge (stillworried.phone_policy, stillworried.text_policy)."""
import json

import pytest

from stillworried import cli, phone_policy, phones, text_policy
from stillworried.cli import answers


@pytest.mark.parametrize("number", ["0161 603 4500", "01942 828300", "020 7946 1000", "07867 904691",
                                    "0800 1111", "0808 800 5000", "0300 456 4000", "0345 123 4567", "999", "112",
                                    "101", "111", "+44 161 603 4500"])
def test_numbers_a_safeguarding_contact_can_have(number):
    assert phones.parse(number), number
    assert phone_policy.refusal(number) is None, number


@pytest.mark.parametrize("number, why", [
    ("0909 879 0000", "premium-rate"), ("0906 123 4567", "premium-rate"), ("+44 909 879 0000", "premium-rate"),
    ("0871 123 4567", "service number"), ("0845 123 4567", "service number"), ("0844 123 4567", "service number"),
    ("0700 123 4567", "personal number"), ("07640 123456", "pager"), ("0560 123 4567", "internet phone number"),
    ("020 7946 0000", "Ofcom's numbers for TV and radio drama (London)"),
    ("0161 496 0999", "Ofcom's numbers for TV and radio drama (Manchester)"),
])
def test_numbers_it_cannot_have_are_refused_with_the_reason(number, why):
    assert phones.parse(number), "a valid UK number, refused by the policy rather than the format check"
    said = phone_policy.refusal(number)
    assert said and why in said and "will not be published" in said


@pytest.mark.parametrize("number", ["118118", "116 123", "123", "1471"])
def test_other_short_numbers_are_not_numbers_at_all(number):
    assert phones.parse(number) is None
    assert "not one of the short numbers" in phones.why_invalid(number)


def test_every_number_in_the_real_data_is_allowed(bundle):
    for contact in bundle["contacts"].values():
        for phone in contact["phones"]:
            if phone["e164"]:
                assert phone_policy.refusal(phone["number"]) is None, phone["number"]


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x9b", "\ud800", "\u202e", "\u2066", "\u200f", "\u2028",
                                  "\ufeff", "\uffff", "\t", "\r"])
def test_unpublishable_characters_are_found_and_shown_escaped(char):
    assert text_policy.problem_in("ab" + char + "cd") == (2, char)
    shown = text_policy.visible("ab" + char + "cd")
    assert char not in shown and shown.startswith("ab\\") and shown.endswith("cd")


def test_a_newline_is_allowed_only_in_multi_line_text():
    assert text_policy.problem_in("one\ntwo") == (3, "\n")
    assert text_policy.problem_in("one\ntwo", multiline=True) is None
    assert text_policy.visible("one\ntwo", keep_newlines=True) == "one\ntwo"
    assert text_policy.visible("one\ntwo") == "one\\x0atwo"


def test_ordinary_text_in_any_language_is_left_alone():
    for text in ("Salford – the Bridge", "Café “quoted”", "عربي", "中文", "\U0001f600", "a\u00a0b"):
        assert text_policy.problem_in(text) is None and text_policy.visible(text) == text


def test_long_values_are_shortened_in_messages():
    assert text_policy.shown("x" * 1000) == "x" * 60 + "... (940 more characters)"
    assert text_policy.shown("short") == "short"


def hostile_bundle(bundle, title):
    import copy
    changed = copy.deepcopy(bundle)
    changed["procedures"]["southwark"]["stages"][3]["title"] = title
    return changed


@pytest.mark.parametrize("title", ["\x1b[2J\x1b[HAll clear", "Chair\u202e", "Chair\ud800", "Chair\x9b2J"])
def test_next_prints_control_characters_escaped_even_if_they_reach_the_data(title, bundle, monkeypatch, capsys):
    """The check refuses them (tests/data/test_hostile_yaml.py); this is the second line of defence."""
    monkeypatch.setattr(answers, "build_bundle", lambda data=None: hostile_bundle(bundle, title))
    for extra in ([], ["--json"]):
        assert cli.main(["next", "southwark", "--stage", "4", "--since", "2026-11-23"] + extra) == 0
        out = capsys.readouterr().out
        assert not text_policy.FORBIDDEN_BUT_NEWLINE.search(out), repr(out[:200])
        if extra:
            assert json.loads(out)["title"] == title
        else:
            assert text_policy.visible(title) in out


def test_a_command_line_value_cannot_forge_output(capsys):
    assert cli.main(["next", "wig\x1b[2Jan\nforged", "--stage", "1", "--since", "2026-11-23"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and len(err.strip().splitlines()) == 1 and "\\x1b[2J" in err
