"""Small pieces of prose the chapters glue: lists of names, counts and comparisons in words.

A chapter's sentences must read right on any corpus: one article or five hundred, an empty
list, a comparison with no interval. These helpers build those fragments from the numbers,
so a notebook glues a sentence instead of formatting one in a long f-string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from analysis.stats import Difference, Interval

POINTS = "points"  # describe a difference of two shares in percentage points


def plural(n: float, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is one ("1 article", "3 articles").

    Examples
    --------
    >>> plural(1, "article"), plural(0, "sentence"), plural(2, "speech", "speeches")
    ('1 article', '0 sentences', '2 speeches')
    """
    n = int(n)
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def join_words(items: Iterable, conjunction: str = "and", empty: str = "none") -> str:
    """Items as an English list: "a", "a and b", "a, b and c"; ``empty`` when there are none.

    Examples
    --------
    >>> join_words(["economic"]), join_words(["a", "b", "c"]), join_words([])
    ('economic', 'a, b and c', 'none')
    >>> join_words(["x", "y"], "or")
    'x or y'
    """
    items = [str(i) for i in items]
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def signed(value: float, fmt: str = "{:.2f}") -> str:
    """A number with its sign, and a true minus sign: "+0.24", "−0.07", "0.00".

    Examples
    --------
    >>> signed(0.239), signed(-0.07), signed(0.0), signed(0.125, "{:.0%}")
    ('+0.24', '−0.07', '0.00', '+12%')
    >>> signed(0.0012), signed(-0.00004)  # never a non-zero bound printed as zero
    ('+0.001', '0.0000')
    """
    text = fmt.format(abs(value))
    digits = re.fullmatch(r"\{:\.(\d)f\}", fmt)
    if digits and value and not text.strip("0."):  # 0.001 is not "0.00": one more digit
        return signed(value, f"{{:.{int(digits.group(1)) + 1}f}}") if int(
            digits.group(1)) < 4 else text
    if text.strip("0.,% ") == "":
        return text
    return ("+" if value > 0 else "−") + text


def describe_difference(d: Difference, fmt: str = "{:.2f}") -> str:
    """A difference for prose: its value and the interval of the difference, or why none.

    ``fmt`` formats each number; :data:`POINTS` writes a difference of two shares in
    percentage points ("+12 points"), never as a percentage of a percentage.

    Examples
    --------
    >>> from analysis.stats import Interval
    >>> a = Interval(0.5, 0.4, 0.6)
    >>> describe_difference(Difference(a, a, 0.24, 0.03, 0.42, True, "articles"))
    '+0.24 (95% interval +0.03 to +0.42, articles resampled)'
    >>> describe_difference(Difference(a, a, 0.1, np.nan, np.nan, False, "", "too few"))
    '+0.10 (no interval: too few)'
    >>> describe_difference(Difference(a, a, -0.125, -0.245, -0.05, True, "articles"), POINTS)
    '−12.5 points (95% interval −24.5 to −5.0 points, articles resampled)'
    """
    if not np.isfinite(d.estimate):
        return f"no estimate ({d.reason or 'no data'})"
    unit = " points" if fmt == POINTS else ""
    value = signed(d.estimate * (100 if unit else 1), "{:.1f}" if unit else fmt) + unit
    if not d.has_interval:
        return f"{value} (no interval: {d.reason or 'too few to resample'})"
    low, high = (signed(x * (100 if unit else 1), "{:.1f}" if unit else fmt)
                 for x in (d.low, d.high))
    return f"{value} (95% interval {low} to {high}{unit}, {d.resampled} resampled)"


def comparison(d: Difference, a: str, b: str, more: str = "higher than",
               less: str = "lower than", same: str = "not clearly different from",
               fmt: str = "{:.2f}", be: str = "is") -> str:
    """One sentence comparing ``a`` with ``b`` by the interval of their difference.

    The verdict is ``more`` or ``less`` only when that interval excludes zero
    (:meth:`analysis.stats.Difference.verdict`); without an interval it says so.

    Examples
    --------
    >>> from analysis.stats import Interval
    >>> i = Interval(0.5, 0.4, 0.6)
    >>> comparison(Difference(i, i, 0.2, -0.1, 0.4, True, "articles"), "Quoted speech",
    ...            "the narrative")
    'Quoted speech is not clearly different from the narrative: +0.20 (95% interval −0.10 to
    +0.40, articles resampled).'
    >>> comparison(Difference(i, i, 0.2, np.nan, np.nan, True, "", "3 articles"), "A", "B")
    'A cannot be compared with B: +0.20 (no interval: 3 articles).'
    """
    verdict = d.verdict(more, less, same, unknown="")
    head = f"{a} {be} {verdict} {b}" if verdict else f"{a} cannot be compared with {b}"
    return f"{head}: {describe_difference(d, fmt)}."


def describe_share(interval: Interval, unit: str = "sentences",
                   cluster: str = "articles") -> str:
    """A share for prose, counts first: "57 of 89 sentences, in 5 articles: 64% (95%
    interval 49% to 78%, articles resampled)", or the reason there is no interval.

    Examples
    --------
    >>> describe_share(Interval(0.64, 0.49, 0.78, 57, 89, 89, 5, "articles"))
    '57 of 89 sentences, in 5 articles: 64% (95% interval 49% to 78%, articles resampled)'
    >>> describe_share(Interval(0.0, np.nan, np.nan, 0, 7, 7, 1, "", "too few"))
    '0 of 7 sentences, in 1 article: 0% (no interval: too few)'
    """
    counts = (f"{int(interval.numerator):,} of {plural(interval.denominator, unit[:-1], unit)}"
              f", in {plural(interval.n_clusters, cluster[:-1], cluster)}")
    return f"{counts}: {_value(interval, '{:.0%}')}"


def describe_mean(interval: Interval, fmt: str = "{:.2f}", unit: str = "sentences",
                  cluster: str = "articles") -> str:
    """A mean for prose: "0.26 (95% interval 0.15 to 0.36, articles resampled; 89 sentences
    in 5 articles)", with true minus signs.

    Examples
    --------
    >>> describe_mean(Interval(-0.05, -0.2, 0.1, np.nan, 12, 12, 1, "sentences"))
    '−0.05 (95% interval −0.20 to 0.10, sentences resampled; 12 sentences in 1 article)'
    """
    counts = (f"{plural(interval.n_units, unit[:-1], unit)} in "
              f"{plural(interval.n_clusters, cluster[:-1], cluster)}")
    value = _value(interval, fmt)
    return (value[:-1] + f"; {counts})" if value.endswith(")") else f"{value} ({counts})")


def _value(interval: Interval, fmt: str) -> str:
    """"64% (95% interval 49% to 78%, articles resampled)" or the reason there is none."""
    def number(x: float) -> str:
        return fmt.format(x).replace("-", "−")

    if not np.isfinite(interval.estimate):
        return f"no estimate ({interval.reason or 'no data'})"
    if not interval.has_interval:
        return f"{number(interval.estimate)} (no interval: {interval.reason})"
    return (f"{number(interval.estimate)} (95% interval {number(interval.low)} to "
            f"{number(interval.high)}, {interval.resampled} resampled)")


def row_comparison(row, a: str, b: str, more: str = "higher than",
                   less: str = "lower than", same: str = "not clearly different from",
                   fmt: str = "{:.2f}", be: str = "is") -> str:
    """:func:`comparison` for a row of a table of differences (``estimate, low, high,
    reason``, and optionally ``reading``, which then opens the sentence; ``a`` is then
    written in lower case, so pass a common noun).

    Examples
    --------
    >>> row = {"estimate": 0.254, "low": -0.015, "high": 0.418, "reason": "",
    ...        "reading": "editorial set apart"}
    >>> row_comparison(row, "Quoted speech", "the narrative")
    'With the editorial set apart, quoted speech is not clearly different from the
    narrative: +0.25 (95% interval −0.01 to +0.42, articles resampled).'
    """
    none = Interval(np.nan, np.nan, np.nan)
    known = bool(np.isfinite(row["low"]) and np.isfinite(row["high"]))
    d = Difference(none, none, float(row["estimate"]), float(row["low"]), float(row["high"]),
                   True, "articles" if known else "", str(row.get("reason", "") or ""))
    text = comparison(d, a, b, more, less, same, fmt, be)
    reading = row.get("reading")
    return f"With the {reading}, {text[0].lower()}{text[1:]}" if reading else text


def percent(share: float) -> str:
    """A share as a percentage with at least one significant digit: "38%", "0.3%", "0%"
    (never a non-zero bound shown as "0%": pass it to :func:`analysis.stats.interval_cells`).

    Examples
    --------
    >>> percent(0.3821), percent(0.0027), percent(0.0), percent(float("nan"))
    ('38%', '0.3%', '0%', 'no data')
    >>> import pandas as pd
    >>> from analysis.stats import interval_cells
    >>> interval_cells(pd.DataFrame({"estimate": [0.0021], "low": [0.0004],
    ...                              "high": [0.0061]}), percent).tolist()
    ['0.2% (0.04%–0.6%)']
    """
    if not np.isfinite(share):
        return "no data"
    if share and abs(share) < 0.01:
        return f"{share:.1%}" if abs(share) >= 0.0005 else f"{share:.2%}"
    return f"{share:.0%}"
