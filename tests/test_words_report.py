"""Which words: what each panel rests on, which voices are compared, what the prose says."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import frequency, people, voices, words_report
from analysis.outlets import government_sentence, government_voice
from analysis.pipeline import analyse
from analysis.stats import bootstrap_ratio


@pytest.fixture(scope="module")
def seeds(corpus):
    result = analyse(corpus)
    sents = result.sentences[["doc_id", "sentence", "start", "end", "text"]].assign(
        outlet=lambda s: s["doc_id"].map(corpus.set_index("doc_id")["outlet"]))
    tokens = frequency.token_table(sents.drop(columns=["start", "end"]))
    pieces = frequency.token_table(voices.split_voices(sents, result.quotes))
    return corpus, result, tokens, pieces


def test_resampling_says_what_the_intervals_actually_do(seeds):
    """The rule in words agrees with analysis.stats on every group, seeds and made up."""
    _, _, tokens, _ = seeds
    made_up = pd.DataFrame({"g": ["three"] * 3 + ["five"] * 5 + ["small"] * 4,
                            "doc_id": list("abc") + list("defgh") + ["i"] * 4,
                            "sentence": [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4]})
    for frame, by in ((tokens, "outlet"), (made_up, "g")):
        table = words_report.resampling(frame, by)
        for group, rows in frame.groupby(by):
            per_sentence = rows.groupby(["doc_id", "sentence"]).size().reset_index()
            hits = np.arange(len(per_sentence)) % 2  # varied, so resamples differ
            result = bootstrap_ratio(hits, np.ones(len(per_sentence)), per_sentence["doc_id"])
            assert table.loc[group, "resampled"] == result.resampled, group
            assert table.loc[group, "reason"] == result.reason, group


def test_an_outlet_with_one_article_is_called_an_article(seeds):
    _, _, tokens, _ = seeds
    labels = words_report.panel_labels(tokens, "outlet")
    assert all(label.endswith("(1 article)") for label in labels.values())
    assert words_report.single_article_sentence(tokens, "outlet") == (
        "Each outlet here contributes one article: each panel describes an article, not an "
        "outlet.")
    two = tokens.assign(outlet=np.where(tokens["doc_id"] == tokens["doc_id"].iloc[0], "A", "B"))
    assert "A contributes one article: its panel describes an article" in (
        words_report.single_article_sentence(two, "outlet"))


def test_panel_titles_fit_and_keep_their_counts():
    tokens = pd.DataFrame({"outlet": ["The Extremely Long Name of a Regional Paper"] * 2,
                           "doc_id": ["a", "b"]})
    (label,) = words_report.panel_labels(tokens, "outlet").values()
    assert len(label) <= words_report.PANEL_TITLE and label.endswith("(2 articles)")


def test_many_groups_show_the_largest_and_say_what_is_left_out():
    tokens = pd.DataFrame({"outlet": [f"Outlet {i:02d}" for i in range(30) for _ in range(i)]})
    shown = words_report.largest_groups(tokens, "outlet")
    assert shown == [f"Outlet {i:02d}" for i in range(29, 20, -1)]
    assert words_report.omitted_sentence(len(shown), 29, "outlet").endswith(
        "the other 20 are in its data file.")


def test_leaders_speech_against_narrative_leaves_out_spokespeople_and_editorials(seeds):
    corpus, result, _, pieces = seeds
    leaders = people.leader_names(corpus, result.quotes)
    editorials = government_voice(corpus)
    voiced = words_report.voice_tokens(pieces, leaders, editorials)
    assert set(voiced["voice"]) == {words_report.LEADERS_SPEECH, words_report.NARRATIVE}
    quoted = voiced[voiced["voice"] == words_report.LEADERS_SPEECH]
    assert set(quoted["speaker"]) <= set(leaders)
    assert not quoted["speaker"].str.contains("spokes").any()
    narrative = voiced[voiced["voice"] == words_report.NARRATIVE]
    assert editorials.any() and not narrative["doc_id"].map(editorials).any()
    assert "left out" in government_sentence(corpus, {}, words_report.LEFT_OUT, otherwise="")
    assert government_sentence(corpus.assign(outlet_kind="news"), {}, words_report.LEFT_OUT,
                               otherwise="") == ""


def test_interval_sentence_names_every_group_once():
    names = ["Alpha Paper", "Beta News", "Gamma Post", "Delta Daily"]
    table = pd.DataFrame({"resampled": ["articles", "sentences", "", ""],
                          "reason": ["", "", "3 articles: an interval needs at least 5",
                                     "2 sentences in one article: an interval needs at least 10"]},
                         index=names)
    text = words_report.interval_sentence(table, "leader")
    assert [text.count(name) for name in names] == [1, 1, 1, 1]
    assert "Gamma Post has none (3 articles" in text and "Delta Daily has none (2 sent" in text
    assert "nan" not in text.lower()
    none = words_report.interval_sentence(table.iloc[2:], "leader")
    assert none.startswith("No leader rests on enough articles or sentences")


def test_nothing_to_draw_is_said_in_words():
    import matplotlib.pyplot as plt

    fig = words_report.message_figure("Words", "No person followed is quoted.")
    assert fig.axes[0].texts[0].get_text() == "No person followed is quoted."
    plt.close(fig)
    assert words_report.one_group_sentence(pd.DataFrame({"o": ["A"]}), "o", "outlet") != ""
    assert words_report.one_group_sentence(pd.DataFrame({"o": ["A", "B"]}), "o", "outlet") == ""
