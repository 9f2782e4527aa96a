"""The same team, different number: the contacts.yaml guide says a contact with a 'conflict'
note shows the team's other numbers beside its own. Which contacts are one team, and which
numbers can be dialled, is worked out once (stillworried/core/team_numbers.py)."""
from stillworried.core import team_numbers

BRIDGE = {"team": "salford-bridge", "phones": [{"e164": "+441616034500"}]}
ADVICE = {"team": "salford-bridge", "phones": [{"e164": "+441616034555"}, {"e164": None}]}
ALONE = {"phones": [{"e164": None}]}
CONTACTS = {"salford-bridge": BRIDGE, "emergency-999": ALONE, "salford-bridge-advice": ADVICE}


def test_a_team_is_every_contact_naming_it_in_the_order_of_the_data():
    assert team_numbers.teams(CONTACTS) == {"salford-bridge": ["salford-bridge", "salford-bridge-advice"]}
    assert team_numbers.teams(list(CONTACTS.values())) == {"salford-bridge": [0, 2]}


def test_teammates_are_the_others_and_a_contact_without_a_team_has_none():
    assert team_numbers.team_of(CONTACTS, "salford-bridge-advice") == ["salford-bridge", "salford-bridge-advice"]
    assert team_numbers.teammates(CONTACTS, "salford-bridge-advice") == ["salford-bridge"]
    assert team_numbers.team_of(CONTACTS, "emergency-999") == ["emergency-999"]
    assert team_numbers.teammates(CONTACTS, "emergency-999") == []


def test_a_number_printed_wrongly_is_never_offered_to_dial():
    assert team_numbers.dialable_phones(ADVICE) == [{"e164": "+441616034555"}]
    assert team_numbers.dialable_phones(ALONE) == []
