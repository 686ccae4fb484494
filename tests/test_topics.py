"""Topics: what a sentence mentions, kept apart from how it is framed."""

import pandas as pd
import pytest

from analysis.framing import frame_names
from analysis.framing import salience as framing_salience
from analysis.relationship import about_relationship
from analysis.terms import groups
from analysis.topics import (
    code_topics,
    load_topics,
    salience,
    topic_hits,
    topic_names,
)


def coded(*texts):
    return code_topics(pd.DataFrame({"doc_id": "t", "sentence": range(1, len(texts) + 1),
                                     "text": list(texts)}))


@pytest.mark.parametrize("text, topic", [
    ("Putin's forces shelled Kharkiv overnight.", "Russia and the war in Ukraine"),
    ("Zelenskyy met the prime minister in Kyiv.", "Russia and the war in Ukraine"),
    ("Beijing sent warships into the Taiwan Strait.", "China and the Indo-Pacific"),
    ("Tehran denied the charges.", "Iran"),
    ("Fighting continued in Gaza.", "Israel, Gaza and the Middle East"),
    ("The Windsor Framework changed the Northern Ireland Protocol.",
     "Northern Ireland and Brexit"),
    ("New tariffs on steel took effect.", "Trade and tariffs"),
    ("Allies discussed Article 5 at the Nato summit.", "NATO and European defence"),
    ("GCHQ and the NSA share intelligence through Five Eyes.",
     "Intelligence and nuclear cooperation"),
    ("Net zero targets and energy bills dominated.", "Climate and energy"),
    ("Small boats crossed the Channel with asylum seekers.", "Migration and borders"),
    ("The King hosted a state visit.", "The monarchy"),
])
def test_a_sentence_naming_a_topic_gets_its_column(text, topic):
    row = coded(text).iloc[0]
    assert row[topic] == 1.0
    others = [t for t in topic_names() if t != topic and row[t] == 1.0]
    assert others == [] or topic == "NATO and European defence", others


def test_a_sentence_naming_no_topic_gets_none():
    row = coded("The weather in London was mild on Sunday.").iloc[0]
    assert row[topic_names()].sum() == 0


def test_topic_words_are_whole_words():
    # "Iranian" is Iran; "Irania" is not a word it should match, nor "Eutopia" the EU.
    table = coded("An Iranian diplomat spoke.", "Utopia and Eutopia.", "A Russian-made drone.")
    assert table["Iran"].tolist() == [1.0, 0.0, 0.0]
    assert table["Europe and the European Union"].tolist() == [0.0, 0.0, 0.0]
    assert table["Russia and the war in Ukraine"].tolist() == [0.0, 0.0, 1.0]


def test_topics_and_frames_are_apart():
    assert not set(topic_names()) & set(frame_names())
    # A topic mention is not a frame: the frame lexicon names no country of the topics.
    from analysis.framing import load_frames

    frame_terms = {str(t).lower() for spec in load_frames()["frames"].values()
                   for g in groups(spec) for t in g["terms"]}
    for name in ("russia", "ukraine", "china", "iran", "brexit", "northern ireland"):
        assert name not in frame_terms, name


def test_every_topic_is_described_and_names_no_single_article_fact():
    for name, spec in load_topics()["topics"].items():
        assert len(spec["description"].split()) >= 4, name
        for group in groups(spec):
            assert len(group["why"].split()) >= 3, name
    terms = {str(t).lower() for spec in load_topics()["topics"].values()
             for g in groups(spec) for t in g["terms"]}
    # People and phrases of one seed article are not topics (issue 11).
    for seed_only in ("akbari", "kuleba", "assertiveness", "critical minerals", "backstop"):
        assert seed_only not in terms


def test_hits_list_the_words_found():
    hits = topic_hits(pd.DataFrame({"doc_id": ["a"], "sentence": [3],
                                    "text": ["Brexit and the Good Friday Agreement."]}))
    assert hits[["topic", "match"]].values.tolist() == [
        ["Northern Ireland and Brexit", "brexit"],
        ["Northern Ireland and Brexit", "good friday agreement"]]


def test_salience_counts_mentions_per_thousand_words():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [500, 0],
                           "text": ["China and Beijing; Russia. " + "word " * 495, ""]})
    table = salience(corpus).set_index(["doc_id", "actor"])
    assert table.loc[("a", "China and the Indo-Pacific"), "mentions"] == 2
    assert table.loc[("a", "China and the Indo-Pacific"), "per_1000"] == 4.0
    assert table.loc[("b", "Iran"), "per_1000"] != table.loc[("b", "Iran"), "per_1000"]  # NaN
    # Any list of names can be counted, and the old name still works.
    own = framing_salience(corpus, {"Moscow": ["russia*", "moscow"]})
    assert own["mentions"].tolist() == [1, 0]


def test_the_pipeline_stores_a_column_per_topic(corpus):
    from analysis.pipeline import analyse

    table = analyse(corpus, n_jobs=1, progress=False).sentences
    single = code_topics(table[["doc_id", "sentence", "text"]])
    for topic in topic_names():
        assert table[topic].tolist() == single[topic].tolist(), topic
    # The VOA editorial's paragraph on Northern Ireland mentions it.
    voa = table[table["doc_id"] == "2023-01-voa-cleverly"]
    assert voa.loc[voa["text"].str.contains("Belfast"), "Northern Ireland and Brexit"].eq(1).all()


@pytest.mark.parametrize("text", ["The US imposed export controls on Moscow.",
                                  "An export ban on chips was announced."])
def test_export_controls_are_a_sanction_not_trade(text):
    coded = code_topics(pd.DataFrame({"doc_id": ["a"], "sentence": [1], "text": [text]}))
    assert coded["Trade and tariffs"].iloc[0] == 0
    coded = code_topics(pd.DataFrame({"doc_id": ["a"], "sentence": [1],
                                      "text": ["British exports to the US fell."]}))
    assert coded["Trade and tariffs"].iloc[0] == 1


@pytest.mark.parametrize("text, expected", [
    ("The UK and the US agreed a deal.", True),
    ("Britain's ties with Washington are strong.", True),
    ("Let us talk about the weather in Britain.", False),  # "us" is a pronoun
    ("The transatlantic alliance endures.", True),
    ("Russia attacked Kyiv overnight.", False),
])
def test_a_sentence_about_the_relationship_names_both_countries_or_the_relationship(
        text, expected):
    assert about_relationship([text]) == [expected]


def test_every_relationship_term_in_the_data_file_is_used():
    """Each country term with the other country's abbreviation marks a sentence; the pronoun
    "us" never stands for the US; each name of its own marks a sentence alone."""
    from analysis.relationship import about_relationship, load_terms

    terms = load_terms()
    uk, us = terms["countries"]["UK"], terms["countries"]["US"]
    for term in uk["abbreviations"] + uk["names"]:
        assert about_relationship([f"Talks between {term} and the US went on."]) == [True], term
    for term in us["abbreviations"] + us["names"]:
        assert about_relationship([f"The UK met {term} officials."]) == [True], term
    for term in terms["names_of_its_own"]:
        assert about_relationship([f"Ties were {term} once."]) == [True], term
    assert about_relationship(["Let us talk about the UK.", "Britain's budget."]) == [False, False]
