"""A news benchmark for the reading grades: ``python -m analysis.evaluate readability DATA``.

The book's readability chapter scores its articles with :func:`analysis.readability.
readability_scores` on each cleaned body. This task runs the same code on a folder of
real news articles (the BBC News set in ``../shared/external/bbc``: 2,225 stories from
2004–05 in five sections) and records the distribution of each formula across articles
(median, quartiles, 10th and 90th percentiles, per section), so that a chart can draw
"a typical BBC news story" as a reference line and the prose can say whether a grade is
high *for news*. Files with the same text as another are counted once (the corpus loader
reports them); nothing is tuned on this data.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import pandas as pd

from analysis.corpus import CorpusWarning, load_corpus
from analysis.evaluate import write_result
from analysis.readability import METRICS, readability_scores

QUANTILES = {"p10": 0.10, "q1": 0.25, "median": 0.50, "q3": 0.75, "p90": 0.90}
COLLEGE_GRADE = 13.0  # a US grade of 13 and above is college-level reading


def section_of(file: str) -> str:
    """The section of an article: the first folder of its path ("" at the top level).

    Examples
    --------
    >>> section_of("politics/001.txt"), section_of("001.txt")
    ('politics', '')
    """
    parts = Path(file).parts
    return parts[0] if len(parts) > 1 else ""


def article_scores(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every formula per article, as the book computes it, with its section and counts.

    Articles that repeat another's text (``duplicate_of``) are left out, and articles
    without a word are dropped (they have no grade).
    """
    unique = corpus[corpus["duplicate_of"].fillna("").astype(str) == ""]
    rows = [{"doc_id": d, "section": section_of(f), **readability_scores(t)}
            for d, f, t in zip(unique["doc_id"], unique["file"], unique["text"])]
    table = pd.DataFrame(rows)
    return table[table["words"] > 0].reset_index(drop=True)


def distribution(values: pd.Series) -> dict[str, float]:
    """n, mean and the quantiles of :data:`QUANTILES` of the finite values.

    Examples
    --------
    >>> distribution(pd.Series([1.0, 2.0, 3.0, 4.0, float("nan")]))["median"]
    2.5
    """
    values = pd.Series(values, dtype=float).dropna()
    if values.empty:
        return {"n": 0, "mean": float("nan"), **dict.fromkeys(QUANTILES, float("nan"))}
    return {"n": len(values), "mean": round(float(values.mean()), 3),
            **{k: round(float(values.quantile(q)), 3) for k, q in QUANTILES.items()}}


def summarise(scores: pd.DataFrame) -> dict:
    """The metrics recorded: each formula's distribution overall and per section."""
    grade = scores["flesch_kincaid_grade"]
    return {
        "articles": len(scores),
        "words": int(scores["words"].sum()),
        "sentences": int(scores["sentences"].sum()),
        "share_college_level": round(float((grade >= COLLEGE_GRADE).mean()), 4),
        "college_grade": COLLEGE_GRADE,
        "overall": {m: distribution(scores[m]) for m in METRICS}
        | {"words_per_sentence": distribution(scores["mean_sentence_length"])},
        "by_section": {section: {m: distribution(group[m]) for m in METRICS}
                       for section, group in scores.groupby("section", sort=True)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate readability",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder of news articles (.txt, any depth)")
    parser.add_argument("--out", type=Path, default=None, help="result file (JSON)")
    parser.add_argument("--n-jobs", type=int, default=1)
    # What the book says of the benchmark (recorded with the result, not typed in the
    # chapters): whose stories, from when, from which country.
    parser.add_argument("--source", default="", help='e.g. "BBC News"')
    parser.add_argument("--period", default="", help='e.g. "2004–05"')
    parser.add_argument("--country", default="", help='e.g. "British"')
    args = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(args.data, n_jobs=args.n_jobs)
    duplicates = int((corpus["duplicate_of"].fillna("").astype(str) != "").sum())
    scores = article_scores(corpus)
    metrics = summarise(scores) | {"files": len(corpus), "duplicates_dropped": duplicates,
                                   "loader_warnings": len(caught),
                                   "benchmark": {"source": args.source, "period": args.period,
                                                 "country": args.country}}
    grade = metrics["overall"]["flesch_kincaid_grade"]
    description = (f"{metrics['articles']:,} distinct news articles in {args.data.name}/ "
                   f"({len(corpus):,} files, {duplicates} duplicates dropped), scored with "
                   "analysis.readability.readability_scores on each cleaned body")
    path = write_result("readability", args.data, description, metrics, out=args.out)
    print(f"{description}\nFlesch–Kincaid grade: median {grade['median']:.1f} "
          f"(quartiles {grade['q1']:.1f}–{grade['q3']:.1f}); "
          f"{metrics['share_college_level']:.0%} at grade {COLLEGE_GRADE:g}+\n-> {path}")
    return 0
