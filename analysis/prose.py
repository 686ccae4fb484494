"""Estimates and comparisons in words: a value with its interval or why it has none, a
difference, a comparison, a ranking only where it holds, the cells of a table, and the
strength of a correlation.

The chapters compare groups (two articles, quoted speech and narrative, two leaders) by
the interval of their *difference* (:class:`analysis.stats.Difference`), never by whether
their own intervals overlap. Every estimate the prose prints is worded here, one way for
the whole book: "64% (95% interval 49% to 78%, articles resampled)", or "(no interval:
3 articles: an interval needs at least 5)" where the minimums of :mod:`analysis.stats`
leave none. The words for counts, signs and lists come from :mod:`analysis.wording`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.stats import Difference, Interval
from analysis.wording import join, percent, plural, signed

__all__ = ["POINTS", "Ranking", "bounds", "comparison", "describe_correlation",
           "describe_difference", "describe_estimate", "describe_mean", "describe_share",
           "interval_cells", "interval_phrase", "minus", "rank_top", "row_comparison",
           "share_cells"]

POINTS = "points"  # describe a difference of two shares in percentage points


def interval_phrase(estimate: float, low: float, high: float, fmt: str = "{:.2f}",
                    resampled: str = "", reason: str = "", unit: str = "",
                    sign: bool = False, how: str | None = None) -> str:
    """A value with its 95% interval and what was resampled, or the reason it has none.

    Parameters
    ----------
    fmt : str
        Format of each number; minus signs are printed as true minus signs.
    resampled : str
        What the interval resampled ("articles"), said after the bounds.
    reason : str
        Why there is no interval (or no estimate).
    unit : str
        A word after the value and after the upper bound ("points", "grades").
    sign : bool
        Print "+" before positive numbers (:func:`analysis.wording.signed`): differences.
    how : str, optional
        What to say after the bounds instead of "… resampled" (a reading of the data).

    Examples
    --------
    >>> interval_phrase(0.64, 0.49, 0.78, "{:.0%}", "articles")
    '64% (95% interval 49% to 78%, articles resampled)'
    >>> interval_phrase(-0.05, -0.2, 0.1, resampled="sentences")
    '−0.05 (95% interval −0.20 to 0.10, sentences resampled)'
    >>> interval_phrase(-0.081, -0.153, -0.011, "{:.1%}", unit="", sign=True,
    ...                 how="editorial set apart")
    '−8.1% (95% interval −15.3% to −1.1%, editorial set apart)'
    >>> interval_phrase(0.2, np.nan, np.nan, "{:.0%}", reason="3 articles: too few")
    '20% (no interval: 3 articles: too few)'
    >>> interval_phrase(np.nan, np.nan, np.nan)
    'no estimate (no data)'
    """
    def number(x: float) -> str:
        return signed(x, fmt) if sign else minus(fmt.format(x))

    if not np.isfinite(estimate):
        return f"no estimate ({reason or 'no data'})"
    unit = f" {unit}" if unit else ""
    value = number(estimate) + unit
    if not (np.isfinite(low) and np.isfinite(high)):
        return f"{value} (no interval: {reason or 'too few to resample'})"
    how = how if how is not None else (f"{resampled} resampled" if resampled else "")
    return (f"{value} (95% interval {number(low)} to {number(high)}{unit}"
            f"{', ' + how if how else ''})")


def describe_estimate(interval: Interval, fmt: str = "{:.0%}") -> str:
    """An estimate for prose: "46% (95% interval 43% to 48%, articles resampled)".

    Examples
    --------
    >>> describe_estimate(Interval(0.456, 0.43, 0.48, resampled="articles"))
    '46% (95% interval 43% to 48%, articles resampled)'
    >>> describe_estimate(Interval(0.0, np.nan, np.nan, reason="too few"))
    '0% (no interval: too few)'
    """
    return interval_phrase(interval.estimate, interval.low, interval.high, fmt,
                           interval.resampled, interval.reason)


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
    return f"{counts}: {describe_estimate(interval, '{:.0%}')}"


def describe_mean(interval: Interval, fmt: str = "{:.2f}", unit: str = "sentences",
                  cluster: str = "articles") -> str:
    """A mean for prose: "0.26 (95% interval 0.15 to 0.36, articles resampled; 89 sentences
    in 5 articles)", with true minus signs.

    Examples
    --------
    >>> describe_mean(Interval(-0.05, -0.2, 0.1, np.nan, 12, 12, 1, "sentences"))
    '−0.05 (95% interval −0.20 to 0.10, sentences resampled; 12 sentences in 1 article)'
    >>> describe_mean(Interval(13.9, np.nan, np.nan, np.nan, 89, 89, 4, "", "too few"), "{:.1f}")
    '13.9 (no interval: too few; 89 sentences in 4 articles)'
    """
    counts = (f"{plural(interval.n_units, unit[:-1], unit)} in "
              f"{plural(interval.n_clusters, cluster[:-1], cluster)}")
    value = describe_estimate(interval, fmt)
    return (value[:-1] + f"; {counts})" if value.endswith(")") else f"{value} ({counts})")


def describe_difference(d: Difference, fmt: str = "{:.2f}", unit: str = "") -> str:
    """A difference for prose: its value and the interval of the difference, or why none.

    ``fmt`` formats each number; :data:`POINTS` writes a difference of two shares in
    percentage points ("+12.5 points"), never as a percentage of a percentage.

    Examples
    --------
    >>> a = Interval(0.5, 0.4, 0.6)
    >>> describe_difference(Difference(a, a, 0.24, 0.03, 0.42, True, "articles"))
    '+0.24 (95% interval +0.03 to +0.42, articles resampled)'
    >>> describe_difference(Difference(a, a, 0.1, np.nan, np.nan, False, "", "too few"))
    '+0.10 (no interval: too few)'
    >>> describe_difference(Difference(a, a, -0.125, -0.245, -0.05, True, "articles"), POINTS)
    '−12.5 points (95% interval −24.5 to −5.0 points, articles resampled)'
    >>> describe_difference(Difference(a, a, 2.25, 0.37, 4.07, False, "sentences"), "{:.1f}",
    ...                     "grades")
    '+2.2 grades (95% interval +0.4 to +4.1 grades, sentences resampled)'
    """
    scale = 100 if fmt == POINTS else 1
    if fmt == POINTS:
        fmt, unit = "{:.1f}", "points"
    return interval_phrase(d.estimate * scale, d.low * scale, d.high * scale, fmt,
                           d.resampled, d.reason, unit, sign=True)


def comparison(d: Difference, a: str, b: str, more: str = "higher than",
               less: str = "lower than", same: str = "not clearly different from",
               fmt: str = "{:.2f}", be: str = "is", unit: str = "") -> str:
    """One sentence comparing ``a`` with ``b`` by the interval of their difference.

    The verdict is ``more`` or ``less`` only when that interval excludes zero
    (:meth:`analysis.stats.Difference.verdict`); without an interval it says so.

    Examples
    --------
    >>> i = Interval(0.5, 0.4, 0.6)
    >>> comparison(Difference(i, i, 0.2, -0.1, 0.4, True, "articles"), "Quoted speech",
    ...            "the narrative")
    'Quoted speech is not clearly different from the narrative: +0.20 (95% interval −0.10 to
    +0.40, articles resampled).'
    >>> comparison(Difference(i, i, 0.2, np.nan, np.nan, True, "", "3 articles"), "A", "B")
    'A cannot be compared with B: +0.20 (no interval: 3 articles).'
    >>> comparison(Difference(i, i, 2.25, 0.37, 4.07, False, "sentences"), "VOA",
    ...            "The Independent", "harder to read than", fmt="{:.1f}", unit="grades")
    'VOA is harder to read than The Independent: +2.2 grades (95% interval +0.4 to +4.1
    grades, sentences resampled).'
    """
    verdict = d.verdict(more, less, same, unknown="")
    head = f"{a} {be} {verdict} {b}" if verdict else f"{a} cannot be compared with {b}"
    return f"{head}: {describe_difference(d, fmt, unit)}."


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


def minus(text: str) -> str:
    """A formatted number with a true minus sign (−) instead of the hyphen, as in prose.

    Examples
    --------
    >>> minus("-0.04"), minus("-10.7%"), minus("0.41")
    ('−0.04', '−10.7%', '0.41')
    """
    return text.replace("-", "−")


def bounds(low: float, high: float, fmt: str | Callable[[float], str] = "{:.2f}") -> str:
    """An interval's two bounds for a table or a label: "−0.04 to 0.41", minus signs
    true, never a dash that reads as a minus.

    Examples
    --------
    >>> bounds(-0.04, 0.41), bounds(0.1, 0.2, "{:.0%}")
    ('−0.04 to 0.41', '10% to 20%')
    """
    show = fmt if callable(fmt) else fmt.format
    return f"{minus(show(low))} to {minus(show(high))}"


def interval_cells(table: pd.DataFrame, fmt: str | Callable[[float], str] = "{:.0%}"
                   ) -> pd.Series:
    """Table cells for a grouped table: "14% (10% to 20%)", or "14% (no interval)" where the
    minimums leave none (its ``reason`` column says why), or "no data". ``fmt`` is a format
    string or a function of one number (:func:`analysis.wording.percent`: a non-zero share
    is never shown as "0%"). Minus signs are true minus signs.

    Examples
    --------
    >>> table = pd.DataFrame({"estimate": [0.14, 0.0, np.nan], "low": [0.1, np.nan, np.nan],
    ...                       "high": [0.2, np.nan, np.nan]})
    >>> interval_cells(table).tolist()
    ['14% (10% to 20%)', '0% (no interval)', 'no data']
    >>> from analysis.wording import percent
    >>> interval_cells(pd.DataFrame({"estimate": [0.0021], "low": [0.0004],
    ...                              "high": [0.0061]}), percent).tolist()
    ['0.2% (0.04% to 0.6%)']
    >>> interval_cells(pd.DataFrame({"estimate": [0.19], "low": [-0.04], "high": [0.41]}),
    ...                "{:.2f}").tolist()
    ['0.19 (−0.04 to 0.41)']
    """
    show = fmt if callable(fmt) else fmt.format
    return pd.Series([_cell(e, lo, hi, show, show) for e, lo, hi in
                      zip(table["estimate"], table["low"], table["high"])],
                     index=table.index, dtype=object)


def _cell(estimate: float, low: float, high: float, show: Callable[[float], str],
          bound: Callable[[float], str]) -> str:
    """One cell: "14% (10% to 20%)", "14% (no interval)" or "no data"."""
    if not np.isfinite(estimate):
        return "no data"
    if np.isfinite(low) and np.isfinite(high):
        return f"{minus(show(estimate))} ({bounds(low, high, bound)})"
    return f"{minus(show(estimate))} (no interval)"


def share_cells(table: pd.DataFrame) -> pd.Series:
    """:func:`interval_cells` of shares: each number with at least one significant digit
    (:func:`analysis.wording.percent`: never a non-zero share or bound shown as "0%"), and
    the bounds with at least the estimate's decimals ("0.3% (0.0% to 0.7%)", not "0.3% (0% to
    1%)").

    Examples
    --------
    >>> t = pd.DataFrame({"estimate": [0.38, 0.0017, 1 / 465, 0.011, np.nan],
    ...                   "low": [0.2, 0.0, 0.0004, 0.0, np.nan],
    ...                   "high": [0.48, 0.0148, 0.009, 0.038, np.nan]})
    >>> share_cells(t).tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['38% (20% to 48%)', '0.2% (0.0% to 1.5%)', '0.2% (0.04% to 0.9%)', '1% (0% to 4%)',
     'no data']
    """
    def decimals(text: str) -> int:
        return len(text.rstrip("%").partition(".")[2])

    cells = []
    for estimate, low, high in zip(table["estimate"], table["low"], table["high"]):
        digits = decimals(percent(estimate))

        def bound(x: float, digits: int = digits) -> str:
            text = percent(x)
            return text if decimals(text) >= digits else percent(x, digits)

        cells.append(_cell(estimate, low, high, percent, bound))
    return pd.Series(cells, index=table.index, dtype=object)


@dataclass(frozen=True)
class Ranking:
    """Whether one group tops the others, judged by the interval of each difference.

    ``clear`` are the groups the top one is clearly above, ``unclear`` those it is not
    clearly different from, ``uncompared`` those without an interval of the difference
    (too few articles or sentences). ``top`` is "" when fewer than two groups have an
    estimate.
    """

    top: str
    estimates: pd.Series
    differences: dict[str, Difference]
    clear: tuple[str, ...]
    unclear: tuple[str, ...]
    uncompared: tuple[str, ...]

    @property
    def holds(self) -> bool:
        """True when the top group is clearly above every other group."""
        return bool(self.top) and not self.unclear and not self.uncompared and bool(self.clear)

    def sentence(self, superlative: str, more: str, fmt: str = "{:.2f}") -> str:
        """The ranking in words: the superlative only when :attr:`holds`.

        Parameters
        ----------
        superlative : str
            "the warmest".
        more : str
            "warmer".

        Examples
        --------
        >>> i = Interval(0.0, np.nan, np.nan)
        >>> diff = lambda a, b: Difference(i, i, 0.3, 0.1, 0.5, False, "articles")
        >>> print(rank_top(pd.Series({"A": 0.5, "B": 0.2}), diff).sentence("the warmest",
        ...                                                                 "warmer"))
        A is the warmest (0.50): clearly warmer than the other one; above the closest, B, by
        +0.30 (95% interval +0.10 to +0.50, articles resampled).
        >>> none = lambda a, b: Difference(i, i, 0.3, np.nan, np.nan, False, "", "too few")
        >>> print(rank_top(pd.Series({"A": 0.5, "B": 0.2}), none).sentence("the warmest",
        ...                                                                 "warmer"))
        No one can be called the warmest: the highest estimate cannot be compared with any
        other (too few articles or sentences for an interval of the difference).
        """
        n = len(self.estimates)
        if n == 0:
            return "No one has an estimate to compare."
        if n == 1:
            return f"Only {self.estimates.index[0]} has an estimate: there is no one to compare."
        top = self.top
        value = fmt.format(self.estimates[top])
        if self.holds:
            closest = min(self.clear, key=lambda g: self.differences[g].estimate)
            others = "the other one" if n == 2 else f"each of the other {n - 1:,}"
            return (f"{top} is {superlative} ({value}): clearly {more} than {others}; above "
                    f"the closest, {closest}, by "
                    f"{describe_difference(self.differences[closest], fmt)}.")
        if not self.clear and not self.unclear:
            return (f"No one can be called {superlative}: the highest estimate cannot be "
                    "compared with any other (too few articles or sentences for an interval "
                    "of the difference).")
        clauses = []
        if self.clear:
            clauses.append(f"is clearly {more} than only {join(self.clear)}")
        if self.unclear:
            clauses.append(f"is not clearly different from {join(self.unclear)} (the "
                           "interval of the difference includes zero)")
        if self.uncompared:
            clauses.append(f"cannot be compared with {join(self.uncompared)} (too few "
                           "articles or sentences for an interval of the difference)")
        return (f"No one can be called {superlative}: {top} has the highest estimate "
                f"({value}), but {join(clauses)}.")


def rank_top(estimates: pd.Series, difference: Callable[[str, str], Difference]) -> Ranking:
    """Compare the group with the highest estimate with every other one.

    Parameters
    ----------
    estimates : pandas.Series
        One estimate per group (NaN: no data; left out).
    difference : callable
        ``difference(a, b)`` gives the :class:`~analysis.stats.Difference` of ``a − b``.

    Examples
    --------
    >>> i = Interval(0.0, np.nan, np.nan)
    >>> lows = {"B": 0.1, "C": -0.2}
    >>> diff = lambda a, b: Difference(i, i, 0.3, lows[b], 0.5, False, "articles")
    >>> ranking = rank_top(pd.Series({"A": 0.5, "B": 0.2, "C": 0.3}), diff)
    >>> ranking.top, ranking.clear, ranking.unclear, ranking.holds
    ('A', ('B',), ('C',), False)
    """
    estimates = estimates[np.isfinite(estimates.astype(float))].astype(float)
    if len(estimates) < 2:
        return Ranking("", estimates, {}, (), (), ())
    top = str(estimates.idxmax())
    differences = {str(g): difference(top, g) for g in estimates.index if g != top}
    clear = tuple(g for g, d in differences.items() if d.has_interval and d.low > 0)
    uncompared = tuple(g for g, d in differences.items() if not d.has_interval)
    unclear = tuple(g for g in differences if g not in clear and g not in uncompared)
    return Ranking(top, estimates, differences, clear, unclear, uncompared)


def describe_correlation(r: float) -> str:
    """A plain word for the strength of a correlation (Cohen's rough bands).

    Examples
    --------
    >>> describe_correlation(0.77), describe_correlation(-0.2)
    ('strongly', 'weakly')
    """
    size = abs(r)
    return "weakly" if size < 0.3 else "moderately" if size < 0.5 else "strongly"
