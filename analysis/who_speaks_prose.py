"""Sentences for the chapter "Who speaks", computed from its tables so that the same
chapter reads right on any corpus: one article or five hundred, a leader never quoted, no
government editorial at all. Counts come first; an interval is given with what it
resampled, or the reason there is none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.outlets import EDITORIAL, government_sentence
from analysis.prose import interval_phrase
from analysis.wording import count_phrase, join, plural

# What follows for a government's own text in this chapter (government_sentence's ``then``).
COUNTED_APART = ("{its} narrative ({counts}) is that government’s voice, not a journalist’s, "
                 "and is counted apart from the journalists’ narrative here and in every "
                 "comparison of narrative with quotation.")
ALL_JOURNALISTS = "all the narrative is the journalists’."


def longest_quoted(lengths: pd.DataFrame, labels: pd.Series | dict,
                   article_words: Mapping | None = None, limit: int = 6) -> str:
    """How much of each person followed one article quotes at most, with that article's
    length, and no ranking: a total over several articles is not comparable with one
    article's, and articles differ in length and subject.

    Examples
    --------
    >>> t = pd.DataFrame({"most_words": [352, 271, 0], "most_article": ["a", "b", ""],
    ...                   "n_articles": [1, 3, 0], "words": [352, 355, 0]},
    ...                  index=["X", "Y", "Z"])
    >>> longest_quoted(t, {"a": "Sky News, 26 Feb 2025", "b": "Post"}, {"a": 794, "b": 600})
    'Quoted words in any one article, person by person: X, 352 (44% of the 794 words of Sky
    News, 26 Feb 2025); Y, at most 271 (45% of the 600 words of Post; 355 in 3 articles). These
    describe what each article chose to quote; they do not rank the people.'
    """
    quoted = lengths[lengths["most_words"] > 0].sort_values(
        "most_words", ascending=False, kind="stable")
    if quoted.empty:
        return "No person followed is quoted in these articles."
    sizes = {} if article_words is None else dict(article_words)
    labels = dict(labels)
    parts = []
    for name, row in quoted.head(limit).iterrows():
        doc = row["most_article"]
        where = labels.get(doc, doc)
        total = sizes.get(doc)
        context = (f"{row['most_words'] / total:.0%} of the {int(total):,} words of {where}"
                   if total else where)
        several = int(row["n_articles"]) > 1
        spread = f"; {int(row['words']):,} in {int(row['n_articles'])} articles" if several else ""
        parts.append(f"{name}, {'at most ' if several else ''}{int(row['most_words']):,} "
                     f"({context}{spread})")
    rest = len(quoted) - len(parts)
    more = f"; and {plural(rest, 'other')} (see the table)" if rest else ""
    return ("Quoted words in any one article, person by person: " + "; ".join(parts) + more
            + ". These describe what each article chose to quote; they do not rank the people.")


def voice_phrase(row: pd.Series | None, n_words: int, n_articles: int) -> str:
    """One voice's share of all words: counts first, then the share and its interval.

    ``row`` is a row of :func:`analysis.whose_words.voice_shares` (``None``: the voice has
    no words).

    Examples
    --------
    >>> row = pd.Series({"words": 162, "n_articles": 1, "estimate": 0.068, "low": 0.0,
    ...                  "high": 0.25, "resampled": "articles", "reason": ""})
    >>> voice_phrase(row, 2394, 5)
    '162 of 2,394 words, in 1 of the 5 articles: 7% (95% interval 0% to 25%, articles resampled)'

    A voice found in one article of several has no interval
    (:func:`analysis.whose_words.voice_shares` says why):

    >>> alone = pd.Series({**row.to_dict(), "low": np.nan, "high": np.nan, "resampled": "",
    ...                    "reason": "all in 1 article"})
    >>> voice_phrase(alone, 2394, 5)
    '162 of 2,394 words, in 1 of the 5 articles: 7% (no interval: all in 1 article)'
    >>> voice_phrase(None, 2394, 5)
    'no words'
    """
    if row is None or not row["words"]:
        return "no words"
    counts = count_phrase(row["words"], n_words, "words")
    where = (f"in {int(row['n_articles']):,} of the {n_articles:,} articles" if n_articles > 1
             else "in the one article")
    return (f"{counts}, {where}: "
            + interval_phrase(row["estimate"], row["low"], row["high"], "{:.0%}",
                              row["resampled"], row["reason"]))


def spread_phrase(by_article: pd.DataFrame, labels: Mapping) -> str:
    """How far the articles' quoted shares range, naming the two ends; "" for one article.

    ``by_article``: :func:`analysis.stats.grouped_ratio` of ``quoted_words`` over
    ``n_words`` per ``doc_id``.

    Examples
    --------
    >>> t = pd.DataFrame({"estimate": [0.6, 0.1], "quoted_words": [60, 10],
    ...                   "n_words": [100, 100]}, index=["a", "b"])
    >>> spread_phrase(t, {"a": "Paper A", "b": "Paper B"})
    'The share ranges from 10% in Paper B (10 of 100 words) to 60% in Paper A (60 of 100 words).'
    """
    known = by_article[np.isfinite(by_article["estimate"])]
    if len(known) < 2:
        return ""
    ordered = known.sort_values("estimate", kind="stable")
    low, high = ordered.index[0], ordered.index[-1]

    def end(doc_id) -> str:
        row = known.loc[doc_id]
        return (f"{row['estimate']:.0%} in {labels.get(doc_id, doc_id)} "
                f"({count_phrase(row['quoted_words'], row['n_words'], 'words')})")

    return f"The share ranges from {end(low)} to {end(high)}."


def editorial_phrase(words: pd.DataFrame, corpus: pd.DataFrame, labels: Mapping) -> str:
    """Which articles are a government's own voice, and how many words their narrative
    holds (:func:`analysis.outlets.government_sentence`), or that there is none.

    Parameters
    ----------
    words : pandas.DataFrame
        :func:`analysis.whose_words.voice_words` (a column ``government editorial``).
    corpus : pandas.DataFrame
        ``doc_id`` and ``outlet_kind``.

    Examples
    --------
    >>> w = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [50, 40],
    ...                   "government editorial": [30, 0]})
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"],
    ...                        "outlet_kind": ["government editorial", "newspaper"]})
    >>> print(editorial_phrase(w, corpus, {"a": "Paper A"}))
    By its kind, 1 of the 2 articles presents a government’s own views (Paper A): its
    narrative (30 of 90 words) is that government’s voice, not a journalist’s, and is
    counted apart from the journalists’ narrative here and in every comparison of narrative
    with quotation.
    >>> print(editorial_phrase(w, corpus.assign(outlet_kind="newspaper"), {}))
    No article is described as presenting a government’s own views: all the narrative is the
    journalists’.
    """
    counts = count_phrase(int(words[EDITORIAL].sum()), int(words["n_words"].sum()), "words")
    return government_sentence(corpus, labels,
                               COUNTED_APART.replace("{counts}", counts), ALL_JOURNALISTS)


def events_phrase(counts: pd.DataFrame, followed: Sequence[str]) -> str:
    """Who among the people followed is quoted, only reported, or silent.

    ``counts``: :func:`analysis.speech_events.event_counts` (index: person).

    Examples
    --------
    >>> c = pd.DataFrame({"quoted": [3, 0, 0], "reported": [1, 2, 0]}, index=["A", "B", "C"])
    >>> events_phrase(c, ["A", "B", "C"])
    'Of the 3 people followed, 1 is quoted directly (A); B appears only in reported speech; C
    neither speaks nor is reported as speaking in these articles.'
    """
    rows = counts.reindex(list(followed)).fillna(0)
    quoted = list(rows.index[rows["quoted"] > 0])
    reported = list(rows.index[(rows["quoted"] == 0) & (rows["reported"] > 0)])
    silent = list(rows.index[(rows["quoted"] == 0) & (rows["reported"] == 0)])
    n = len(rows)
    text = (f"Of the {n:,} {'person' if n == 1 else 'people'} followed, {len(quoted):,} "
            f"{'is' if len(quoted) == 1 else 'are'} quoted directly"
            + (f" ({join(quoted)})" if quoted else ""))
    if reported:
        text += (f"; {join(reported)} {'appears' if len(reported) == 1 else 'appear'}"
                 " only in reported speech")
    if silent:
        text += (f"; {join(silent)} neither {'speaks' if len(silent) == 1 else 'speak'}"
                 f" nor {'is' if len(silent) == 1 else 'are'} reported as speaking in these "
                 "articles")
    return text + "."
