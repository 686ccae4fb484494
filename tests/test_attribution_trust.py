"""How far to trust the attribution: the book cites the committed evaluation as measured."""

from __future__ import annotations

import pandas as pd

from analysis import attribution_trust
from analysis.evaluate import read_result
from analysis.pipeline import analyse

from .conftest import ROOT


def test_the_held_out_scores_are_cited_with_interval_n_date_and_data():
    result = read_result("quotes")
    texts = attribution_trust.evaluation_phrases(result)
    held = result["metrics"]["held-out"]
    named = held["named_agreement"]
    assert texts["named"] == (f"{named['value']:.0%} (95% interval {named['low']:.0%} to "
                              f"{named['high']:.0%}; n = {named['n']:,} quotations with a "
                              "named source)")
    # Both precision figures, each named for what it counts (the book prints both).
    credited, extracted = held["precision_credited"], held["precision"]
    assert texts["precision"].startswith(f"{credited['value']:.0%} ")
    assert f"n = {credited['n']:,} credited quotations" in texts["precision"]
    assert texts["precision_all"].startswith(f"{extracted['value']:.0%} ")
    assert f"n = {extracted['n']:,} extracted quotations" in texts["precision_all"]
    assert texts["data"] == result["description"] and "PolNeAR" in texts["data"]
    assert texts["articles"] == f"{held['articles']:,}"
    assert pd.Timestamp(result["date"]).year == int(texts["date"].split()[-1])
    assert texts["pair_articles"] == f"{result['metrics']['two_annotators']['articles']:,}"


def test_a_score_without_interval_says_so():
    text = attribution_trust.metric_phrase({"value": 0.5, "low": None, "high": None, "n": 3})
    assert text == "50% (no interval; n = 3 quotations)"


def test_the_seeds_check_is_an_upper_bound_and_other_corpora_say_they_have_none(corpus):
    gold = pd.read_csv(ROOT / "tests" / "data" / "quotes_gold.csv", keep_default_na=False)
    quotes = analyse(corpus).quotes
    text = attribution_trust.gold_phrase(quotes, gold, corpus["doc_id"])
    n_full = int((gold["kind"] == "full").sum())
    assert f"it finds {n_full} of {n_full} full quotations" in text
    assert text.endswith("so this is an upper bound, not an estimate.")
    other = attribution_trust.gold_phrase(quotes, gold, ["bbc-politics-001"])
    assert other.startswith("No article of this corpus has a hand-made list")
