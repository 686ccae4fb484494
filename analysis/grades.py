"""Reading grades for the book: whose voice each sentence is, and a news benchmark.

The readability chapter asks how plain the articles are *for news*, and whose words are
harder: the journalists' narrative or the speech they quote. Two things make that honest:

- a benchmark that is news: the distribution of each formula over BBC News stories,
  measured by ``python -m analysis.evaluate readability`` and committed in
  ``evaluation/readability.json`` (:func:`news_benchmark`), and a sentence that says how
  many articles lie above it (:func:`benchmark_sentence`);
- voices kept apart (:func:`voice_of`): an outlet's narrative is the journalists' voice,
  except in an editorial that presents a government's views (read from the metadata's
  ``outlet_kind``, :func:`government_editorials`), whose narrative is that government's
  voice; quoted speech is split into the leaders the book follows, spokespeople and
  everyone else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.comparisons import names_list, number_word, share_words
from analysis.stats import Interval

NARRATIVE = "journalists' narrative"
EDITORIAL = "government editorial"
QUOTED = "quoted speech"
LEADERS = "leaders' own words"
SPOKESPEOPLE = "spokespeople"
OTHERS = "other quoted speakers"
VOICES = (NARRATIVE, EDITORIAL, QUOTED)
SPEAKER_VOICES = (NARRATIVE, EDITORIAL, LEADERS, SPOKESPEOPLE, OTHERS)
_SPOKESPERSON = re.compile(r"\bspokes(?:person|man|woman|people)\b", re.I)


def government_editorials(corpus: pd.DataFrame) -> pd.Series:
    """Whether each article is an editorial that presents a government's views.

    Read from the metadata's ``outlet_kind`` (never from the outlet's name): a kind that
    says both "editorial" and "government" ("US government broadcaster, editorial
    presenting the views of the US government"). A government broadcaster's news report
    is not an editorial, and a newspaper's editorial is not a government's.

    Returns
    -------
    pandas.Series
        Boolean, indexed by ``doc_id``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet_kind": [
    ...     "US government broadcaster, editorial presenting the views of the US government",
    ...     "US government broadcaster, news", "UK newspaper, editorial"]})
    >>> government_editorials(corpus).tolist()
    [True, False, False]
    """
    kinds = (corpus["outlet_kind"] if "outlet_kind" in corpus
             else pd.Series("", index=corpus.index)).fillna("").astype(str)
    flags = (kinds.str.contains(r"\beditorial", case=False)
             & kinds.str.contains(r"\bgovernment", case=False))
    return pd.Series(flags.to_numpy(dtype=bool), index=corpus["doc_id"].to_numpy(),
                     name="government_editorial")


def is_spokesperson(speakers: Iterable[str]) -> np.ndarray:
    """Whether each speaker label names a spokesperson ("Downing Street spokesperson").

    Attribution labels words said on a leader's or a body's behalf this way and never
    credits them to the leader (:mod:`analysis.attribution`).

    Examples
    --------
    >>> is_spokesperson(["Downing Street spokesperson", "A spokesman", "Liz Truss", ""])
    array([ True,  True, False, False])
    """
    return np.array([bool(_SPOKESPERSON.search(str(s))) for s in speakers], dtype=bool)


def voice_of(sentences: pd.DataFrame, corpus: pd.DataFrame,
             leaders: Iterable[str] | None = None) -> pd.Series:
    """Whose voice each sentence is.

    Parameters
    ----------
    sentences : pandas.DataFrame
        One row per sentence with ``doc_id``, ``quoted`` and ``speaker`` (the pipeline's
        sentence table).
    corpus : pandas.DataFrame
        ``doc_id`` and ``outlet_kind`` (for :func:`government_editorials`).
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
    editorial = sentences["doc_id"].map(government_editorials(corpus)).fillna(False)
    quoted = sentences["quoted"].astype(bool).to_numpy()
    narrative = np.where(editorial.to_numpy(dtype=bool), EDITORIAL, NARRATIVE)
    if leaders is None:
        speech = np.full(len(sentences), QUOTED, dtype=object)
    else:
        speakers = sentences["speaker"].fillna("").astype(str)
        speech = np.where(speakers.isin(set(leaders)), LEADERS,
                          np.where(is_spokesperson(speakers), SPOKESPEOPLE, OTHERS))
    return pd.Series(np.where(quoted, speech, narrative), index=sentences.index, name="voice")


def describe_grade(row: pd.Series, fmt: str = "{:.1f}") -> str:
    """One row of :func:`analysis.readability.grouped_readability` in words: the grade, its
    interval or why there is none, and the counts.

    Examples
    --------
    >>> row = pd.Series({"estimate": 13.9, "low": 13.4, "high": 14.6, "n_sentences": 89,
    ...                  "n_articles": 5, "resampled": "articles", "reason": ""})
    >>> describe_grade(row)
    '13.9 (95% interval 13.4–14.6; 89 sentences in 5 articles)'
    >>> describe_grade(pd.Series({**row, "low": np.nan, "high": np.nan,
    ...                           "reason": "4 articles: too few"}))
    '13.9 (no interval: 4 articles: too few; 89 sentences in 5 articles)'
    """
    return Interval(float(row["estimate"]), float(row["low"]), float(row["high"]),
                    n_units=int(row["n_sentences"]), n_clusters=int(row["n_articles"]),
                    resampled=str(row["resampled"]), reason=str(row["reason"])).describe(fmt)


@dataclass(frozen=True)
class Benchmark:
    """One formula's distribution over a benchmark's articles, and where it was measured.

    ``name`` says which stories ("BBC News stories", "BBC News politics stories"); ``date``,
    ``data`` and ``description`` come from the committed evaluation result.
    """

    name: str
    metric: str
    n: int
    p10: float
    q1: float
    median: float
    q3: float
    p90: float
    date: str
    data: str
    description: str

    @property
    def band(self) -> tuple[float, float]:
        """The middle half of the benchmark's articles (first to third quartile)."""
        return (self.q1, self.q3)


def news_benchmark(result: dict, metric: str = "flesch_kincaid_grade",
                   section: str | None = None, source: str = "BBC News") -> Benchmark:
    """The benchmark of one formula from the readability evaluation's result.

    Parameters
    ----------
    result : dict
        ``analysis.evaluate.read_result("readability")``.
    metric : str
        A formula (:data:`analysis.readability.METRICS`) or ``words_per_sentence``
        (overall only).
    section : str, optional
        One section of the benchmark (its first folder: ``politics``); default all.
    source : str
        How the prose names the benchmark's stories.

    Examples
    --------
    >>> result = {"date": "2026-11-24", "data": "bbc", "description": "2 articles",
    ...           "metrics": {"overall": {"flesch_kincaid_grade": {"n": 2, "mean": 10,
    ...           "p10": 8, "q1": 9, "median": 10, "q3": 11, "p90": 12}}, "by_section": {}}}
    >>> bench = news_benchmark(result)
    >>> bench.name, bench.median, bench.band
    ('BBC News stories', 10.0, (9.0, 11.0))
    >>> news_benchmark(result, section="politics")
    Traceback (most recent call last):
    ...
    KeyError: "the readability benchmark has no section 'politics' (sections: none)"
    """
    metrics = result["metrics"]
    if section is None:
        values = metrics["overall"][metric]
        name = f"{source} stories"
    else:
        sections = metrics.get("by_section", {})
        if section not in sections:
            raise KeyError(f"the readability benchmark has no section {section!r} "
                           f"(sections: {', '.join(sorted(sections)) or 'none'})")
        values = sections[section][metric]
        name = f"{source} {section} stories"
    return Benchmark(name, metric, int(values["n"]), *(float(values[k]) for k in
                                                       ("p10", "q1", "median", "q3", "p90")),
                     str(result.get("date", "")), str(result.get("data", "")),
                     str(result.get("description", "")))


def benchmark_counts(values: pd.Series, bench: Benchmark) -> dict[str, int]:
    """How many values lie above the benchmark's 90th percentile, third quartile and median,
    inside its middle half, and below its first quartile (finite values only).

    Examples
    --------
    >>> bench = Benchmark("B", "g", 9, 8, 9, 10, 11, 12, "", "", "")
    >>> benchmark_counts(pd.Series([8.5, 10.5, 13.0, float("nan")]), bench)
    {'n': 3, 'above_p90': 1, 'above_q3': 1, 'above_median': 2, 'in_band': 1, 'below_q1': 1}
    """
    v = pd.Series(values, dtype=float).dropna()
    return {"n": len(v), "above_p90": int((v > bench.p90).sum()),
            "above_q3": int((v > bench.q3).sum()), "above_median": int((v > bench.median).sum()),
            "in_band": int(((v >= bench.q1) & (v <= bench.q3)).sum()),
            "below_q1": int((v < bench.q1).sum())}


def benchmark_sentence(values: pd.Series, bench: Benchmark, thing: str = "article",
                       things: str | None = None, fmt: str = "{:.1f}", unit: str = "") -> str:
    """Where a set of scores (one per article, or per person) lies against the benchmark,
    in one sentence. ``thing`` and ``things`` name what has the scores (singular, plural).

    Examples
    --------
    >>> bench = Benchmark("BBC News stories", "g", 9, 8.5, 9.7, 10.7, 11.9, 12.7, "", "", "")
    >>> print(benchmark_sentence(pd.Series([13.1, 15.4, 14.2]), bench))
    All three articles score above 12.7, a level nine in ten BBC News stories stay under
    (the median story: 10.7).
    >>> print(benchmark_sentence(pd.Series([9.0, 13.0]), bench))
    One of the two articles scores above 12.7, a level nine in ten BBC News stories stay
    under (the median story: 10.7); one is no higher than three in four of them (at or
    below 11.9).
    >>> print(benchmark_sentence(pd.Series([11.0]), bench, unit="words per sentence"))
    The one article does not score above 12.7 words per sentence, a level nine in ten BBC
    News stories stay under (the median story: 10.7 words per sentence).
    >>> print(benchmark_sentence(pd.Series([float("nan")]), bench))
    No article has a score to compare with BBC News stories.
    >>> print(benchmark_sentence(pd.Series([13.0, 11.0]), bench, "person", "people"))
    One of the two people scores above 12.7, a level nine in ten BBC News stories stay
    under (the median story: 10.7); one is no higher than three in four of them (at or
    below 11.9).
    """
    counts = benchmark_counts(values, bench)
    n, k = counts["n"], counts["above_p90"]
    one, things = thing, things or thing + "s"
    if n == 0:
        return f"No {one} has a score to compare with {bench.name}."
    if n == 1:
        head = f"The one {one} {'scores' if k else 'does not score'}"
    else:
        head = f"{share_words(k, n, one, things, capital=True)} {'scores' if k == 1 else 'score'}"
    unit = f" {unit}" if unit else ""
    text = (f"{head} above {fmt.format(bench.p90)}{unit}, a level nine in ten {bench.name} "
            f"stay under (the median story: {fmt.format(bench.median)}{unit})")
    ordinary = n - counts["above_q3"]
    if n > 1 and ordinary:
        text += (f"; {number_word(ordinary)} {'is' if ordinary == 1 else 'are'} no higher "
                 f"than three in four of them (at or below {fmt.format(bench.q3)}{unit})")
    return text + "."


def benchmark_note(bench: Benchmark, fmt: str = "{:.1f}") -> str:
    """The line a figure prints about its benchmark band and line.

    Examples
    --------
    >>> bench = Benchmark("BBC News stories", "g", 2088, 8.5, 9.7, 10.7, 11.9, 12.7,
    ...                   "2026-11-24", "bbc", "")
    >>> print(benchmark_note(bench))
    grey band: middle half of 2,088 BBC News stories (9.7 to 11.9); dashed line: their
    median (10.7)
    """
    return (f"grey band: middle half of {bench.n:,} {bench.name} ({fmt.format(bench.q1)} "
            f"to {fmt.format(bench.q3)}); dashed line: their median "
            f"({fmt.format(bench.median)})")


def editorial_sentence(corpus: pd.DataFrame) -> str:
    """Which articles are a government's editorial, and what that does to the voices.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["VOA (Editorials)", "Sky"],
    ...     "outlet_kind": ["government broadcaster, editorial of the US government", "TV"]})
    >>> print(editorial_sentence(corpus))
    One article, from VOA (Editorials), is an editorial presenting a government's views
    (by the metadata's outlet kind): its narrative is counted as that government's voice,
    not as journalists' narrative.
    >>> editorial_sentence(corpus.iloc[1:])
    "No article is a government's editorial: all narrative is journalists'."
    """
    flags = government_editorials(corpus)
    n = int(flags.sum())
    if n == 0:
        return "No article is a government's editorial: all narrative is journalists'."
    outlets = corpus.loc[flags.to_numpy(), "outlet"].fillna("").astype(str)
    named = sorted(set(o for o in outlets if o)) or ["an unnamed outlet"]
    head = (f"One article, from {named[0]}, is" if n == 1 else
            f"{number_word(n, capital=True)} articles, from {names_list(named)}, are")
    return (f"{head} an editorial presenting a government's views (by the metadata's "
            f"outlet kind): {'its' if n == 1 else 'their'} narrative is counted as that "
            "government's voice, not as journalists' narrative.")
