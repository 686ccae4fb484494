"""Whose words a reader gets: the people followed, other speakers by kind, and the narrative.

The chapter "Who speaks" splits every word of the articles into *voices*:

- quoted speech of the people the report follows (:func:`analysis.people.leader_names`),
  kept apart from their spokespeople;
- quoted speech of everyone else, by ``speaker_kind`` (spokesperson, another person of
  the registry, another named person, an organisation, an unnamed source, unknown);
- the rest of each article: the journalists' narrative, except in an editorial that
  presents a government's views (:func:`analysis.outlets.government_voice`, read from the
  metadata's ``outlet_kind``), whose narrative is that government's voice, not a
  journalist's.

Word shares count the words as printed; quotations are counted as distinct utterances
(:mod:`analysis.speech_events`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.outlets import EDITORIAL, NARRATIVE
from analysis.speech_events import repeated_quotations
from analysis.stats import bootstrap_ratio
from analysis.text import count_words
from analysis.voices import split_voices

LEADERS = "leaders followed"
VOICE_OF_KIND = {
    "spokesperson": "spokespeople",
    "registry person": "other people in the registry",
    "other person": "other named people",
    "organisation": "organisations",
    "unnamed": "unnamed sources",
    "unknown": "speaker unknown",
}
QUOTED_VOICES = (LEADERS, *VOICE_OF_KIND.values())
VOICES = (*QUOTED_VOICES, NARRATIVE, EDITORIAL)


def quote_voices(quotes: pd.DataFrame, leaders: Iterable[str]) -> pd.Series:
    """The voice of each quotation: :data:`LEADERS` for the people followed, else its
    ``speaker_kind`` in words (:data:`VOICE_OF_KIND`).

    A spokesperson is never a leader, even one speaking for a leader's office.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Liz Truss", "Downing Street spokesperson", ""],
    ...                   "speaker_kind": ["registry person", "spokesperson", "unnamed"]})
    >>> quote_voices(q, ["Liz Truss"]).tolist()
    ['leaders followed', 'spokespeople', 'unnamed sources']
    """
    leaders = set(leaders)
    kinds = quotes["speaker_kind"] if "speaker_kind" in quotes else pd.Series(
        "unknown", index=quotes.index)
    return pd.Series([LEADERS if speaker in leaders and kind != "spokesperson"
                      else VOICE_OF_KIND.get(kind, VOICE_OF_KIND["unknown"])
                      for speaker, kind in zip(quotes["speaker"], kinds)],
                     index=quotes.index, dtype=object)


def voice_words(sentences: pd.DataFrame, quotes: pd.DataFrame, leaders: Iterable[str],
                editorials: pd.Series | None = None) -> pd.DataFrame:
    """Every sentence's words split by voice (:data:`VOICES`).

    Parameters
    ----------
    sentences : pandas.DataFrame
        ``doc_id, sentence, start, end, text`` (``n_words`` if known).
    quotes : pandas.DataFrame
        ``doc_id, start, end, speaker, speaker_kind``.
    leaders : iterable of str
        The people followed.
    editorials : pandas.Series, optional
        :func:`analysis.outlets.government_voice`: the narrative of those articles is
        :data:`EDITORIAL`, every other article's :data:`NARRATIVE`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sentence, n_words`` and one column of word counts per voice; the
        voices of a row add up to its ``n_words``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [1, 2], "start": [0, 24],
    ...                   "end": [23, 40], "text": ["“We will win,” she said.", "It rained."]})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [1], "end": [12], "speaker": ["X"],
    ...                   "speaker_kind": ["registry person"]})
    >>> w = voice_words(s, q, ["X"])
    >>> w[["n_words", "leaders followed", "journalists' narrative"]].values.tolist()
    [[5, 3, 2], [2, 0, 2]]
    """
    n_words = (sentences["n_words"] if "n_words" in sentences
               else sentences["text"].map(count_words))
    frame = pd.DataFrame({"doc_id": sentences["doc_id"].to_numpy(),
                          "sentence": sentences["sentence"].to_numpy(),
                          "n_words": np.asarray(n_words, dtype=int)})
    for voice in VOICES:
        frame[voice] = 0
    if len(quotes) and len(frame):
        labelled = quotes.assign(speaker=quote_voices(quotes, leaders))
        pieces = split_voices(sentences, labelled)
        pieces = pieces[pieces["voice"] == "quoted"]
        if len(pieces):
            words = (pieces.assign(words=pieces["text"].map(count_words))
                     .groupby(["doc_id", "sentence", "speaker"])["words"].sum()
                     .unstack(fill_value=0))
            keys = pd.MultiIndex.from_frame(frame[["doc_id", "sentence"]])
            for voice in words.columns:
                frame[voice] = words[voice].reindex(keys, fill_value=0).to_numpy(dtype=int)
    quoted = frame[list(QUOTED_VOICES)].sum(axis=1)
    rest = (frame["n_words"] - quoted).clip(lower=0)
    editorial = (frame["doc_id"].map(editorials).fillna(False).astype(bool)
                 if editorials is not None else pd.Series(False, index=frame.index))
    frame[NARRATIVE] = rest.where(~editorial, 0).astype(int)
    frame[EDITORIAL] = rest.where(editorial, 0).astype(int)
    return frame


def voice_shares(words: pd.DataFrame, voices: Sequence[str] = VOICES) -> pd.DataFrame:
    """Each voice's share of all words, with its counts and a 95% interval that resamples
    the articles (the sentences, for one article; none for a voice found in one article of
    several).

    Parameters
    ----------
    words : pandas.DataFrame
        From :func:`voice_words`.

    Returns
    -------
    pandas.DataFrame
        Index: the voices that have words, in :data:`VOICES` order; columns ``words``,
        ``n_articles`` (articles where the voice has words), ``estimate, low, high,
        resampled, reason`` (the share of all words).

    Examples
    --------
    >>> w = pd.DataFrame({"doc_id": list("abcdef"), "n_words": [10] * 6,
    ...                   "leaders followed": [5, 0, 2, 0, 4, 1],
    ...                   "journalists' narrative": [5, 10, 8, 10, 6, 9]})
    >>> table = voice_shares(w, ["leaders followed", "journalists' narrative"])
    >>> table[["words", "n_articles", "estimate"]].values.tolist()
    [[12.0, 4.0, 0.2], [48.0, 6.0, 0.8]]

    A voice found in one article of several has its share but no interval:

    >>> one = w.assign(**{"leaders followed": [5, 0, 0, 0, 0, 0]})
    >>> voice_shares(one, ["leaders followed"])[["estimate", "low", "reason"]].values.tolist()
    [[0.08333333333333333, nan, 'all in 1 article']]
    """
    rows = {}
    for voice in voices:
        if voice not in words or words[voice].sum() == 0:
            continue
        share = bootstrap_ratio(words[voice], words["n_words"], words["doc_id"])
        found_in = int(words.loc[words[voice] > 0, "doc_id"].nunique())
        low, high, resampled, reason = share.low, share.high, share.resampled, share.reason
        if found_in == 1 and words["doc_id"].nunique() > 1:
            # All in one article: resampling articles would say which article was drawn,
            # not how much of the corpus the voice is.
            low = high = float("nan")
            resampled, reason = "", "all in 1 article"
        rows[voice] = {"words": float(words[voice].sum()), "n_articles": float(found_in),
                       "estimate": share.estimate, "low": low, "high": high,
                       "resampled": resampled, "reason": reason}
    return pd.DataFrame.from_dict(rows, orient="index", columns=[
        "words", "n_articles", "estimate", "low", "high", "resampled", "reason"])


def leader_lengths(quotes: pd.DataFrame, leaders: Sequence[str]) -> pd.DataFrame:
    """Per person followed: distinct quotations, quoted words, the articles quoting them,
    and the most words quoted from them in any one article (and which).

    Totals over several articles are not comparable with one article's: compare people by
    ``most_words`` (per article), never by ``words``.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "b", "c"], "speaker": ["X", "X", "Y"],
    ...                   "quote": ["one two", "three", "four five six"],
    ...                   "n_words": [2, 1, 3]})
    >>> t = leader_lengths(q, ["X", "Y", "Z"])
    >>> t[["words", "n_articles", "most_words", "most_article"]].values.tolist()
    [[3, 2, 2, 'a'], [3, 1, 3, 'c'], [0, 0, 0, '']]
    """
    distinct = ~repeated_quotations(quotes) if len(quotes) else pd.Series(dtype=bool)
    rows = {}
    for person in dict.fromkeys(leaders):
        own = quotes[quotes["speaker"] == person]
        per_article = own.groupby("doc_id", sort=True)["n_words"].sum()
        best = per_article.sort_values(ascending=False, kind="stable")
        rows[person] = {"quotations": int(distinct[own.index].sum()) if len(own) else 0,
                        "words": int(own["n_words"].sum()), "n_articles": len(per_article),
                        "most_words": int(best.iloc[0]) if len(best) else 0,
                        "most_article": best.index[0] if len(best) else ""}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=[
        "quotations", "words", "n_articles", "most_words", "most_article"])
    table.index.name = "person"
    return table


OTHER_LEADERS = "other people followed"
# The figure's grey segments: at most six, so that no two are ever merged into "others"
# (which could pool a leader with a spokesperson). Registry people not followed join
# the other named people there; the voice table keeps them apart.
SEGMENT_OF_VOICE = {**{v: v for v in QUOTED_VOICES if v != LEADERS},
                    VOICE_OF_KIND["registry person"]: VOICE_OF_KIND["other person"]}


def speaker_segments(quotes: pd.DataFrame, leaders: Iterable[str], doc_ids: Sequence[str],
                     named: Iterable[str] | None = None) -> pd.DataFrame:
    """Quoted words per article (rows, in ``doc_ids`` order) and segment (columns): each
    person followed in ``named`` by name, the other people followed together
    (:data:`OTHER_LEADERS`), everyone else by voice (spokespeople, organisations …).

    Parameters
    ----------
    named : iterable of str, optional
        The people followed who get a segment of their own (those with a colour of their
        own); default all of them.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "a"], "speaker": ["X", "Y", "No 10 spokesperson"],
    ...                   "speaker_kind": ["registry person", "other person", "spokesperson"],
    ...                   "n_words": [4, 3, 6]})
    >>> speaker_segments(q, ["X", "Y"], ["a", "b"], named=["X"]).to_dict("index")
    {'a': {'X': 4, 'other people followed': 3, 'spokespeople': 6}, \
'b': {'X': 0, 'other people followed': 0, 'spokespeople': 0}}
    """
    leaders = list(dict.fromkeys(leaders))
    named = leaders if named is None else [p for p in leaders if p in set(named)]
    voices = quote_voices(quotes, leaders)
    segment = pd.Series(
        [speaker if speaker in named else OTHER_LEADERS if voice == LEADERS
         else SEGMENT_OF_VOICE[voice] for speaker, voice in zip(quotes["speaker"], voices)],
        index=quotes.index, dtype=object)
    table = (quotes.assign(segment=segment)
             .pivot_table(index="doc_id", columns="segment", values="n_words", aggfunc="sum",
                          fill_value=0)
             if len(quotes) else pd.DataFrame())
    order = [p for p in named if p in table.columns] + [
        v for v in (OTHER_LEADERS, *dict.fromkeys(SEGMENT_OF_VOICE.values()))
        if v in table.columns]
    table = table.reindex(index=list(doc_ids), columns=order, fill_value=0).fillna(0)
    table.columns.name = None
    table.index.name = None
    return table.astype(int)

