"""Readability against a news benchmark, with voices kept apart."""

import json

import numpy as np
import pandas as pd
import pytest

from analysis import grades, pipeline, readability
from analysis.evaluate import read_result
from analysis.people import leader_names

from .conftest import ROOT


@pytest.fixture(scope="module")
def analysed(corpus):
    return pipeline.analyse(corpus)


def test_the_benchmark_is_the_committed_bbc_result():
    raw = json.loads((ROOT / "evaluation" / "readability.json").read_text(encoding="utf-8"))
    bench = grades.news_benchmark(read_result("readability"))
    fk = raw["metrics"]["overall"]["flesch_kincaid_grade"]
    assert (bench.median, bench.q1, bench.q3, bench.p90, bench.n) == (
        fk["median"], fk["q1"], fk["q3"], fk["p90"], fk["n"])
    assert bench.date == raw["date"] and bench.data == raw["data"] == "bbc"
    politics = grades.news_benchmark(read_result("readability"), section="politics")
    assert politics.n == raw["metrics"]["by_section"]["politics"]["flesch_kincaid_grade"]["n"]
    assert "politics" in politics.name
    with pytest.raises(KeyError, match="no section"):
        grades.news_benchmark(read_result("readability"), section="weather")


def test_a_governments_editorial_is_its_voice_not_journalists(corpus, analysed):
    """Read from outlet_kind: the seeds' one editorial is VOA's; its narrative is the US
    government's, its quotations stay quoted speech."""
    editorial = grades.government_editorials(corpus)
    kinds = corpus.set_index("doc_id")["outlet_kind"]
    assert editorial.sum() == 1
    assert "editorial" in kinds[editorial].iloc[0] and "government" in kinds[editorial].iloc[0]
    sents = analysed.sentences
    voice = grades.voice_of(sents, corpus)
    in_editorial = sents["doc_id"].isin(editorial[editorial].index)
    assert set(voice[in_editorial & ~sents["quoted"]]) == {grades.EDITORIAL}
    assert set(voice[in_editorial & sents["quoted"]]) == {grades.QUOTED}
    assert grades.EDITORIAL not in set(voice[~in_editorial])


def test_spokespeople_are_a_voice_of_their_own(corpus, analysed):
    sents = analysed.sentences
    voice = grades.voice_of(sents, corpus, leader_names(corpus, analysed.quotes))
    spokes = sents[voice == grades.SPOKESPEOPLE]
    assert len(spokes) and spokes["speaker"].str.contains("spokesperson").all()
    leaders_words = sents[voice == grades.LEADERS]
    assert not leaders_words["speaker"].str.contains("spokes").any()


def test_the_seed_articles_all_read_above_nine_in_ten_bbc_politics_stories(corpus, analysed):
    """The articles' grades against the benchmark, as the chapter states it."""
    bench = grades.news_benchmark(read_result("readability"), section="politics")
    per_article = (readability.grouped_readability(analysed.sentences, "doc_id")
                   .query("metric == 'flesch_kincaid_grade'").set_index("group")["estimate"])
    own = pd.Series({d: readability.readability_scores(t)["flesch_kincaid_grade"]
                     for d, t in zip(corpus["doc_id"], corpus["text"])})
    # The chapter's per-article grades are the benchmark's own computation.
    assert np.allclose(per_article.sort_index(), own.sort_index())
    counts = grades.benchmark_counts(per_article, bench)
    assert counts == {"n": 5, "above_p90": 5, "above_q3": 5, "above_median": 5,
                      "in_band": 0, "below_q1": 0}
    assert grades.benchmark_sentence(per_article, bench).startswith("All five articles")


def test_benchmark_sentences_read_right_at_any_size():
    bench = grades.Benchmark("BBC News stories", "g", 9, 8.5, 9.7, 10.7, 11.9, 12.7, "", "", "")
    for values in ([], [float("nan")], [9.0], [13.0], [9.0, 13.0], [9.0] * 12, [13.0] * 30):
        text = grades.benchmark_sentence(pd.Series(values, dtype=float), bench)
        assert "nan" not in text.lower() and " 0 of " not in text and "1 articles" not in text
    assert grades.benchmark_sentence(pd.Series([13.0] * 30), bench).startswith(
        "All 30 articles score")


def test_no_editorial_no_government_voice():
    corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["BBC News"],
                           "outlet_kind": ["UK public broadcaster's news website"]})
    assert grades.editorial_sentence(corpus).startswith("No article is")
    assert not grades.government_editorials(corpus.drop(columns="outlet_kind")).any()


def test_a_voice_only_some_articles_have_is_named_in_the_legend():
    """A government's editorial is one article's voice: its series must still be named."""
    import matplotlib.pyplot as plt

    from analysis import charts

    rows = [("a", grades.NARRATIVE), ("a", grades.QUOTED), ("b", grades.QUOTED),
            ("b", grades.EDITORIAL)]
    table = pd.DataFrame({"group": [g for g, _ in rows], "voice": [v for _, v in rows],
                          "estimate": [12.0, 13.0, 14.0, 15.0], "low": np.nan,
                          "high": np.nan, "n_units": 8})
    fig = charts.intervals(table, "grade", "Voices", series="voice")
    names = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert sorted(names) == sorted([grades.NARRATIVE, grades.QUOTED, grades.EDITORIAL])
    plt.close(fig)
