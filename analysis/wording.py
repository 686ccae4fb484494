"""Words for numbers and dates that read right at any size: one article or five hundred, none.

Chapters glue sentences built from these instead of formatting long f-strings in a notebook,
so that "1 articles", "0 of 0%", an empty list, "−0.00" or a NaN date never reach the
reader. Nothing here knows about statistics: an estimate with its interval is worded by
:mod:`analysis.prose`, from these pieces.

- :func:`plural`: "1 article", "2,225 articles"
- :func:`number_word`: "seven", "Seven", "20" (words up to twelve)
- :func:`capital`: the first letter in upper case, for a fragment that opens a sentence
- :func:`join`: "A", "A and B", "A, B and C", "A, B and 3 others"
- :func:`k_of_n`: "3 of the 5 articles", "all five articles", "the one article", "none of the 5"
- :func:`count_phrase`: counts first, "12 of 89 sentences in 5 articles"
- :func:`signed`: "+0.24", "−0.07", never a non-zero value shown as zero
- :func:`percent`: "38%", "0.3%", never a non-zero share shown as "0%"
- :func:`day` and :func:`date_span`: "2 February 2022", "between … and …", "in January 2023"
- :func:`measured_on`: where a committed evaluation result comes from, for a citation
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

__all__ = ["capital", "count_phrase", "date_span", "day", "join", "k_of_n", "measured_on",
           "number_word", "percent", "plural", "signed"]

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve")


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
    >>> plural(2, "spokesperson", "spokespeople"), plural(3.0, "word"), plural(2.5, "grade")
    ('2 spokespeople', '3 words', '2.5 grades')
    """
    word = noun if n == 1 else (many or noun + "s")
    return f"{int(n):,} {word}" if float(n).is_integer() else f"{n:,} {word}"


def number_word(n: int, capital: bool = False) -> str:
    """``n`` in words up to twelve, in digits beyond (house style for prose and titles).

    Examples
    --------
    >>> number_word(7, capital=True), number_word(0), number_word(20), number_word(1500)
    ('Seven', 'no', '20', '1,500')
    """
    word = _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"
    return word[:1].upper() + word[1:] if capital else word


def capital(text: str) -> str:
    """``text`` with its first letter in upper case (the rest untouched), for a fragment
    that opens a sentence.

    Examples
    --------
    >>> capital("all 5 articles"), capital("the BBC"), capital("")
    ('All 5 articles', 'The BBC', '')
    """
    return text[:1].upper() + text[1:]


def join(items: Iterable, conjunction: str = "and", limit: int | None = None,
         empty: str = "") -> str:
    """Items as an English list: "A", "A and B", "A, B and C"; ``empty`` for none.

    With ``limit``, at most that many are named and the rest counted ("A, B and 3 others").

    Examples
    --------
    >>> join(["Sky News"]), join(["A", "B"]), join(["A", "B", "C"], "or"), join([])
    ('Sky News', 'A and B', 'A, B or C', '')
    >>> join([], empty="none")
    'none'
    >>> join(["A", "B", "C", "D", "E"], limit=3), join(["A", "B", "C", "D"], limit=3)
    ('A, B, C and 2 others', 'A, B, C and 1 other')
    """
    items = [str(i) for i in items]
    if not items:
        return empty
    if limit is not None and len(items) > limit:
        rest = len(items) - limit
        items = items[:limit] + [f"{rest:,} other{'s' if rest > 1 else ''}"]
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def k_of_n(k: int, n: int, noun: str, many: str | None = None, words: bool = False) -> str:
    """A part of a whole in words: "3 of the 5 articles", with the edge cases said plainly.

    Parameters
    ----------
    words : bool
        Numbers up to twelve in words ("three of the five articles", :func:`number_word`).

    Examples
    --------
    >>> k_of_n(3, 5, "article"), k_of_n(5, 5, "article"), k_of_n(0, 5, "article")
    ('3 of the 5 articles', 'all 5 articles', 'none of the 5 articles')
    >>> k_of_n(1, 1, "article"), k_of_n(0, 1, "article"), k_of_n(2, 2, "article")
    ('the one article', 'not the one article', 'both articles')
    >>> k_of_n(0, 0, "article")
    'no articles'
    >>> [k_of_n(k, n, "article", words=True) for k, n in [(5, 5), (3, 5), (0, 5), (20, 30)]]
    ['all five articles', 'three of the five articles', 'none of the five articles', \
'20 of the 30 articles']
    """
    many = many or noun + "s"
    number = number_word if words else (lambda x: f"{x:,}")
    if n == 0:
        return f"no {many}"
    if n == 1:
        return f"the one {noun}" if k else f"not the one {noun}"
    if k == n:
        return f"both {many}" if n == 2 else f"all {number(n)} {many}"
    if k == 0:
        return f"none of the {number(n)} {many}"
    return f"{number(k)} of the {number(n)} {many}"


def count_phrase(k: float, n: int, unit: str = "sentences", n_clusters: int | None = None,
                 cluster: str = "articles") -> str:
    """Counts first: "k of n sentences in m articles" (``unit`` and ``cluster`` plural).

    Examples
    --------
    >>> count_phrase(12, 89, n_clusters=5)
    '12 of 89 sentences in 5 articles'
    >>> count_phrase(0, 1, n_clusters=1), count_phrase(1092, 2394, "words")
    ('0 of 1 sentence in 1 article', '1,092 of 2,394 words')
    """
    text = f"{int(k):,} of {_counted(n, unit)}"
    if n_clusters is not None:
        text += f" in {_counted(n_clusters, cluster)}"
    return text


def _counted(n: float, many: str) -> str:
    """:func:`plural` from the plural ("sentences"): "1 sentence", "3 sentences"."""
    return plural(int(n), many[:-1] if many.endswith("s") else many, many)


def signed(value: float, fmt: str = "{:.2f}") -> str:
    """A number with its sign, and a true minus sign: "+0.24", "−0.07", "0.00".

    A value that is not zero is never printed as zero: one more decimal is shown, up to
    four ("+0.001").

    Examples
    --------
    >>> signed(0.239), signed(-0.07), signed(0.0), signed(0.125, "{:.0%}")
    ('+0.24', '−0.07', '0.00', '+12%')
    >>> signed(-1.5, "{:.1f}"), signed(0.0012), signed(-0.00004)
    ('−1.5', '+0.001', '0.0000')
    """
    text = fmt.format(abs(value))
    digits = re.fullmatch(r"\{:\.(\d)f\}", fmt)
    if digits and value and not text.strip("0."):  # 0.001 is not "0.00": one more digit
        return signed(value, f"{{:.{int(digits.group(1)) + 1}f}}") if int(
            digits.group(1)) < 4 else text
    if text.strip("0.,% ") == "":
        return text
    return ("+" if value > 0 else "−") + text


def percent(share: float, digits: int | None = None) -> str:
    """A share as a percentage, never a non-zero share shown as zero: "38%", "0.3%", "0%";
    "no data" where it is undefined (0 of 0).

    Parameters
    ----------
    digits : int, optional
        Decimals (more where the share would otherwise print as zero). Default: none for
        shares of 1% and more, one below.

    Examples
    --------
    >>> percent(0.3821), percent(0.0027), percent(0.0), percent(float("nan")), percent(None)
    ('38%', '0.3%', '0%', 'no data', 'no data')
    >>> percent(0.00004), percent(0.033, 1), percent(0.0, 1), percent(0.0002, 1)
    ('0.004%', '3.3%', '0.0%', '0.02%')
    """
    if pd.isna(share) or not np.isfinite(share):
        return "no data"
    if digits is None:
        digits = 1 if share and abs(share) < 0.01 else 0
    text = f"{share:.{digits}%}"
    while share and not text.strip("-0.%") and digits < 6:  # 0.04% is not "0.0%"
        digits += 1
        text = f"{share:.{digits}%}"
    return text


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
