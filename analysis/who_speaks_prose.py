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
from analysis.wording import count_phrase, join

# What follows for a government's own text in this chapter (government_sentence's ``then``).
COUNTED_APART = ("{its} narrative ({counts}) is that government’s voice, not a journalist’s, "
                 "and is counted apart from the journalists’ narrative here and in every "
                 "comparison of narrative with quotation.")
ALL_JOURNALISTS = "all the narrative is the journalists’."


def longest_quoted(lengths: pd.DataFrame, labels: pd.Series | dict) -> str:
    """Who is quoted at greatest length in any one article, in a sentence, per article
    (never a total over several articles against one article's).

    Examples
    --------
    >>> t = pd.DataFrame({"most_words": [352, 271, 0], "most_article": ["a", "b", ""],
    ...                   "n_articles": [1, 3, 0], "words": [352, 355, 0]},
    ...                  index=["X", "Y", "Z"])
    >>> longest_quoted(t, {"a": "Sky News, 26 Feb 2025", "b": "Post"})
    'The most words quoted from one person followed in a single article are 352, from X (Sky
    News, 26 Feb 2025); the next is Y, with at most 271 in one article (355 in 3 articles).'
    """
    quoted = lengths[lengths["most_words"] > 0].sort_values(
        "most_words", ascending=False, kind="stable")
    if quoted.empty:
        return "No person followed is quoted in these articles."
    first = quoted.iloc[0]
    text = (f"The most words quoted from one person followed in a single article are "
            f"{int(first['most_words']):,}, from {quoted.index[0]} "
            f"({dict(labels).get(first['most_article'], first['most_article'])})")
    if len(quoted) == 1:
        return text + "; no one else followed is quoted."
    second = quoted.iloc[1]
    spread = (f" ({int(second['words']):,} in {int(second['n_articles'])} articles)"
              if second["n_articles"] > 1 else "")
    return (text + f"; the next is {quoted.index[1]}, with at most "
            f"{int(second['most_words']):,} in one article{spread}.")


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
