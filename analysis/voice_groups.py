"""Whose voice a sentence is in, and comparisons of voices and groups on the right unit.

- Whose voice a sentence is in (:func:`voice_of`): quoted speech (split, when asked, into
  the leaders the book follows, spokespeople and everyone else), the journalists'
  narrative, or the narrative of a government's own text (:func:`analysis.outlets.government_voice`,
  read from the metadata's ``outlet_kind``): an editorial that presents a government's
  views is that government speaking, not journalists narrating.
- Quoted speech against narrative (:func:`voice_differences`): the paired interval of the
  difference, resampling articles. Where a government's editorial is in the corpus, the
  primary reading sets it apart (its narrative is dropped, its quotations stay quoted
  speech) and the reading that counts it as narrative is a sensitivity check. An interval
  needs enough articles with *both* voices.
- Groups of articles, such as the coverage of each UK figure (:func:`group_differences`):
  compared only when each group has enough articles for an interval of its own.
- One row per article while the articles fit on a page, one per outlet beyond
  (:func:`rows_unit`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.figures import article_labels
from analysis.outlets import EDITORIAL, NARRATIVE, government_voice
from analysis.people import is_spokesperson
from analysis.stats import MIN_CLUSTERS, mean_difference

QUOTED = "quoted speech"
LEADERS = "leaders' own words"
SPOKESPEOPLE = "spokespeople"
OTHERS = "other quoted speakers"
VOICES = (NARRATIVE, EDITORIAL, QUOTED)
SPEAKER_VOICES = (NARRATIVE, EDITORIAL, LEADERS, SPOKESPEOPLE, OTHERS)
MAX_ARTICLE_ROWS = 40  # beyond this, figures drawn per article are drawn per outlet

# What the chapters say follows for a government's text (analysis.outlets.government_sentence):
# the voice comparisons set it apart, or read its narrative as the government's voice.
TWO_READINGS = ("{its} narrative is that government’s voice, not journalists’, so each "
                "comparison of voices sets it apart: {its} narrative is left out of the "
                "comparison, and {its} quotations stay quoted speech. Counting that narrative "
                "as journalists’ instead is shown as a sensitivity check.")
ONE_READING = "the narrative is the outlets’ own throughout."
OWN_VOICE = ("{its} narrative is counted as that government’s voice, not as journalists’ "
             "narrative.")
ALL_NARRATIVE = "all narrative is journalists’."


def voice_of(sentences: pd.DataFrame, corpus: pd.DataFrame,
             leaders: Iterable[str] | None = None) -> pd.Series:
    """Whose voice each sentence is.

    A sentence is quoted when the pipeline marks it so (at least half its words inside
    quotation marks); a narrative sentence of a government's own text
    (:func:`analysis.outlets.government_voice`) is that government's voice.

    Parameters
    ----------
    sentences : pandas.DataFrame
        One row per sentence with ``doc_id``, ``quoted`` and, with ``leaders``,
        ``speaker`` (the pipeline's sentence table).
    corpus : pandas.DataFrame
        ``doc_id`` and ``outlet_kind``.
    leaders : iterable of str, optional
        The people the book follows (:func:`analysis.people.leader_names`). Without them,
        quoted sentences are one voice, :data:`QUOTED`; with them, they are split into
        :data:`LEADERS`, :data:`SPOKESPEOPLE` and :data:`OTHERS` (unknown speakers
        included).

    Returns
    -------
    pandas.Series
        One of :data:`SPEAKER_VOICES` (or :data:`VOICES`) per sentence, same index.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet_kind": ["newspaper",
    ...                        "government broadcaster, editorial of the government"]})
    >>> sents = pd.DataFrame({"doc_id": ["a", "a", "a", "b"],
    ...                       "quoted": [False, True, True, False],
    ...                       "speaker": ["", "Liz Truss", "No 10 spokesperson", ""]})
    >>> voice_of(sents, corpus).tolist()
    ["journalists' narrative", 'quoted speech', 'quoted speech', 'government editorial']
    >>> voice_of(sents, corpus, ["Liz Truss"]).tolist()[1:3]
    ["leaders' own words", 'spokespeople']
    """
    editorial = sentences["doc_id"].map(government_voice(corpus)).fillna(False)
    quoted = sentences["quoted"].astype(bool).to_numpy()
    narrative = np.where(editorial.to_numpy(dtype=bool), EDITORIAL, NARRATIVE)
    if leaders is None:
        speech = np.full(len(sentences), QUOTED, dtype=object)
    else:
        speakers = sentences["speaker"].fillna("").astype(str)
        speech = np.where(speakers.isin(set(leaders)), LEADERS,
                          np.where(is_spokesperson(speakers), SPOKESPEOPLE, OTHERS))
    return pd.Series(np.where(quoted, speech, narrative), index=sentences.index, name="voice")


COUNTED, APART = "editorial counted as narrative", "editorial set apart"  # the two readings
# The verdict column of a table of differences: a direction only where the interval of the
# difference excludes zero (analysis.stats.Difference.verdict).
VERDICTS = ("higher", "lower", "not clearly different", "no interval")
CLEAR = VERDICTS[:2]
# Colours of the readings in a figure: the primary one dark, the sensitivity check light
# grey (neither is a person's colour: those are kept for people).
READING_COLOURS = {APART: "#1A1A1A", COUNTED: "#A3A3A3"}


def voice_differences(sentences: pd.DataFrame, corpus: pd.DataFrame,
                      columns: list[str]) -> pd.DataFrame:
    """Quoted speech minus narrative, for the mean of each column, by the paired interval
    of the difference (articles resampled once for both voices).

    Where the corpus has a government's editorial, two readings: set apart (its
    narrative left out; its quotations stay quoted speech), the primary one, and counted
    as narrative, a sensitivity check. Without one, a single reading (``primary``).

    The interval needs :data:`analysis.stats.MIN_CLUSTERS` articles in which *both*
    voices occur: an article with only quoted speech (an editorial set apart) adds no
    comparison of its own. Below that there is no interval, and ``reason`` says so.

    Parameters
    ----------
    columns : list of str
        Numeric sentence columns: 0/1 codes (the mean is a share) or scores.

    Returns
    -------
    pandas.DataFrame
        One row per (column, reading), the primary reading first: ``column, reading,
        primary, estimate, low, high, quoted, narrative`` (the two means), ``n_quoted,
        n_narrative`` (sentences), ``n_units``, ``n_articles``, ``n_both`` (articles with
        both voices), ``verdict`` (:data:`VERDICTS`) and ``reason``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": list("abcde"), "outlet_kind": ["paper"] * 5})
    >>> s = pd.DataFrame({"doc_id": np.repeat(list("abcde"), 4),
    ...                   "quoted": [True, True, False, False] * 5,
    ...                   "x": [0.5, 0.4, 0.1, 0.0, 0.6, 0.2, 0.0, 0.1, 0.4, 0.4, 0.2, 0.0,
    ...                         0.3, 0.5, 0.0, 0.1, 0.5, 0.4, 0.1, 0.0]})
    >>> row = voice_differences(s, corpus, ["x"]).iloc[0]
    >>> row["reading"], bool(row["primary"]), round(float(row["estimate"]), 2), row["verdict"]
    ('editorial counted as narrative', True, 0.36, 'higher')

    With one article's narrative set apart, four articles have both voices: no interval.

    >>> editorial = corpus.assign(outlet_kind=["government editorial"] + ["paper"] * 4)
    >>> row = voice_differences(s, editorial, ["x"]).iloc[0]
    >>> row["reading"], row["verdict"], int(row["n_both"])
    ('editorial set apart', 'no interval', 4)
    >>> print(row["reason"])
    only 4 articles have both groups, and an interval needs at least 5
    """
    voice = voice_of(sentences, corpus)
    readings = {}
    if (voice == EDITORIAL).any():
        readings[APART] = sentences.assign(_voice=voice)[voice != EDITORIAL]
    readings[COUNTED] = sentences.assign(_voice=voice.replace(EDITORIAL, NARRATIVE))
    rows = []
    for column in columns:
        for number, (reading, frame) in enumerate(readings.items()):
            d = mean_difference(frame, "_voice", QUOTED, NARRATIVE, column)
            n_articles = frame["doc_id"].nunique()
            rows.append({"column": column, "reading": reading, "primary": number == 0,
                         "estimate": d.estimate, "low": d.low, "high": d.high,
                         "quoted": d.a.estimate, "narrative": d.b.estimate,
                         "n_quoted": d.a.n_units, "n_narrative": d.b.n_units,
                         "n_units": d.a.n_units + d.b.n_units, "n_articles": n_articles,
                         "n_both": d.n_both, "verdict": d.verdict(*VERDICTS),
                         "reason": d.reason})
    return pd.DataFrame(rows, columns=["column", "reading", "primary", "estimate", "low", "high",
                                       "quoted", "narrative", "n_quoted", "n_narrative",
                                       "n_units", "n_articles", "n_both", "verdict", "reason"])


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
                         "verdict": d.verdict(*VERDICTS), "reason": d.reason})
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
