"""Sentiment of sentences with VADER, and a second, independent lexicon (AFINN).

VADER (Hutto & Gilbert 2014) reads capitals, "!", "but", negation and
punctuation, so :func:`score_sentiment` hands it each text exactly as written.
Scores are per sentence: on a whole article the compound score saturates
towards ±1. Labels use VADER's own thresholds: compound ≥ 0.05 positive,
≤ −0.05 negative, neutral between.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

POSITIVE, NEGATIVE = 0.05, -0.05

# Sentences about a target, for the sentence-level proxy of targeted sentiment.
TARGETS = {
    "Russia or Putin": r"\bRussia(?:n|ns|'s|’s)?\b|\bPutin\b|\bKremlin\b|\bMoscow\b",
    "UK–US relationship": r"special relationship|\balliance\b|\ballies\b|\bpartnership\b"
                          r"|\bUK-US\b|\bU\.S\.-UK\b|\brelationship\b",
}


@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.cache
def _afinn():
    from afinn import Afinn

    return Afinn(language="en")


def score_sentiment(texts: Iterable[str]) -> pd.DataFrame:
    """VADER scores for each text, fed to VADER untouched.

    Parameters
    ----------
    texts : iterable of str
        Typically sentences (see module note).

    Returns
    -------
    pandas.DataFrame
        One row per text: ``neg, neu, pos, compound``.

    Examples
    --------
    >>> scores = score_sentiment(["It is GREAT!", "It is great."])
    >>> bool(scores.loc[0, "compound"] > scores.loc[1, "compound"])  # capitals and "!" count
    True
    """
    analyzer = _vader()
    rows = [analyzer.polarity_scores(text) for text in texts]
    return pd.DataFrame(rows, columns=["neg", "neu", "pos", "compound"], dtype=float)


def label(compound) -> np.ndarray:
    """``positive`` / ``neutral`` / ``negative`` by VADER's ±0.05 thresholds.

    Examples
    --------
    >>> label([0.5, 0.0, -0.05]).tolist()
    ['positive', 'neutral', 'negative']
    """
    compound = np.asarray(compound, dtype=float)
    return np.select([compound >= POSITIVE, compound <= NEGATIVE], ["positive", "negative"],
                     "neutral")


def score_afinn(texts: Iterable[str]) -> pd.Series:
    """AFINN score per text, per word (sum of word valences / words), for comparison.

    Examples
    --------
    >>> score_afinn(["good good", "bad"]).tolist()  # "good" is +3, "bad" -3
    [3.0, -3.0]
    """
    afinn = _afinn()
    scores = []
    for text in texts:
        n_words = max(1, len(re.findall(r"[^\W_]+", text)))
        scores.append(afinn.score(text) / n_words)
    return pd.Series(scores, dtype=float, name="afinn")


def score_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Add VADER scores, the label, indicator columns and AFINN to a sentences table.

    Adds ``neg, neu, pos, compound, label, is_positive, is_neutral, is_negative,
    afinn`` and one boolean column per target in :data:`TARGETS`.
    """
    if {"neg", "neu", "pos", "compound"} <= set(sentences.columns):
        out = sentences.copy()  # already scored (analysis.analyse): not scored twice
    else:
        scores = score_sentiment(sentences["text"]).set_index(sentences.index)
        out = pd.concat([sentences, scores], axis=1)
    out["label"] = label(out["compound"])
    for name in ("positive", "neutral", "negative"):
        out[f"is_{name}"] = (out["label"] == name).astype(float)
    out["afinn"] = score_afinn(sentences["text"]).to_numpy()
    for target, pattern in TARGETS.items():
        out[target] = sentences["text"].astype(str).str.contains(pattern, regex=True)
    return out


def lexicon_agreement(scored: pd.DataFrame) -> dict:
    """Pearson and Spearman correlation of VADER compound and AFINN over sentences.

    Examples
    --------
    >>> scored = score_sentences(pd.DataFrame({"text": ["Good.", "Bad.", "A table."]}))
    >>> round(lexicon_agreement(scored)["pearson"], 2)
    1.0
    """
    pearson = scored["compound"].corr(scored["afinn"])
    spearman = scored["compound"].rank().corr(scored["afinn"].rank())
    same = (np.sign(scored["compound"].where(scored["compound"].abs() >= POSITIVE, 0))
            == np.sign(scored["afinn"])).mean()
    return {"pearson": float(pearson), "spearman": float(spearman), "sign_agreement": float(same),
            "n": len(scored)}


# Reported by Hutto & Gilbert (2014) for the New York Times editorial snippets.
PAPER_R_NYT = 0.492  # VADER compound vs the mean of 20 human raters
PAPER_R_HUMAN = 0.745  # an individual human rater vs that mean


def read_ground_truth(path) -> pd.DataFrame:
    """The VADER paper's human-rated snippets: ``id, rating, text`` (tab-separated file).

    Lines that do not have three fields are skipped; the text is kept exactly.
    """
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3:
                rows.append((parts[0], float(parts[1]), "\t".join(parts[2:])))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def vader_fidelity(path) -> dict:
    """Pearson r of :func:`score_sentiment`'s compound score with the human mean rating.

    Returns
    -------
    dict
        ``r`` and ``n`` (snippets).
    """
    truth = read_ground_truth(path)
    compound = score_sentiment(truth["text"])["compound"]
    return {"r": float(np.corrcoef(compound, truth["rating"])[0, 1]), "n": len(truth)}
