"""Uncertainty for small samples: bootstrap intervals with a fixed seed.

Every share or mean the book compares comes with a 95% percentile bootstrap
interval. Resampling is of *sentences within articles*: each article keeps its
number of sentences, so an article's weight does not change between replicates,
and the same inputs always give the same interval (fixed seed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SEED = 20221  # fixed: intervals are part of the published numbers and must not move
N_BOOT = 2000


def bootstrap_ratio(numerator, denominator, strata=None, n_boot: int = N_BOOT,
                    seed: int = SEED, level: float = 0.95) -> tuple[float, float, float]:
    """Ratio of sums ``sum(numerator) / sum(denominator)`` with a bootstrap interval.

    Parameters
    ----------
    numerator, denominator : array-like
        One value per unit (sentence), e.g. quoted words and words.
    strata : array-like, optional
        Group of each unit (article); units are resampled within their group.
    n_boot, seed, level
        Replicates, random seed and interval level.

    Returns
    -------
    (estimate, low, high) : tuple of float
        NaN when the denominator sums to zero.

    Examples
    --------
    >>> est, lo, hi = bootstrap_ratio([1, 0, 1, 0], [1, 1, 1, 1])
    >>> est, lo <= est <= hi
    (0.5, True)
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    if den.sum() == 0:
        return float("nan"), float("nan"), float("nan")
    estimate = num.sum() / den.sum()
    idx = _resample(len(num), strata, n_boot, seed)
    num_b, den_b = num[idx].sum(axis=1), den[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = num_b / den_b
    low, high = np.nanquantile(ratios, [(1 - level) / 2, (1 + level) / 2])
    return float(estimate), float(low), float(high)


def bootstrap_mean(values, strata=None, n_boot: int = N_BOOT, seed: int = SEED,
                   level: float = 0.95) -> tuple[float, float, float]:
    """Mean with a bootstrap interval (units resampled within strata).

    Examples
    --------
    >>> [round(x, 9) for x in bootstrap_mean([0.2, 0.2, 0.2])]
    [0.2, 0.2, 0.2]
    """
    values = np.asarray(values, dtype=float)
    return bootstrap_ratio(values, np.ones_like(values), strata, n_boot, seed, level)


def _resample(n: int, strata, n_boot: int, seed: int) -> np.ndarray:
    """Indices of ``n_boot`` resamples of ``n`` units, within strata if given."""
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((n_boot, 0), dtype=int)
    if strata is None:
        return rng.integers(0, n, size=(n_boot, n))
    strata = pd.Series(np.asarray(strata)).reset_index(drop=True)
    columns = []
    for _, members in sorted(strata.groupby(strata).groups.items(), key=lambda kv: str(kv[0])):
        members = np.asarray(members)
        columns.append(members[rng.integers(0, len(members), size=(n_boot, len(members)))])
    return np.concatenate(columns, axis=1)


def grouped_ratio(frame: pd.DataFrame, by, numerator: str, denominator: str,
                  strata: str | None = "doc_id", **kwargs) -> pd.DataFrame:
    """:func:`bootstrap_ratio` per group, with the group's n (units and articles).

    Returns
    -------
    pandas.DataFrame
        Index: the groups; columns ``estimate, low, high, n_units, n_articles``
        and the summed ``numerator`` and ``denominator``.

    Examples
    --------
    >>> f = pd.DataFrame({"g": ["a", "a", "b"], "doc_id": [1, 1, 2], "x": [1, 0, 1],
    ...                   "n": [1, 1, 1]})
    >>> grouped_ratio(f, "g", "x", "n")["estimate"].tolist()
    [0.5, 1.0]
    """
    rows = {}
    for key, group in frame.groupby(by, sort=True):
        est, low, high = bootstrap_ratio(group[numerator], group[denominator],
                                         group[strata] if strata else None, **kwargs)
        rows[key] = {"estimate": est, "low": low, "high": high, "n_units": len(group),
                     "n_articles": group[strata].nunique() if strata else np.nan,
                     numerator: group[numerator].sum(), denominator: group[denominator].sum()}
    return pd.DataFrame.from_dict(rows, orient="index")


def grouped_mean(frame: pd.DataFrame, by, value: str, strata: str | None = "doc_id",
                 **kwargs) -> pd.DataFrame:
    """:func:`bootstrap_mean` per group, with n (units and articles)."""
    ones = frame.assign(_one=1.0)
    return grouped_ratio(ones, by, value, "_one", strata, **kwargs).drop(columns="_one")


def wilson_interval(k: int, n: int, level: float = 0.95) -> tuple[float, float, float]:
    """A proportion ``k / n`` with its Wilson score interval (good for small n).

    Examples
    --------
    >>> [round(x, 3) for x in wilson_interval(3, 4)]
    [0.75, 0.301, 0.954]
    """
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    from statistics import NormalDist

    z = NormalDist().inv_cdf((1 + level) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return p, max(0.0, centre - half), min(1.0, centre + half)


def describe_correlation(r: float) -> str:
    """A plain word for the strength of a correlation (Cohen's rough bands).

    Examples
    --------
    >>> describe_correlation(0.77), describe_correlation(-0.2)
    ('strongly', 'weakly')
    """
    size = abs(r)
    return "weakly" if size < 0.3 else "moderately" if size < 0.5 else "strongly"
