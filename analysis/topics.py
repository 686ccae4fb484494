"""Topics: what a sentence mentions (``data/topics.yml``), kept apart from frames.

A topic column says that a sentence names the war in Ukraine, China, trade, Northern
Ireland…; it says nothing about how the topic is presented (that is a frame:
:mod:`analysis.framing`). :func:`code_topics` adds one 0/1 column per topic to a
sentence table, :func:`topic_hits` lists the words found, and :func:`salience` counts
mentions per 1,000 words of each article. Which sentences are about the UK-US
relationship itself is :mod:`analysis.relationship`.
"""

from __future__ import annotations

import functools
from importlib import resources

import pandas as pd
import yaml

from analysis.terms import Matcher, matcher, tokens


@functools.cache
def load_topics() -> dict:
    """The topic lexicon (``analysis/data/topics.yml``): ``topics``."""
    with resources.files("analysis").joinpath("data/topics.yml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def topic_names() -> list[str]:
    """The topics, in the lexicon's order (these are also the sentence table's columns)."""
    return list(load_topics()["topics"])


def topic_matcher(topics: dict | None = None) -> Matcher:
    """The matcher for a topic lexicon (default: ``data/topics.yml``), built once."""
    if topics is not None:
        return matcher(topics)
    lexicon = load_topics()
    return matcher(lexicon["topics"], [t for group in lexicon.get("ignore", ())
                                       for t in group["terms"]])


def mentions(words: list[str], topics: dict | None = None) -> list[int]:
    """Mentions of each topic in one sentence's :func:`~analysis.terms.tokens`."""
    return topic_matcher(topics).counts(words)


def code_topics(sentences: pd.DataFrame, topics: dict | None = None) -> pd.DataFrame:
    """Add one column per topic: 1.0 when the sentence mentions it, else 0.0.

    Examples
    --------
    >>> s = pd.DataFrame({"text": ["Beijing warned Taipei over Taiwan.", "Tariffs rose."]})
    >>> coded = code_topics(s)
    >>> coded["China and the Indo-Pacific"].tolist(), coded["Trade and tariffs"].tolist()
    ([1.0, 0.0], [0.0, 1.0])
    """
    m = topic_matcher(topics)
    counts = [m.counts(tokens(str(text))) for text in sentences["text"]]
    out = sentences.copy()
    for k, topic in enumerate(m.categories):
        out[topic] = [float(c[k] > 0) for c in counts]
    return out


def topic_hits(sentences: pd.DataFrame, topics: dict | None = None) -> pd.DataFrame:
    """Every topic word found: ``doc_id, sentence, topic, term, match``."""
    m = topic_matcher(topics)
    rows = [(doc_id, number, term.category, term.term, words)
            for doc_id, number, text in zip(sentences["doc_id"], sentences["sentence"],
                                            sentences["text"])
            for term, words in m.find(str(text))]
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "topic", "term", "match"])


def salience(corpus: pd.DataFrame, actors: dict | None = None) -> pd.DataFrame:
    """Mentions of each topic per 1,000 words of each article's body.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id, text, n_words``, as from :func:`analysis.load_corpus`.
    actors : dict, optional
        ``{name: [terms]}`` to count instead of the topics of ``data/topics.yml``.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, actor, mentions, n_words, per_1000`` (``actor`` is the topic).
    """
    lexicon = ({name: {"terms": list(terms)} for name, terms in actors.items()}
               if actors is not None else None)
    m = topic_matcher(lexicon)
    rows = []
    for doc_id, text, n_words in zip(corpus["doc_id"], corpus["text"], corpus["n_words"]):
        for name, count in zip(m.categories, m.counts(str(text))):
            rows.append({"doc_id": doc_id, "actor": name, "mentions": count,
                         "n_words": n_words,
                         "per_1000": 1000 * count / n_words if n_words else float("nan")})
    return pd.DataFrame(rows, columns=["doc_id", "actor", "mentions", "n_words", "per_1000"])
