"""Sentences for the chapter "Who speaks", computed from its tables so that the same
chapter reads right on any corpus: one article or five hundred, a leader never quoted, no
government editorial at all. Counts come first; an interval is given with what it
resampled, or the reason there is none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.stats import count_phrase, interval_cells


def names_phrase(names: Sequence[str], none: str = "none") -> str:
    """Names in a sentence: "A", "A and B", "A, B and C"; ``none`` for no name.

    Examples
    --------
    >>> names_phrase(["A", "B", "C"]), names_phrase(["A"]), names_phrase([])
    ('A, B and C', 'A', 'none')
    """
    names = [str(n) for n in names]
    if not names:
        return none
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def share_phrase(estimate: float, low: float, high: float, reason: str = "",
                 resampled: str = "", fmt: str = "{:.0%}") -> str:
    """A share with its interval and what the interval resampled, or why it has none.

    Examples
    --------
    >>> share_phrase(0.456, 0.43, 0.48, resampled="articles")
    '46% (95% interval 43%–48%, resampling the articles)'
    >>> share_phrase(0.2, np.nan, np.nan, "3 articles: an interval needs at least 5")
    '20% (no interval: 3 articles: an interval needs at least 5)'
    """
    if not np.isfinite(estimate):
        return f"no share ({reason or 'no data'})"
    value = fmt.format(estimate)
    if np.isfinite(low) and np.isfinite(high):
        unit = f", resampling the {resampled}" if resampled else ""
        if resampled == "sentences":
            unit = ", resampling the sentences of the one article"
        return f"{value} (95% interval {fmt.format(low)}–{fmt.format(high)}{unit})"
    return f"{value} (no interval: {reason or 'too few'})"


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
    '162 of 2,394 words, in 1 of the 5 articles: 7% (95% interval 0%–25%, resampling the articles)'
    >>> voice_phrase(None, 2394, 5)
    'no words'
    """
    if row is None or not row["words"]:
        return "no words"
    counts = count_phrase(row["words"], n_words, "words")
    where = (f"in {int(row['n_articles']):,} of the {n_articles:,} articles" if n_articles > 1
             else "in the one article")
    return (f"{counts}, {where}: "
            + share_phrase(row["estimate"], row["low"], row["high"], row["reason"],
                           row["resampled"]))


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


def editorial_phrase(words: pd.DataFrame, editorials: pd.Series, labels: Mapping,
                     editorial: str = "government editorial") -> str:
    """Whose voice the narrative of a government's editorial is, or that there is none.

    Parameters
    ----------
    words : pandas.DataFrame
        :func:`analysis.whose_words.voice_words` (a column ``editorial``).
    editorials : pandas.Series
        :func:`analysis.whose_words.government_editorials`.

    Examples
    --------
    >>> w = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [50, 40],
    ...                   "government editorial": [30, 0]})
    >>> editorial_phrase(w, pd.Series({"a": True, "b": False}), {"a": "Paper A"})[:60]
    'Paper A is, by its metadata, an editorial presenting a gover'
    >>> editorial_phrase(w, pd.Series({"a": False, "b": False}), {})[:40]
    'No article is, by its metadata, a govern'
    """
    docs = [d for d in editorials.index[editorials.to_numpy(dtype=bool)]]
    if not docs:
        return ("No article is, by its metadata, a government's editorial: all the "
                "narrative is the journalists'.")
    names = names_phrase([str(labels.get(d, d)) for d in docs])
    one = len(docs) == 1
    counts = count_phrase(int(words[editorial].sum()), int(words["n_words"].sum()), "words")
    return (f"{names} {'is' if one else 'are'}, by {'its' if one else 'their'} metadata, "
            f"{'an editorial' if one else 'editorials'} presenting a government's views: "
            f"{'its' if one else 'their'} narrative ({counts}) "
            "is that government's voice, not a journalist's, and is counted apart from the "
            "journalists' narrative here and in every comparison of narrative with quotation.")


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
            + (f" ({names_phrase(quoted)})" if quoted else ""))
    if reported:
        text += (f"; {names_phrase(reported)} {'appears' if len(reported) == 1 else 'appear'}"
                 " only in reported speech")
    if silent:
        text += (f"; {names_phrase(silent)} neither {'speaks' if len(silent) == 1 else 'speak'}"
                 f" nor {'is' if len(silent) == 1 else 'are'} reported as speaking in these "
                 "articles")
    return text + "."


def share_cells(table: pd.DataFrame) -> pd.Series:
    """:func:`analysis.stats.interval_cells` with one decimal for small shares, so that a
    share of a few words never reads "0% (0%–0%)".

    Examples
    --------
    >>> t = pd.DataFrame({"estimate": [0.38, 0.0017], "low": [0.2, 0.0], "high": [0.48, 0.0048]})
    >>> share_cells(t).tolist()
    ['38% (20%–48%)', '0.2% (0.0%–0.5%)']
    """
    cells = interval_cells(table)
    small = (table["high"].fillna(table["estimate"]) < 0.095).to_numpy()
    if small.any():
        cells[small] = interval_cells(table[small], "{:.1%}")
    return cells
