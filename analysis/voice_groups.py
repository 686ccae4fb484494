"""Whose voice a sentence is in, and comparisons of voices and groups on the right unit.

- Whose voice a sentence is in (:func:`voice_of`): quoted speech (split, when asked, into
  the leaders the book follows, spokespeople and everyone else), the journalists'
  narrative, or the narrative of a government's own text (:func:`analysis.outlets.government_voice`,
  read from the metadata's ``outlet_kind``): an editorial that presents a government's
  views is that government speaking, not journalists narrating.
- Quoted speech against narrative (:func:`voice_differences`): within the articles that
  have both voices, the paired interval of the difference, resampling articles. Where a
  government's editorial is in the corpus, the primary reading sets it apart (its
  narrative is dropped, so its quotations, left without narrative to be compared with,
  leave that reading) and the reading that counts it as narrative is a sensitivity
  check. An interval needs enough articles with *both* voices.
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
                "comparison of voices sets it apart: the two voices are compared within the "
                "articles that have both quoted speech and journalists’ narrative, which "
                "leaves {its} quotations, with no narrative of journalists beside them, out "
                "of the comparison. Counting that narrative as journalists’ instead is shown "
                "as a sensitivity check.")
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


def both_voices(frame: pd.DataFrame, voice: str = "_voice") -> pd.DataFrame:
    """The sentences of the articles that have both quoted speech and narrative.

    A comparison of the two voices inside these articles compares each article's quoted
    speech with its own narrative; an article with one voice only would add a comparison
    between articles.

    Examples
    --------
    >>> f = pd.DataFrame({"doc_id": list("aabc"),
    ...                   "_voice": [QUOTED, NARRATIVE, QUOTED, NARRATIVE]})
    >>> both_voices(f)["doc_id"].tolist()
    ['a', 'a']
    """
    has = frame.groupby("doc_id")[voice].agg(lambda v: {QUOTED, NARRATIVE} <= set(v))
    return frame[frame["doc_id"].map(has).fillna(False).astype(bool)]


def readings(sentences: pd.DataFrame, corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The sentences each reading of the voices compares, the primary reading first: with a
    government's editorial in the corpus, :data:`APART` (its narrative left out) then
    :data:`COUNTED`; otherwise :data:`COUNTED` alone. Each keeps only the articles with
    both voices under it (:func:`both_voices`); column ``_voice`` is :data:`QUOTED` or
    :data:`NARRATIVE`.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"],
    ...                        "outlet_kind": ["paper", "government editorial"]})
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "quoted": [True, False, True, False]})
    >>> {name: frame["doc_id"].tolist() for name, frame in readings(s, corpus).items()}
    {'editorial set apart': ['a', 'a'], 'editorial counted as narrative': ['a', 'a', 'b', 'b']}
    """
    voice = voice_of(sentences, corpus)
    found = {}
    if (voice == EDITORIAL).any():
        found[APART] = sentences.assign(_voice=voice)[voice != EDITORIAL]
    found[COUNTED] = sentences.assign(_voice=voice.replace(EDITORIAL, NARRATIVE))
    return {name: both_voices(frame) for name, frame in found.items()}


def reading_counts(row) -> str:
    """The counts a reading of :func:`voice_differences` rests on, for the prose.

    Examples
    --------
    >>> reading_counts({"n_quoted": 50, "n_narrative": 32, "n_articles": 4})
    '50 quoted and 32 narrative sentences, in the 4 articles that have both voices'
    >>> reading_counts({"n_quoted": 1, "n_narrative": 0, "n_articles": 0})
    '1 quoted and 0 narrative sentences: no article has both voices'
    """
    head = f"{int(row['n_quoted']):,} quoted and {int(row['n_narrative']):,} narrative sentences"
    n = int(row["n_articles"])
    if n == 0:
        return f"{head}: no article has both voices"
    return head + (", in the one article that has both voices" if n == 1
                   else f", in the {n:,} articles that have both voices")


def voice_differences(sentences: pd.DataFrame, corpus: pd.DataFrame,
                      columns: list[str]) -> pd.DataFrame:
    """Quoted speech minus narrative, for the mean of each column, within the articles that
    have both voices, by the paired interval of the difference (articles resampled once for
    both voices).

    Where the corpus has a government's editorial, two readings: set apart (its
    narrative left out), the primary one, and counted as narrative, a sensitivity check.
    Without one, a single reading (``primary``).

    Each reading keeps only the articles in which *both* voices occur under it
    (:func:`both_voices`): an article with only quoted speech (an editorial set apart)
    would add a comparison between articles, so it is left out of that reading, and both
    voices come from the same articles every time. The interval needs
    :data:`analysis.stats.MIN_CLUSTERS` such articles; below that there is no interval,
    and ``reason`` says so.

    Parameters
    ----------
    columns : list of str
        Numeric sentence columns: 0/1 codes (the mean is a share) or scores.

    Returns
    -------
    pandas.DataFrame
        One row per (column, reading), the primary reading first: ``column, reading,
        primary, estimate, low, high, quoted, narrative`` (the two means), ``n_quoted,
        n_narrative`` (sentences of that reading), ``n_units``, ``n_articles`` (the
        articles of that reading: those with both voices), ``n_both`` (the same count,
        kept for its name), ``verdict`` (:data:`VERDICTS`) and ``reason``.

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

    With one article's narrative set apart, its quotations have no narrative of their
    own to be compared with: that article leaves the reading, and four have both voices,
    too few for an interval.

    >>> editorial = corpus.assign(outlet_kind=["government editorial"] + ["paper"] * 4)
    >>> row = voice_differences(s, editorial, ["x"]).iloc[0]
    >>> row["reading"], row["verdict"], int(row["n_articles"]), int(row["n_quoted"])
    ('editorial set apart', 'no interval', 4, 8)
    >>> print(row["reason"])
    only 4 articles have both groups, and an interval needs at least 5
    """
    rows, compared = [], readings(sentences, corpus)  # the same sentences for every column
    for column in columns:
        for number, (reading, frame) in enumerate(compared.items()):
            d = mean_difference(frame, "_voice", QUOTED, NARRATIVE, column)
            rows.append({"column": column, "reading": reading, "primary": number == 0,
                         "estimate": d.estimate, "low": d.low, "high": d.high,
                         "quoted": d.a.estimate, "narrative": d.b.estimate,
                         "n_quoted": d.a.n_units, "n_narrative": d.b.n_units,
                         "n_units": d.a.n_units + d.b.n_units,
                         "n_articles": frame["doc_id"].nunique(),
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
