"""Reading grades for the book: a news benchmark, and a grade in words.

The readability chapter asks how plain the articles are *for news*: against the
distribution of each formula over BBC News stories, measured by
``python -m analysis.evaluate readability`` and committed in ``evaluation/readability.json``
(:func:`news_benchmark`), with a sentence that says how many articles lie above it
(:func:`benchmark_sentence`). Whose words are harder, the journalists' narrative or the
speech they quote, is read with :func:`analysis.voice_groups.voice_of`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.prose import describe_mean
from analysis.stats import Interval
from analysis.wording import capital, k_of_n, number_word


def describe_grade(row: pd.Series, fmt: str = "{:.1f}") -> str:
    """One row of :func:`analysis.readability.grouped_readability` in words: the grade, its
    interval or why there is none, and the counts.

    Examples
    --------
    >>> row = pd.Series({"estimate": 13.9, "low": 13.4, "high": 14.6, "n_sentences": 89,
    ...                  "n_articles": 5, "resampled": "articles", "reason": ""})
    >>> describe_grade(row)
    '13.9 (95% interval 13.4 to 14.6, articles resampled; 89 sentences in 5 articles)'
    >>> describe_grade(pd.Series({**row, "low": float("nan"), "high": float("nan"),
    ...                           "reason": "4 articles: too few"}))
    '13.9 (no interval: 4 articles: too few; 89 sentences in 5 articles)'
    """
    return describe_mean(Interval(float(row["estimate"]), float(row["low"]), float(row["high"]),
                                  n_units=int(row["n_sentences"]),
                                  n_clusters=int(row["n_articles"]),
                                  resampled=str(row["resampled"]), reason=str(row["reason"])),
                         fmt)


@dataclass(frozen=True)
class Benchmark:
    """One formula's distribution over a benchmark's articles, and where it was measured.

    ``name`` says which stories ("BBC News stories", "BBC News politics stories"); ``date``,
    ``data`` and ``description`` come from the committed evaluation result; ``period``,
    ``source`` and ``country`` say when and where the stories were written (recorded by
    ``python -m analysis.evaluate readability --source … --period …``), so a sentence can
    name the benchmark's era and outlet.
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
    period: str = ""
    source: str = ""
    country: str = ""

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
    ...           "p10": 8, "q1": 9, "median": 10, "q3": 11, "p90": 12}}, "by_section": {},
    ...           "benchmark": {"source": "BBC News", "period": "2004–05"}}}
    >>> bench = news_benchmark(result)
    >>> bench.name, bench.median, bench.band, bench.period, bench.source
    ('BBC News stories', 10.0, (9.0, 11.0), '2004–05', 'BBC News')
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
    known = metrics.get("benchmark", {})  # recorded by the evaluation command
    where = {k: str(known.get(k) or "") for k in ("period", "source", "country")}
    where["source"] = where["source"] or source
    return Benchmark(name, metric, int(values["n"]), *(float(values[k]) for k in
                                                       ("p10", "q1", "median", "q3", "p90")),
                     str(result.get("date", "")), str(result.get("data", "")),
                     str(result.get("description", "")), **where)


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
        head = f"{capital(k_of_n(k, n, one, things, words=True))} {'scores' if k == 1 else 'score'}"
    unit = f" {unit}" if unit else ""
    text = (f"{head} above {fmt.format(bench.p90)}{unit}, a level nine in ten {bench.name} "
            f"stay under (the median story: {fmt.format(bench.median)}{unit})")
    ordinary = n - counts["above_q3"]
    if n > 1 and ordinary:
        text += (f"; {number_word(ordinary)} {'is' if ordinary == 1 else 'are'} no higher "
                 f"than three in four of them (at or below {fmt.format(bench.q3)}{unit})")
    return text + "."


def years_phrase(published) -> str:
    """The years a set of articles was published in, for prose: "2022 to 2025", "2024",
    or "" without a date.

    Examples
    --------
    >>> years_phrase(["2022-02-02", "2025-02-26", "2023-01", None])
    '2022 to 2025'
    >>> years_phrase(["2024-05-01"]), years_phrase([None])
    ('2024', '')
    """
    years = pd.Series([str(p)[:4] for p in published if p is not None and str(p)[:4].isdigit()])
    if years.empty:
        return ""
    first, last = years.min(), years.max()
    return first if first == last else f"{first} to {last}"


def interval_benchmark_sentence(table: pd.DataFrame, bench: Benchmark, years: str = "",
                                thing: str = "article", fmt: str = "{:.1f}",
                                provenance: bool = True, measure: str = "a grade",
                                unit: str = "") -> str:
    """Where a set of grades lies against the benchmark, point estimates and intervals
    apart, with the benchmark's outlet and era named.

    Counts first: how many point estimates lie above the benchmark's 90th percentile, and
    how many 95% intervals reach into its middle half (an interval that does cannot say
    the grade is above ordinary news). No verdict is drawn from a point estimate alone.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per article: ``estimate``, ``low``, ``high`` (NaN: no interval).
    years : str
        When the articles were published (:func:`years_phrase`), to set against the
        benchmark's ``period``.
    provenance : bool
        Close with a sentence on the benchmark's outlet and era against the articles'
        (once per paragraph is enough).
    measure, unit : str
        What the values are ("a grade"; "a mean sentence length", with unit "words").

    Examples
    --------
    >>> bench = Benchmark("BBC News politics stories", "g", 9, 8.5, 9.7, 10.7, 11.9, 12.7,
    ...                   "", "", "", period="2004–05", source="BBC News", country="British")
    >>> t = pd.DataFrame({"estimate": [13.5, 12.9, 15.0, 12.0],
    ...                   "low": [12.8, 11.5, 14.0, float("nan")],
    ...                   "high": [14.2, 14.3, 16.0, float("nan")]})
    >>> print(interval_benchmark_sentence(t, bench, "2022 to 2025"))
    Three of the four articles have a grade above 12.7, the level nine in ten BBC News
    politics stories of 2004–05 stay under, but these are point estimates: one of the three
    95% intervals reaches into the middle half of those stories (9.7 to 11.9), and one of
    the four articles has no interval. The benchmark is one British outlet, BBC News, in
    2004–05; these articles were published from 2022 to 2025.

    Any measure with a benchmark and intervals reads the same way:

    >>> wps = pd.DataFrame({"estimate": [25.0, 30.1], "low": [21.0, 26.0], "high": [29.5, 35.0]})
    >>> print(interval_benchmark_sentence(wps, bench, provenance=False,
    ...                                   measure="a mean sentence length", unit="words"))
    Both articles have a mean sentence length above 12.7 words, the level nine in ten BBC
    News politics stories of 2004–05 stay under, but these are point estimates: neither of
    the two 95% intervals reaches into the middle half of those stories (9.7 to 11.9
    words).
    """
    values = table["estimate"].astype(float)
    known = values.notna()
    n, k = int(known.sum()), int((values > bench.p90).sum())
    things = thing + "s"
    of = f" of {bench.period}" if bench.period else ""
    if n == 0:
        return f"No {thing} has {measure[2:] if measure.startswith('a ') else measure} to " \
               f"compare with {bench.name}{of}."
    unit = f" {unit}" if unit else ""
    low, high = table["low"].astype(float), table["high"].astype(float)
    has = known & low.notna() & high.notna()
    reach = int((has & (low <= bench.q3) & (high >= bench.q1)).sum())
    m = int(has.sum())
    head = (capital(k_of_n(k, n, thing, things, words=True)) + (" has" if k == 1 or n == 1
                                                                else " have"))
    if n == 1:
        head = f"The one {thing} " + ("has" if k else "does not have")
    text = (f"{head} {measure} above {fmt.format(bench.p90)}{unit}, the level nine in ten "
            f"{bench.name}{of} stay under")
    band = (f"the middle half of those stories ({fmt.format(bench.q1)} to "
            f"{fmt.format(bench.q3)}{unit})")
    if m == 0:
        text += (f", but these are point estimates, and no {thing} has an interval to say "
                 "how far they are from it.")
    else:
        verb = "reaches" if reach == 1 else "reach"
        count = ((("neither" if m == 2 else "none") + f" of the {number_word(m)} 95% "
                  "intervals reaches into") if m > 1 and reach == 0 else
                 f"{number_word(reach)} of the {number_word(m)} 95% intervals {verb} into"
                 if m > 1 else f"its 95% interval {'reaches' if reach else 'does not reach'} "
                 "into")
        none = (f", and {k_of_n(n - m, n, thing, things, words=True)} "
                f"{'has' if n - m == 1 else 'have'} no interval" if m < n else "")
        text += f", but these are point estimates: {count} {band}{none}."
    if provenance and bench.source and bench.period:
        country = f"{bench.country} " if bench.country else ""
        text += (f" The benchmark is one {country}outlet, {bench.source}, in {bench.period}"
                 + (f"; these {things} were published from {years}." if years else "."))
    return text


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
