"""Small pieces of prose that read right at any size: one article or five hundred, none.

Chapters glue sentences built here instead of formatting long f-strings in a notebook, so
that "1 articles", "0 of 0%", an empty list or a NaN date never reach the reader.

- :func:`plural`: "1 article", "2,225 articles"
- :func:`join`: "A", "A and B", "A, B and C"
- :func:`k_of_n`: "3 of the 5 articles", "all 5 articles", "the one article", "none of the 5"
- :func:`day` and :func:`date_span`: "2 February 2022", "between … and …", "in January 2023"
- :func:`percent`: "38%", never "nan%"
- :func:`measured_on`: where a committed evaluation result comes from, for a citation
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

__all__ = ["date_span", "day", "join", "k_of_n", "measured_on", "percent", "plural"]


def plural(n: float, noun: str, many: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one, thousands separated.

    Parameters
    ----------
    n : int or float
        The count (a float that is a whole number prints without decimals).
    noun : str
        The singular ("article").
    many : str, optional
        The plural when it is not ``noun + "s"`` ("quotations" is; "people" is not).

    Examples
    --------
    >>> plural(1, "article"), plural(2225, "article"), plural(0, "person", "people")
    ('1 article', '2,225 articles', '0 people')
    """
    word = noun if n == 1 else (many or noun + "s")
    return f"{int(n):,} {word}" if float(n).is_integer() else f"{n:,} {word}"


def join(items: Iterable, conjunction: str = "and", limit: int | None = None) -> str:
    """Items as an English list: "A", "A and B", "A, B and C"; "" for none.

    With ``limit``, at most that many are named and the rest counted ("A, B and 3 others").

    Examples
    --------
    >>> join(["Sky News"]), join(["A", "B"]), join(["A", "B", "C"], "or"), join([])
    ('Sky News', 'A and B', 'A, B or C', '')
    >>> join(["A", "B", "C", "D", "E"], limit=3), join(["A", "B", "C", "D"], limit=3)
    ('A, B, C and 2 others', 'A, B, C and 1 other')
    """
    items = [str(i) for i in items]
    if limit is not None and len(items) > limit:
        rest = len(items) - limit
        items = items[:limit] + [f"{rest:,} other{'s' if rest > 1 else ''}"]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def k_of_n(k: int, n: int, noun: str, many: str | None = None) -> str:
    """A part of a whole in words: "3 of the 5 articles", with the edge cases said plainly.

    Examples
    --------
    >>> k_of_n(3, 5, "article"), k_of_n(5, 5, "article"), k_of_n(0, 5, "article")
    ('3 of the 5 articles', 'all 5 articles', 'none of the 5 articles')
    >>> k_of_n(1, 1, "article"), k_of_n(0, 1, "article"), k_of_n(2, 2, "article")
    ('the one article', 'not the one article', 'both articles')
    >>> k_of_n(0, 0, "article")
    'no articles'
    """
    many = many or noun + "s"
    if n == 0:
        return f"no {many}"
    if n == 1:
        return f"the one {noun}" if k else f"not the one {noun}"
    if k == n:
        return f"both {many}" if n == 2 else f"all {n:,} {many}"
    if k == 0:
        return f"none of the {n:,} {many}"
    return f"{k:,} of the {n:,} {many}"


def day(date, precision: str = "day") -> str:
    """A date as prose: "2 February 2022", or "January 2023" for a month; "" for none.

    Examples
    --------
    >>> day(pd.Timestamp("2022-02-02")), day(pd.Timestamp("2023-01-01"), "month"), day(pd.NaT)
    ('2 February 2022', 'January 2023', '')
    """
    if date is None or pd.isna(date):
        return ""
    date = pd.Timestamp(date)
    return date.strftime("%B %Y") if precision == "month" else f"{date.day} {date:%B %Y}"


def date_span(dates: pd.Series, precisions: pd.Series | None = None) -> str:
    """When a set of articles appeared: "on …", "in …" (one month), "between … and …".

    Parameters
    ----------
    dates : pandas.Series of datetime
        Missing dates are left out; with none at all the result says so.
    precisions : pandas.Series of str, optional
        ``day`` or ``month`` per date (the corpus's ``date_precision``).

    Examples
    --------
    >>> dates = pd.to_datetime(pd.Series(["2022-02-02", "2025-02-26"]))
    >>> date_span(dates)
    'between 2 February 2022 and 26 February 2025'
    >>> month = pd.Series([pd.Timestamp("2023-01-01")])
    >>> date_span(dates[:1]), date_span(month, pd.Series(["month"]))
    ('on 2 February 2022', 'in January 2023')
    >>> date_span(pd.Series([pd.NaT]))
    'on no known date'
    """
    precisions = (pd.Series("day", index=dates.index) if precisions is None
                  else precisions.reindex(dates.index).fillna("day"))
    known = dates.notna()
    if not known.any():
        return "on no known date"
    dates, precisions = dates[known], precisions[known]
    first, last = dates.idxmin(), dates.idxmax()
    a, b = day(dates[first], precisions[first]), day(dates[last], precisions[last])
    if a == b:
        return f"in {a}" if precisions[first] == "month" else f"on {a}"
    return f"between {a} and {b}"


def percent(share: float, digits: int = 0) -> str:
    """A share as a percentage; "no share" where it is undefined (0 of 0).

    Examples
    --------
    >>> percent(0.384), percent(0.0384, 1), percent(float("nan"))
    ('38%', '3.8%', 'no share')
    """
    if share is None or pd.isna(share):
        return "no share"
    return f"{share:.{digits}%}"


def measured_on(result: Mapping) -> str:
    """Where a committed evaluation result comes from, for prose: file, date and data.

    Parameters
    ----------
    result : mapping
        From :func:`analysis.evaluate.read_result` (``task``, ``date``, ``data``).

    Examples
    --------
    >>> measured_on({"task": "cleaning", "date": "2026-11-24", "data": "pages-dev"})
    'evaluation/cleaning.json, measured 24 November 2026 on pages-dev'
    """
    when = day(pd.Timestamp(result["date"])) if result.get("date") else "an unrecorded date"
    return f"evaluation/{result['task']}.json, measured {when} on {result.get('data', '?')}"
