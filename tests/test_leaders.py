"""The leaders side by side: own words only, spokespeople apart, intervals only where they
hold, rankings only where the difference says so, and a figure legible for twenty people."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import leaders, pipeline  # noqa: E402
from analysis.figures import MAX_LABEL, colours, note_of, save  # noqa: E402
from analysis.people import followed_people  # noqa: E402
from analysis.profile_panels import profile_panels  # noqa: E402
from analysis.prose import comparison, rank_top  # noqa: E402
from analysis.stats import MIN_CLUSTERS, Difference, Interval, mean_difference  # noqa: E402

from .test_charts import oriented_box, overlap, tick_labels  # noqa: E402

WAR = "Russia and the war in Ukraine"


@pytest.fixture(scope="module")
def seeds(corpus):
    result = pipeline.analyse(corpus)
    people = followed_people(corpus, result.quotes)
    return corpus, result, people, leaders.leader_profiles(result.sentences, result.quotes,
                                                           people, WAR)


def test_every_person_of_the_metadata_has_a_row_quoted_or_not(seeds):
    corpus, _, people, profiles = seeds
    named = {n.strip() for cell in corpus["us_counterparts"] for n in cell} | set(
        corpus["uk_leader"])
    assert named <= set(profiles.index)
    silent = profiles[profiles["quotations"] == 0]
    assert len(silent) and (silent["words"] == 0).all()
    assert silent[["tone", "topic", "grade"]].isna().all().all()
    assert (silent["tone_reason"] == "not quoted").all()


def test_words_are_the_persons_own_never_a_spokespersons(seeds):
    _, result, _, profiles = seeds
    quotes = result.quotes
    for name, row in profiles.iterrows():
        own = quotes[quotes["speaker"] == name]
        assert row["words"] == own["n_words"].sum()
        assert row["quoted_in"] == own["doc_id"].nunique()
    apart = leaders.spokespeople(quotes)
    assert len(apart) and not set(apart.index) & set(profiles.index)
    assert apart["words"].sum() == quotes.loc[quotes["speaker"].isin(apart.index), "n_words"].sum()


def test_an_interval_only_above_the_minimums_with_the_reason_otherwise(seeds):
    _, result, _, profiles = seeds
    quoted = profiles[profiles["sentences"] > 0]
    for name, row in quoted.iterrows():
        articles, n = row["sentence_articles"], row["sentences"]
        enough = articles >= MIN_CLUSTERS or (articles == 1 and n >= 10)
        for measure in ("tone", "topic", "grade"):
            has = bool(np.isfinite(row[f"{measure}_low"]))
            if has:
                assert enough, (name, measure)
            else:  # below the minimums, or every resample the same: always a reason
                assert row[f"{measure}_reason"], (name, measure)
            if not enough:
                assert not has, (name, measure)


def test_the_topic_share_counts_the_persons_sentences(seeds):
    _, result, _, profiles = seeds
    sents = result.sentences
    for name, row in profiles[profiles["sentences"] > 0].iterrows():
        own = sents[sents["quoted"] & (sents["speaker"] == name)]
        assert row["topic_k"] == own[WAR].sum()
        assert row["topic"] == pytest.approx(own[WAR].mean())


def test_the_title_counts_the_rows_never_a_typed_number(seeds):
    _, _, _, profiles = seeds
    quoted = int((profiles["quotations"] > 0).sum())
    title = leaders.profiles_title(len(profiles), quoted)
    assert f"The {len(profiles)} people followed" in title and f"{quoted} quoted" in title
    assert "leader" not in title  # not everyone followed is a leader
    assert leaders.profiles_title(20, 0).endswith("none quoted")


def test_no_superlative_unless_every_difference_excludes_zero():
    i = Interval(0.0, np.nan, np.nan)

    def diff(low):
        return lambda a, b: Difference(i, i, 0.3, low[b], 0.6, False, "articles")

    estimates = pd.Series({"A": 0.6, "B": 0.3, "C": 0.2})
    clear = rank_top(estimates, diff({"B": 0.1, "C": 0.2}))
    assert clear.holds and clear.sentence("the warmest", "warmer").startswith(
        "A is the warmest")
    mixed = rank_top(estimates, diff({"B": -0.1, "C": 0.2}))
    text = mixed.sentence("the warmest", "warmer")
    assert not mixed.holds and text.startswith("No one can be called the warmest")
    assert "not clearly different from B" in text
    none = rank_top(estimates, lambda a, b: Difference(i, i, 0.3, np.nan, np.nan, False, "",
                                                       "too few"))
    assert "cannot be compared" in none.sentence("the warmest", "warmer")
    assert "warmest" not in rank_top(estimates.iloc[:1], diff({})).sentence("the warmest",
                                                                           "warmer")


@pytest.mark.parametrize("gap", [0.0, 0.6])
def test_a_difference_is_worded_as_a_ranking_only_when_its_interval_excludes_zero(gap):
    rng = np.random.default_rng(5)
    frame = pd.DataFrame({"doc_id": np.repeat([f"d{i}" for i in range(8)], 6),
                          "speaker": ["A", "B"] * 24})
    frame["compound"] = rng.uniform(-0.5, 0.5, len(frame)) + gap * (frame["speaker"] == "A")
    diff = mean_difference(frame, "speaker", "A", "B", "compound")
    text = comparison(diff, "A", "B", "warmer than", "cooler than")
    assert diff.has_interval
    if diff.low <= 0 <= diff.high:
        assert "not clearly different" in text and "warmer" not in text and "cooler" not in text
    else:
        assert text.startswith("A is warmer than B") == (diff.low > 0)
    assert (gap > 0) == (diff.low > 0)  # the big gap is found, the null one is not


def test_the_silent_and_the_spokespeople_are_said_in_words():
    p = pd.DataFrame({"quotations": [0, 0], "words": [0, 0], "quoted_in": [0, 0]},
                     index=["Tony Blair", "George W. Bush"])
    text = leaders.coverage_sentence(p)
    assert "None of the two people followed is quoted" in text
    assert "nan" not in text.lower()
    assert leaders.coverage_sentence(p.iloc[:0]).startswith("The articles name no one")


def synthetic_profiles(n=20, seed=3):
    rng = np.random.default_rng(seed)
    names = [f"Leader{i:02d} Surname-Hyphenated Doubled" for i in range(n)]
    table = pd.DataFrame({"nationality": ["UK", "US"] * (n // 2), "role": "uk_leader",
                          "n_articles": rng.integers(1, 30, n),
                          "quotations": rng.integers(1, 40, n), "words": rng.integers(5, 900, n),
                          "quoted_in": rng.integers(1, 30, n), "sentences": rng.integers(1, 60, n),
                          "sentence_articles": rng.integers(1, 30, n)}, index=names)
    for prefix, (lo, hi) in {"tone": (-0.5, 0.8), "topic": (0, 1), "grade": (9, 16)}.items():
        estimate = rng.uniform(lo, hi, n)
        width = rng.uniform(0.05, 0.3, n) * (hi - lo)
        known = rng.random(n) < 0.6
        table[prefix] = estimate
        table[f"{prefix}_low"] = np.where(known, estimate - width, np.nan)
        table[f"{prefix}_high"] = np.where(known, estimate + width, np.nan)
        table[f"{prefix}_reason"] = np.where(known, "", "too few")
    table["topic_k"] = (table["topic"] * table["sentences"]).round()
    silent = names[3]
    table.loc[silent, ["quotations", "words", "quoted_in", "sentences", "sentence_articles"]] = 0
    table.loc[silent, ["tone", "topic", "grade"]] = np.nan
    return table


@pytest.fixture(scope="module")
def twenty():
    profiles = synthetic_profiles()
    fig = profile_panels(profiles, leaders.profiles_title(len(profiles), 2), WAR,
                         colours(profiles.index, "leader"), band=(10.5, 12.3), reference=11.4,
                         band_label="middle half of BBC News politics stories")
    fig.canvas.draw()
    yield profiles, fig
    plt.close(fig)


def test_twenty_leaders_each_get_a_labelled_row(twenty):
    profiles, fig = twenty
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(labels) == len(profiles) == len(set(labels))
    for name, label in zip(profiles.index, labels):
        assert label.startswith(name[:20])
        for line in label.split("\n"):
            assert len(line) <= MAX_LABEL


def test_twenty_leaders_no_two_labels_overlap(twenty):
    _, fig = twenty
    renderer = fig.canvas.get_renderer()
    for _, labels in tick_labels(fig):
        boxes = [oriented_box(t, renderer) for t in labels]
        for a, b in zip(boxes, boxes[1:]):
            assert not overlap(a, b)
    legend = fig.legends[0]
    assert all(len(t.get_text()) <= MAX_LABEL for t in legend.get_texts())


def test_the_figure_grows_with_its_rows_and_states_its_counts(twenty):
    profiles, fig = twenty
    small = profile_panels(profiles.head(5), "Five leaders in their own words", WAR)
    assert fig.get_figheight() > small.get_figheight()
    assert note_of(fig).startswith("n = ") and "of 20 people followed" in note_of(fig)
    plt.close(small)


def test_an_empty_corpus_draws_a_statement_not_an_empty_figure(tmp_path):
    empty = synthetic_profiles().iloc[:0]
    fig = profile_panels(empty, leaders.profiles_title(0, 0), WAR)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(t.startswith("No person to show") for t in texts)
    assert note_of(fig) == "n = 0 people followed"
    save(fig, "empty-leaders", directory=tmp_path)
    plt.close(fig)
