"""The bank holidays come from the holidays package; GOV.UK's own data (the cached copy shipped
by govuk-bank-holidays) is a second, independent source to check them against."""
import datetime

from govuk_bank_holidays.bank_holidays import BankHolidays

from stillworried.bank_holidays import calendar_data


def govuk_dates():
    holidays = BankHolidays(use_cached_holidays=True).get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    return {item["date"] for item in holidays}


def test_our_bank_holidays_match_govuk_on_every_weekday_both_cover():
    ours = {datetime.date.fromisoformat(day) for day in calendar_data()["holidays"]}
    theirs = govuk_dates()
    first = max(min(theirs), datetime.date(2015, 1, 1))
    last = max(theirs)
    assert (last - first).days > 365 * 5, "the GOV.UK copy should overlap several years"
    # The holidays package also lists the real date of a holiday that falls at a weekend;
    # those are not working days anyway, so compare weekdays only.
    ours_weekdays = {day for day in ours if first <= day <= last and day.weekday() < 5}
    theirs_in_range = {day for day in theirs if first <= day <= last}
    assert ours_weekdays == theirs_in_range


def test_the_one_off_bank_holidays_are_there():
    days = set(calendar_data()["holidays"])
    assert {"2022-06-03", "2022-09-19", "2023-05-08"} <= days


def test_every_covered_year_has_its_eight_regular_bank_holidays():
    data = calendar_data()
    for year in range(2015, 2036):
        in_year = [day for day in data["holidays"] if day.startswith(str(year))]
        assert len(in_year) >= 8, year


def test_every_bank_holiday_has_its_name_and_a_substitute_day_says_so():
    """So a deadline on one can say which: "Friday 25 December 2026 is a bank holiday (Christmas Day)"."""
    data = calendar_data()
    assert sorted(data["names"]) == data["holidays"]
    assert data["names"]["2026-12-25"] == "Christmas Day"
    assert data["names"]["2026-12-28"] == "Boxing Day, substitute day"
    assert data["names"]["2023-05-08"] == "Coronation of Charles III"
