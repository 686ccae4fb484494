"""Role phrases resolve by date."""

import pytest

from analysis.offices import holder_on, office_holders


@pytest.mark.parametrize("office, date, holder", [
    ("Prime Minister", "2022-02-02", "Boris Johnson"),
    ("Prime Minister", "2022-09-06", "Liz Truss"),   # hand-over day: the new holder
    ("Prime Minister", "2022-09-25", "Liz Truss"),
    ("Prime Minister", "2025-02-26", "Keir Starmer"),
    ("Foreign Secretary", "2022-03-08", "Liz Truss"),
    ("Foreign Secretary", "2023-01-17", "James Cleverly"),
])
def test_uk_offices_by_date(office, date, holder):
    assert holder_on(office_holders(), "UK", office, date) == holder


def test_us_offices_by_date_and_unknown_dates():
    table = office_holders()
    assert holder_on(table, "US", "President", "2025-02-26") == "Donald Trump"
    assert holder_on(table, "US", "President", "2022-09-25") == "Joe Biden"
    assert holder_on(table, "UK", "Prime Minister", "1990-01-01") is None
