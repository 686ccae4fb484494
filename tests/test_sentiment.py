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


# --- VADER's limits shown: contributions, misreadings, drivers of a comparison -------------

from analysis.sentiment import (  # noqa: E402
    compound_without,
    load_senses,
    misreadings,
    summarise_misreadings,
    tone_drivers,
    word_contributions,
)

VARIED = [
    "The talks were a great success and both leaders were delighted.",
    "The talks were not a success.",
    "The deal is GOOD, but the timing is terrible!!!",
    "Is this really a good idea??",
    "She tested positive for coronavirus.",
    "A table.",
    "",
    "We are kind of happy 😀 about it",
    "No deal, no peace, no hope.",
]


def test_word_contributions_add_up_to_vaders_compound():
    """Checked against VADER's own polarity_scores, computed separately."""
    expected = score_sentiment(VARIED)["compound"]
    parts = word_contributions(VARIED).groupby("text_id")["contribution"].sum()
    got = parts.reindex(range(len(VARIED)), fill_value=0.0)
    assert (got.round(4) - expected).abs().max() < 1e-4


def test_testing_positive_is_a_misreading_with_its_effect():
    found = misreadings(["He was testing positive for coronavirus."])
    row = found.iloc[0]
    assert (row["word"], row["kind"]) == ("positive", "sense")
    assert row["compound"] == pytest.approx(compound("He was testing positive for coronavirus."),
                                            abs=1e-4)
    assert row["compound"] > 0.5 and row["compound_without"] == 0.0
    assert "test result" in row["reason"]


@pytest.mark.parametrize("misread, evaluative, word", [
    ("The results came back positive after she tested positive.", "A positive meeting.",
     "positive"),
    ("They discussed the special relationship.", "It was a special day for us.", "special"),
    ("Ministers spoke about national security.", "A sense of security returned.", "security"),
    ("The countries like China were absent.", "I like this plan.", "like"),
    ("Interest rates rose again.", "There is great interest in the plan.", "interest"),
    ("He backs free trade with the bloc.", "Everyone felt free at last.", "free"),
    ("The firm paid a hefty fine.", "The weather was fine.", "fine"),
    ("Peace talks began in Geneva.", "They hoped for peace.", "peace"),
    ("She joined the Labour party in 1990.", "They threw a party.", "party"),
    ("Spending on health care rose.", "We care about you.", "care"),
    ("The trade agreement was signed.", "There was broad agreement on the aims.", "agreement"),
    ("The defence secretary spoke.", "He spoke in defence of the poor.", "defence"),
    ("He hopes to secure a deal.", "They felt secure.", "secure"),
    ("He will seek military support.", "Thanks for your support.", "support"),
    ("The justice secretary resigned.", "They want justice.", "justice"),
    ("They hit a credit crunch.", "She deserves credit.", "credit"),
    # Negative words in a neutral sense: they lower a score as wrongly as "special" lifts it.
    ("We fought wars together for a century.", "They fought over the money.", "fought"),
    ("Both sides hope to strike a trade deal.", "Workers will strike on Monday.", "strike"),
    ("The budget promised tax cuts.", "He cut his hand.", "cuts"),
    ("Ministers want critical minerals from Canada.", "She was critical of the plan.",
     "critical"),
    ("Both sides agreed a cease fire.", "The fire destroyed homes.", "fire"),
    ("Nobody wants a hard border in Ireland.", "It was a hard year.", "hard"),
    ("The envoy began a charm offensive.", "The remark was offensive.", "offensive"),
    ("London gave the plan a cool reception.", "The new design is cool.", "cool"),
])
def test_each_sense_is_told_from_the_evaluative_use(misread, evaluative, word):
    flagged = misreadings([misread])
    assert word in flagged["word"].str.lower().tolist()
    assert misreadings([evaluative]).empty


def test_a_capitalised_lexicon_word_inside_a_sentence_is_part_of_a_name():
    found = misreadings(["Talks with Great Britain and the Security Council, said Mr Cleverly."])
    assert found["word"].tolist() == ["Great", "Security", "Cleverly"]
    assert found.set_index("word").loc["Cleverly", "kind"] == "name"
    # At the start of a sentence, after a colon or an opening quotation mark, and in a
    # headline written in title case, a capital is not evidence of a name.
    assert misreadings(["Great news for everyone.", "He said: Good work.",
                        "She said “Good work.”", "Truss Hails Great Deal With Allies"]).empty


def test_every_sense_is_a_vader_lexicon_word_of_the_stated_sign():
    from analysis.sentiment import _vader

    lexicon = _vader().lexicon
    for sense in load_senses():
        assert sense["word"] in lexicon, sense["word"]
        assert (lexicon[sense["word"]] > 0) == (sense["sign"] == "+"), sense["word"]
        assert sense["reason"] and sense["compiled"]


def test_summary_counts_sentences_and_adds_contributions():
    texts = ["She tested positive.", "The United States and the United Kingdom met.",
             "A good day."]
    found = misreadings(texts)
    table = summarise_misreadings(found)
    assert table.loc["united", "sentences"] == 1
    assert table.loc["united", "contribution"] == pytest.approx(
        found.loc[found["word"] == "United", "contribution"].sum(), abs=1e-4)
    assert table.loc["positive", "example"] == "She tested positive."
    assert summarise_misreadings(misreadings(["A good day."])).empty


def test_tone_drivers_split_the_difference_exactly():
    a = ["The special relationship was discussed.", "Allies stand strong together.",
         "A good and warm meeting."]
    b = ["Russia attacked the city.", "Russia was discussed.", "The war goes on."]
    drivers = tone_drivers(a, b)
    expected = score_sentiment(a)["compound"].mean() - score_sentiment(b)["compound"].mean()
    assert drivers.attrs["difference"] == pytest.approx(expected, abs=1e-4)
    assert drivers["difference"].sum() == pytest.approx(expected, abs=1e-4)
    assert drivers.loc["special", "n_a"] == 1 and drivers.loc["special", "n_b"] == 0
    # "special relationship" is misread, "war" is not: only the first is lexical.
    assert drivers.loc["special", "misread_difference"] == pytest.approx(
        drivers.loc["special", "difference"])
    assert drivers.loc["special", "reason"] != "" and drivers.loc["war", "reason"] == ""
    assert drivers.loc["war", "misread_difference"] == 0
    assert drivers.attrs["misread_share"] == pytest.approx(
        drivers.loc["special", "difference"] / expected, abs=1e-3)


def test_a_difference_made_of_one_word_is_lexical():
    a = ["The special relationship was discussed."] * 3
    b = ["Russia was discussed."] * 3
    drivers = tone_drivers(a, b)
    assert drivers.index[0] == "special" and drivers.loc["special", "share"] == pytest.approx(1)
    assert drivers.attrs["misread_share"] == pytest.approx(1)
    assert (compound_without(a, ["special"]) == 0).all()


def test_on_the_seeds_contributions_match_vader(corpus):
    scored = score_sentences(sentences(corpus))
    parts = word_contributions(scored["text"]).groupby("text_id")["contribution"].sum()
    got = parts.reindex(range(len(scored)), fill_value=0.0).to_numpy()
    assert abs(got.round(4) - scored["compound"].to_numpy()).max() < 1e-4


def test_typographic_quotation_marks_reach_vader_as_ascii():
    """VADER strips only ASCII punctuation and knows only ASCII negations: as printed in
    news, a word at the edge of a quotation and a curly-apostrophe negation are lost."""
    from analysis.sentiment import for_vader

    assert compound("“It is great.”") == pytest.approx(compound('"It is great."'))
    assert compound("“It is great.”") > 0.5
    assert compound("We don’t like it.") == pytest.approx(compound("We don't like it."))
    assert compound("We don’t like it.") < compound("We like it.")
    text = "“It’s ‘fine’,” she said."
    assert len(for_vader(text)) == len(text)  # positions of words do not move


def test_unscored_idioms_are_shown_with_the_tone_they_carry():
    from analysis.sentiment import load_idioms, unscored_idioms

    found = unscored_idioms(["Washington poured cold water on the trade plan.",
                             "Relations have soured since the summit.",
                             "She swam in cold water.", "They hit it off at once."])
    assert found["text_id"].tolist() == [0, 1, 3]
    assert found["sign"].tolist() == ["-", "-", "+"]
    # VADER sees nothing negative in the first: its idiom runs against its score.
    assert bool(found.loc[found["text_id"] == 0, "against"].iloc[0]) == (
        compound("Washington poured cold water on the trade plan.") >= 0.05)
    lexicon = __import__("analysis.sentiment", fromlist=["_vader"])._vader().lexicon
    for idiom in load_idioms():
        # An idiom is listed because VADER has no rating for its key words.
        assert idiom["sign"] in "+-" and idiom["reason"] and idiom["compiled"]
        assert not any(p.search("A quiet meeting about the budget.") for p in idiom["compiled"])
    assert "loggerheads" not in lexicon


def test_rescoring_sets_misread_words_to_zero_as_the_tone_chapter_does(corpus):
    from analysis import tone_report
    from analysis.pipeline import analyse
    from analysis.sentiment import compound_without, rescore

    scored = score_sentences(analyse(corpus).sentences)
    again = rescore(scored["text"]).to_numpy()
    # (VADER prints its scores to four decimals; rescore does not round)
    assert again == pytest.approx(tone_report.without_misread(scored).to_numpy(), abs=1e-4)
    # Dropping a word as well zeroes it where it is not misread too.
    plain = "A special and good day."
    assert rescore([plain], ["special"]).iloc[0] == pytest.approx(
        compound_without([plain], ["special"]).iloc[0])
    assert rescore([plain]).iloc[0] > rescore([plain], ["special"]).iloc[0]
