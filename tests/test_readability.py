"""Readability formulas on texts whose counts are known by hand."""

import math

import pandas as pd
import pytest

from analysis.readability import (
    SMOG_MIN_SENTENCES,
    counts_table,
    grouped_readability,
    readability_scores,
)

# 9 words, 2 sentences, 9 syllables (all one-syllable words), 26 letters.
SHORT = "The cat sat on the mat. The dog ran."


def test_counts_of_a_hand_counted_text():
    scores = readability_scores(SHORT)
    assert scores["words"] == 9
    assert scores["sentences"] == 2
    assert scores["mean_sentence_length"] == 4.5
    assert scores["mean_syllables_per_word"] == 1.0


def test_flesch_and_kincaid_by_hand():
    scores = readability_scores(SHORT)
    assert scores["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 4.5 - 84.6 * 1.0)
    assert scores["flesch_kincaid_grade"] == pytest.approx(0.39 * 4.5 + 11.8 * 1.0 - 15.59)


def test_coleman_liau_and_fog_by_hand():
    scores = readability_scores(SHORT)
    assert scores["coleman_liau"] == pytest.approx(0.0588 * 2600 / 9 - 0.296 * 200 / 9 - 15.8)
    assert scores["gunning_fog"] == pytest.approx(0.4 * 4.5)  # no word of 3+ syllables


def test_smog_needs_thirty_sentences():
    assert math.isnan(readability_scores(SHORT)["smog"])
    # "Elephants" and "enormous" have three syllables each: 2 polysyllables a sentence.
    text = " ".join(["Elephants are enormous."] * SMOG_MIN_SENTENCES)
    scores = readability_scores(text)
    assert scores["sentences"] == SMOG_MIN_SENTENCES
    assert scores["smog"] == pytest.approx(1.043 * math.sqrt(60 * 30 / 30) + 3.1291)


def test_dale_chall_counts_unfamiliar_words():
    easy = readability_scores("The cat sat on the mat.")["dale_chall"]
    hard = readability_scores("The plenipotentiary repudiated the memorandum.")["dale_chall"]
    assert hard > easy


def test_harder_text_scores_harder():
    plain = readability_scores("We met. We talked. We agreed.")
    dense = readability_scores("The bilateral consultations encompassed comprehensive "
                               "deliberations regarding multilateral security architecture.")
    assert dense["flesch_kincaid_grade"] > plain["flesch_kincaid_grade"]
    assert dense["flesch_reading_ease"] < plain["flesch_reading_ease"]


def test_empty_text_gives_no_numbers():
    scores = readability_scores("")
    assert scores["words"] == 0 and math.isnan(scores["flesch_reading_ease"])


def test_grouped_scores_carry_intervals_and_n(corpus):
    from analysis import sentences

    sents = sentences(corpus)
    counts = pd.concat([sents, counts_table(sents["text"])], axis=1)
    table = grouped_readability(counts, "doc_id", n_boot=200)
    fk = table[table["metric"] == "flesch_kincaid_grade"]
    assert len(fk) == len(corpus)
    assert (fk["low"] <= fk["estimate"]).all() and (fk["estimate"] <= fk["high"]).all()
    assert (fk["n_sentences"] > 0).all()
    # Same inputs, same numbers.
    again = grouped_readability(counts, "doc_id", n_boot=200)
    pd.testing.assert_frame_equal(table, again)
    # The pooled estimate equals the formula on the article's text.
    one = corpus.iloc[0]
    direct = readability_scores(one["text"])["flesch_kincaid_grade"]
    assert fk.set_index("group").loc[one["doc_id"], "estimate"] == pytest.approx(direct)
