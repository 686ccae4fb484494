"""Readability against a news benchmark."""

import json

import numpy as np
import pandas as pd
import pytest

from analysis import grades, pipeline, readability
from analysis.evaluate import read_result
from analysis.voice_groups import EDITORIAL, NARRATIVE, QUOTED

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


def test_a_voice_only_some_articles_have_is_named_in_the_legend():
    """A government's editorial is one article's voice: its series must still be named."""
    import matplotlib.pyplot as plt

    from analysis import charts

    rows = [("a", NARRATIVE), ("a", QUOTED), ("b", QUOTED),
            ("b", EDITORIAL)]
    table = pd.DataFrame({"group": [g for g, _ in rows], "voice": [v for _, v in rows],
                          "estimate": [12.0, 13.0, 14.0, 15.0], "low": np.nan,
                          "high": np.nan, "n_units": 8})
    fig = charts.intervals(table, "grade", "Voices", series="voice")
    names = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert sorted(names) == sorted([NARRATIVE, QUOTED, EDITORIAL])
    plt.close(fig)


def test_the_seed_grades_are_read_with_their_intervals_and_the_benchmarks_era(corpus, analysed):
    """Point estimates and intervals counted apart; the benchmark's outlet and era named."""
    bench = grades.news_benchmark(read_result("readability"))
    table = (readability.grouped_readability(analysed.sentences, "doc_id")
             .query("metric == 'flesch_kincaid_grade'").set_index("group"))
    text = grades.interval_benchmark_sentence(table, bench, "2022 to 2025")
    above = int((table["estimate"] > bench.p90).sum())
    has = table["low"].notna() & table["high"].notna()
    reach = int((has & (table["low"] <= bench.q3) & (table["high"] >= bench.q1)).sum())
    words = {n: grades.number_word(n) for n in range(13)}
    assert f"{words[reach]} of the {words[int(has.sum())]} 95% intervals" in text
    assert text.lower().startswith("all " if above == len(table) else words[above].lower())
    assert bench.period and bench.period in text and bench.source in text
    assert "2022 to 2025" in text and "point estimates" in text
    assert "The benchmark is" not in grades.interval_benchmark_sentence(table, bench,
                                                                        provenance=False)


def test_interval_sentences_read_right_at_any_size():
    bench = grades.Benchmark("B stories", "g", 9, 8.5, 9.7, 10.7, 11.9, 12.7, "", "", "",
                             period="2004–05", source="B", country="")
    nan = float("nan")
    for rows in ([], [(nan, nan, nan)], [(13.0, nan, nan)], [(13.0, 12.0, 14.0)],
                 [(13.0, 12.8, 13.5), (9.0, 8.0, 10.0)], [(13.0, 12.0, 14.0)] * 12):
        table = pd.DataFrame(rows, columns=["estimate", "low", "high"], dtype=float)
        text = grades.interval_benchmark_sentence(table, bench, "2020")
        assert "nan" not in text.lower() and " 0 of " not in text and "1 articles" not in text
        assert text[0].isupper() and text.endswith(".")
    two = pd.DataFrame({"estimate": [13.0, 9.0], "low": [12.8, 8.0], "high": [13.5, 10.0]})
    text = grades.interval_benchmark_sentence(two, bench)
    assert text.startswith("One of the two articles has a grade above 12.7")
    assert "one of the two 95% intervals reaches into" in text


def test_years_come_from_the_dates():
    assert grades.years_phrase(pd.Series(["2023-01", "2021-05-02"])) == "2021 to 2023"
    assert grades.years_phrase([]) == ""


def test_a_measure_other_than_a_grade_is_read_with_its_unit_and_no_interval_reaching():
    bench = grades.Benchmark("BBC News stories", "w", 9, 15, 17.9, 20.4, 22.9, 23.8, "", "", "",
                             period="2004–05")
    t = pd.DataFrame({"estimate": [25.0, 30.1, 27.0], "low": [23.5, 26.0, 24.0],
                      "high": [29.5, 35.0, 31.0]})
    text = grades.interval_benchmark_sentence(t, bench, provenance=False,
                                              measure="a mean sentence length", unit="words")
    assert text.startswith("All three articles have a mean sentence length above 23.8 words")
    assert "none of the three 95% intervals reaches into" in text
    assert "(17.9 to 22.9 words)" in text and "no of" not in text
