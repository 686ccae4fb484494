"""The framing chapter's tables and sentences: counts first, trust beside every frame, the
right unit for every comparison, distinct utterances, and links that escape their text."""

import numpy as np
import pandas as pd
import pytest

from analysis import anchors, framing, voice_groups
from analysis import framing_report as fr
from analysis.evaluate import read_result
from analysis.evaluate.frames import trust_table
from analysis.pipeline import analyse
from analysis.prose import describe_share, interval_cells, share_cells
from analysis.stats import Interval
from analysis.wording import join, percent, plural, signed


@pytest.fixture(scope="module")
def seeds(corpus):
    return corpus, analyse(corpus)


@pytest.fixture(scope="module")
def trust():
    return trust_table(read_result("frames"), "held_out")


def sentences(doc_ids, **columns):
    return pd.DataFrame({"doc_id": doc_ids, **columns})


# --- how far to trust each frame -------------------------------------------------------


def test_every_frame_has_a_readable_label_and_other_says_it_is_no_frame():
    labels = [fr.frame_label(name) for name in framing.frame_names()]
    assert len(set(labels)) == len(labels)
    assert all(" " in label or label.isalpha() for label in labels)
    assert not any("_" in label for label in labels)
    assert fr.frame_label("other") == "Other (no frame)"


def test_every_frame_label_in_a_figure_carries_its_held_out_precision_and_recall(trust):
    labels = fr.trust_labels(trust)
    assert set(labels) == set(framing.frame_names())
    for name, text in labels.items():
        assert f"P {trust.loc[name, 'precision']:.0%}" in text
        assert f"R {trust.loc[name, 'recall']:.0%}" in text
        assert len(text) <= 40, text  # figures shorten longer labels and would cut it


def test_frames_people_find_far_more_often_than_the_lexicon_are_flagged_as_under_found(trust):
    groups = fr.trust_groups(trust)
    missed = [fr.frame_label(n) for n in trust.index[trust["recall"] < fr.RECALL_LOW]]
    assert missed and groups["under_found"] == missed
    sentence = fr.trust_sentences(groups)["under_found"]
    assert all(label in sentence for label in missed)
    assert "not evidence" in sentence


def test_a_frame_with_no_weakness_gets_a_sentence_that_says_so():
    groups = {"trusted": [], "under_found": [], "often_wrong": [], "too_few": []}
    sentences_ = fr.trust_sentences(groups)
    assert sentences_["under_found"].startswith("No frame is under-found")
    assert sentences_["trusted"].startswith("No frame reaches")
    assert sentences_["too_few"] == ""


def test_validation_rows_give_precision_and_recall_with_their_own_counts(trust):
    rows = fr.validation_rows(trust)
    assert len(rows) == 2 * len(trust)
    precision = rows[rows["measure"] == "precision"].set_index("group")["n_units"]
    assert precision[fr.frame_label("economic")] == trust.loc["economic", "coded"]
    assert (rows["low"] <= rows["estimate"]).all() and (rows["estimate"] <= rows["high"]).all()


# --- counts first --------------------------------------------------------------------


def test_counts_lead_with_k_of_n_sentences_in_m_of_n_articles():
    s = sentences(list("aabbccddee"), x=[1.0, 0, 1, 1, 0, 0, 0, 0, 0, 0])
    row = fr.coded_counts(s, ["x"], n_articles=6).loc["x"]
    assert row["counts"] == "3 of 10 sentences, in 2 of 6 articles"
    assert row["estimate"] == pytest.approx(0.3)
    assert np.isfinite(row["low"]) and row["reason"] == ""  # five articles: an interval


def test_no_interval_below_five_articles_and_the_reason_is_printable():
    row = fr.coded_counts(sentences(list("aabb"), x=[1.0, 0, 0, 0]), ["x"]).loc["x"]
    assert np.isnan(row["low"]) and "needs at least 5" in row["reason"]


def test_the_frame_table_puts_trust_beside_each_frame_and_counts_the_primary_frame(seeds, trust):
    corpus, result = seeds
    table = fr.frame_table(result.sentences, trust, len(corpus)).set_index("frame")
    primary = result.sentences["primary_frame"].value_counts()
    n = len(result.sentences)
    for name in framing.frame_names():
        row = table.loc[fr.frame_label(name)]
        assert row["primary frame of"].startswith(f"{primary.get(name, 0)} of {n} sentences")
        assert trust.loc[name, "precision (k of n)"] in row["held-out precision"]


def leaning(economic: dict[str, int], per_article: int = 5) -> pd.DataFrame:
    """Sentences of five articles: ``economic[doc]`` economic primary frames, the rest
    morality."""
    return sentences(np.repeat(list(economic), per_article), primary_frame=[
        "economic" if i < economic[d] else "morality"
        for d in economic for i in range(per_article)])


def test_frames_are_not_ranked_when_the_interval_of_their_difference_includes_zero():
    # Articles lean one way or the other: overall the two frames are close.
    text = fr.leading_frame(leaning({"a": 4, "b": 1, "c": 3, "d": 1, "e": 3}),
                            ["economic", "morality"])
    assert "is not clearly more frequent than" in text and "not ranked" in text


def test_a_frame_clearly_ahead_in_every_article_is_ranked():
    text = fr.leading_frame(leaning({"a": 4, "b": 5, "c": 4, "d": 5, "e": 3}),
                            ["economic", "morality"])
    assert "is more frequent than" in text and "not ranked" not in text


def test_an_absent_frame_that_is_under_found_is_said_to_be_no_evidence():
    counts = pd.DataFrame({"sentences": [0, 4, 0]},
                          index=["cultural_identity", "economic", "other"])
    text = fr.absent_sentence(counts, {"under_found": ["Cultural identity"]})
    assert "Cultural identity" in text and "not evidence" in text
    assert "Other" not in text  # "other" is not a frame whose absence means anything


def test_topics_beyond_a_handful_point_to_the_table_instead_of_a_long_list():
    counts = pd.DataFrame({"sentences": [1] * 8, "counts": ["1 of 9 sentences"] * 8},
                          index=[f"t{i}" for i in range(8)])
    assert "table below" in fr.mention_sentence(counts, 10)
    assert fr.mention_sentence(counts.head(2), 3).count("1 of 9 sentences") == 2
    assert fr.mention_sentence(counts.iloc[:0], 3) == "No sentence mentions any of the 3 topics."


def test_matched_terms_count_each_word_and_say_none_for_a_frame_without_match(seeds):
    _, result = seeds
    hits = framing.frame_hits(result.sentences)
    terms = fr.matched_terms(hits, "frame", framing.frame_names()[:-1])
    for name, text in terms.items():
        n = int((hits["frame"] == name).sum())
        assert (text == "none") == (n == 0)
        if n:
            assert sum(int(part.rsplit("(", 1)[1].rstrip(")")) for part in text.split(", ")) == n


def test_evidence_of_a_frame_without_any_sentence_is_empty_not_invented(seeds):
    corpus, result = seeds
    never = [n for n in framing.frame_names()[:-1] if result.sentences[n].sum() == 0]
    assert never  # the seeds code no sentence with some frames
    table = fr.frame_evidence(result.sentences, corpus, never)
    assert table.empty


# --- comparisons on the right unit ---------------------------------------------------


def test_figures_covered_by_one_article_each_are_never_compared_however_many_sentences():
    s = sentences(["a"] * 40 + ["b"] * 40, who=["A"] * 40 + ["B"] * 40,
                  x=[1.0] * 40 + [0.0] * 40)
    assert voice_groups.group_differences(s, "who", ["x"]).empty
    text = fr.group_comparison_sentence(pd.DataFrame(columns=["verdict"]),
                                        pd.Series({"A": 1, "B": 1}), "UK figure", 5)
    assert text.startswith("No two UK figures have at least 5 articles each")


def test_figures_with_enough_articles_are_compared_by_their_difference():
    shares = {"A": [3, 3, 2, 3, 2, 3], "B": [0, 1, 0, 0, 1, 0]}  # coded sentences of three
    rows = [(f"{who}{i}", who, float(j < k)) for who, ks in shares.items()
            for i, k in enumerate(ks) for j in range(3)]
    s = pd.DataFrame(rows, columns=["doc_id", "who", "x"])
    table = voice_groups.group_differences(s, "who", ["x"])
    assert table[["a", "b", "verdict"]].values.tolist() == [["A", "B", "higher"]]


def test_many_articles_are_drawn_per_outlet():
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(41)], "outlet": "BBC News"})
    assert voice_groups.rows_unit(corpus) == ("outlet", {})
    assert voice_groups.rows_unit(corpus.head(40))[0] == "doc_id"


# --- the phrase ------------------------------------------------------------------------


def test_a_standfirst_repeating_a_body_quotation_counts_once(seeds):
    corpus, result = seeds
    phrase = framing.special_relationship(corpus, result.sentences, result.quotes)
    summary = fr.phrase_summary(phrase, len(corpus))
    repeats = phrase[~phrase["distinct"]]
    assert summary["uses"] == len(phrase)
    assert summary["distinct"] == len(phrase) - len(repeats) and summary["repeats"] == len(repeats)
    assert summary["quoted"] + summary["narrative"] == summary["distinct"]
    assert f"({summary['verbatim_distinct']} distinct" in fr.phrase_sentences(summary)["count"]
    assert summary["verbatim_distinct"] < summary["verbatim"]  # the repeat counts once


def test_whose_words_the_phrase_is_counts_each_speaker_s_distinct_uses():
    phrase = pd.DataFrame({"doc_id": ["a"] * 4, "source": ["standfirst", "body", "body", "body"],
                           "speaker": ["A B", "A B", "C D", "narrative"],
                           "distinct": [False, True, True, True],
                           "variant": ["special relationship"] * 4,
                           "match": ["special relationship"] * 4})
    summary = fr.phrase_summary(phrase, 1)
    assert summary["speakers"] == "A B (1) and C D (1)"
    who = fr.phrase_sentences(summary)["who"]
    assert "1 is the outlets’ own wording" in who and "the other 2 are quotations" in who


def test_the_seeds_phrase_counts_read_as_the_articles_do(seeds):
    """Written from reading the articles: the phrase is printed whole in 6 body sentences and
    the VOA standfirst (which repeats one of them); with the 4 uses that have words between
    (the Sunday Post's headline repeating its first sentence's "still “special”"; Liz
    Truss's "special but not exclusive" beside the outlet's "special relationship"), 11
    uses, 9 distinct; 1 is the outlets' own wording, 2 are Liz Truss's quoted word."""
    corpus, result = seeds
    phrase = framing.special_relationship(corpus, result.sentences, result.quotes)
    s = fr.phrase_summary(phrase, len(corpus))
    assert (s["verbatim"], s["verbatim_distinct"], s["verbatim_body"]) == (7, 6, 6)
    assert (s["uses"], s["distinct"], s["variants"], s["narrative"]) == (11, 9, 3, 1)
    assert s["quoted_words"] == 2 and s["repeats"] == 2
    text = fr.phrase_sentences(s)
    assert text["count"].startswith("The phrase itself is printed 7 times (6 distinct")
    assert "Liz Truss (4)" in text["who"]


def test_a_frame_with_too_few_hand_coded_sentences_is_in_no_other_group():
    trust = pd.DataFrame({"n": [4, 20], "precision": [0.5, 0.5], "recall": [1.0, 0.9]},
                         index=["morality", "security_defence"])
    groups = fr.trust_groups(trust)
    assert groups["too_few"] == ["Morality"]
    assert "Morality" not in groups["often_wrong"] + groups["trusted"] + groups["under_found"]
    assert groups["often_wrong"] == ["Security and defence"]
    assert "upper bound" not in fr.trust_sentences(groups)["often_wrong"].replace(
        "not upper bounds", "")


def test_a_ranking_over_few_articles_says_it_describes_them_only():
    x = [1.0] * 8 + [0.0] * 2 + [1.0] * 7 + [0.0] * 3 + [1.0] * 9 + [0.0] + [1.0] * 6 \
        + [0.0] * 4 + [1.0] * 8 + [0.0] * 2
    y = [1.0] + [0.0] * 9 + [0.0] * 10 + [1.0] * 2 + [0.0] * 8 + [1.0] + [0.0] * 9 + [0.0] * 10
    flags = pd.DataFrame({"doc_id": np.repeat(list("abcde"), 10), "x": x, "y": y})
    text = fr.leading(flags, ["x", "y"])
    assert "is more frequent than" in text and "describes these articles" in text
    many = pd.concat([flags.assign(doc_id=flags["doc_id"] + str(k)) for k in range(8)])
    assert "describes these articles" not in fr.leading(many, ["x", "y"])


def test_a_difference_in_other_is_reported_as_a_measurement_artefact():
    diffs = pd.DataFrame({"column": ["other", "economic"], "reading": ["r", "r"],
                          "estimate": [0.14, 0.01], "low": [0.05, -0.02], "high": [0.2, 0.03],
                          "verdict": ["higher", "not clearly different"],
                          "quoted": [0.34, 0.05], "narrative": [0.2, 0.04],
                          "n_quoted": [44, 44], "n_narrative": [45, 45]})
    trust = pd.DataFrame({"precision": [0.26], "precision (k of n)": ["6 of 23"]},
                         index=["other"])
    text = fr.voice_sentence(diffs, trust=trust, n_articles=5)
    assert "measurement artefact" in text and "26% (6 of 23)" in text
    assert not text.startswith("Other (no frame) is the primary frame")


def _two_readings(primary_low, primary_high, primary_verdict):
    from analysis.voice_groups import APART, COUNTED

    return pd.DataFrame({
        "column": ["security_defence"] * 2, "reading": [APART, COUNTED],
        "primary": [True, False], "estimate": [-0.133, -0.081],
        "low": [primary_low, -0.153], "high": [primary_high, -0.011],
        "verdict": [primary_verdict, "lower"], "quoted": [0.34, 0.34],
        "narrative": [0.47, 0.42], "n_quoted": [44, 44], "n_narrative": [38, 45],
        "reason": ["only 4 articles have both groups, and an interval needs at least 5", ""]})


def test_a_sensitivity_check_alone_never_ranks_the_voices():
    text = fr.voice_sentence(_two_readings(np.nan, np.nan, "no interval"), n_articles=5)
    assert "smaller share" not in text and "larger share" not in text
    # The primary reading leads, says it has no interval and why; the check is named so.
    assert text.startswith("With the editorial set apart")
    assert "only 4 articles have both voices" in text
    assert text.index("−13.3 points (no interval)") < text.index("−8.1 points")
    assert "which this report does not do" in text
    assert "describes these articles" not in text  # nothing is ranked


def test_a_ranking_rests_on_the_primary_reading():
    text = fr.voice_sentence(_two_readings(-0.25, -0.02, "lower"), n_articles=5)
    assert "15 of 44 quoted sentences and 18 of 38 narrative ones" in text  # counts first
    assert "a smaller share in quoted speech" in text and "the check agrees" in text
    assert "describes these articles" in text


def test_the_chance_of_a_false_interval_grows_with_the_intervals_computed():
    assert "likely (51%" in fr.intervals_note(14)
    assert "possible (10%" in fr.intervals_note(2)


def test_no_use_of_the_phrase_reads_as_a_sentence_not_zero_of_zero():
    empty = pd.DataFrame(columns=["doc_id", "source", "speaker", "distinct", "variant"])
    text = fr.phrase_sentences(fr.phrase_summary(empty, 2))
    assert text["count"] == "The phrase does not occur in any of the 2 articles."


def test_each_use_links_to_its_sentence_and_its_text_is_escaped():
    corpus = pd.DataFrame({"doc_id": ["x"], "outlet": ["<b>Outlet</b>"]})
    phrase = pd.DataFrame({"doc_id": ["x", "x"], "source": ["headline", "body"],
                           "sentence": [np.nan, 7.0], "speaker": ["narrative"] * 2,
                           "left": ["", "the"], "match": ["special <script>relationship",
                                                          "special relationship"],
                           "right": ["", "endures"], "distinct": [True, True],
                           "repeats": ["", ""]})
    table = fr.kwic_table(phrase, corpus)
    links = [str(cell) for cell in table["phrase"]]
    page = anchors.article_page("x")
    assert links[0] == f'<a href="{page}">special &lt;script&gt;relationship</a>'
    assert f'href="{anchors.sentence_link("x", 7)}"' in links[1]
    assert table["where"].tolist() == ["headline", "body, sentence 7"]


# --- prose -------------------------------------------------------------------------------


def test_prose_reads_right_for_one_and_for_none():
    assert plural(1, "article") == "1 article" and plural(0, "article") == "0 articles"
    assert join([], empty="none") == "none" and join(["a", "b"]) == "a and b"
    share = describe_share(Interval(1.0, np.nan, np.nan, 7, 7, 7, 1, "", "too few"))
    assert share.startswith("7 of 7 sentences, in 1 article:") and "no interval" in share
    assert "nan" not in share


def test_a_bound_that_is_not_zero_is_never_printed_as_zero():
    assert signed(0.004) == "+0.004" and signed(-0.004) == "−0.004"


def test_every_frame_of_the_lexicon_names_its_label():
    assert all(spec.get("label") for spec in framing.load_frames()["frames"].values())


def test_a_small_share_and_its_bounds_are_never_printed_as_zero_percent():
    table = pd.DataFrame({"estimate": [1 / 465], "low": [0.0004], "high": [0.009]})
    assert interval_cells(table, percent).tolist() == ["0.2% (0.04% to 0.9%)"]
    assert share_cells(table).tolist() == ["0.2% (0.04% to 0.9%)"]  # the chapters' tables
    zero = pd.DataFrame({"estimate": [0.0002], "low": [0.0], "high": [0.001]})
    assert share_cells(zero).tolist() == ["0.02% (0.00% to 0.10%)"]


def test_a_ranking_of_frames_says_their_coding_error_could_move_the_counts():
    x = [1.0] * 8 + [0.0] * 2 + [1.0] * 7 + [0.0] * 3 + [1.0] * 9 + [0.0] + [1.0] * 6 \
        + [0.0] * 4 + [1.0] * 8 + [0.0] * 2
    primary = ["security_defence" if v else "policy_political" if i % 10 == 9 else "other"
               for i, v in enumerate(x)]
    s = pd.DataFrame({"doc_id": np.repeat(list("abcde"), 10), "primary_frame": primary})
    trust = pd.DataFrame({"precision (k of n)": ["8 of 12", "21 of 27"],
                          "recall (k of n)": ["8 of 9", "21 of 27"]},
                         index=["security_defence", "policy_political"])
    text = fr.leading_frame(s, ["security_defence", "policy_political"], trust)
    assert "is more frequent than" in text
    # Counts first, then the verdict, then the coding error, then the few articles.
    assert text.index("of 50 sentences") < text.index("precision 8 of 12, recall 8 of 9")
    assert text.index("could move the counts") < text.index("describes these articles")
    assert "precision" not in fr.leading_frame(s, ["security_defence"], trust)  # not ranked


def test_no_coding_error_is_said_where_nothing_is_ranked():
    s = pd.DataFrame({"doc_id": list("abcde") * 2, "primary_frame": ["economic", "morality"] * 5})
    trust = pd.DataFrame({"precision (k of n)": ["26 of 28", "4 of 7"],
                          "recall (k of n)": ["26 of 26", "4 of 4"]},
                         index=["economic", "morality"])
    text = fr.leading_frame(s, ["economic", "morality"], trust)
    assert "not ranked" in text and "precision" not in text
