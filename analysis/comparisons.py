"""Comparisons in words: a difference with its interval, and a ranking only where it holds.

The chapters compare groups (two articles, quoted speech and narrative, two leaders) by
the interval of their *difference* (:class:`analysis.stats.Difference`), never by whether
their own intervals overlap. These helpers turn such a difference into one plain sentence,
and decide whether "the warmest" or "the hardest" may be said at all: only when the top
group is clearly above every other one. They also write the small pieces of prose that must
read right at any size ("A, B and C", "Seven", "1 article").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.stats import Difference

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve")


def number_word(n: int, capital: bool = False) -> str:
    """``n`` in words up to twelve, in digits beyond (house style for prose and titles).

    Examples
    --------
    >>> number_word(7, capital=True), number_word(0), number_word(20)
    ('Seven', 'no', '20')
    """
    word = _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"
    return word[:1].upper() + word[1:] if capital else word


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``"1 article"``, ``"3 articles"`` (``many`` for irregular plurals).

    Examples
    --------
    >>> plural(1, "article"), plural(3, "article"), plural(2, "spokesperson", "spokespeople")
    ('1 article', '3 articles', '2 spokespeople')
    """
    return f"{n:,} {noun if n == 1 else (many or noun + 's')}"


def share_words(k: int, n: int, noun: str, many: str | None = None,
                capital: bool = False) -> str:
    """``k`` of ``n`` things in words that read right at any size.

    Examples
    --------
    >>> [share_words(k, n, "article") for k, n in [(5, 5), (2, 2), (3, 5)]]
    ['all five articles', 'both articles', 'three of the five articles']
    >>> [share_words(k, n, "article") for k, n in [(0, 5), (1, 1), (0, 1), (0, 0)]]
    ['none of the five articles', 'the one article', 'no article', 'no articles']
    """
    nouns = many or noun + "s"
    if n == 0:
        text = f"no {nouns}"
    elif n == 1:
        text = f"the one {noun}" if k else f"no {noun}"
    elif k == n:
        text = f"both {nouns}" if n == 2 else f"all {number_word(n)} {nouns}"
    elif k == 0:
        text = f"none of the {number_word(n)} {nouns}"
    else:
        text = f"{number_word(k)} of the {number_word(n)} {nouns}"
    return text[:1].upper() + text[1:] if capital else text


def names_list(names: Iterable[str], empty: str = "none", conjunction: str = "and") -> str:
    """Names joined for prose: ``"A"``, ``"A and B"``, ``"A, B and C"``; ``empty`` for none.

    Examples
    --------
    >>> names_list(["Liz Truss", "Joe Biden", "Antony Blinken"])
    'Liz Truss, Joe Biden and Antony Blinken'
    >>> names_list([]), names_list(["A", "B"], conjunction="or")
    ('none', 'A or B')
    """
    names = [str(n) for n in names]
    if not names:
        return empty
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def signed(value: float, fmt: str = "{:.2f}") -> str:
    """A value with its sign, minus as a true minus sign.

    Examples
    --------
    >>> signed(0.25), signed(-1.5, "{:.1f}"), signed(0.0)
    ('+0.25', '−1.5', '0.00')
    """
    text = fmt.format(abs(value))
    if float(text) == 0:
        return text
    return ("+" if value > 0 else "−") + text


def describe_difference(diff: Difference, a: str, b: str, fmt: str = "{:.2f}",
                        unit: str = "", more: str = "higher", less: str = "lower",
                        verb: str = "is") -> str:
    """One sentence for ``a − b``: the difference, its 95% interval, and what that allows.

    Parameters
    ----------
    diff : Difference
        From :func:`analysis.stats.statistic_difference` and its relatives.
    a, b : str
        How the prose names the two groups.
    fmt : str
        Format of the values.
    unit : str
        Word after the difference ("grades"), or "".
    more, less : str
        Comparatives for a difference whose interval is above or below zero.
    verb : str
        The verb before the comparative ("reads harder than").

    Examples
    --------
    >>> from analysis.stats import Interval
    >>> i = Interval(1.0, 0.5, 1.5)
    >>> print(describe_difference(Difference(i, i, 2.25, 0.37, 4.07, False, "sentences"),
    ...                           "VOA", "The Independent", "{:.1f}", "grades", "harder",
    ...                           verb="reads"))
    VOA reads harder than The Independent: the difference is +2.2 grades (95% interval of the
    difference +0.4 to +4.1, resampling sentences).
    >>> print(describe_difference(Difference(i, i, -0.7, -4.2, 2.0, True, "articles"),
    ...                           "Quoted speech", "narrative", "{:.1f}", "grades"))
    Quoted speech and narrative are not clearly different: the difference is −0.7 grades (95%
    interval of the difference −4.2 to +2.0, resampling articles, paired), which includes zero.
    >>> print(describe_difference(Difference(i, i, 0.1, np.nan, np.nan, False, "", "too few"),
    ...                           "A", "B"))
    A and B cannot be compared with an interval (too few): the difference is +0.10.
    """
    value = signed(diff.estimate, fmt) + (f" {unit}" if unit else "")
    if not np.isfinite(diff.estimate):
        return f"{a} and {b} cannot be compared ({diff.reason or 'no data'})."
    if not diff.has_interval:
        return (f"{a} and {b} cannot be compared with an interval "
                f"({diff.reason or 'no interval'}): the difference is {value}.")
    how = f"resampling {diff.resampled}" + (", paired" if diff.paired else "")
    interval = (f"95% interval of the difference {signed(diff.low, fmt)} to "
                f"{signed(diff.high, fmt)}, {how}")
    verdict = diff.verdict(more, less, "same")
    if verdict == "same":
        return (f"{a} and {b} are not clearly different: the difference is {value} "
                f"({interval}), which includes zero.")
    return f"{a} {verb} {verdict} than {b}: the difference is {value} ({interval})."


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
        >>> from analysis.stats import Interval
        >>> i = Interval(0.0, np.nan, np.nan)
        >>> diff = lambda a, b: Difference(i, i, 0.3, 0.1, 0.5, False, "articles")
        >>> print(rank_top(pd.Series({"A": 0.5, "B": 0.2}), diff).sentence("the warmest",
        ...                                                                 "warmer"))
        A is the warmest (0.50): clearly warmer than the other one; the closest, B, is 0.30
        below (95% interval of the difference +0.10 to +0.50).
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
            d = self.differences[closest]
            others = "the other one" if n == 2 else f"each of the other {n - 1:,}"
            return (f"{top} is {superlative} ({value}): clearly {more} than {others}; the "
                    f"closest, {closest}, is {fmt.format(d.estimate)} below (95% interval of "
                    f"the difference {signed(d.low, fmt)} to {signed(d.high, fmt)}).")
        parts = [f"No one can be called {superlative}: {top} has the highest estimate "
                 f"({value}), but"]
        clauses = []
        if self.clear:
            clauses.append(f"is clearly {more} than only {names_list(self.clear)}")
        if self.unclear:
            clauses.append(f"is not clearly different from {names_list(self.unclear)} (the "
                           "interval of the difference includes zero)")
        if self.uncompared:
            clauses.append(f"cannot be compared with {names_list(self.uncompared)} (too few "
                           "articles or sentences for an interval of the difference)")
        return f"{parts[0]} {names_list(clauses, conjunction='and')}."


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
    >>> from analysis.stats import Interval
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
