"""Sentiment: VADER fed untouched, per sentence, with a second lexicon for comparison."""

import pandas as pd
import pytest

from analysis import sentences
from analysis.sentiment import (
    NEGATIVE,
    POSITIVE,
    TARGETS,
    label,
    lexicon_agreement,
    score_sentences,
    score_sentiment,
    vader_fidelity,
)

from .conftest import SHARED

NYT = SHARED / "external" / "vader" / "nytEditorialSnippets_GroundTruth.txt"


def compound(text):
    return score_sentiment([text]).loc[0, "compound"]


def test_returns_one_row_per_text_with_the_four_scores():
    table = score_sentiment(["Good.", "Bad.", ""])
    assert table.columns.tolist() == ["neg", "neu", "pos", "compound"]
    assert len(table) == 3
    assert table[["neg", "neu", "pos"]].sum(axis=1).round(2).isin([0.0, 1.0]).all()


def test_a_clearly_positive_sentence_is_positive():
    assert compound("The talks were a great success and both leaders were delighted.") >= 0.5


def test_negation_turns_praise_negative():
    assert compound("The talks were a success.") > POSITIVE
    assert compound("The talks were not a success.") < compound("The talks were a success.")
    assert compound("The talks were not a success.") <= 0


def test_capitals_and_exclamation_marks_reach_vader():
    """Lowercasing or stripping punctuation before scoring would make these equal."""
    plain = compound("The deal is good.")
    assert compound("The deal is GOOD.") > plain
    assert compound("The deal is good!!!") > plain
    assert compound("The deal is good, but the timing is bad.") != compound(
        "the deal is good the timing is bad")


def test_labels_use_the_vader_thresholds():
    assert label([POSITIVE, POSITIVE - 1e-9, 0.0, NEGATIVE + 1e-9, NEGATIVE]).tolist() == [
        "positive", "neutral", "neutral", "neutral", "negative"]


def test_sentences_are_scored_one_by_one(corpus):
    table = score_sentences(sentences(corpus))
    assert len(table) == len(sentences(corpus))
    assert table["compound"].between(-1, 1).all()
    # Whole articles would saturate; sentences spread out.
    assert table["compound"].abs().median() < 0.9
    for target in TARGETS:
        assert table[target].any()


def test_afinn_is_an_independent_second_opinion(corpus):
    table = score_sentences(sentences(corpus))
    agreement = lexicon_agreement(table)
    assert agreement["n"] == len(table)
    assert 0 < agreement["pearson"] < 0.99  # related, not the same lexicon


def test_reproduces_the_vader_papers_fidelity_on_news_editorials():
    if not NYT.exists():
        pytest.skip(f"{NYT} is absent: cannot check VADER against human ratings")
    result = vader_fidelity(NYT)
    assert result["n"] == 5190
    assert result["r"] >= 0.49, result


def test_empty_input():
    assert score_sentiment([]).empty
    assert score_sentences(pd.DataFrame({"text": []})).empty
