import json
from pathlib import Path

import pytest

from stillworried.data import build_bundle
from stillworried.workdays import WorkingCalendar

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CASES = Path(__file__).parent / "cases"


@pytest.fixture(scope="session")
def bundle():
    return build_bundle(DATA)


@pytest.fixture(scope="session")
def calendar(bundle):
    return WorkingCalendar(bundle["calendar"])


def working_day_cases():
    return json.loads((CASES / "working_days.json").read_text())["cases"]
