"""Whose voice an article is: a government's own text is read from the metadata's
``outlet_kind``, never from an outlet's name, and said in one sentence at any size."""

import pandas as pd
import pytest

from analysis import outlets

VOA = "US government broadcaster, editorial presenting the views of the US government"


def test_the_seeds_government_editorial_is_read_from_the_outlet_kind_not_the_outlet(corpus):
    flags = outlets.government_voice(corpus)
    kinds = corpus.set_index("doc_id")["outlet_kind"]
    assert flags.sum() == 1
    assert "editorial" in kinds[flags].iloc[0] and "government" in kinds[flags].iloc[0]
    renamed = corpus.assign(outlet="Anything at all")
    assert outlets.government_voice(renamed).equals(flags)
    # The same outlet, described as news: journalism.
    news = corpus.assign(outlet="Voice of America", outlet_kind="US broadcaster, news")
    assert not outlets.government_voice(news).any()


@pytest.mark.parametrize("kind, is_government", [
    (VOA, True),
    ("government press release", True),
    ("Statement of the UK Government", True),
    ("US government broadcaster, news report", False),  # journalism, whoever pays for it
    ("UK newspaper, editorial", False),                 # a newspaper's views, not a state's
    ("", False),
])
def test_a_government_speaks_in_its_editorials_statements_and_press_releases(kind, is_government):
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet_kind": [kind]})
    assert outlets.government_voice(corpus).tolist() == [is_government]


def test_no_outlet_kind_no_government_voice():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["BBC News"]})
    assert not outlets.government_voice(corpus).any()
    assert outlets.government_sentence(corpus).startswith("No article is described as")


def test_the_sentence_agrees_with_the_count_and_names_the_articles():
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)],
                           "outlet_kind": [VOA] * 10 + ["newspaper"] * 2})
    labels = {f"d{i}": f"Paper {i}" for i in range(12)}
    many = outlets.government_sentence(corpus, labels, then="{its} narrative is set apart.")
    assert many.startswith("By its kind, 10 of the 12 articles present a government’s own views")
    assert "Paper 7 and 2 others): their narrative is set apart." in many
    one = outlets.government_sentence(corpus.iloc[[0, 11]], labels)
    assert "1 of the 2 articles presents" in one and "read its narrative" in one
    assert outlets.government_sentence(corpus.iloc[10:], labels, otherwise="") == ""
