"""Sentences and words."""

import pandas as pd
import pytest

from analysis import count_words, sentences, split_sentences


def split(paragraph):
    return [paragraph[a:b] for a, b in split_sentences(paragraph)]


@pytest.mark.parametrize("paragraph, expected", [
    ("Mr Putin spoke. Mrs May replied.", ["Mr Putin spoke.", "Mrs May replied."]),
    ("Mr. Putin met Dr. Who in St. Petersburg. Then he left.",
     ["Mr. Putin met Dr. Who in St. Petersburg.", "Then he left."]),
    ("The U.S. Secretary of State arrived. He spoke.",
     ["The U.S. Secretary of State arrived.", "He spoke."]),
    ("No 10 said so. No. 10 agreed.", ["No 10 said so.", "No. 10 agreed."]),
    ("“We want a deal,” he said. “It must last.” She nodded.",
     ["“We want a deal,” he said.", "“It must last.”", "She nodded."]),
    ("“Is it special?” she asked. Yes.", ["“Is it special?” she asked.", "Yes."]),
    ("It is vital – a key UK demand. It was agreed -- at last.",
     ["It is vital – a key UK demand.", "It was agreed -- at last."]),
    ("It was acceptable to… invade. Then 2,000 troops left.",
     ["It was acceptable to… invade.", "Then 2,000 troops left."]),
    ("Growth was 3.5 per cent. J. K. Rowling agreed.",
     ["Growth was 3.5 per cent.", "J. K. Rowling agreed."]),
    ("Unclosed “quotation. It goes on", ["Unclosed “quotation.", "It goes on"]),
])
def test_split_sentences(paragraph, expected):
    assert split(paragraph) == expected


def test_sentences_table_offsets_point_into_the_text():
    corpus = pd.DataFrame({"doc_id": ["a", "b"],
                           "text": ["One here. Two here.\n\nThree here.", ""]})
    table = sentences(corpus)
    assert table["sentence"].tolist() == [1, 2, 3]
    assert table["paragraph"].tolist() == [1, 1, 2]
    text = corpus.loc[0, "text"]
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text


def test_seed_sentences_never_start_inside_a_word(corpus):
    table = sentences(corpus)
    assert (table["text"].str.len() > 0).all()
    assert not table["text"].str.match(r"^[a-z]").any()
    # "Mr Putin", "U.S." and "No 10" never end a sentence.
    assert not table["text"].str.contains(r"(?:\bMr|\bMs|U\.S\.|\bNo)$").any()


def test_count_words():
    assert count_words("The U.S. sent 2,000 troops – post-Brexit, it’s said.") == 8
    assert count_words("") == 0
