"""The whole per-document analysis in one pass, in parallel, with a result cache.

:func:`analyse` runs, for every article, sentence splitting, quotation
attribution and reported speech, VADER sentiment, readability counts, frame
and topic coding and token counts, and returns the tables the chapters use. Each article
is analysed independently by :func:`analyse_document`, a pure function of its
text and date, so the work spreads over processes (joblib) and the result does
not depend on the number of workers: results are collected in corpus order.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.actors import load_registry
from analysis.attribution import attribute
from analysis.clean import PARAGRAPH_SEP
from analysis.framing import code_sentence, frame_names
from analysis.frequency import count_tokens
from analysis.quotes import (
    QUOTE_COLUMNS,
    REPORT_COLUMNS,
    article_date,
    quote_rows,
    report_rows,
)
from analysis.readability import COUNT_COLUMNS, sentence_counts
from analysis.sentiment import _vader, label
from analysis.terms import tokens as lexicon_tokens
from analysis.text import split_sentences
from analysis.topics import mentions, topic_names
from analysis.voices import sentence_voice

SENTIMENT_COLUMNS = ("neg", "neu", "pos", "compound")
STAGES = ("sentences", "quotations", "sentiment", "readability", "frames", "topics", "tokens")
PROGRESS_THRESHOLD = 200  # articles: show a progress bar above this


@dataclass(frozen=True)
class Analysis:
    """The tables of one run: one row per sentence, quotation, report and token type."""

    sentences: pd.DataFrame
    quotes: pd.DataFrame
    reports: pd.DataFrame
    tokens: pd.DataFrame
    seconds: dict = field(default_factory=dict)  # summed over articles, per stage


def analyse_document(doc_id: str, text: str, published=None) -> dict:
    """Analyse one article's cleaned body.

    Returns plain values, cheap to send between processes: ``sentences`` holds the
    ``speaker`` list and two arrays, one row per sentence: ``integers`` (the columns
    :func:`integer_columns` names) and ``sentiment`` (:data:`SENTIMENT_COLUMNS`);
    ``quotes`` and ``reports`` are row lists, ``tokens`` sorted ``(token, count)``
    pairs, and ``seconds`` the time each stage took.

    Examples
    --------
    >>> out = analyse_document("a", "“We will win this war, and soon,” Mr Trump said. It ended.")
    >>> out["sentences"]["speaker"]
    ['Donald Trump', '']
    """
    seconds = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] += now - clock
        clock = now

    spans, offset = [], 0
    for number, paragraph in enumerate(text.split(PARAGRAPH_SEP) if text else [], 1):
        spans += [(number, offset + a, offset + b) for a, b in split_sentences(paragraph)]
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    texts = [text[a:b] for _, a, b in spans]
    lap("sentences")

    found, reports = (attribute(text, article_date(published), load_registry(),
                                [(a, b) for _, a, b in spans]) if text else ([], []))
    voices, first = [], 0
    for (_, a, b), sentence in zip(spans, texts):
        # Sentences and quotations both run in text order: skip quotations already passed.
        while first < len(found) and found[first].end <= a:
            first += 1
        nearby = ((x.start, x.end, x.speaker)
                  for x in itertools.takewhile(lambda x, b=b: x.start < b, found[first:]))
        voices.append(sentence_voice(a, b, sentence, nearby))
    lap("quotations")

    polarity = _vader().polarity_scores
    sentiment = [polarity(sentence) for sentence in texts]
    lap("sentiment")

    counts = [sentence_counts(sentence) for sentence in texts]
    lap("readability")

    words = [lexicon_tokens(sentence) for sentence in texts]
    primary = {name: k for k, name in enumerate(frame_names())}
    hits = [[*h, *present, primary[first]]
            for h, present, first in (code_sentence(w) for w in words)]
    lap("frames")

    hits = [h + [int(n > 0) for n in mentions(w)] for h, w in zip(hits, words)]
    lap("topics")

    # Sentences cover every word of the body, so tokenising the body once gives the same
    # counts as tokenising sentence by sentence, at a fraction of the cost.
    tokens = sorted(count_tokens(text).items()) if text else []
    lap("tokens")

    # Two arrays rather than one list per column: a few objects per article to send back.
    integers = [[p, i, a, b, voice[1], c["words"], voice[2], *(c[k] for k in COUNT_COLUMNS), *h]
                for i, ((p, a, b), voice, c, h) in enumerate(zip(spans, voices, counts, hits), 1)]
    columns = {
        "speaker": [voice[0] for voice in voices],
        "integers": np.array(integers, dtype=np.int64).reshape(len(spans),
                                                                len(integer_columns())),
        "sentiment": np.array([[x[k] for k in SENTIMENT_COLUMNS] for x in sentiment],
                              dtype=np.float64).reshape(len(spans), len(SENTIMENT_COLUMNS)),
    }
    return {"sentences": columns, "quotes": quote_rows(doc_id, text, found),
            "reports": report_rows(doc_id, text, reports), "tokens": tokens,
            "seconds": seconds}


def _one(args) -> dict:
    return analyse_document(*args)


def analyse(corpus: pd.DataFrame, n_jobs: int = 1, progress: bool | None = None) -> Analysis:
    """Analyse every article of ``corpus``; the same result for any ``n_jobs``.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus`.
    n_jobs : int
        Worker processes (joblib); 1 runs in this process, -1 uses every core.
    progress : bool, optional
        Show a progress bar; by default only for more than
        :data:`PROGRESS_THRESHOLD` articles.

    Returns
    -------
    Analysis
        ``sentences`` (one row per sentence: speaker, sentiment, readability
        counts, frame hits, 0/1 codes and primary frame, 0/1 topic columns: see
        :func:`frame_columns`), ``quotes``, ``reports`` (reported
        speech), ``tokens`` (``doc_id, token, count``) and ``seconds`` per stage.
    """
    published = corpus["published"] if "published" in corpus else [None] * len(corpus)
    jobs = list(zip(corpus["doc_id"], corpus["text"], published))
    show = progress if progress is not None else len(jobs) > PROGRESS_THRESHOLD
    if n_jobs == 1:
        results = map(_one, jobs)
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=n_jobs, return_as="generator", batch_size=16)(
            delayed(_one)(job) for job in jobs)
    if show:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(jobs), desc="analysing", unit="article")
    return _collect(corpus["doc_id"].tolist(), corpus["text"].tolist(), list(results))


def frame_columns() -> list[str]:
    """The frame and topic columns: ``<frame> hits``, ``<frame>`` (0/1), ``primary_frame``
    and one 0/1 column per topic (see :mod:`analysis.framing`, :mod:`analysis.topics`)."""
    frames = frame_names()[:-1]  # "other" is no column: it is the absence of the others
    return [*(f"{f} hits" for f in frames), *frames, "primary_frame", *topic_names()]


def sentence_columns() -> list[str]:
    """Column names of :attr:`Analysis.sentences`."""
    return (["doc_id", "paragraph", "sentence", "text", "start", "end", "speaker", "quoted",
             "n_words", "quoted_words", *SENTIMENT_COLUMNS]
            + list(COUNT_COLUMNS) + frame_columns())


def integer_columns() -> list[str]:
    """Names of the columns of ``analyse_document(...)["sentences"]["integers"]``."""
    return ["paragraph", "sentence", "start", "end", "quoted", "n_words", "quoted_words",
            *COUNT_COLUMNS, *frame_columns()]


def _collect(doc_ids, texts, results: list[dict]) -> Analysis:
    parts = [res["sentences"] for res in results]
    # An empty typed block first, so that a corpus with no sentences keeps the dtypes.
    integers = np.concatenate([np.empty((0, len(integer_columns())), np.int64)]
                              + [p["integers"] for p in parts])
    sentiment = np.concatenate([np.empty((0, len(SENTIMENT_COLUMNS)), np.float64)]
                               + [p["sentiment"] for p in parts])
    columns = {
        "doc_id": pd.Series([d for d, p in zip(doc_ids, parts) for _ in p["speaker"]],
                            dtype="str"),
        "text": pd.Series([text[a:b] for text, p in zip(texts, parts)
                           for a, b in p["integers"][:, 2:4].tolist()], dtype="str"),
        "speaker": pd.Series([x for p in parts for x in p["speaker"]], dtype="str"),
        **{name: integers[:, j] for j, name in enumerate(integer_columns())},
        **{name: sentiment[:, j] for j, name in enumerate(SENTIMENT_COLUMNS)},
    }
    columns["quoted"] = columns["quoted"].astype(bool)
    sentences = pd.DataFrame({name: columns[name] for name in sentence_columns()})
    sentences["label"] = label(sentences["compound"])
    for name in (*frame_names()[:-1], *topic_names()):
        sentences[name] = sentences[name].astype(float)
    sentences["primary_frame"] = pd.Series(
        np.array(frame_names(), dtype=object)[sentences["primary_frame"].to_numpy()],
        dtype="str")
    seconds = dict.fromkeys(STAGES, 0.0)
    for res in results:
        for stage, value in res["seconds"].items():
            seconds[stage] += value
    return Analysis(
        sentences=sentences,
        quotes=pd.DataFrame([r for res in results for r in res["quotes"]],
                            columns=QUOTE_COLUMNS),
        reports=pd.DataFrame([r for res in results for r in res["reports"]],
                             columns=REPORT_COLUMNS),
        tokens=pd.DataFrame({
            "doc_id": pd.Series([d for d, res in zip(doc_ids, results) for _ in res["tokens"]],
                                dtype="str"),
            "token": pd.Series([t for res in results for t, _ in res["tokens"]], dtype="str"),
            "count": np.array([n for res in results for _, n in res["tokens"]], np.int64),
        }),
        seconds=seconds,
    )

