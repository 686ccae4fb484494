"""What the metadata says an outlet's text is: journalism, or a government's own voice.

An article whose ``outlet_kind`` says it presents a government's own views (an editorial
of a government, its statement or press release, "the views of the US government") is
that government speaking, not journalists narrating: the chapters read its narrative as
:data:`EDITORIAL`, every other article's as :data:`NARRATIVE`. The rule reads the
metadata only, never an outlet's name (:func:`government_voice`), so that it is right on
any corpus; one sentence says which articles it picks and what a chapter does with them
(:func:`government_sentence`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis.wording import join, k_of_n

__all__ = ["EDITORIAL", "NARRATIVE", "government_sentence", "government_voice"]

NARRATIVE = "journalists' narrative"  # the voice of an outlet's own text
EDITORIAL = "government editorial"    # the voice of a government's own text
# An outlet kind that says the text presents a government's own views: an editorial, a
# statement or a press release of a government (or its broadcaster's editorial voice).
_GOVERNMENT = re.compile(r"\bgovernment", re.IGNORECASE)
_OWN_VIEWS = re.compile(r"\beditorial|\bviews of\b|\bstatement|\bpress release",
                        re.IGNORECASE)

# What the corpus chapter says follows for those articles ({its}: "its" or "their").
LATER_CHAPTERS = ("later chapters read {its} narrative as that government speaking, not as "
                  "journalism.")
ALL_JOURNALISM = "every narrative is read as journalism."


def government_voice(corpus: pd.DataFrame) -> pd.Series:
    """Whether each article is a government's own voice (an editorial, a statement, a
    press release).

    Read from the metadata's ``outlet_kind``: it must name a government and an editorial,
    a statement, a press release or "the views of". A government broadcaster's news
    reports are journalism, and a newspaper's editorial is not a government's.

    Returns
    -------
    pandas.Series
        Boolean, indexed by ``doc_id``; False everywhere when the corpus has no
        ``outlet_kind``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": list("abcde"), "outlet_kind": [
    ...     "US government broadcaster, editorial presenting the views of the US government",
    ...     "US government broadcaster, news report", "UK newspaper, editorial",
    ...     "government press release", None]})
    >>> government_voice(corpus).tolist()
    [True, False, False, True, False]
    """
    kinds = (corpus["outlet_kind"] if "outlet_kind" in corpus
             else pd.Series("", index=corpus.index)).fillna("").astype(str)
    flags = kinds.str.contains(_GOVERNMENT) & kinds.str.contains(_OWN_VIEWS)
    return pd.Series(flags.to_numpy(dtype=bool), index=corpus["doc_id"].to_numpy(),
                     name="government_voice")


def government_sentence(corpus: pd.DataFrame, labels: Mapping | None = None,
                        then: str = LATER_CHAPTERS, otherwise: str = ALL_JOURNALISM,
                        limit: int = 8) -> str:
    """Which articles the metadata describes as a government's own views, and what
    follows for them, in one sentence.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id`` and ``outlet_kind`` (:func:`government_voice`).
    labels : mapping, optional
        A readable label per ``doc_id`` (:func:`analysis.figures.article_labels`);
        default the ``doc_id``.
    then : str
        What follows for those articles, after the colon; ``{its}`` is "its" for one
        article, "their" for several.
    otherwise : str
        What follows when there is none; "" to say nothing at all (the result is then "").
    limit : int
        At most this many articles are named, the rest counted.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet_kind": [
    ...     "US government broadcaster, editorial presenting the views of the US government",
    ...     "UK broadcaster's news website"]})
    >>> labels = pd.Series({"a": "Voice of America, Jan 2023", "b": "Sky News, 26 Feb 2025"})
    >>> print(government_sentence(corpus, labels))
    By its kind, 1 of the 2 articles presents a government’s own views (Voice of America,
    Jan 2023): later chapters read its narrative as that government speaking, not as
    journalism.
    >>> print(government_sentence(corpus.iloc[1:], labels))
    No article is described as presenting a government’s own views: every narrative is read
    as journalism.
    >>> government_sentence(corpus.iloc[1:], labels, otherwise="")
    ''
    >>> print(government_sentence(corpus.assign(outlet_kind="government statement"), {},
    ...                           then="{its} narrative is left out."))
    By its kind, both articles present a government’s own views (a and b): their narrative
    is left out.
    """
    flags = government_voice(corpus)
    chosen = list(flags.index[flags.to_numpy()])
    if not chosen:
        return ("No article is described as presenting a government’s own views: "
                f"{otherwise}" if otherwise else "")
    labels = {} if labels is None else labels
    one = len(chosen) == 1
    return (f"By its kind, {k_of_n(len(chosen), len(corpus), 'article')} "
            f"{'presents' if one else 'present'} a government’s own views "
            f"({join((labels.get(d, d) for d in chosen), limit=limit)}): "
            + then.format(its="its" if one else "their"))
