"""Uncertainty that answers the question: counts first, then a bootstrap over the right unit.

Every share or mean the book reports leads with its counts (k of n sentences, in m
articles) and carries a 95% percentile bootstrap interval whose resampling unit follows
the claim:

- a claim about **one article** resamples that article's sentences;
- a claim about **several articles** (an outlet, a leader's coverage, the corpus)
  resamples whole articles (a clustered bootstrap): sentences of one article are not
  independent, so resampling them as if they were gives intervals that are too narrow
  where articles differ, and too wide where they agree. ``within`` keeps each stratum's
  number of articles (articles resampled within outlets).

Below a stated minimum there is no interval at all: fewer than :data:`MIN_CLUSTERS`
articles, or fewer than :data:`MIN_UNITS` sentences for one article, or a statistic that
every resample leaves unchanged (0 of 24 sentences). The interval is then NaN and
``reason`` says why, in words the prose can print; never "0%–0%".

Two groups are compared by the interval of their **difference**, never by whether their own
intervals overlap. Two estimators, named for what they compute:

- :func:`statistic_difference` (and :func:`ratio_difference`, :func:`mean_difference`): the
  *pooled* difference, the statistic of all of group a's sentences minus that of all of
  group b's. When the groups share articles the resampling is paired (each replicate draws
  articles once and recomputes both groups from them), but the estimate is not a
  within-article comparison: an article with many sentences of one group and none of the
  other weighs on one side only. Paired, it needs :data:`MIN_CLUSTERS` articles that have
  *both* groups.
- :func:`within_article_difference`: the *mean of within-article differences*, over the
  articles that have both groups, articles resampled; each article compared with itself.

The seed is fixed: the same inputs always give the same interval.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from statistics import NormalDist

import numpy as np
import pandas as pd

SEED = 20221  # fixed: intervals are part of the published numbers and must not move
N_BOOT = 2000
LEVEL = 0.95
# With fewer than five articles a percentile interval is made of a handful of distinct
# resamples (at most 35 for four articles) and says more about them than about the spread.
MIN_CLUSTERS = 5
# Below ten sentences the percentile interval of one article's share is mostly its extremes.
MIN_UNITS = 10


class _Bounds:
    """Unpacks as ``(estimate, low, high)``; ``has_interval`` when both bounds are finite."""

    estimate: float
    low: float
    high: float

    def __iter__(self):
        yield from (self.estimate, self.low, self.high)

    @property
    def has_interval(self) -> bool:
        return bool(np.isfinite(self.low) and np.isfinite(self.high))


@dataclass(frozen=True)
class Interval(_Bounds):
    """An estimate with its counts and its 95% interval, or the reason it has none.

    Unpacks as ``(estimate, low, high)``, like the tuples of earlier versions.

    Attributes
    ----------
    estimate, low, high : float
        ``low`` and ``high`` are NaN when there is no interval (see ``reason``).
    numerator, denominator : float
        The sums behind a ratio (k and n: quoted words and words, sentences coded and
        sentences); for a mean, the sum of values and the number of units.
    n_units, n_clusters : int
        Rows (sentences) and clusters (articles) the estimate rests on.
    resampled : str
        ``"articles"``, ``"sentences"`` or ``""`` (no interval).
    reason : str
        Why there is no interval ("3 articles: an interval needs at least 5"); ``""``
        when there is one.
    """

    estimate: float
    low: float
    high: float
    numerator: float = float("nan")
    denominator: float = float("nan")
    n_units: int = 0
    n_clusters: int = 0
    resampled: str = ""
    reason: str = ""


POOLED = "pooled"
WITHIN = "mean of within-article differences"


@dataclass(frozen=True)
class Difference(_Bounds):
    """``estimate_a − estimate_b`` with the interval of the difference itself.

    ``paired`` is True when the two groups share articles and the articles were resampled
    once for both (each replicate keeps both groups' sentences of the drawn articles).
    ``estimator`` says what the estimate is: :data:`POOLED` (group a's sentences pooled
    minus group b's) or :data:`WITHIN` (the mean over articles of each article's own
    difference); ``n_both`` counts the articles that have both groups.
    """

    a: Interval
    b: Interval
    estimate: float
    low: float
    high: float
    paired: bool
    resampled: str
    reason: str = ""
    estimator: str = POOLED
    n_both: int = 0

    def verdict(self, more: str = "higher than", less: str = "lower than",
                same: str = "not clearly different from",
                unknown: str = "too few to compare with") -> str:
        """Words for the comparison: ``more`` or ``less`` only when the interval of the
        difference excludes zero.

        Examples
        --------
        >>> a = b = Interval(0.5, 0.4, 0.6)
        >>> Difference(a, b, 0.2, 0.05, 0.3, True, "articles").verdict()
        'higher than'
        >>> Difference(a, b, 0.2, -0.05, 0.3, True, "articles").verdict()
        'not clearly different from'
        """
        if not self.has_interval:
            return unknown
        return more if self.low > 0 else less if self.high < 0 else same


def _cluster_sums(values: np.ndarray, clusters) -> tuple[np.ndarray, np.ndarray]:
    """Per-cluster column sums, clusters in a fixed order (sorted by their text)."""
    keys = pd.Series(np.asarray(clusters, dtype=object)).map(str)
    order = sorted(keys.unique())
    codes = pd.Categorical(keys, categories=order).codes
    sums = np.zeros((len(order), values.shape[1]))
    np.add.at(sums, codes, values)
    return sums, np.asarray(order, dtype=object)


def _replicate_sums(sums: np.ndarray, strata, n_boot: int, seed: int) -> np.ndarray:
    """Column sums of ``n_boot`` resamples of the rows of ``sums`` (within strata if given)."""
    rng = np.random.default_rng(seed)
    if strata is None:
        return sums[rng.integers(0, len(sums), size=(n_boot, len(sums)))].sum(axis=1)
    strata = pd.Series(np.asarray(strata, dtype=object)).map(str).to_numpy()
    total = np.zeros((n_boot, sums.shape[1]))
    for stratum in sorted(set(strata)):
        members = np.flatnonzero(strata == stratum)
        total += sums[members[rng.integers(0, len(members), size=(n_boot, len(members)))]
                      ].sum(axis=1)
    return total


def bootstrap_statistic(values, statistic: Callable[[np.ndarray], np.ndarray],
                        clusters=None, within=None, n_boot: int = N_BOOT, seed: int = SEED,
                        level: float = LEVEL, min_clusters: int = MIN_CLUSTERS,
                        min_units: int = MIN_UNITS):
    """The engine: any statistic of column sums, resampling the unit the claim is about.

    Parameters
    ----------
    values : array-like, shape (n_units, k)
        One row per unit (sentence); the statistic sees only column sums.
    statistic : callable
        Maps sums of shape ``(..., k)`` to values of shape ``(...)`` or ``(..., q)``.
    clusters : array-like, optional
        The article of each unit. With two or more articles, articles are resampled;
        with one (or none given), the units themselves.
    within : array-like, optional
        A stratum per unit (the outlet): clusters are resampled within their stratum.
    min_clusters, min_units : int
        Below these there is no interval.

    Returns
    -------
    (estimate, low, high, resampled, reason)
        Arrays of shape ``(q,)`` (or scalars); ``low``/``high`` NaN with a reason when no
        interval can be given.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    estimate = np.asarray(statistic(values.sum(axis=0)), dtype=float)
    nan = np.full(estimate.shape, np.nan)
    n_units = len(values)
    n_clusters = len(set(map(str, clusters))) if clusters is not None else 1
    if n_units == 0:
        return estimate, nan, nan, "", "no data"
    if clusters is not None and n_clusters >= 2:
        if n_clusters < min_clusters:
            return (estimate, nan, nan, "",
                    f"{n_clusters} articles: an interval needs at least {min_clusters}")
        sums, order = _cluster_sums(values, clusters)
        strata = None
        if within is not None:
            first = (pd.DataFrame({"c": pd.Series(np.asarray(clusters, dtype=object)).map(str),
                                   "s": np.asarray(within, dtype=object)})
                     .drop_duplicates("c").set_index("c")["s"])
            strata = first.reindex(order).to_numpy()
        resampled = "articles"
    else:
        if n_units < min_units:
            where = "one article" if clusters is not None else "the sample"
            return (estimate, nan, nan, "",
                    f"{n_units} sentences in {where}: an interval needs at least {min_units}")
        sums, strata, resampled = values, None, "sentences"
    replicates = np.asarray(statistic(_replicate_sums(sums, strata, n_boot, seed)), dtype=float)
    with warnings.catch_warnings():  # a statistic undefined in every resample (SMOG)
        warnings.simplefilter("ignore", RuntimeWarning)
        low, high = np.nanquantile(replicates, [(1 - level) / 2, (1 + level) / 2], axis=0)
    flat = np.isclose(low, high, rtol=0, atol=1e-12) | ~np.isfinite(estimate)
    if np.all(flat):
        return estimate, nan, nan, "", "every resample gives the same value"
    return estimate, np.where(flat, np.nan, low), np.where(flat, np.nan, high), resampled, ""


def _ratio(sums: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums[..., 0] / sums[..., 1]


def bootstrap_ratio(numerator, denominator, clusters=None, within=None, n_boot: int = N_BOOT,
                    seed: int = SEED, level: float = LEVEL, min_clusters: int = MIN_CLUSTERS,
                    min_units: int = MIN_UNITS) -> Interval:
    """Ratio of sums ``sum(numerator) / sum(denominator)`` with its counts and interval.

    Parameters
    ----------
    numerator, denominator : array-like
        One value per unit (sentence), e.g. quoted words and words.
    clusters : array-like, optional
        The article of each unit: with two or more articles, whole articles are
        resampled (the claim is about articles); with one, its sentences.
    within : array-like, optional
        Stratum of each unit (outlet): articles resampled within their outlet.

    Returns
    -------
    Interval
        Unpacks as ``(estimate, low, high)``; NaN interval and a ``reason`` below the
        minimums.

    Examples
    --------
    Two articles of five: one quotes everything, the others nothing.

    >>> ones = [1] * 10
    >>> est, lo, hi = bootstrap_ratio([1, 1] + [0] * 8, ones, list("aabbccddee"))
    >>> est, 0 <= lo < est < hi <= 0.6
    (0.2, True)
    >>> bootstrap_ratio([1, 0, 1], [1, 1, 1], ["a", "b", "c"]).reason
    '3 articles: an interval needs at least 5'
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    values = np.column_stack([num, den]) if len(num) else np.zeros((0, 2))
    n_clusters = len(set(map(str, clusters))) if clusters is not None else (1 if len(num) else 0)
    if den.sum() == 0:
        return Interval(float("nan"), float("nan"), float("nan"), float(num.sum()), 0.0,
                        len(num), n_clusters, "", "the denominator is zero")
    est, low, high, resampled, reason = bootstrap_statistic(
        values, _ratio, clusters, within, n_boot, seed, level, min_clusters, min_units)
    if reason == "every resample gives the same value":
        reason = (f"every resample gives the same value ({num.sum():g} of {den.sum():g})")
    return Interval(float(est), float(low), float(high), float(num.sum()), float(den.sum()),
                    len(num), n_clusters, resampled, reason)


def bootstrap_mean(values, clusters=None, within=None, n_boot: int = N_BOOT, seed: int = SEED,
                   level: float = LEVEL, min_clusters: int = MIN_CLUSTERS,
                   min_units: int = MIN_UNITS) -> Interval:
    """Mean with its interval (a ratio with a denominator of one per unit).

    Examples
    --------
    >>> bootstrap_mean([0.2] * 12).reason
    'every resample gives the same value (2.4 of 12)'
    """
    values = np.asarray(values, dtype=float)
    return bootstrap_ratio(values, np.ones_like(values), clusters, within, n_boot, seed,
                           level, min_clusters, min_units)


def grouped_ratio(frame: pd.DataFrame, by, numerator: str, denominator: str,
                  cluster: str | None = "doc_id", within: str | None = None,
                  **kwargs) -> pd.DataFrame:
    """:func:`bootstrap_ratio` per group: a group spanning several articles resamples its
    articles, a group inside one article its sentences.

    Returns
    -------
    pandas.DataFrame
        Index: the groups; columns ``estimate, low, high, n_units, n_articles``, the
        summed ``numerator`` and ``denominator``, ``resampled`` and ``reason``.

    Examples
    --------
    >>> f = pd.DataFrame({"g": ["a", "a", "b"], "doc_id": [1, 1, 2], "x": [1, 0, 1],
    ...                   "n": [1, 1, 1]})
    >>> table = grouped_ratio(f, "g", "x", "n")
    >>> table["estimate"].tolist(), table.loc["a", "reason"]
    ([0.5, 1.0], '2 sentences in one article: an interval needs at least 10')
    """
    rows = {}
    for key, group in frame.groupby(by, sort=True):
        result = bootstrap_ratio(group[numerator], group[denominator],
                                 group[cluster] if cluster else None,
                                 group[within] if within else None, **kwargs)
        rows[key] = {"estimate": result.estimate, "low": result.low, "high": result.high,
                     "n_units": result.n_units,
                     "n_articles": group[cluster].nunique() if cluster else np.nan,
                     numerator: group[numerator].sum(), denominator: group[denominator].sum(),
                     "resampled": result.resampled, "reason": result.reason}
    columns = ["estimate", "low", "high", "n_units", "n_articles", numerator, denominator,
               "resampled", "reason"]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(dict.fromkeys(columns)))
    if isinstance(by, (list, tuple)) and len(by) > 1 and len(table):
        table.index = pd.MultiIndex.from_tuples(table.index)
    return table


def grouped_mean(frame: pd.DataFrame, by, value: str, cluster: str | None = "doc_id",
                 within: str | None = None, **kwargs) -> pd.DataFrame:
    """:func:`bootstrap_mean` per group (see :func:`grouped_ratio`).

    Examples
    --------
    >>> f = pd.DataFrame({"g": ["a"] * 12, "doc_id": [1] * 12, "v": [0.0, 1.0] * 6})
    >>> row = grouped_mean(f, "g", "v").loc["a"]
    >>> float(row["estimate"]), row["resampled"], bool(row["low"] < 0.5 < row["high"])
    (0.5, 'sentences', True)
    """
    ones = frame.assign(_one=1.0)
    return grouped_ratio(ones, by, value, "_one", cluster, within, **kwargs).drop(
        columns="_one")


def statistic_difference(frame: pd.DataFrame, by: str, a, b, columns: list[str],
                         statistic: Callable[[np.ndarray], np.ndarray],
                         cluster: str | None = "doc_id", n_boot: int = N_BOOT, seed: int = SEED,
                         level: float = LEVEL, min_clusters: int = MIN_CLUSTERS,
                         min_units: int = MIN_UNITS) -> Difference:
    """The *pooled* difference: ``statistic`` of all of group ``a``'s rows minus that of
    all of group ``b``'s, with the interval of the difference.

    What is resampled depends on how the groups sit in the articles:

    - groups that share articles (quoted speech and narrative of the same articles) are
      resampled *paired*: each replicate draws articles once and recomputes both pooled
      statistics from them. The estimate is still pooled minus pooled, not a comparison
      of each article with itself (for that, :func:`within_article_difference`): an
      article with rows of one group only moves one side. There is an interval only when
      at least ``min_clusters`` articles have rows of *both* groups; below that the
      reason says how many do;
    - groups in different articles (two outlets) resample each group's own unit
      separately: its articles, or the sentences of its one article;
    - both groups inside one article resample their sentences.

    Parameters
    ----------
    columns : list of str
        The columns whose sums the statistic reads (``statistic(sums[..., k])``).
    statistic : callable
        As in :func:`bootstrap_statistic` (one value per set of sums).

    Examples
    --------
    Four articles with both groups and a fifth with group ``q`` only: too few pairs.

    >>> f = pd.DataFrame({"doc_id": list("aabbccddee"), "g": list("qnqnqnqnqq"),
    ...                   "x": [1.0, 0.0] * 4 + [1.0, 1.0], "one": 1.0})
    >>> d = statistic_difference(f, "g", "q", "n", ["x", "one"], _ratio)
    >>> d.estimate, d.n_both, d.reason
    (1.0, 4, 'only 4 articles have both groups, and an interval needs at least 5')
    """
    rows = frame[frame[by].isin([a, b])]
    in_a = (rows[by] == a).to_numpy()
    data = rows[list(columns)].to_numpy(float)
    k = data.shape[1]
    values = np.column_stack([data * in_a[:, None], data * ~in_a[:, None]])

    def difference(sums):
        with np.errstate(invalid="ignore", divide="ignore"):
            return statistic(sums[..., :k]) - statistic(sums[..., k:])

    ids = (rows[cluster].map(str).to_numpy() if cluster
           else np.zeros(len(rows)).astype(str))
    options = dict(n_boot=n_boot, seed=seed, level=level, min_clusters=min_clusters,
                   min_units=min_units)
    subs = []
    for mask in (in_a, ~in_a):
        est, low, high, resampled, reason = bootstrap_statistic(
            data[mask], statistic, ids[mask], **options)
        subs.append(Interval(float(est), float(low), float(high), n_units=int(mask.sum()),
                             n_clusters=len(set(ids[mask])), resampled=resampled,
                             reason=reason))
    estimate = float(difference(values.sum(axis=0)))
    both = set(ids[in_a]) & set(ids[~in_a])
    paired = bool(both) and len(set(ids)) >= 2

    def without(reason: str) -> Difference:
        return Difference(subs[0], subs[1], estimate, float("nan"), float("nan"), paired, "",
                          reason, POOLED, len(both))

    if not in_a.any() or in_a.all():
        return without(f"no units in group {b if in_a.all() else a!r}")
    if paired:
        if len(both) < min_clusters:
            return without(f"only {len(both)} article{'s have' if len(both) != 1 else ' has'} "
                           f"both groups, and an interval needs at least {min_clusters}")
        _, low, high, resampled, reason = bootstrap_statistic(
            values, difference, ids, None, **options)
        return Difference(subs[0], subs[1], estimate, float(low), float(high), True,
                          resampled, reason, POOLED, len(both))
    units = ids.astype(object)
    for name, mask in ((a, in_a), (b, ~in_a)):
        n_articles = len(set(ids[mask]))
        if n_articles >= 2 and n_articles < min_clusters:
            return without(f"{name}: {n_articles} articles: an interval needs at least "
                           f"{min_clusters}")
        if n_articles == 1:
            if mask.sum() < min_units:
                return without(f"{name}: {mask.sum()} sentences in one article: an interval "
                               f"needs at least {min_units}")
            units[mask] = [f"{name}#{i}" for i in range(mask.sum())]  # its sentences
    _, low, high, _, reason = bootstrap_statistic(
        values, difference, units, np.where(in_a, "a", "b"), n_boot, seed, level, 2, 1)
    kinds = {"sentences" if len(set(ids[m])) == 1 else "articles" for m in (in_a, ~in_a)}
    resampled = " and ".join(sorted(kinds)) if not reason else ""
    return Difference(subs[0], subs[1], estimate, float(low), float(high), False, resampled,
                      reason, POOLED, len(both))


def within_article_difference(frame: pd.DataFrame, by: str, a, b, columns: list[str],
                              statistic: Callable[[np.ndarray], np.ndarray],
                              cluster: str = "doc_id", n_boot: int = N_BOOT, seed: int = SEED,
                              level: float = LEVEL,
                              min_clusters: int = MIN_CLUSTERS) -> Difference:
    """The *mean of within-article differences*: in each article that has rows of both
    groups, ``statistic`` of its group-``a`` rows minus that of its group-``b`` rows; then
    the mean over those articles, with an interval that resamples them.

    Each article is compared with itself, so what differs between articles (an outlet's
    style, an article's length) does not enter the difference, and every such article
    counts once, whatever its size. Articles with one group only are left out. Below
    ``min_clusters`` such articles there is no interval. ``a`` and ``b`` of the result are
    the means of the articles' own statistics of each group, over the same articles.

    Examples
    --------
    Article ``a``: group q at 1.0, n at 0.0 (difference 1); article ``b``: q at 0.5, n at
    0.5 (difference 0); article ``c`` has no n row and is left out.

    >>> f = pd.DataFrame({"doc_id": list("aabbbc"), "g": list("qnqqnq"),
    ...                   "x": [1.0, 0.0, 1.0, 0.0, 0.5, 1.0], "one": 1.0})
    >>> d = within_article_difference(f, "g", "q", "n", ["x", "one"], _ratio)
    >>> d.estimate, d.n_both, d.estimator, d.reason
    (0.5, 2, 'mean of within-article differences', '2 articles: an interval needs at least 5')
    """
    rows = frame[frame[by].isin([a, b])]
    keys = rows[cluster].map(str)
    sums = rows.assign(_key=keys.to_numpy()).groupby(["_key", by])[list(columns)].sum()
    per_group = {}
    for name in (a, b):
        part = sums.xs(name, level=by) if name in sums.index.get_level_values(by) else \
            sums.iloc[:0].droplevel(by)
        with np.errstate(invalid="ignore", divide="ignore"):
            per_group[name] = pd.Series(np.asarray(statistic(part.to_numpy(float)), dtype=float),
                                        index=part.index)
    common = sorted(set(per_group[a].index) & set(per_group[b].index))
    own_a, own_b = per_group[a].reindex(common), per_group[b].reindex(common)
    gaps = (own_a - own_b).dropna()
    options = dict(n_boot=n_boot, seed=seed, level=level, min_clusters=min_clusters,
                   min_units=min_clusters)
    if gaps.empty:
        nan = float("nan")
        missing = [str(g) for g in (a, b) if per_group[g].empty]
        reason = (f"no units in group {missing[0]!r}" if missing
                  else "no article has both groups")
        return Difference(Interval(nan, nan, nan), Interval(nan, nan, nan), nan, nan, nan,
                          True, "", reason, WITHIN, 0)
    ids = list(gaps.index)
    result = bootstrap_mean(gaps.to_numpy(), ids, **options)
    reason = result.reason
    if len(ids) < min_clusters:
        reason = (f"{len(ids)} article{'s' if len(ids) != 1 else ''}: an interval needs at "
                  f"least {min_clusters}")
    side = [bootstrap_mean(s.reindex(ids).to_numpy(), ids, **options) for s in (own_a, own_b)]
    return Difference(side[0], side[1], result.estimate, result.low, result.high, True,
                      result.resampled, reason, WITHIN, len(ids))


def ratio_difference(frame: pd.DataFrame, by: str, a, b, numerator: str, denominator: str,
                     cluster: str | None = "doc_id", **kwargs) -> Difference:
    """Ratio of sums of group ``a`` minus that of group ``b`` (see
    :func:`statistic_difference`), each group's own interval with its counts.

    Examples
    --------
    Five articles, each with two quoted sentences and two narrative ones.

    >>> f = pd.DataFrame({"doc_id": np.repeat(list("abcde"), 4),
    ...                   "voice": ["q", "q", "n", "n"] * 5, "x": [1, 1, 0, 0] * 5,
    ...                   "one": 1.0})
    >>> d = ratio_difference(f, "voice", "q", "n", "x", "one")
    >>> d.estimate, d.paired, d.reason, d.a.numerator
    (1.0, True, 'every resample gives the same value', 10.0)
    """
    result = statistic_difference(frame, by, a, b, [numerator, denominator], _ratio, cluster,
                                  **kwargs)
    groups = []
    for name in (a, b):
        rows = frame[frame[by] == name]
        groups.append(bootstrap_ratio(rows[numerator], rows[denominator],
                                      rows[cluster] if cluster else None, **kwargs))
    return replace(result, a=groups[0], b=groups[1])


def mean_difference(frame: pd.DataFrame, by: str, a, b, value: str,
                    cluster: str | None = "doc_id", **kwargs) -> Difference:
    """Mean of group ``a`` minus mean of group ``b`` (see :func:`ratio_difference`).

    Examples
    --------
    >>> f = pd.DataFrame({"doc_id": np.repeat(list("abcde"), 4),
    ...                   "voice": ["q", "q", "n", "n"] * 5,
    ...                   "v": [0.5, 0.3, 0.1, 0.0, 0.4, 0.4, 0.2, 0.1, 0.6, 0.2, 0.0, 0.0,
    ...                         0.3, 0.5, 0.2, 0.1, 0.5, 0.4, 0.0, 0.2]})
    >>> d = mean_difference(f, "voice", "q", "n", "v")
    >>> round(d.estimate, 2), d.verdict(), d.paired
    (0.32, 'higher than', True)
    """
    return ratio_difference(frame.assign(_one=1.0), by, a, b, value, "_one", cluster, **kwargs)


def wilson_interval(k: int, n: int, level: float = LEVEL) -> tuple[float, float, float]:
    """A proportion ``k / n`` with its Wilson score interval (good for small n).

    Examples
    --------
    >>> [round(x, 3) for x in wilson_interval(3, 4)]
    [0.75, 0.301, 0.954]
    """
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    z = NormalDist().inv_cdf((1 + level) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return p, max(0.0, centre - half), min(1.0, centre + half)
