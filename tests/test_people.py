"""The people the report follows come from the corpus metadata and the quotations."""

import csv

import pandas as pd

from analysis.people import followed_people, leader_names
from analysis.voices import voice_summary

from .conftest import SEEDS


def metadata_people():
    """uk_leader and us_counterparts read straight from the CSV, independently of the code."""
    uk, us = [], []
    with open(SEEDS / "metadata.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            uk.append(row["uk_leader"].strip())
            us += [n.strip() for n in row["us_counterparts"].split(";") if n.strip()]
    return set(uk), set(us)


def test_the_seeds_people_are_their_metadatas(corpus):
    uk, us = metadata_people()
    table = followed_people(corpus)
    assert set(table.index) == uk | us
    assert set(table[table["nationality"] == "UK"].index) == uk
    assert set(table[table["nationality"] == "US"].index) == us
    assert (table["n_articles"] >= 1).all()


def test_the_order_is_role_then_first_article(corpus):
    table = followed_people(corpus)
    roles = table["role"].tolist()
    assert roles == sorted(roles, key=["uk_leader", "us_counterpart", "quoted"].index)
    for _, group in table.groupby("role"):
        assert group["first_seen"].is_monotonic_increasing
    # The same corpus in another row order gives the same list.
    assert leader_names(corpus.iloc[::-1]) == leader_names(corpus)


def test_quoted_registry_people_join_with_their_nationality(corpus):
    quotes = pd.DataFrame({"speaker": ["Rishi Sunak", "Vladimir Putin", "Liz Truss",
                                       "Downing Street spokesperson", "", "Mr Nobody"]})
    table = followed_people(corpus, quotes)
    assert table.loc["Rishi Sunak", ["nationality", "role", "n_quotations"]].tolist() == [
        "UK", "quoted", 1]
    assert table.index[-1] == "Rishi Sunak"  # after everyone the metadata names
    # Not British or American, a spokesperson, unknown or unregistered: not followed.
    for name in ("Vladimir Putin", "Downing Street spokesperson", "", "Mr Nobody"):
        assert name not in table.index
    everyone = followed_people(corpus, quotes, nationalities=None)
    assert everyone.loc["Vladimir Putin", "nationality"] == "Russia"


def test_new_leaders_of_another_corpus_appear():
    corpus = pd.DataFrame({
        "doc_id": ["bbc-1", "bbc-2", "bbc-3"],
        "published": pd.to_datetime(["2005-01-10", "2004-11-12", "2005-03-01"]),
        "uk_leader": ["Tony Blair", "Tony Blair", "Jack Straw"],
        "us_counterparts": [("George W. Bush",), ("George W. Bush", "Condoleezza Rice"), ()]})
    table = followed_people(corpus)
    assert list(table.index) == ["Tony Blair", "Jack Straw", "George W. Bush",
                                 "Condoleezza Rice"]
    assert table.loc["Tony Blair", "n_articles"] == 2
    assert table.loc["Tony Blair", "first_seen"] == pd.Timestamp("2004-11-12")
    assert table["nationality"].tolist() == ["UK", "UK", "US", "US"]


def test_a_corpus_without_metadata_follows_only_who_is_quoted():
    corpus = pd.DataFrame({"doc_id": ["a"], "published": [pd.NaT], "uk_leader": [""],
                           "us_counterparts": [()]})
    assert followed_people(corpus).empty
    quotes = pd.DataFrame({"speaker": ["Keir Starmer", "Keir Starmer"]})
    assert leader_names(corpus, quotes) == ["Keir Starmer"]


def test_voice_summary_takes_the_list_and_reports_the_silent():
    quotes = pd.DataFrame({"speaker": ["A"], "kind": ["full"], "n_words": [4]})
    reports = pd.DataFrame({"speaker": ["A", "A"]})
    table = voice_summary(quotes, reports, ["B", "A"])
    assert list(table.index) == ["B", "A"]
    assert table.loc["B", ["events", "quoted_words"]].tolist() == [0, 0]
    assert table.loc["A", "events"] == 3 and table.loc["A", "own_words"] == 1 / 3
