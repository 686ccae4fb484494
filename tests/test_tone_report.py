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
    high, low, d = tr.extremes(grouped_mean(s, "doc_id", "compound"), s, "doc_id")
    assert (high, low) == ("a", "c") and d.estimate == pytest.approx(0.7)
    one = s[s["doc_id"] == "a"]
    assert tr.extremes(grouped_mean(one, "doc_id", "compound"), one, "doc_id") is None
