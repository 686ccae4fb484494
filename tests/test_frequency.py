"""Tokens, frequencies, collocations and log-odds on hand-computed examples."""

import math
from collections import Counter

import pandas as pd
import pytest

from analysis.frequency import (
    collocations,
    distinctive_terms,
    log_odds,
    normalise,
    rate_intervals,
    token_table,
    tokenize,
    top_terms,
)


def test_us_the_country_is_not_us_the_pronoun():
    assert tokenize("The US and the U.S. told us.", drop_stopwords=False) == [
        "the", "US", "and", "the", "US", "told", "us"]
    assert "US" in tokenize("The US helped us.")


def test_possessives_and_curly_apostrophes():
    assert normalise("Russia’s") == "russia"
    assert normalise("Britain's") == "britain"
    assert tokenize("We’re ready and it’s clear.") == ["ready", "clear"]


def test_stopwords_and_numbers_are_dropped():
    assert tokenize("The 2,000 troops said that they were ready") == ["troops", "ready"]


def test_top_terms_rates_per_thousand():
    tokens = pd.DataFrame({"g": ["a"] * 5 + ["b"] * 2,
                           "token": ["war", "war", "peace", "deal", "deal", "war", "trade"]})
    table = top_terms(tokens, "g", n=2)
    a = table[table["group"] == "a"]
    assert a["token"].tolist() == ["deal", "war"]  # tie broken alphabetically
    assert a["per_1000"].tolist() == [400.0, 400.0]
    assert (a["n_tokens"] == 5).all()


def test_log_odds_z_score_by_hand():
    a, b = Counter(war=3, peace=1), Counter(war=1, peace=3)
    table = log_odds(a, b)  # prior: the pooled counts, war=4, peace=4, a0=8
    # delta(war) = log((3+4)/(4+8-3-4)) - log((1+4)/(4+8-1-4)) = log(7/5) - log(5/7)
    delta = math.log(7 / 5) - math.log(5 / 7)
    var = 1 / 7 + 1 / 5
    assert table.loc["war", "delta"] == pytest.approx(delta)
    assert table.loc["war", "z"] == pytest.approx(delta / math.sqrt(var))
    assert table.loc["peace", "z"] == pytest.approx(-delta / math.sqrt(var))


def test_log_odds_with_an_external_prior():
    table = log_odds(Counter(x=2), Counter(x=0, y=2), prior=Counter(x=10, y=10))
    assert table.loc["x", "z"] > 0 > table.loc["y", "z"]


def test_collocations_have_a_frequency_floor():
    sents = [["special", "relationship"], ["special", "relationship"], ["rare", "pair"]]
    assert collocations(sents, min_count=2)["bigram"].tolist() == ["special relationship"]
    assert "rare pair" in collocations(sents, min_count=1, measure="pmi")["bigram"].tolist()


def test_distinctive_terms_against_the_rest():
    tokens = pd.DataFrame({"g": ["a"] * 4 + ["b"] * 4,
                           "token": ["war", "war", "war", "deal", "trade", "trade", "trade",
                                     "deal"]})
    table = distinctive_terms(tokens, "g", n=1)
    assert table.set_index("group")["token"].to_dict() == {"a": "war", "b": "trade"}
    assert (table["z"] > 0).all()


def test_rate_intervals_bracket_the_rate():
    sents = pd.DataFrame({"doc_id": ["d"] * 4, "sentence": [1, 2, 3, 4], "g": ["a"] * 4,
                          "text": ["War now.", "War again.", "Peace talks.", "Trade deal."]})
    tokens = token_table(sents)
    top = top_terms(tokens, "g", n=1)
    # Four sentences are under the minimum for an interval (analysis.stats.MIN_UNITS) ...
    row = rate_intervals(tokens, top, "g", n_boot=500).iloc[0]
    assert row["token"] == "war" and pd.isna(row["low"]) and pd.isna(row["high"])
    # ... which, lowered, gives an interval around the rate.
    row = rate_intervals(tokens, top, "g", n_boot=500, min_units=1).iloc[0]
    assert row["low"] <= row["per_1000"] <= row["high"]


def test_fast_tokenizer_agrees_with_nltk(corpus):
    from analysis.frequency import _TOKENS, NLTK_TOKENIZER

    for text in corpus["text"]:
        assert _TOKENS.findall(text) == NLTK_TOKENIZER.tokenize(text)


def test_the_token_cache_stays_bounded_and_exact(monkeypatch):
    # Millions of articles bring millions of forms; past its bound the cache stops growing
    # and counts are worked out afresh, with the same result.
    from collections import Counter

    from analysis import frequency, memo

    text = "Zorblat zorblats the Quixlor’s QUIXLOR, and zorblat again."
    monkeypatch.setattr(memo, "LIMIT", len(frequency._FORMS))
    before = len(frequency._FORMS)
    assert frequency.count_tokens(text) == Counter(frequency.tokenize(text))
    assert len(frequency._FORMS) == before
