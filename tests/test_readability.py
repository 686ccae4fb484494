"""Readability formulas on texts whose counts are known by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.readability import (
    SMOG_MIN_SENTENCES,
    counts_table,
    formulas,
    grouped_readability,
    readability_scores,
)

from .conftest import ROOT

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


def test_vectorised_formulas_by_hand():
    # Row 1: SHORT (2 sentences, 9 words, 9 syllables, 26 letters); row 2: no words.
    sums = np.array([[2, 9, 9, 26, 0, 0], [0, 0, 0, 0, 0, 0]], dtype=float)
    scores = formulas(sums)
    assert scores.shape == (2, 6)
    assert scores[0, 0] == pytest.approx(206.835 - 1.015 * 4.5 - 84.6)
    assert scores[0, 1] == pytest.approx(0.39 * 4.5 + 11.8 - 15.59)
    assert np.isnan(scores[0, 3])  # SMOG under 30 sentences
    assert np.isnan(scores[1]).all()


def test_grouped_scores_resample_the_unit_of_the_group(corpus):
    from analysis import sentences
    from analysis.stats import MIN_CLUSTERS, MIN_UNITS

    sents = sentences(corpus)
    counts = pd.concat([sents, counts_table(sents["text"])], axis=1)
    table = grouped_readability(counts, "doc_id", n_boot=200)
    fk = table[table["metric"] == "flesch_kincaid_grade"].set_index("group")
    assert len(fk) == len(corpus) and (fk["n_sentences"] > 0).all()
    size = sents.groupby("doc_id").size()
    long_enough = size[size >= MIN_UNITS].index
    short = size[size < MIN_UNITS].index
    assert (fk.loc[long_enough, "resampled"] == "sentences").all()
    assert ((fk.loc[long_enough, "low"] <= fk.loc[long_enough, "estimate"])
            & (fk.loc[long_enough, "estimate"] <= fk.loc[long_enough, "high"])).all()
    for doc in short:  # too few sentences for an interval: said, not printed as one
        assert np.isnan(fk.loc[doc, "low"]) and f"{size[doc]} sentences" in fk.loc[doc, "reason"]
    # Same inputs, same numbers.
    pd.testing.assert_frame_equal(table, grouped_readability(counts, "doc_id", n_boot=200))
    # The pooled estimate equals the formula on the article's text.
    one = corpus.iloc[0]
    direct = readability_scores(one["text"])["flesch_kincaid_grade"]
    assert fk.loc[one["doc_id"], "estimate"] == pytest.approx(direct)
    # The corpus as a whole resamples its articles.
    whole = grouped_readability(counts.assign(all="all"), "all", n_boot=200)
    whole = whole.set_index("metric").loc["flesch_kincaid_grade"]
    assert len(corpus) >= MIN_CLUSTERS and whole["resampled"] == "articles"
    assert fk["estimate"].min() <= whole["low"] <= whole["high"] <= fk["estimate"].max()


# --- the news benchmark (python -m analysis.evaluate readability) ---------------------------

def test_benchmark_scores_each_distinct_article_once(tmp_path):
    from analysis.evaluate.readability import main

    texts = {"a/1.txt": "The cat sat on the mat. The dog ran.",  # 9 words, 2 sentences
             "a/2.txt": "The cat sat.",                           # 3 words, 1 sentence
             "b/1.txt": "We met and we talked and we sat.",       # 8 words, 1 sentence
             "b/2.txt": "The cat sat."}                           # a duplicate of a/2
    for name, body in texts.items():
        (tmp_path / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "data" / name).write_text(f"A headline\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "result.json"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main([str(tmp_path / "data"), "--out", str(out)]) == 0
    import json

    metrics = json.loads(out.read_text(encoding="utf-8"))["metrics"]
    assert metrics["files"] == 4 and metrics["duplicates_dropped"] == 1
    assert metrics["articles"] == 3
    # All words have one syllable: grade = 0.39·words per sentence + 11.8 − 15.59.
    grades = sorted(0.39 * wps + 11.8 - 15.59 for wps in (4.5, 3.0, 8.0))
    fk = metrics["overall"]["flesch_kincaid_grade"]
    assert fk["median"] == pytest.approx(grades[1], abs=1e-3)
    assert fk["n"] == 3
    assert metrics["by_section"]["b"]["flesch_kincaid_grade"]["n"] == 1
    assert metrics["share_college_level"] == 0.0


BBC = ROOT.parent / "shared" / "external" / "bbc"


def test_committed_benchmark_is_what_the_code_computes():
    import json

    committed = json.loads((ROOT / "evaluation" / "readability.json").read_text())
    assert committed["task"] == "readability" and committed["data"] == "bbc"
    grade = committed["metrics"]["overall"]["flesch_kincaid_grade"]
    assert grade["q1"] <= grade["median"] <= grade["q3"]
    if not (BBC / "politics").exists():
        pytest.skip(f"{BBC} is absent: cannot recompute the benchmark")
    import warnings

    from analysis import load_corpus
    from analysis.evaluate.readability import article_scores, distribution

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        politics = load_corpus(BBC / "politics")
    scores = article_scores(politics)
    again = distribution(scores["flesch_kincaid_grade"])
    assert again == committed["metrics"]["by_section"]["politics"]["flesch_kincaid_grade"]


def test_grade_difference_is_the_difference_of_the_two_texts_grades():
    from analysis.readability import grade_difference

    short = ["We met.", "We sat down.", "They ate.", "It rained."] * 3
    long = ["The delegations deliberated extensively regarding multilateral cooperation.",
            "Negotiators reaffirmed their commitment to comprehensive frameworks."] * 6
    counts = counts_table(pd.Series(short + long)).assign(
        doc_id="one", voice=["short"] * len(short) + ["long"] * len(long))
    difference = grade_difference(counts, "voice", "long", "short")
    expected = (readability_scores(" ".join(long))["flesch_kincaid_grade"]
                - readability_scores(" ".join(short))["flesch_kincaid_grade"])
    assert difference.estimate == pytest.approx(expected)
    assert difference.resampled == "sentences" and not difference.paired
    assert difference.low > 0 and difference.verdict() == "higher than"
