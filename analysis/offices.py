"""Who held which office when: the table that dates "the Prime Minister"."""

from __future__ import annotations

from importlib import resources

import pandas as pd


def office_holders() -> pd.DataFrame:
    """The office-holder table shipped with the package (``analysis/data/offices.csv``).

    Returns
    -------
    pandas.DataFrame
        Columns ``office, country, holder, start, end, source``; ``end`` is NaT
        for a holder still in office. A term runs from ``start`` (inclusive) to
        ``end`` (exclusive): on a hand-over day the new holder is in office.

    Examples
    --------
    >>> table = office_holders()
    >>> holder_on(table, "UK", "Prime Minister", "2022-09-25")
    'Liz Truss'
    """
    with resources.files("analysis").joinpath("data/offices.csv").open(encoding="utf-8") as f:
        table = pd.read_csv(f, dtype=str, keep_default_na=False)
    for column in ("start", "end"):
        table[column] = pd.to_datetime(table[column].replace("", None), format="%Y-%m-%d")
    return table


def holder_on(table: pd.DataFrame, country: str, office: str, date) -> str | None:
    """The holder of ``office`` in ``country`` on ``date``, or ``None`` if unknown.

    Examples
    --------
    >>> holder_on(office_holders(), "UK", "Prime Minister", "2022-02-02")
    'Boris Johnson'
    """
    when = pd.Timestamp(date)
    rows = table[(table["country"] == country) & (table["office"] == office)
                 & (table["start"] <= when) & (table["end"].isna() | (table["end"] > when))]
    return rows["holder"].iloc[-1] if len(rows) else None
