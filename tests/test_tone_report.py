"""The tone chapter's tables: VADER's misreadings shown, set aside on demand, and the words
behind each comparison of tone."""

import numpy as np
import pandas as pd
import pytest

from analysis import anchors, sentiment
from analysis import tone_report as tr
from analysis.pipeline import analyse
from analysis.stats import grouped_mean


@pytest.fixture(scope="module")
def scored(corpus):
    return sentiment.score_sentences(analyse(corpus).sentences)


def test_setting_misread_words_to_zero_changes_only_the_sentences_that_have_them(scored):
    without = tr.without_misread(scored)
    found = sentiment.misreadings(scored["text"])
    touched = scored.index[found["text_id"].unique()]
    untouched = scored.index.difference(touched)
    assert (without[untouched] == scored.loc[untouched, "compound"]).all()
    assert (without[touched] != scored.loc[touched, "compound"]).any()


def test_a_test_result_that_is_positive_is_not_good_news():
    s = pd.DataFrame({"text": ["He tested positive for coronavirus."], "compound": [0.5574]})
    assert tr.without_misread(s).iloc[0] == 0.0


def test_the_misreading_table_links_each_example_to_its_sentence_and_escapes_it():
    corpus = pd.DataFrame({"doc_id": ["x"], "outlet": ["Outlet"]})
    s = pd.DataFrame({"doc_id": ["x", "x"], "sentence": [1, 2],
                      "text": ["A <b>quiet</b> day.", "She tested positive <i>again</i>."]})
    table = tr.misreading_table(s, corpus)
    assert table.index.tolist() == ["positive"]
    link = str(table.loc["positive", "example"])
    assert link.startswith(f'<a href="{anchors.sentence_link("x", 2)}">')
    assert "&lt;i&gt;again&lt;/i&gt;" in link and "<i>" not in link


def test_no_misreading_reads_as_a_sentence():
    table = tr.misreading_table(pd.DataFrame({"doc_id": ["x"], "sentence": [1],
                                              "text": ["A quiet day."]}),
                                pd.DataFrame({"doc_id": ["x"], "outlet": ["O"]}))
    assert table.empty
    assert tr.misread_sentence(table, 0, 1).startswith("No likely misread word occurs")


def test_the_special_relationship_is_flagged_as_lexical_in_a_comparison():
    drivers = sentiment.tone_drivers(["Our special relationship endures.", "Talks went well."],
                                     ["Russian aggression grows.", "The talks ended."])
    table = tr.drivers_table(drivers)
    assert table.loc["special", "lexical?"] != ""
    assert table.loc["well", "lexical?"] == ""
    assert abs(drivers["difference"].sum() - drivers.attrs["difference"]) < 1e-9
    assert "“special”" in tr.lexical_sentence(drivers)


def test_a_difference_with_no_misread_word_says_so():
    drivers = sentiment.tone_drivers(["Talks went well."], ["The talks failed."])
    assert tr.lexical_sentence(drivers) == ("None of this difference comes from words VADER "
                                            "likely misreads.")


def test_misread_words_on_the_other_side_are_said_to_work_against_the_difference():
    drivers = sentiment.tone_drivers(["What a wonderful, happy day."], ["She tested positive."])
    assert drivers.attrs["difference"] > 0 and drivers.attrs["misread_share"] < 0
    assert "work against this difference" in tr.lexical_sentence(drivers)


def test_sentences_mentioning_both_targets_are_their_own_group(scored):
    groups = tr.target_groups(scored)
    both = scored[tr.RELATIONSHIP] & scored[tr.RUSSIA]
    assert (groups[both] == "both").all()
    assert (groups[scored[tr.RELATIONSHIP] & ~both] == "relationship").all()


def test_the_extremes_are_the_highest_and_lowest_and_one_group_gives_none():
    s = pd.DataFrame({"doc_id": np.repeat(["a", "b", "c"], 12),
                      "compound": [0.5, 0.3] * 6 + [0.0, 0.1] * 6 + [-0.4, -0.2] * 6})
    table = grouped_mean(s, "doc_id", "compound")
    high, low, gap = tr.extremes(table)
    means = s.groupby("doc_id")["compound"].mean()
    assert (high, low) == (means.idxmax(), means.idxmin())
    assert gap == pytest.approx(means.max() - means.min())
    one = s[s["doc_id"] == "a"]
    assert tr.extremes(grouped_mean(one, "doc_id", "compound")) is None


def test_a_pair_picked_as_extremes_gets_no_interval_and_no_verdict():
    text = tr.extremes_sentence("A", "B", (0.51, 0.16), 5)
    assert "+0.35 apart" in text and "not tested" in text
    assert "interval (" not in text and "95%" not in text
    assert not any(w in text for w in ("warmer than", "cooler than", "different"))
    assert "−" in tr.extremes_sentence("A", "B", (-0.1, -0.3), 3)  # a true minus sign


def test_the_lexical_sentence_names_the_misread_words_the_table_marks(scored):
    quoted = scored.loc[scored["quoted"], "text"]
    narrative = scored.loc[~scored["quoted"], "text"]
    drivers = sentiment.tone_drivers(quoted, narrative)
    table = tr.drivers_table(drivers, 10)
    marked = [w for w in table.index if table.loc[w, "lexical?"] != ""]
    text = tr.lexical_sentence(drivers, shown=10)
    named = [w for w in drivers.index if f"“{w}”" in text]
    assert named == marked and marked
    # Gross and net, both from the per-word parts.
    parts = tr.lexical_parts(drivers)
    misread = drivers["misread_difference"]
    assert parts["net"] == pytest.approx(misread.sum() / drivers.attrs["difference"])
    assert parts["gross"] == pytest.approx(misread.abs().sum() / abs(drivers.attrs["difference"]))
    assert parts["gross"] >= abs(parts["net"])
    assert f"{parts['gross']:.0%}" in text and f"{abs(parts['net']):.0%}" in text
    rest = int((misread != 0).sum()) - len(marked)
    assert f"{rest} more" in text


def test_a_comparison_without_a_word_is_driven_without_it():
    a = ["Our special relationship is strong.", "A special, special day."]
    b = ["The talks failed.", "A quiet day."]
    drivers = sentiment.tone_drivers(a, b, drop=["special"])
    assert "special" not in drivers.index
    expected = (sentiment.compound_without(a, ["special"]).mean()
                - sentiment.compound_without(b, ["special"]).mean())
    assert drivers.attrs["difference"] == pytest.approx(expected, abs=1e-9)
    assert "“special”" not in tr.lexical_sentence(drivers)


def test_drivers_count_sentences_as_the_prose_does():
    drivers = sentiment.tone_drivers(["A special, special day.", "A special envoy."], ["Hi."])
    assert drivers.loc["special", "n_a"] == 3
    assert drivers.loc["special", "sentences_a"] == 2
    assert tr.drivers_table(drivers).loc["special", "in A"] == 2


def test_idioms_are_shown_with_vaders_score():
    corpus = pd.DataFrame({"doc_id": ["x"], "outlet": ["O"]})
    s = pd.DataFrame({"doc_id": ["x"] * 3, "sentence": [1, 2, 3], "text": [
        "He poured cold water on the good plan and the talks hit a snag.", "A quiet day.",
        "They met."]})
    table = tr.idiom_table(s, corpus)
    assert len(table) == 1
    assert table["VADER compound"].iloc[0] == pytest.approx(
        sentiment.score_sentiment([s["text"].iloc[0]])["compound"].iloc[0])
    assert "poured cold water" in table["figure of speech"].iloc[0]
    assert "snag" in table["figure of speech"].iloc[0]
    assert table["its tone"].iloc[0] == "negative"
    assert tr.idiom_table(s.iloc[1:], corpus).empty


def test_negative_misreadings_are_worked_through_or_said_to_be_absent():
    corpus = pd.DataFrame({"doc_id": ["x"], "outlet": ["O"]})
    s = pd.DataFrame({"doc_id": ["x"] * 2, "sentence": [1, 2],
                      "text": ["“We fought wars together,” he said.", "A good day."]})
    text = tr.negative_misread_sentence(s, corpus)
    found = sentiment.misreadings(s["text"])
    assert f"{found['compound'].iloc[0]:+.2f}".replace("-", "−") in text
    assert "““" not in text  # a quotation inside the quotation is in single marks
    assert tr.negative_misread_sentence(s.iloc[1:], corpus).startswith("No negative word")


def test_the_comparison_target_reads_right_when_no_sentence_mentions_it():
    s = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Our alliance is strong.", "Talks."]})
    s = sentiment.score_sentences(s)
    assert not s[tr.RUSSIA].any()
    text = tr.target_design_sentence(s)
    assert "nothing to compare" in text and "design" in text
    groups = tr.target_groups(s)
    pair = s[groups.isin(["relationship", "Russia"])]
    rel = groups[pair.index] == "relationship"
    drivers = sentiment.tone_drivers(pair.loc[rel, "text"], pair.loc[~rel, "text"])
    assert tr.lexical_sentence(drivers).startswith("None of")
    assert "nan" not in tr.lexical_sentence(drivers).lower()


def test_every_target_term_the_prose_names_is_matched_by_its_pattern():
    import re

    for target, terms in sentiment.TARGET_TERMS.items():
        for term in terms:
            assert re.search(sentiment.TARGETS[target], f"About {term} today."), term


def test_the_worked_example_zeroes_only_the_words_it_names():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"]})
    text = "Our special relationship was forged as we fought wars together."
    s = pd.DataFrame({"doc_id": ["a"], "sentence": [1], "text": [text]})
    sentence = tr.negative_misread_sentence(s, corpus)
    named = sentiment.compound_without([text], ["fought", "wars"]).iloc[0]
    every = tr.without_misread(s.assign(compound=sentiment.score_sentiment([text])["compound"]))
    assert named > 0.3 and every.iloc[0] == 0.0  # "special" still counts in the first
    assert f"with “fought” and “wars” at zero, {tr.signed(named)} (" in sentence
    assert "every likely misread word in it at zero, “special” too, 0.00" in sentence


def test_idioms_are_quoted_as_printed_and_one_sentence_is_said_as_one(scored):
    found = sentiment.unscored_idioms(["Talks may hit a little turbulence, he said.",
                                       "Talks went well."])
    text = tr.idiom_sentence(found, 2)
    assert "“hit a little turbulence”" in text and "“hit turbulence”" not in text
    assert text.startswith("One of the 2 sentences") and "in 1 of them" not in text


def test_with_a_rescored_difference_the_net_part_is_the_rescored_value():
    drivers = sentiment.tone_drivers(["Our special relationship is strong.", "A good day."],
                                     ["The Security Council met.", "Talks."])
    text = tr.lexical_sentence(drivers, rescored=(0.28, 0.31))
    assert "it is +0.31 instead of +0.28" in text and "work against it" in text
    assert f"{abs(tr.lexical_parts(drivers)['net']):.0%}" not in text
    assert "approximate" in tr.lexical_sentence(drivers)


def test_the_article_that_moves_most_is_the_largest_shift(scored):
    s = scored.assign(without_misread=tr.without_misread(scored))
    means = s.groupby("doc_id")[["compound", "without_misread"]].mean()
    moved = (means["compound"] - means["without_misread"]).abs().idxmax()
    text = tr.largest_shift(s, "doc_id", {moved: "THE ONE"})
    assert "the mean of THE ONE moves most" in text
    assert tr.signed(means.loc[moved, "without_misread"]) in text


def test_groups_are_named_with_their_counts(scored):
    rel = scored[scored[tr.RELATIONSHIP]]
    text = tr.counted("sentences about the relationship", rel)
    assert text == (f"sentences about the relationship ({len(rel)}, in "
                    f"{rel['doc_id'].nunique()} articles)")


def test_tone_and_framing_share_one_definition_of_the_relationship():
    """One lexicon per concept: the tone chapter's relationship sentences are exactly those
    analysis.relationship finds (the framing chapter's)."""
    from analysis.relationship import about_relationship

    texts = pd.Series(["The UK and the US signed a deal.", "Our relationship with France.",
                       "Britain's special relationship endures.", "Washington is busy."])
    scored = sentiment.score_sentences(pd.DataFrame({"text": texts}))
    assert scored[tr.RELATIONSHIP].tolist() == about_relationship(texts) == [
        True, False, True, False]
