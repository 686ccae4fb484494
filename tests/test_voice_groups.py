"""Whose voice each sentence is, and quoted speech against narrative with a government's
editorial counted as narrative and set apart."""

import numpy as np
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


def test_setting_the_editorial_apart_drops_only_its_narrative(seeds):
    corpus, result = seeds
    s = result.sentences
    diffs = voice_groups.voice_differences(s, corpus, ["compound"]).set_index("reading")
    editorial = s["doc_id"].map(outlets.government_voice(corpus))
    apart, counted = diffs.loc["editorial set apart"], diffs.loc["editorial counted as narrative"]
    assert apart["n_quoted"] == counted["n_quoted"] == int(s["quoted"].sum())
    assert counted["n_narrative"] - apart["n_narrative"] == int((editorial & ~s["quoted"]).sum())
    assert np.isfinite(counted["low"]) and counted["low"] < counted["estimate"] < counted["high"]


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
