"""Frames per sentence: the Policy Frames Codebook's issue-generic frames (``data/frames.yml``).

A frame is *how* an issue is presented: its costs (economic), its threat (security and
defence), its legality, its fairness… The ten categories are those of the FrAC gold
standard, which merges related dimensions of the Policy Frames Codebook (Boydstun et
al. 2014). Every coding is explainable: a frame's score in a sentence is the sum of the
weights of its lexicon terms found there (:func:`frame_hits` lists each one); a frame is
coded when its score reaches the lexicon's threshold, and the sentence's primary frame is
the highest-scoring one (ties: the lexicon's ``tie_order``), or "other" when none reaches
the threshold. How far each frame can be trusted is measured against people's coding by
``python -m analysis.evaluate frames`` (:mod:`analysis.evaluate.frames`).

What an article *mentions* (the war, China, trade) is a topic, not a frame:
:mod:`analysis.topics`. The phrase "special relationship" in context is
:mod:`analysis.phrase` (re-exported here): a sentence that prints the phrase whole is a
verbatim use, and a "special" inside someone's quotation marks is that person's word.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

import pandas as pd
import yaml

from analysis.phrase import kwic, special_relationship  # noqa: F401  (the chapters' names)
from analysis.terms import Matcher, matcher, tokens
from analysis.topics import salience  # noqa: F401  (mentions per 1,000 words, by topic)

OTHER = "other"


@functools.cache
def load_frames() -> dict:
    """The frame lexicon (``analysis/data/frames.yml``): ``scoring`` and ``frames``."""
    with resources.files("analysis").joinpath("data/frames.yml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def frame_names() -> list[str]:
    """The ten frame names, in the lexicon's order, "other" last.

    Examples
    --------
    >>> frame_names()[0], frame_names()[-1], len(frame_names())
    ('economic', 'other', 10)
    """
    return [*load_frames()["frames"], OTHER]


def frame_matcher(frames: dict | None = None) -> Matcher:
    """The matcher for a frame lexicon (default: ``data/frames.yml``), built once."""
    return matcher(frames) if frames is not None else _default_matcher()


@functools.cache
def _default_matcher() -> Matcher:
    lexicon = load_frames()
    return matcher(lexicon["frames"], [t for group in lexicon.get("ignore", ())
                                       for t in group["terms"]])


@functools.cache
def _rule() -> tuple[float, tuple[str, ...]]:
    scoring = load_frames()["scoring"]
    return float(scoring["threshold"]), tuple(scoring["tie_order"])


def decide(weights: list[float], names: list[str], threshold: float | None = None,
           tie_order: Iterable[str] | None = None) -> tuple[list[int], str]:
    """Which frames a sentence carries (0/1 each) and its primary frame, from frame scores.

    Examples
    --------
    >>> decide([2.0, 0.5, 2.0], ["economic", "morality", "legality_crime"])
    ([1, 0, 1], 'legality_crime')
    >>> decide([0.5, 0.0, 0.0], ["economic", "morality", "legality_crime"])
    ([0, 0, 0], 'other')
    """
    default_threshold, default_order = _rule()
    threshold = default_threshold if threshold is None else threshold
    present = [int(w >= threshold) for w in weights]
    best = max(weights, default=0.0)
    if best < threshold:
        return present, OTHER
    tied = [name for name, w in zip(names, weights) if w == best]
    if len(tied) == 1:
        return present, tied[0]
    order = list(tie_order if tie_order is not None else default_order)
    tied.sort(key=lambda name: order.index(name) if name in order else len(order))
    return present, tied[0]


def code_sentence(words: list[str], frames: dict | None = None) -> tuple[list[int], list[int], str]:
    """One sentence's frame hits, 0/1 codes and primary frame, from its :func:`tokens`."""
    m = frame_matcher(frames)
    hits, weights = m.scores(words)
    if not any(hits):
        return hits, hits, OTHER
    present, primary = decide(weights, m.categories)
    return hits, present, primary


def _texts(sentences) -> list[str]:
    if isinstance(sentences, pd.DataFrame):
        sentences = sentences["text"]
    if isinstance(sentences, str):
        raise TypeError("primary_frame takes a list or Series of sentences, not one string")
    return ["" if pd.isna(text) else str(text) for text in sentences]


def primary_frame(sentences) -> list[str]:
    """The primary frame of each sentence: one of :func:`frame_names`.

    Parameters
    ----------
    sentences : list of str, pandas.Series, or DataFrame with a ``text`` column

    Examples
    --------
    >>> primary_frame(["The court ruled the law unconstitutional.",
    ...                "Taxes will rise to pay for the deficit.",
    ...                "She walked to the shop."])
    ['legality_crime', 'economic', 'other']
    """
    return [code_sentence(tokens(text))[2] for text in _texts(sentences)]


def code_frames(sentences: pd.DataFrame, frames: dict | None = None) -> pd.DataFrame:
    """Add ``<frame> hits`` (terms found), ``<frame>`` (1.0 when coded) and ``primary_frame``.

    A sentence can carry several frames (its 0/1 columns) and has one primary frame.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [1, 2],
    ...                   "text": ["Troops and missiles massed at the border.", "It was sunny."]})
    >>> coded = code_frames(s)
    >>> coded["security_defence"].tolist(), coded["primary_frame"].tolist()
    ([1.0, 0.0], ['security_defence', 'other'])
    """
    m = frame_matcher(frames)
    coded = [code_sentence(tokens(text), frames) for text in _texts(sentences)]
    out = sentences.copy()
    for k, frame in enumerate(m.categories):
        out[f"{frame} hits"] = [hits[k] for hits, _, _ in coded]
        out[frame] = [float(present[k]) for _, present, _ in coded]
    out["primary_frame"] = [primary for _, _, primary in coded]
    return out


def frame_hits(sentences: pd.DataFrame, frames: dict | None = None) -> pd.DataFrame:
    """Every lexicon match: the evidence behind each coding.

    Returns
    -------
    pandas.DataFrame
        One row per (sentence, term found): ``doc_id, sentence, frame, term, match,
        weight, why`` (the term group's reason, from the lexicon).
    """
    lexicon = frames if frames is not None else load_frames()["frames"]
    m = frame_matcher(frames)
    rows = [(doc_id, number, term.category, term.term, words, term.weight,
             " ".join(str(lexicon[term.category].get("groups", [{}])[term.group]
                          .get("why", "")).split()))
            for doc_id, number, text in zip(sentences["doc_id"], sentences["sentence"],
                                            _texts(sentences))
            for term, words in m.find(text)]
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "frame", "term", "match",
                                       "weight", "why"])


def explain(text: str) -> str:
    """Why a sentence was coded as it was: each frame's score and the terms behind it.

    Examples
    --------
    >>> explain("Ministers promised to cut taxes.")
    'economic 2 (taxes 2); policy_political 2 (ministers 0.5, promised 1.5) -> primary: economic'
    """
    m = frame_matcher()
    found: dict[str, list[str]] = {}
    for term, words in m.find(text):
        found.setdefault(term.category, []).append(f"{words} {term.weight:g}")
    hits, weights = m.scores(text)
    _, primary = decide(weights, m.categories)
    parts = [f"{name} {w:g} ({', '.join(found[name])})"
             for name, w in zip(m.categories, weights) if name in found]
    return ("; ".join(parts) or "no lexicon term") + f" -> primary: {primary}"


def frame_examples(coded: pd.DataFrame, frame: str, k: int = 3) -> pd.DataFrame:
    """The ``k`` sentences with most hits for a frame (ties: shorter, then earlier)."""
    # A callable: a Series would give an empty subset its own rows (pandas aligns on assign).
    subset = coded[coded[frame] > 0].assign(_len=lambda t: t["text"].str.len())
    subset = subset.sort_values([f"{frame} hits", "_len", "doc_id", "sentence"],
                                ascending=[False, True, True, True], kind="stable")
    return subset.head(k).drop(columns="_len")
