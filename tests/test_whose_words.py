"""Who speaks: words by voice, distinct speech events, and the sentences the chapter prints."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from analysis import people, speech_events, whose_words
from analysis import who_speaks_prose as prose
from analysis.outlets import government_voice
from analysis.pipeline import analyse


@pytest.fixture(scope="module")
def seeds(corpus):
    result = analyse(corpus)
    leaders = people.leader_names(corpus, result.quotes)
    editorials = government_voice(corpus)
    words = whose_words.voice_words(result.sentences, result.quotes, leaders, editorials)
    return corpus, result, leaders, editorials, words


def test_every_word_has_exactly_one_voice(seeds):
    corpus, result, _, _, words = seeds
    assert (words[list(whose_words.VOICES)].sum(axis=1) == words["n_words"]).all()
    assert words["n_words"].sum() == corpus["n_words"].sum()


def test_quoted_voices_add_up_to_the_quotations_words(seeds):
    _, result, leaders, _, words = seeds
    quotes = result.quotes
    voice = whose_words.quote_voices(quotes, leaders)
    expected = quotes.groupby(voice)["n_words"].sum()
    for name, n in expected.items():
        assert words[name].sum() == n, name


def test_spokespeople_are_never_counted_as_leaders(seeds):
    _, result, leaders, _, _ = seeds
    quotes = result.quotes
    voice = whose_words.quote_voices(quotes, leaders)
    spokes = quotes["speaker_kind"] == "spokesperson"
    assert spokes.any()  # the seeds quote spokespeople: the test would be empty otherwise
    assert (voice[spokes] == "spokespeople").all()
    # Even a spokesperson's label that a metadata row lists as a person followed.
    label = quotes.loc[spokes, "speaker"].iloc[0]
    assert (whose_words.quote_voices(quotes[spokes], leaders + [label]) == "spokespeople").all()


def test_a_government_editorial_is_read_from_outlet_kind_not_the_outlet(seeds):
    corpus, _, _, editorials, words = seeds
    kinds = corpus.set_index("doc_id")["outlet_kind"]
    for doc_id, flag in editorials.items():
        said = kinds[doc_id].lower()
        assert flag == ("editorial" in said and "government" in said)
    renamed = corpus.assign(outlet="Voice of America", outlet_kind="US broadcaster, news")
    assert not government_voice(renamed).any()
    # Its narrative is the editorial's, never the journalists'.
    edited = words["doc_id"].map(editorials)
    assert (words.loc[edited, whose_words.NARRATIVE] == 0).all()
    assert (words.loc[~edited, whose_words.EDITORIAL] == 0).all()


def test_voice_shares_resample_articles_and_add_up(seeds):
    corpus, _, _, _, words = seeds
    shares = whose_words.voice_shares(words)
    assert shares["estimate"].sum() == pytest.approx(1.0)
    # Several articles: the claim is about them, so articles are resampled; a voice found
    # in one article only has no interval (resampling would say which article was drawn).
    several = shares["n_articles"] > 1
    assert set(shares.loc[several, "resampled"]) == {"articles"}
    assert shares.loc[~several, ["low", "high"]].isna().all().all()
    assert set(shares.loc[~several, "reason"]) <= {"all in 1 article"}
    one = whose_words.voice_shares(words[words["doc_id"] == corpus["doc_id"].iloc[-1]])
    assert set(one["resampled"]) <= {"sentences", ""}  # one article: its sentences


def test_a_lede_repeating_a_full_quotation_is_one_utterance():
    quotes = pd.DataFrame({
        "doc_id": ["a"] * 4 + ["b"],
        "speaker": ["X", "Y", "X", "X", "X"],
        "quote": ["special", "special", "I do think our relationship is special.",
                  "I do think our relationship is special.", "special"]})
    assert speech_events.repeated_quotations(quotes).tolist() == [True, False, False, True, False]


def test_a_word_inside_another_word_is_not_a_repeat():
    quotes = pd.DataFrame({"doc_id": ["a", "a"], "speaker": ["X", "X"],
                           "quote": ["act", "We will react with force."]})
    assert not speech_events.repeated_quotations(quotes).any()


def test_repeats_stay_fast_on_ten_thousand_quotations():
    quotes = pd.DataFrame({"doc_id": "a", "speaker": "he",
                           "quote": [f"a{i % 50}" for i in range(10_000)]})
    start = time.perf_counter()
    repeated = speech_events.repeated_quotations(quotes)
    assert time.perf_counter() - start < 5
    assert int((~repeated).sum()) == 50


def test_a_reported_sentence_holding_the_speakers_quotation_is_one_event():
    quotes = pd.DataFrame({"doc_id": ["a", "a"], "speaker": ["X", ""],
                           "speaker_kind": ["other person", "unnamed"],
                           "quote": ["stay calm", "no comment"]})
    reports = pd.DataFrame({"doc_id": ["a", "a", "a"], "speaker": ["X", "Y", "X"],
                            "speaker_kind": ["other person"] * 3,
                            "text": ["X urged people to “stay calm”.",
                                     "Y said X had urged people to “stay calm”.",
                                     "X also warned of storms."]})
    events = speech_events.speech_events(quotes, reports)
    assert events[["speaker", "form"]].values.tolist() == [
        ["X", "quoted"], ["Y", "reported"], ["X", "reported"]]  # the unnamed source: no one
    counts = speech_events.event_counts(events, first=["Z"])
    assert counts.loc["X", "counts"] == "1 of 2 events in 1 article"
    assert counts.loc["Z", "events"] == 0 and list(counts.index)[0] == "Z"


def test_greatest_length_is_per_article_never_a_total():
    quotes = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "speaker": ["X", "X", "X", "Y"],
                           "quote": ["w"] * 4, "n_words": [120, 120, 120, 300]})
    lengths = whose_words.leader_lengths(quotes, ["X", "Y"])
    assert lengths.loc["X", "words"] > lengths.loc["Y", "words"]
    sentence = prose.longest_quoted(lengths, {"d": "Paper D"}, {"d": 600, "a": 400})
    # Each person by their largest article, with its length; the total only as context.
    assert "Y, 300 (50% of the 600 words of Paper D)" in sentence
    assert "X, at most 120 (30% of the 400 words of a; 360 in 3 articles)" in sentence
    assert sentence.index("Y, 300") < sentence.index("X, at most")
    assert not any(word in sentence for word in ("the most words", "the next", "longest"))
    assert prose.longest_quoted(lengths.iloc[0:0], {}) == (
        "No person followed is quoted in these articles.")


def test_segments_keep_each_leader_and_group_everyone_else_by_kind(seeds):
    corpus, result, leaders, _, _ = seeds
    segments = whose_words.speaker_segments(result.quotes, leaders, corpus["doc_id"])
    assert list(segments.index) == list(corpus["doc_id"])
    assert int(segments.to_numpy().sum()) == int(result.quotes["n_words"].sum())
    assert "spokespeople" in segments.columns
    assert not any("spokesperson" in c for c in segments.columns)
    named = [c for c in segments.columns if c in leaders]
    assert list(segments.columns[:len(named)]) == named


def test_sentences_read_right_without_editorials_quotes_or_intervals():
    words = pd.DataFrame({"doc_id": ["a"], "n_words": [10], "government editorial": [0]})
    plain = pd.DataFrame({"doc_id": ["a"], "outlet_kind": ["newspaper"]})
    assert "No article is" in prose.editorial_phrase(words, plain, {})
    assert prose.voice_phrase(None, 10, 1) == "no words"
    row = pd.Series({"words": 4, "n_articles": 1, "estimate": 0.4, "low": np.nan,
                     "high": np.nan, "resampled": "", "reason": "7 sentences in one article: "
                     "an interval needs at least 10"})
    text = prose.voice_phrase(row, 10, 1)
    assert text.startswith("4 of 10 words, in the one article: 40% (no interval: 7 sentences")
    assert "nan" not in text
    counts = pd.DataFrame({"quoted": [0], "reported": [0]}, index=["A"])
    assert prose.events_phrase(counts, ["A"]) == (
        "Of the 1 person followed, 0 are quoted directly; A neither speaks nor is reported "
        "as speaking in these articles.")


def test_many_leaders_never_share_a_segment_with_spokespeople():
    """Past the palette, leaders share one segment, and the greys never overflow into an
    "others" segment that could pool them with spokespeople."""
    from analysis.charts import _speaker_palette

    leaders = [f"Leader {i}" for i in range(12)]
    quotes = pd.DataFrame({
        "doc_id": "a", "n_words": 5,
        "speaker": leaders + ["No 10 spokesperson", "Acme Ltd", "", "", "Jo Bloggs", "Putin"],
        "speaker_kind": ["other person"] * 12 + ["spokesperson", "organisation", "unnamed",
                                                 "unknown", "other person", "registry person"]})
    segments = whose_words.speaker_segments(quotes, leaders, ["a"], named=leaders[:8])
    assert list(segments.columns[:8]) == leaders[:8]
    assert segments.loc["a", whose_words.OTHER_LEADERS] == 20
    colour_of = {name: "#000000" for name in leaders[:8]}
    _, members = _speaker_palette(segments, colour_of)
    assert all(len(group) == 1 for group in members.values())
