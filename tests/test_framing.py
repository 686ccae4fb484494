"""Framing: the phrase in context, frame coding and salience."""

import pandas as pd
import pytest

from analysis import sentences
from analysis.framing import code_frames, kwic, load_frames, special_relationship, term_pattern
from analysis.quotes import extract_quotes


def coded(*texts):
    frame = pd.DataFrame({"doc_id": ["t"] * len(texts), "sentence": range(1, len(texts) + 1),
                          "text": list(texts)})
    return code_frames(frame)


def test_a_conflict_sentence_codes_as_conflict_and_a_calm_one_does_not():
    table = coded("The two governments clashed in a bitter row over the protocol.",
                  "The weather in London was mild on Sunday.")
    assert table["conflict"].tolist() == [1.0, 0.0]


def test_issue_frames():
    table = coded("Tanks and artillery will deter further aggression.",
                  "Beijing warned Taiwan.", "New tariffs hit trade.")
    assert table.loc[0, "security and defence"] == 1.0
    assert table.loc[1, "China, Taiwan and the Indo-Pacific"] == 1.0
    assert table.loc[2, "trade and tariffs"] == 1.0
    assert table.loc[2, "security and defence"] == 0.0


def test_terms_match_whole_words_only():
    assert term_pattern("row").search("a diplomatic row") is not None
    assert term_pattern("row").search("tomorrow and arrows") is None
    assert term_pattern("defen*").search("Defence spending") is not None
    assert term_pattern("at odds").search("seemed at  odds with") is not None


def test_every_frame_has_rationale_source_and_terms():
    frames = load_frames()["frames"]
    generic = [f for f, spec in frames.items() if spec["kind"] == "generic"]
    assert sorted(generic) == ["conflict", "economic consequences", "human interest",
                               "morality", "responsibility"]
    for spec in frames.values():
        assert spec["rationale"] and spec["source"] and spec["terms"]


@pytest.mark.parametrize("start, end, expected", [
    (0, 7, ("", "relationship is old")),            # at the start of the text
    (24, 27, ("special relationship is", "")),      # at the end
])
def test_kwic_windows_at_text_edges(start, end, expected):
    text = "special relationship is old"
    assert text[start:end] in ("special", "old")
    assert kwic(text, start, end, window=3) == expected


def test_kwic_window_size():
    text = "one two three four five six seven"
    assert kwic(text, text.index("four"), text.index("four") + 4, window=2) == (
        "two three", "five six")


@pytest.fixture(scope="module")
def phrase(corpus):
    return special_relationship(corpus, sentences(corpus), extract_quotes(corpus))


def test_every_use_of_the_phrase_in_the_seeds(phrase):
    """Written from reading the articles: every use, with words between or not."""
    found = list(zip(phrase["doc_id"], phrase["source"], phrase["match"].str.lower()))
    expected = [
        ("2022-09-25-sundaypost-truss", "headline", "relationship still ‘special"),
        ("2022-09-25-sundaypost-truss", "body", "relationship with the us is still “special"),
        ("2022-09-25-sundaypost-truss", "body", "special relationship"),
        ("2022-09-25-sundaypost-truss", "body", "relationship is special"),
        ("2022-09-25-sundaypost-truss", "body", "special relationship even more special"),
        ("2023-01-voa-cleverly", "standfirst", "special relationship"),
        ("2023-01-voa-cleverly", "body", "special relationship"),
        ("2025-02-26-skynews-starmer", "body", "special relationship"),
        ("2025-02-26-skynews-starmer", "body",
         "relationship between our two countries is a special relationship"),
        ("2025-02-26-skynews-starmer", "body", "special relationship"),
    ]
    assert sorted(found) == sorted(expected)


def test_two_articles_never_use_the_phrase(phrase, corpus):
    silent = set(corpus["doc_id"]) - set(phrase["doc_id"])
    assert silent == {"2022-03-08-thenational-truss", "2022-02-02-independent-truss"}


def test_who_uses_the_phrase(phrase):
    speakers = phrase.set_index(["doc_id", "source"])["speaker"]
    assert set(phrase.loc[phrase["doc_id"] == "2025-02-26-skynews-starmer", "speaker"]) == {
        "Keir Starmer"}
    assert speakers.loc[("2022-09-25-sundaypost-truss", "headline")] == "narrative"
    assert speakers.loc[("2023-01-voa-cleverly", "standfirst")] == "Antony Blinken"


def test_modifiers_show_how_the_phrase_is_qualified(phrase):
    assert phrase["modifiers"].str.contains("even more special").any()
    truss = phrase[phrase["doc_id"] == "2022-09-25-sundaypost-truss"]
    assert truss["collocates"].str.contains("exclusive").any()


LEXICON = {"test": {"terms": ["at odds", "to act", "People’s Republic", "war machine*",
                              "U.S.-UK ties", "Britain's allies", "row", "sanction*"]}}
TRICKY = [
    "They were at odds; AT ODDS again, at\tOdds once more.",
    "That odds-on favourite, what oddsmakers said: no match.",
    "He tried to actually act, to act, and to  ACT now.",
    "The People’s Republic and the peoples republic.",
    "The war machines of the war machinery; a warm machine.",
    "U.S.-UK ties are close; us-uk ties are not the same.",
    "Britain's allies and Britain’s allies; Britains allies.",
    "A row, tomorrow, rows, row-boat; sanctions, sanctioned, unsanctioned.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_fast_matcher_finds_what_the_term_patterns_find(text):
    # The matcher skips most sentences without running a regex; it must never skip a match.
    from analysis.framing import frame_matcher

    expected = sorted(m.group(0) for term in LEXICON["test"]["terms"]
                      for m in term_pattern(term).finditer(text))
    assert sorted(word for _, _, word in frame_matcher(LEXICON).find(text)) == expected
    assert frame_matcher(LEXICON).counts(text) == [len(expected)]
