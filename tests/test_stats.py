"""Uncertainty over the right unit, checked against bootstrap distributions worked out
exactly (by enumerating every resample) rather than against the code's own output."""

import itertools
import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from analysis.prose import describe_mean
from analysis.stats import (
    MIN_CLUSTERS,
    MIN_UNITS,
    WITHIN,
    Interval,
    _ratio,
    bootstrap_mean,
    bootstrap_ratio,
    grouped_mean,
    grouped_ratio,
    mean_difference,
    ratio_difference,
    wilson_interval,
    within_article_difference,
)

# Tolerance for a 2,000-replicate percentile against the exact one.
STEP = 0.05


def exact_quantiles(values, probabilities, levels=(0.025, 0.975)):
    """Lower and upper quantiles of a discrete distribution (smallest v with CDF >= p)."""
    order = np.argsort(values)
    values, cdf = np.asarray(values)[order], np.cumsum(np.asarray(probabilities)[order])
    return [values[np.searchsorted(cdf, p - 1e-12)] for p in levels]


def articles(levels, per_article=4):
    """One row per sentence: article i has ``levels[i]`` of its sentences quoted."""
    rows = []
    for i, k in enumerate(levels):
        rows += [{"doc_id": f"art{i}", "x": float(j < k), "one": 1.0} for j in range(per_article)]
    return pd.DataFrame(rows)


def test_articles_are_resampled_for_a_claim_about_several_articles():
    # Five articles of four sentences quoting 0, 1, 2, 3 and 4 of them. Resampling whole
    # articles, the share is the mean of five draws from {0, .25, .5, .75, 1}: enumerate.
    frame = articles([0, 1, 2, 3, 4])
    result = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    assert result.resampled == "articles" and result.reason == ""
    assert (result.numerator, result.denominator, result.n_units, result.n_clusters) == (
        10, 20, 20, 5)
    draws = [sum(c) / 20 for c in itertools.product(range(5), repeat=5)]
    low, high = exact_quantiles(draws, [1 / len(draws)] * len(draws))
    assert result.estimate == 0.5
    assert abs(result.low - low) <= STEP and abs(result.high - high) <= STEP


def test_articles_that_agree_leave_no_spread_to_report():
    # Every article quotes 4 of its 10 sentences: resampling articles cannot move the share,
    # while resampling sentences (the old unit) would report a wide interval.
    frame = articles([4] * 5, per_article=10)
    by_article = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    assert by_article.estimate == 0.4 and not by_article.has_interval
    assert by_article.reason == "every resample gives the same value (20 of 50)"
    by_sentence = bootstrap_ratio(frame["x"], frame["one"])
    assert by_sentence.resampled == "sentences" and by_sentence.high - by_sentence.low > 0.2


def test_an_interval_never_leaves_the_range_of_the_articles():
    # A ratio of sums over resampled articles always lies between the smallest and the
    # largest article ratio (of unequal sizes here), whatever the draw.
    rows = []
    for doc, (k, n) in enumerate([(3, 10), (9, 12), (1, 8), (6, 15), (12, 20), (2, 3)]):
        rows += [{"doc_id": doc, "x": float(j < k), "one": 1.0} for j in range(n)]
    frame = pd.DataFrame(rows)
    result = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    assert 1 / 8 <= result.low < result.estimate < result.high <= 2 / 3
    assert result.estimate == pytest.approx(33 / 68)


def test_one_article_resamples_its_sentences():
    # 3 of 12 sentences: resampling them makes the count Binomial(12, 1/4).
    frame = articles([3], per_article=12)
    result = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    assert result.resampled == "sentences" and result.n_clusters == 1
    support = [k / 12 for k in range(13)]
    probabilities = [math.comb(12, k) * 0.25 ** k * 0.75 ** (12 - k) for k in range(13)]
    low, high = exact_quantiles(support, probabilities)
    assert abs(result.low - low) <= 1 / 12 and abs(result.high - high) <= 1 / 12


@pytest.mark.parametrize("levels, per_article, reason", [
    ([1, 0, 1], 4, f"3 articles: an interval needs at least {MIN_CLUSTERS}"),
    ([2], MIN_UNITS - 3,
     f"{MIN_UNITS - 3} sentences in one article: an interval needs at least {MIN_UNITS}"),
    ([0], 24, "every resample gives the same value (0 of 24)"),
    ([0] * 5, 4, "every resample gives the same value (0 of 20)"),
])
def test_below_the_minimum_there_is_no_interval_and_a_reason(levels, per_article, reason):
    frame = articles(levels, per_article)
    result = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    assert np.isnan(result.low) and np.isnan(result.high) and not result.has_interval
    assert result.reason == reason
    text = describe_mean(result, "{:.0%}")  # the words the book prints for it
    assert "no interval" in text and "0% to 0%" not in text and reason in text
    assert f"{len(frame)} sentences in {len(levels)} article" in text


def test_no_words_no_estimate():
    result = bootstrap_ratio([0, 0], [0, 0], ["a", "b"])
    assert np.isnan(result.estimate) and result.reason == "the denominator is zero"
    assert describe_mean(result).startswith("no estimate (the denominator is zero")


def test_resampling_articles_within_outlets_keeps_each_outlets_articles():
    # Outlet A's five articles quote everything, outlet B's five nothing. Within outlets,
    # every replicate keeps five of each: the share cannot move. Pooled, it can.
    frame = pd.concat([articles([4] * 5).assign(outlet="A"),
                       articles([0] * 5).assign(outlet="B",
                                                doc_id=lambda t: "b" + t["doc_id"])])
    within = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"], frame["outlet"])
    pooled = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    assert within.estimate == pooled.estimate == 0.5
    assert not within.has_interval
    assert pooled.has_interval and pooled.low < 0.4 and pooled.high > 0.6


def test_each_group_resamples_the_unit_it_is_made_of():
    one = articles([3], per_article=12).assign(g="one article")
    five = articles([0, 1, 2, 3, 4]).assign(g="five articles",
                                             doc_id=lambda t: "f" + t["doc_id"])
    three = articles([1, 2, 3]).assign(g="three articles", doc_id=lambda t: "t" + t["doc_id"])
    table = grouped_ratio(pd.concat([one, five, three]), "g", "x", "one")
    assert table.loc["one article", "resampled"] == "sentences"
    assert table.loc["five articles", "resampled"] == "articles"
    assert table.loc["three articles", "reason"] == (
        f"3 articles: an interval needs at least {MIN_CLUSTERS}")
    assert table["n_articles"].to_dict() == {"five articles": 5, "one article": 1,
                                             "three articles": 3}
    assert table["n_units"].to_dict() == {"five articles": 20, "one article": 12,
                                          "three articles": 12}
    assert table.loc["five articles", "estimate"] == 0.5


def test_grouped_mean_is_the_mean_of_each_group():
    frame = pd.DataFrame({"g": ["a"] * 3 + ["b"] * 2, "doc_id": [1, 1, 2, 3, 3],
                          "v": [0.1, 0.2, 0.6, -0.5, 0.5]})
    table = grouped_mean(frame, "g", "v")
    assert table["estimate"].round(12).tolist() == [0.3, 0.0]
    assert table.loc["a", "reason"] == f"2 articles: an interval needs at least {MIN_CLUSTERS}"


def paired_articles():
    """Five articles whose overall level differs a lot, with quoted sentences a little
    warmer than narrative ones in each (by 0.25, 0.3, 0.35, 0.3, 0.3)."""
    levels, gaps = [0.0, 0.2, 0.4, 0.6, 0.8], [0.25, 0.3, 0.35, 0.3, 0.3]
    rows = []
    for i, (level, gap) in enumerate(zip(levels, gaps)):
        rows += [{"doc_id": f"d{i}", "voice": "quoted", "v": level + gap}] * 2
        rows += [{"doc_id": f"d{i}", "voice": "narrative", "v": level}] * 2
    return pd.DataFrame(rows), gaps


def test_a_paired_difference_resamples_the_shared_articles_once():
    frame, gaps = paired_articles()
    difference = mean_difference(frame, "voice", "quoted", "narrative", "v")
    assert difference.paired and difference.resampled == "articles"
    assert difference.estimate == pytest.approx(np.mean(gaps))
    # Equal article sizes: each replicate's difference is the mean gap of the drawn articles.
    draws = [np.mean(c) for c in itertools.product(gaps, repeat=5)]
    low, high = exact_quantiles(draws, [1 / len(draws)] * len(draws))
    assert abs(difference.low - low) <= 0.01 and abs(difference.high - high) <= 0.01
    assert difference.verdict() == "higher than"
    # The groups' own intervals overlap: overlap would have called this "no difference".
    a, b = difference.a, difference.b
    assert a.low < b.high and b.low < a.high


def test_the_pooled_difference_is_pooled_minus_pooled_not_a_within_article_one():
    # Hand-worked: article A has 3 quoted sentences at 1.0 and 1 narrative at 0.8 (its own
    # gap +0.2); B has 1 quoted at 0.0 and 3 narrative at 0.2 (gap −0.2); C–E have one of
    # each at 0.5 (gap 0). Pooled: quoted (3.0 + 0.0 + 1.5) / 7, narrative
    # (0.8 + 0.6 + 1.5) / 7, so +1.6 / 7 = +0.229, while each article's own gaps average 0:
    # pooling lets A's extra quoted sentences and B's extra narrative ones pull the two
    # sides apart.
    rows = ([("A", "q", 1.0)] * 3 + [("A", "n", 0.8)] + [("B", "q", 0.0)]
            + [("B", "n", 0.2)] * 3 + [(d, v, 0.5) for d in "CDE" for v in "qn"])
    frame = pd.DataFrame(rows, columns=["doc_id", "voice", "v"])
    pooled = mean_difference(frame, "voice", "q", "n", "v")
    assert pooled.estimate == pytest.approx(4.5 / 7 - 2.9 / 7)
    assert pooled.paired and pooled.n_both == 5 and pooled.has_interval
    within = within_article_difference(frame.assign(one=1.0), "voice", "q", "n", ["v", "one"],
                                       _ratio)
    assert within.estimator == WITHIN and within.n_both == 5
    assert within.estimate == pytest.approx(0.0)
    # Resampling the five gaps (+0.2, −0.2, 0, 0, 0): the exact percentile interval.
    draws = [np.mean(c) for c in itertools.product([0.2, -0.2, 0, 0, 0], repeat=5)]
    low, high = exact_quantiles(draws, [1 / len(draws)] * len(draws))
    assert abs(within.low - low) <= 0.01 and abs(within.high - high) <= 0.01
    assert within.verdict() == "not clearly different from"
    # Each side: the mean over articles of that article's own mean.
    assert within.a.estimate == pytest.approx((1.0 + 0.0 + 0.5 * 3) / 5)
    assert within.b.estimate == pytest.approx((0.8 + 0.2 + 0.5 * 3) / 5)


def test_a_paired_difference_needs_the_minimum_of_articles_that_have_both_groups():
    # Five articles with quoted speech, four of them with narrative too (the fifth is all
    # quotation, like an editorial set apart): the pooled difference is computed, but four
    # pairs are below the minimum of five, so there is no interval, and the reason says so.
    frame, _ = paired_articles()
    frame = frame[~((frame["doc_id"] == "d4") & (frame["voice"] == "narrative"))]
    difference = mean_difference(frame, "voice", "quoted", "narrative", "v")
    assert difference.paired and difference.n_both == 4 and not difference.has_interval
    assert difference.reason == (
        f"only 4 articles have both groups, and an interval needs at least {MIN_CLUSTERS}")
    assert difference.verdict() == "too few to compare with"
    # The group's own intervals are still given (5 and 4 articles).
    assert difference.a.has_interval and not difference.b.has_interval
    within = within_article_difference(frame.assign(one=1.0), "voice", "quoted", "narrative",
                                       ["v", "one"], _ratio)
    assert within.n_both == 4 and not within.has_interval
    assert within.estimate == pytest.approx(np.mean([0.25, 0.3, 0.35, 0.3]))
    assert within.reason == f"4 articles: an interval needs at least {MIN_CLUSTERS}"


def test_a_within_article_difference_without_pairs_says_so():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "voice": ["q", "n"], "v": [1.0, 0.0],
                          "one": 1.0})
    d = within_article_difference(frame, "voice", "q", "n", ["v", "one"], _ratio)
    assert np.isnan(d.estimate) and d.reason == "no article has both groups"
    d = within_article_difference(frame, "voice", "q", "nobody", ["v", "one"], _ratio)
    assert d.reason == "no units in group 'nobody'"


def test_groups_in_different_articles_resample_each_groups_articles():
    one = articles([0, 1, 2, 3, 4]).assign(outlet="A")
    two = articles([1, 2, 2, 3, 4]).assign(outlet="B", doc_id=lambda t: "b" + t["doc_id"])
    difference = ratio_difference(pd.concat([one, two]), "outlet", "B", "A", "x", "one")
    assert not difference.paired and difference.resampled == "articles"
    assert difference.estimate == pytest.approx(0.6 - 0.5)
    # Exact: independent means of five draws each; the difference of the two.
    mean_a = np.array([sum(c) / 20 for c in itertools.product([0, 1, 2, 3, 4], repeat=5)])
    mean_b = np.array([sum(c) / 20 for c in itertools.product([1, 2, 2, 3, 4], repeat=5)])
    values_a, counts_a = np.unique(mean_a, return_counts=True)
    values_b, counts_b = np.unique(mean_b, return_counts=True)
    diffs = (values_b[:, None] - values_a[None, :]).ravel()
    weights = (counts_b[:, None] * counts_a[None, :]).ravel() / (len(mean_a) * len(mean_b))
    low, high = exact_quantiles(diffs, weights)
    assert abs(difference.low - low) <= STEP and abs(difference.high - high) <= STEP
    assert difference.verdict() == "not clearly different from"


def test_a_difference_inside_one_article_resamples_sentences_and_states_its_minimum():
    frame = pd.DataFrame({"doc_id": "a", "voice": ["q"] * 12 + ["n"] * 12,
                          "v": [0.5, 0.4] * 6 + [0.0, 0.1] * 6})
    difference = mean_difference(frame, "voice", "q", "n", "v")
    assert not difference.paired and difference.resampled == "sentences"
    assert difference.estimate == pytest.approx(0.4) and difference.low > 0
    short = frame.iloc[:15]  # 12 quoted, 3 narrative
    too_few = mean_difference(short, "voice", "q", "n", "v")
    assert not too_few.has_interval
    assert too_few.reason == (
        f"n: 3 sentences in one article: an interval needs at least {MIN_UNITS}")
    assert too_few.verdict() == "too few to compare with"


def test_a_missing_group_is_said_not_guessed():
    frame, _ = paired_articles()
    difference = mean_difference(frame, "voice", "quoted", "nobody", "v")
    assert np.isnan(difference.low) and difference.reason == "no units in group 'nobody'"


def test_same_inputs_any_row_order_same_interval():
    frame = articles([0, 1, 2, 3, 4, 2, 1])
    first = bootstrap_ratio(frame["x"], frame["one"], frame["doc_id"])
    shuffled = frame.sample(frac=1, random_state=3)
    again = bootstrap_ratio(shuffled["x"], shuffled["one"], shuffled["doc_id"])
    assert tuple(first) == tuple(again)


def test_intervals_unpack_like_the_old_tuples():
    estimate, low, high = bootstrap_mean([0.0, 1.0] * 6)
    assert estimate == 0.5 and low < 0.5 < high
    assert isinstance(bootstrap_mean([1.0]), Interval)


def test_wilson_interval_by_hand():
    # k = 0: the upper bound is z² / (n + z²).
    z = NormalDist().inv_cdf(0.975)
    p, low, high = wilson_interval(0, 7)
    assert (p, low) == (0.0, 0.0) and high == pytest.approx(z * z / (7 + z * z))
    assert high == pytest.approx(0.3543, abs=1e-4)
    p, low, high = wilson_interval(5, 5)
    assert high == 1.0 and low == pytest.approx(5 / (5 + z * z))
    assert all(np.isnan(wilson_interval(0, 0)))


def test_the_seeds_quoted_share_resamples_articles(corpus):
    from analysis import analyse

    sents = analyse(corpus).sentences
    result = bootstrap_ratio(sents["quoted_words"], sents["n_words"], sents["doc_id"])
    per_article = sents.groupby("doc_id")[["quoted_words", "n_words"]].sum()
    shares = per_article["quoted_words"] / per_article["n_words"]
    assert result.resampled == "articles" and result.n_clusters == len(corpus)
    assert shares.min() <= result.low < result.high <= shares.max()
    assert result.numerator == per_article["quoted_words"].sum()
