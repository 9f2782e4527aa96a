"""Is the office open now? (contacts.office_status, in words), by the hours the source prints, in London time.

Salford's Starting Life Well service opens "8.30am to 5.00pm, Monday to Friday"; the four
Early Intervention and Prevention locality teams open "8.30am to 4.30pm" on days the source
does not name. No source says what happens on a bank holiday, so the answer then is "unknown".
"""
import pytest

from stillworried.core import contacts, worded


def office_status(bundle, hours, day, time):
    return worded.office_status(contacts.office_status(bundle, hours, day, time))
from stillworried.core.workdays import DateError

MONDAY = "2026-11-23"
SATURDAY = "2026-11-28"
SUNDAY = "2026-11-29"
SUMMER = "2026-07-01"  # a Wednesday in British Summer Time: the caller passes London time either way


@pytest.fixture(scope="module")
def starting_life_well(bundle):
    return bundle["contacts"]["salford-starting-life-well"]["hours"]


@pytest.mark.parametrize("day, time, state", [
    (MONDAY, "12:00", "open"),
    (MONDAY, "08:30", "open"),
    (MONDAY, "16:59", "open"),
    ("2026-11-27", "09:15", "open"),  # a Friday
    (SUMMER, "08:45", "open"),
    (MONDAY, "08:29", "closed"),
    (MONDAY, "00:00", "closed"),
    (MONDAY, "17:00", "closed"),
    (MONDAY, "23:30", "closed"),
    (SATURDAY, "12:00", "closed"),
    (SUNDAY, "10:00", "closed"),
])
def test_starting_life_well_is_open_830_to_5_on_weekdays(bundle, starting_life_well, day, time, state):
    status = office_status(bundle, starting_life_well, day, time)
    assert status["state"] == state
    expected = {"open": "Open now, London time.", "closed": "Closed now, London time."}[state]
    assert status["words"] == expected + " The source gives the hours as 8.30am to 5.00pm, Monday to Friday."


@pytest.mark.parametrize("holiday", [
    "2026-12-25",  # Christmas Day, a Friday
    "2026-12-28",  # Boxing Day falls on a Saturday: the bank holiday is Monday 28th
    "2026-08-31",  # summer bank holiday
    "2023-05-08",  # the coronation's one-off bank holiday
])
def test_on_a_bank_holiday_no_source_says_whether_the_office_opens(bundle, starting_life_well, holiday):
    status = office_status(bundle, starting_life_well, holiday, "12:00")
    assert status == {"state": "unknown", "words": "Today is a bank holiday, and the source does not say whether "
                                                   "the office opens. The source gives the hours as 8.30am to "
                                                   "5.00pm, Monday to Friday."}


def test_the_day_after_boxing_day_bank_holiday_is_an_ordinary_working_day(bundle, starting_life_well):
    assert office_status(bundle, starting_life_well, "2026-12-29", "12:00")["state"] == "open"


@pytest.mark.parametrize("team", ["salford-central-locality", "salford-south-locality", "salford-north-locality",
                                  "salford-west-locality"])
@pytest.mark.parametrize("day", [MONDAY, SATURDAY])
def test_a_locality_team_whose_source_names_no_days_is_unknown_even_within_its_hours(bundle, team, day):
    hours = bundle["contacts"][team]["hours"]
    assert (hours["opens"], hours["closes"]) == ("08:30", "16:30")
    status = office_status(bundle, hours, day, "12:00")
    assert status == {"state": "unknown", "words": "The source does not say which days the office opens. "
                                                   "The source gives the hours as 8.30am to 4.30pm."}


def test_a_contact_with_no_hours_in_its_source_is_unknown(bundle):
    assert bundle["contacts"]["southwark-sscp"].get("hours") is None
    status = office_status(bundle, bundle["contacts"]["southwark-sscp"].get("hours"), MONDAY, "12:00")
    assert status == {"state": "unknown", "words": "The source does not give opening hours."}


def test_every_contact_with_hours_gets_an_answer_on_a_weekday_at_noon(bundle):
    answered = {contact_id: office_status(bundle, contact["hours"], MONDAY, "12:00")["state"]
                for contact_id, contact in bundle["contacts"].items() if contact.get("hours")}
    assert answered["salford-starting-life-well"] == "open"
    assert set(answered.values()) <= {"open", "unknown"}
    assert len(answered) >= 5


def test_a_day_outside_the_years_we_have_bank_holidays_for_is_refused(bundle, starting_life_well):
    with pytest.raises(DateError):
        office_status(bundle, starting_life_well, "2036-01-02", "12:00")
