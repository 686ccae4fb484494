"""Whose voice each sentence is, and quoted speech against narrative with a government's
editorial counted as narrative and set apart."""

import numpy as np
import pandas as pd
import pytest

from analysis import outlets, voice_groups
from analysis.people import leader_names
from analysis.pipeline import analyse


@pytest.fixture(scope="module")
def seeds(corpus):
    return corpus, analyse(corpus)


def test_a_governments_editorial_is_its_voice_not_journalists(seeds):
    """The seeds' one editorial is VOA's: its narrative is the US government's, its
    quotations stay quoted speech."""
    corpus, result = seeds
    editorial = outlets.government_voice(corpus)
    assert editorial.sum() == 1
    sents = result.sentences
    voice = voice_groups.voice_of(sents, corpus)
    in_editorial = sents["doc_id"].isin(editorial[editorial].index)
    assert set(voice[in_editorial & ~sents["quoted"]]) == {voice_groups.EDITORIAL}
    assert set(voice[in_editorial & sents["quoted"]]) == {voice_groups.QUOTED}
    assert voice_groups.EDITORIAL not in set(voice[~in_editorial])


def test_spokespeople_are_a_voice_of_their_own(seeds):
    corpus, result = seeds
    sents = result.sentences
    voice = voice_groups.voice_of(sents, corpus, leader_names(corpus, result.quotes))
    spokes = sents[voice == voice_groups.SPOKESPEOPLE]
    assert len(spokes) and spokes["speaker"].str.contains("spokesperson").all()
    leaders_words = sents[voice == voice_groups.LEADERS]
    assert not leaders_words["speaker"].str.contains("spokes").any()


def test_setting_the_editorial_apart_compares_voices_within_the_same_articles(seeds):
    """The primary reading compares each article's quoted speech with its own narrative:
    the editorial, whose narrative is set apart, leaves it with its quotations (they would
    add a comparison between articles), and the footers count only the articles left."""
    corpus, result = seeds
    s = result.sentences.assign(x=lambda t: t["text"].str.len().astype(float))
    diffs = voice_groups.voice_differences(s, corpus, ["x"]).set_index("reading")
    editorial = s["doc_id"].map(outlets.government_voice(corpus)).astype(bool)
    apart, counted = diffs.loc["editorial set apart"], diffs.loc["editorial counted as narrative"]
    assert apart["primary"] and not counted["primary"]
    kept = s[~editorial]
    both = kept.groupby("doc_id")["quoted"].agg(lambda q: q.any() and not q.all())
    kept = kept[kept["doc_id"].map(both)]
    assert apart["n_articles"] == apart["n_both"] == kept["doc_id"].nunique()
    assert apart["n_articles"] < corpus["doc_id"].nunique()
    assert apart["n_quoted"] == int(kept["quoted"].sum())
    assert counted["n_quoted"] - apart["n_quoted"] >= int((editorial & s["quoted"]).sum()) > 0
    by_hand = kept.loc[kept["quoted"], "x"].mean() - kept.loc[~kept["quoted"], "x"].mean()
    assert apart["estimate"] == pytest.approx(by_hand)
    assert apart["verdict"] == "no interval" and "have both groups" in apart["reason"]
    assert np.isfinite(counted["low"]) and counted["low"] < counted["estimate"] < counted["high"]


def test_an_article_with_one_voice_only_leaves_the_comparison(seeds):
    corpus, result = seeds
    s = result.sentences.assign(x=1.0)
    extra = s.iloc[:3].assign(doc_id="only-quoted", quoted=True, x=100.0)
    plain = corpus.assign(outlet_kind="newspaper")
    with_extra = pd.concat([plain, plain.iloc[:1].assign(doc_id="only-quoted")])
    before = voice_groups.voice_differences(s, plain, ["x"]).iloc[0]
    after = voice_groups.voice_differences(pd.concat([s, extra]), with_extra, ["x"]).iloc[0]
    assert after["estimate"] == before["estimate"] == 0
    assert after["n_articles"] == before["n_articles"]


def test_without_an_editorial_there_is_one_reading_and_a_sentence_saying_why(seeds):
    corpus, result = seeds
    plain = corpus.assign(outlet_kind="newspaper")
    diffs = voice_groups.voice_differences(result.sentences, plain, ["compound"])
    assert diffs["reading"].unique().tolist() == ["editorial counted as narrative"]
    for then, otherwise in ((voice_groups.TWO_READINGS, voice_groups.ONE_READING),
                            (voice_groups.OWN_VOICE, voice_groups.ALL_NARRATIVE)):
        sentence = outlets.government_sentence(plain, {}, then, otherwise)
        assert sentence.startswith("No article is") and sentence.endswith(otherwise)
    assert (voice_groups.voice_of(result.sentences, plain) != voice_groups.EDITORIAL).all()
