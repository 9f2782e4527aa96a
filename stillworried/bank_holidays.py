"""Bank holidays in England, from the maintained ``holidays`` package, turned into the plain
data the engine reads.

Never type a bank holiday by hand: one-off days such as 19 September 2022 (the State
Funeral) and 8 May 2023 (the Coronation) are exactly the ones a hand-typed list misses.
The range is stated so the engine can refuse a date it knows nothing about.
"""
import datetime

import holidays

FIRST_YEAR = 2015
LAST_YEAR = 2035


def calendar_data(first_year=FIRST_YEAR, last_year=LAST_YEAR):
    england = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return {
        "first": datetime.date(first_year, 1, 1).isoformat(),
        "last": datetime.date(last_year, 12, 31).isoformat(),
        "holidays": sorted(day.isoformat() for day in england),
        # The names, so a deadline on one can say which ("Christmas Day"): the package's own
        # English names, its "(observed)" said as GOV.UK says it ("substitute day").
        "names": {day.isoformat(): name.replace(" (observed)", ", substitute day")
                  for day, name in sorted(england.items())},
        "source": "holidays %s, country GB, subdivision ENG (England)" % holidays.__version__,
    }
