"""Whose voice a sentence is in, and comparisons of voices and groups on the right unit.

- Whose voice a sentence is in: quoted speech, the outlet's narrative, or the narrative of
  a government's own editorial (:func:`government_voice`, read from the metadata's
  ``outlet_kind``, never from an outlet's name): an editorial that presents a government's
  views is that government speaking, not journalists narrating.
- Quoted speech against narrative (:func:`voice_differences`): the paired interval of the
  difference, resampling articles, with the government's editorial counted as narrative
  and set apart.
- Groups of articles, such as the coverage of each UK figure (:func:`group_differences`):
  compared only when each group has enough articles for an interval of its own.
- One row per article while the articles fit on a page, one per outlet beyond
  (:func:`rows_unit`).
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd

from analysis.figures import article_labels
from analysis.stats import MIN_CLUSTERS, mean_difference

QUOTED, NARRATIVE, EDITORIAL = "quoted", "narrative", "government editorial"
# An outlet kind that says the text presents a government's own views: an editorial, a
# statement or a press release of a government (or its broadcaster's editorial voice).
_GOVERNMENT = re.compile(r"\bgovernment", re.IGNORECASE)
_OWN_VIEWS = re.compile(r"\beditorial|\bviews of\b|\bstatement|\bpress release",
                        re.IGNORECASE)
MAX_ARTICLE_ROWS = 40  # beyond this, figures drawn per article are drawn per outlet


def government_voice(corpus: pd.DataFrame) -> pd.Series:
    """Whether each article is a government's own voice (an editorial or statement).

    Read from the metadata's ``outlet_kind``: it must name a government and an editorial,
    a statement, a press release or "the views of". A government broadcaster's news
    reports are journalism and stay narrative.

    Returns
    -------
    pandas.Series
        Boolean, indexed by ``doc_id``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet_kind": [
    ...     "US government broadcaster, editorial presenting the views of the US government",
    ...     "US government broadcaster, news report", None]})
    >>> government_voice(corpus).tolist()
    [True, False, False]
    """
    kinds = (corpus["outlet_kind"] if "outlet_kind" in corpus
             else pd.Series("", index=corpus.index)).fillna("").astype(str)
    flags = kinds.str.contains(_GOVERNMENT) & kinds.str.contains(_OWN_VIEWS)
    return pd.Series(flags.to_numpy(dtype=bool), index=corpus["doc_id"].to_numpy(),
                     name="government_voice")


def voices(sentences: pd.DataFrame, corpus: pd.DataFrame) -> pd.Series:
    """Each sentence's voice: ``"quoted"``, ``"narrative"`` or ``"government editorial"``.

    A sentence is quoted when the pipeline marks it so (at least half its words inside
    quotation marks); a narrative sentence of a government's editorial
    (:func:`government_voice`) is that government's voice.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet_kind": [
    ...     "government editorial", "newspaper"]})
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "quoted": [True, False, False]})
    >>> voices(s, corpus).tolist()
    ['quoted', 'government editorial', 'narrative']
    """
    editorial = sentences["doc_id"].map(government_voice(corpus)).fillna(False).astype(bool)
    quoted = sentences["quoted"].astype(bool)
    return pd.Series(np.where(quoted, QUOTED, np.where(editorial, EDITORIAL, NARRATIVE)),
                     index=sentences.index, name="voice")


READINGS = {"editorial counted as narrative": "all", "editorial set apart": "apart"}


def voice_differences(sentences: pd.DataFrame, corpus: pd.DataFrame,
                      columns: list[str]) -> pd.DataFrame:
    """Quoted speech minus narrative, for the mean of each column, by the paired interval
    of the difference (articles resampled once for both voices).

    Two readings: the government's editorial narrative counted as narrative, and set
    apart (left out of the narrative; its quotations stay quoted speech). The second is
    given only when the corpus has such an editorial.

    Parameters
    ----------
    columns : list of str
        Numeric sentence columns: 0/1 codes (the mean is a share) or scores.

    Returns
    -------
    pandas.DataFrame
        One row per (column, reading): ``column, reading, estimate, low, high, quoted,
        narrative`` (the two means), ``n_quoted, n_narrative`` (sentences), ``n_units``,
        ``n_articles``, ``verdict`` ("higher", "lower", "not clearly different",
        "no interval") and ``reason``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": list("abcde"), "outlet_kind": ["paper"] * 5})
    >>> s = pd.DataFrame({"doc_id": np.repeat(list("abcde"), 4),
    ...                   "quoted": [True, True, False, False] * 5,
    ...                   "x": [0.5, 0.4, 0.1, 0.0, 0.6, 0.2, 0.0, 0.1, 0.4, 0.4, 0.2, 0.0,
    ...                         0.3, 0.5, 0.0, 0.1, 0.5, 0.4, 0.1, 0.0]})
    >>> row = voice_differences(s, corpus, ["x"]).iloc[0]
    >>> row["reading"], round(float(row["estimate"]), 2), row["verdict"]
    ('editorial counted as narrative', 0.36, 'higher')
    """
    voice = voices(sentences, corpus)
    readings = {"editorial counted as narrative":
                sentences.assign(_voice=voice.replace(EDITORIAL, NARRATIVE))}
    if (voice == EDITORIAL).any():
        readings["editorial set apart"] = sentences.assign(_voice=voice)[voice != EDITORIAL]
    rows = []
    for column in columns:
        for reading, frame in readings.items():
            d = mean_difference(frame, "_voice", QUOTED, NARRATIVE, column)
            verdict = d.verdict("higher", "lower", "not clearly different", "no interval")
            rows.append({"column": column, "reading": reading, "estimate": d.estimate,
                         "low": d.low, "high": d.high, "quoted": d.a.estimate,
                         "narrative": d.b.estimate, "n_quoted": d.a.n_units,
                         "n_narrative": d.b.n_units, "n_units": d.a.n_units + d.b.n_units,
                         "n_articles": frame["doc_id"].nunique(), "verdict": verdict,
                         "reason": d.reason})
    return pd.DataFrame(rows, columns=["column", "reading", "estimate", "low", "high", "quoted",
                                       "narrative", "n_quoted", "n_narrative", "n_units",
                                       "n_articles", "verdict", "reason"])


def group_differences(sentences: pd.DataFrame, by: str, columns: list[str],
                      min_articles: int = MIN_CLUSTERS) -> pd.DataFrame:
    """Every pair of groups of articles (the coverage of each UK figure) compared, column by
    column, when both groups have at least ``min_articles`` articles.

    A claim about a UK figure's coverage is a claim about articles: groups with fewer
    articles are not compared at all (a comparison of two single articles is about those
    two articles, not about the figures).

    Returns
    -------
    pandas.DataFrame
        One row per (column, pair): ``column, a, b, estimate`` (mean of ``a`` minus mean
        of ``b``), ``low, high, verdict, reason``. Empty when fewer than two groups have
        enough articles.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": list("abcdefghij") + ["k"],
    ...                   "who": ["A"] * 5 + ["B"] * 5 + ["C"], "x": [1.0] * 5 + [0.0] * 6})
    >>> table = group_differences(s, "who", ["x"])
    >>> table[["a", "b", "estimate", "verdict"]].values.tolist()
    [['A', 'B', 1.0, 'no interval']]
    """
    articles = sentences.groupby(by)["doc_id"].nunique()
    eligible = sorted(articles[articles >= min_articles].index)
    rows = []
    for column in columns:
        for a, b in itertools.combinations(eligible, 2):
            d = mean_difference(sentences, by, a, b, column, min_clusters=min_articles)
            rows.append({"column": column, "a": a, "b": b, "estimate": d.estimate,
                         "low": d.low, "high": d.high,
                         "verdict": d.verdict("higher", "lower", "not clearly different",
                                              "no interval"), "reason": d.reason})
    return pd.DataFrame(rows, columns=["column", "a", "b", "estimate", "low", "high",
                                       "verdict", "reason"])


def rows_unit(corpus: pd.DataFrame, max_articles: int = MAX_ARTICLE_ROWS) -> tuple[str, dict]:
    """How a figure "per article" is drawn for this corpus: ``("doc_id", labels)`` with a
    readable label per article while there are at most ``max_articles``, else
    ``("outlet", {})`` (one row per outlet: a figure with hundreds of rows is unreadable).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"],
    ...                        "published": pd.to_datetime(["2025-02-26"]),
    ...                        "date_precision": ["day"]})
    >>> rows_unit(corpus)
    ('doc_id', {'a': 'Sky News, 26 Feb 2025'})
    >>> rows_unit(corpus, max_articles=0)
    ('outlet', {})
    """
    if len(corpus) <= max_articles:
        return "doc_id", article_labels(corpus).to_dict()
    return "outlet", {}


def editorial_sentence(corpus: pd.DataFrame) -> str:
    """Whether the corpus holds a government's editorial, and what the comparisons of voices
    do with it.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["VOA", "Sky"],
    ...                        "outlet_kind": ["government editorial", "broadcaster"]})
    >>> editorial_sentence(corpus)
    'One article is a government’s editorial (VOA, per its outlet kind in the metadata): its
    own narrative is that government’s voice, not journalists’, so each comparison of voices
    is shown twice, with that narrative counted as narrative and set apart.'
    """
    flags = government_voice(corpus)
    if not flags.any():
        return ("No article is a government’s editorial (by the outlet kinds in the metadata): "
                "the narrative is the outlets’ own throughout.")
    outlets = corpus.loc[flags.to_numpy(), "outlet"].fillna("").astype(str)
    names = ", ".join(dict.fromkeys(o for o in outlets if o)) or "no outlet named"
    n = int(flags.sum())
    head = "One article is" if n == 1 else f"{n} articles are"
    return (f"{head} a government’s editorial ({names}, per {'its' if n == 1 else 'their'} "
            f"outlet kind in the metadata): {'its' if n == 1 else 'their'} own narrative is "
            "that government’s voice, not "
            "journalists’, so each comparison of voices is shown twice, with that narrative "
            "counted as narrative and set apart.")
