"""Tables for the tone chapter: VADER's limits made visible.

- :func:`without_misread`: each sentence's compound score with the words VADER likely
  misreads set to zero (:func:`analysis.sentiment.misreadings`), to re-run a comparison.
- :func:`misreading_table`: the misread words, what they add to the scores, and an example
  linked to its sentence in the annotated articles.
- :func:`drivers_table`: the words that make up a difference of tone
  (:func:`analysis.sentiment.tone_drivers`), marked where the reading is lexical.
- :func:`target_groups`: sentences about the relationship, about Russia, both or neither.
- :func:`extremes`: the highest and the lowest group, compared by their difference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import anchors
from analysis.figures import article_labels
from analysis.sentiment import TARGETS, misreadings, summarise_misreadings
from analysis.stats import Difference, mean_difference
from analysis.wording import join, plural, signed

RELATIONSHIP, RUSSIA = "UK–US relationship", "Russia or Putin"
if set(TARGETS) != {RELATIONSHIP, RUSSIA}:  # the names the chapter reads
    raise ImportError(f"analysis.sentiment.TARGETS changed: {sorted(TARGETS)}")


def without_misread(sentences: pd.DataFrame) -> pd.Series:
    """Each sentence's compound score with its likely misread words set to zero; the VADER
    score itself where nothing is misread.

    Examples
    --------
    >>> s = pd.DataFrame({"text": ["She tested positive.", "A good day."],
    ...                   "compound": [0.5574, 0.4404]})
    >>> without_misread(s).tolist()
    [0.0, 0.4404]
    """
    found = misreadings(sentences["text"])
    scores = sentences["compound"].to_numpy(dtype=float).copy()
    per_text = found.drop_duplicates("text_id").set_index("text_id")["compound_without"]
    scores[per_text.index.to_numpy(dtype=int)] = per_text.to_numpy(dtype=float)
    return pd.Series(scores, index=sentences.index, name="compound_without_misread")


def misreading_table(sentences: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The words VADER likely misreads in these sentences, most influential first.

    Returns
    -------
    pandas.DataFrame
        Index ``word``; ``sentences`` (how many it occurs in), ``contribution`` (summed
        share of the compound scores it makes), ``reason``, ``article`` and ``example``
        (the shortest sentence it occurs in, linked to its place in the annotated
        articles: :class:`~analysis.safe.Markup`).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"]})
    >>> s = pd.DataFrame({"doc_id": ["a"], "sentence": [3], "text": ["She tested positive."]})
    >>> table = misreading_table(s, corpus)
    >>> table.index.tolist(), str(table.loc["positive", "example"])
    (['positive'], '<a href="../annotated/a.html#a-s-3">She tested positive.</a>')
    """
    found = misreadings(sentences["text"])
    table = summarise_misreadings(found)
    columns = ["sentences", "contribution", "reason", "article", "example"]
    if table.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="word"))
    rows = sentences.reset_index(drop=True)
    first = (found.assign(word=found["word"].str.lower(), length=found["text"].str.len())
             .sort_values(["length", "text_id"]).groupby("word")["text_id"].first())
    where = rows.loc[first.reindex(table.index).to_numpy(dtype=int)]
    table["article"] = where["doc_id"].map(article_labels(corpus)).to_numpy()
    table["example"] = anchors.link_cells(where["text"], anchors.sentence_links(where))
    return table[columns]


def drivers_table(drivers: pd.DataFrame, k: int = 10) -> pd.DataFrame:
    """The ``k`` words that move a difference of tone most, for a table.

    Parameters
    ----------
    drivers : pandas.DataFrame
        :func:`analysis.sentiment.tone_drivers`.

    Returns
    -------
    pandas.DataFrame
        ``in A`` and ``in B`` (occurrences), ``part of the difference`` (adds up, over all
        words, to the difference of mean compound), ``share`` of it, and ``lexical?`` (the
        reason the word is likely misread, or "").

    Examples
    --------
    >>> from analysis.sentiment import tone_drivers
    >>> d = tone_drivers(["A special relationship."], ["Russian aggression."])
    >>> table = drivers_table(d)
    >>> table.index.tolist(), (table["lexical?"] != "").tolist()
    (['special', 'aggression'], [True, False])
    """
    top = drivers.head(k)
    return pd.DataFrame({"in A": top["n_a"], "in B": top["n_b"],
                         "part of the difference": top["difference"].round(4),
                         "share": top["share"],
                         "lexical?": top["reason"].where(top["misread_difference"] != 0, "")},
                        index=top.index)


def target_groups(scored: pd.DataFrame) -> pd.Series:
    """Which target each sentence mentions: ``"relationship"``, ``"Russia"``, ``"both"``
    or ``"neither"`` (from the target columns of
    :func:`analysis.sentiment.score_sentences`).

    Examples
    --------
    >>> s = pd.DataFrame({RELATIONSHIP: [True, True, False, False],
    ...                   RUSSIA: [False, True, True, False]})
    >>> target_groups(s).tolist()
    ['relationship', 'both', 'Russia', 'neither']
    """
    rel, rus = scored[RELATIONSHIP].astype(bool), scored[RUSSIA].astype(bool)
    return pd.Series(np.select([rel & rus, rel, rus], ["both", "relationship", "Russia"],
                               "neither"), index=scored.index, name="target")


def extremes(table: pd.DataFrame, sentences: pd.DataFrame, by: str,
             value: str = "compound") -> tuple[str, str, Difference] | None:
    """The groups with the highest and the lowest mean, and their difference with its
    interval (each group's own unit resampled).

    The two are picked after looking at all groups, so the interval is, if anything, too
    optimistic: a difference between extremes always looks larger than a difference
    between two groups chosen beforehand.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`analysis.stats.grouped_mean` of ``sentences`` by ``by`` (index: groups).

    Returns
    -------
    (str, str, Difference) or None
        None when there are fewer than two groups with an estimate.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"] * 12 + ["b"] * 12,
    ...                   "compound": [0.5, 0.4] * 6 + [0.0, -0.1] * 6})
    >>> from analysis.stats import grouped_mean
    >>> high, low, d = extremes(grouped_mean(s, "doc_id", "compound"), s, "doc_id")
    >>> high, low, round(d.estimate, 2), d.verdict()
    ('a', 'b', 0.5, 'higher than')
    """
    known = table["estimate"].dropna()
    if len(known) < 2:
        return None
    high = known.sort_values(ascending=False, kind="stable").index[0]
    low = known.sort_values(kind="stable").index[0]
    return high, low, mean_difference(sentences, by, high, low, value)


def misread_sentence(table: pd.DataFrame, n_with: int, n_sentences: int, k: int = 3) -> str:
    """How many sentences hold a likely misread word, and the ``k`` that move the scores
    most (:func:`misreading_table`).

    Examples
    --------
    >>> table = pd.DataFrame({"sentences": [8, 5], "contribution": [2.9, -0.4]},
    ...                      index=pd.Index(["united", "no"], name="word"))
    >>> misread_sentence(table, 12, 89, k=1)
    'Likely misread words occur in 12 of the 89 sentences; the most influential is
    “united” (in 8 sentences, adding +2.90 to their compound scores in all).'
    """
    if table.empty:
        return (f"No likely misread word occurs in the {plural(n_sentences, 'sentence')}: "
                "no lexicon word in a listed non-evaluative sense, none inside a name.")
    top = table.head(k)
    listed = "; ".join(f"“{word}” (in {plural(row['sentences'], 'sentence')}, adding "
                       f"{signed(row['contribution'])} to "
                       + ("its compound score)" if row["sentences"] == 1 else
                          "their compound scores in all)")
                       for word, row in top.iterrows())
    most = "the most influential is" if len(top) == 1 else "the most influential are"
    return (f"Likely misread words occur in {n_with:,} of the "
            f"{plural(n_sentences, 'sentence')}; {most} {listed}.")


def idiom_sentence(found: pd.DataFrame, n_sentences: int, k: int = 3) -> str:
    """How many sentences hold a figure of speech VADER has no rating for
    (:func:`analysis.sentiment.unscored_idioms`), and in how many its score runs against
    the idiom's tone.

    Examples
    --------
    >>> found = pd.DataFrame({"text_id": [3, 7], "idiom": ["at loggerheads"] * 2,
    ...                       "against": [True, False]})
    >>> idiom_sentence(found, 89)
    'Figures of speech whose tone VADER cannot see occur in 2 of the 89 sentences (“at
    loggerheads” twice); in 1 of them the score has the opposite sign to the idiom.'
    """
    if found.empty:
        return (f"None of the {plural(n_sentences, 'sentence')} holds one of the listed "
                "figures of speech whose tone VADER cannot see (“poured cold water on”, "
                "“at loggerheads”).")
    n_with = found["text_id"].nunique()
    counts = found.groupby("idiom")["text_id"].nunique().sort_values(ascending=False,
                                                                     kind="stable")
    times = {1: "once", 2: "twice"}
    listed = join([f"“{idiom}” {times.get(n, f'{n} times')}"
                   for idiom, n in counts.head(k).items()])
    against = int(found.loc[found["against"], "text_id"].nunique())
    return (f"Figures of speech whose tone VADER cannot see occur in {n_with:,} of the "
            f"{plural(n_sentences, 'sentence')} ({listed}); in {against:,} of them the score "
            "has the opposite sign to the idiom.")


def lexical_sentence(drivers: pd.DataFrame, k: int = 3) -> str:
    """How much of a difference of tone comes from likely misread words
    (:func:`analysis.sentiment.tone_drivers`), and which words carry it.

    Examples
    --------
    >>> from analysis.sentiment import tone_drivers
    >>> d = tone_drivers(["A special relationship."], ["Russian aggression."])
    >>> lexical_sentence(d)
    'On balance, 58% of this difference comes from words VADER likely misreads (“special”, on
    either side): that part is lexical, not tone.'
    """
    share = drivers.attrs.get("misread_share", float("nan"))
    if not np.isfinite(share) or not (drivers["misread_difference"] != 0).any():
        return "None of this difference comes from words VADER likely misreads."
    words = (drivers["misread_difference"].abs().sort_values(ascending=False, kind="stable")
             .head(k))
    words = [w for w, v in words.items() if v > 0]
    listed = join(f"“{w}”" for w in words)
    if share < 0:
        return (f"Words VADER likely misreads ({listed}) work against this difference, by "
                f"{-share:.0%} of it on balance: it does not come from them.")
    return (f"On balance, {share:.0%} of this difference comes from words VADER likely "
            f"misreads ({listed}, on either side): that part is lexical, not tone.")


def difference_table(differences: dict[str, Difference]) -> pd.DataFrame:
    """Differences as the rows :func:`analysis.charts.intervals` draws (index: the names).

    Examples
    --------
    >>> from analysis.stats import Interval
    >>> i = Interval(0.5, 0.4, 0.6, n_units=10, n_clusters=5)
    >>> table = difference_table({"VADER": Difference(i, i, 0.1, -0.1, 0.3, True, "articles")})
    >>> float(table.loc["VADER", "estimate"]), int(table.loc["VADER", "n_units"])
    (0.1, 20)
    """
    rows = {name: {"estimate": d.estimate, "low": d.low, "high": d.high,
                   "n_units": d.a.n_units + d.b.n_units,
                   "n_articles": max(d.a.n_clusters, d.b.n_clusters),
                   "verdict": d.verdict(), "reason": d.reason}
            for name, d in differences.items()}
    return pd.DataFrame.from_dict(rows, orient="index")
