"""Whose voice: shares of quoted words, speakers per article, quoted versus reported speech.

Built on :func:`analysis.quotes.extract_quotes` and
:func:`analysis.quotes.reported_speech`.
"""

from __future__ import annotations

import bisect

import pandas as pd

from analysis.quotes import extract_quotes
from analysis.stats import wilson_interval
from analysis.text import count_words, sentences


def speaker_sentences(corpus: pd.DataFrame, registry=None) -> pd.DataFrame:
    """One row per sentence (:func:`analysis.text.sentences`) with whose voice it is:
    ``speaker``, ``quoted``, ``n_words`` and ``quoted_words`` (:func:`sentence_speakers`).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2025-02-26")],
    ...     "text": ["“We want peace and we will have it,” the prime minister said. It rained."]})
    >>> speaker_sentences(corpus)[["speaker", "quoted"]].values.tolist()
    [['Keir Starmer', True], ['', False]]
    """
    return sentence_speakers(sentences(corpus), extract_quotes(corpus, registry))


def _by_doc(quotes: pd.DataFrame) -> dict:
    """Each article's quotations as ``(starts, spans)``, sorted by start."""
    found = {}
    for doc_id, group in quotes.groupby("doc_id", sort=False) if len(quotes) else ():
        spans = sorted(zip(group["start"], group["end"], group["speaker"]))
        found[doc_id] = ([a for a, _, _ in spans], spans)
    return found


def _overlapping(found, doc_id, a: int, b: int) -> list:
    """The quotations of ``doc_id`` that may overlap ``[a, b)``: found by bisection, as
    quotations do not overlap one another."""
    if doc_id not in found:
        return []
    starts, spans = found[doc_id]
    return spans[max(0, bisect.bisect_right(starts, a) - 1):bisect.bisect_left(starts, b)]


def sentence_speakers(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Mark each sentence as quoted speech (and whose) or the outlet's narrative.

    A sentence is quoted speech when at least half of its characters lie inside
    quotation marks; its ``speaker`` is then the speaker of that quotation ("" if
    unknown), and ``quoted`` is True. Narrative sentences have ``speaker`` "".
    ``n_words`` counts the sentence's words, ``quoted_words`` those inside marks.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 20], "end": [19, 40],
    ...                   "text": ["“We will win,” he said.", "The talks ended on a high note."]})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [1], "end": [13], "speaker": ["Liz Truss"]})
    >>> sentence_speakers(s, q)[["speaker", "quoted", "quoted_words"]].values.tolist()
    [['Liz Truss', True, 3], ['', False, 0]]
    """
    speakers, quoted, quoted_words = [], [], []
    found = _by_doc(quotes)
    for doc_id, a, b, text in zip(sentences["doc_id"], sentences["start"], sentences["end"],
                                  sentences["text"]):
        speaker, is_quoted, words = sentence_voice(a, b, text, _overlapping(found, doc_id, a, b))
        speakers.append(speaker)
        quoted.append(is_quoted)
        quoted_words.append(words)
    return sentences.assign(speaker=speakers, quoted=quoted,
                            n_words=[count_words(t) for t in sentences["text"]],
                            quoted_words=quoted_words)


def sentence_voice(start: int, end: int, sentence: str, quotes) -> tuple[str, bool, int]:
    """Whose voice one sentence is: ``(speaker, quoted, quoted_words)``.

    ``quotes`` gives ``(start, end, speaker)`` of quotations that may overlap the
    sentence ``[start, end)``. The sentence is quoted speech when at least half of its
    characters are inside quotation marks; its speaker is then the speaker of the
    quotation covering most of it. ``quoted_words`` counts the words inside marks.

    Examples
    --------
    >>> sentence_voice(0, 23, "“We will win,” he said.", [(1, 13, "X")])
    ('X', True, 3)
    """
    best, best_overlap, words = "", 0, 0
    for qa, qb, who in quotes:
        overlap = min(end, qb) - max(start, qa)
        if overlap > 0:
            words += count_words(sentence[max(start, qa) - start:min(end, qb) - start])
            if overlap > best_overlap:
                best, best_overlap = who, overlap
    quoted = best_overlap >= 0.5 * max(end - start, 1)
    return (best if quoted else ""), quoted, words


def speaker_words(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quoted words per article (rows) and speaker (columns); "" becomes "(unknown)".

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["X", "", "X"],
    ...                   "n_words": [3, 2, 5]})
    >>> speaker_words(q).loc["a"].to_dict()
    {'(unknown)': 2, 'X': 3}
    """
    table = (quotes.assign(speaker=quotes["speaker"].replace("", "(unknown)"))
             .pivot_table(index="doc_id", columns="speaker", values="n_words", aggfunc="sum",
                          fill_value=0))
    table.columns.name = None
    return table.astype(int)


def voice_summary(quotes: pd.DataFrame, reports: pd.DataFrame, people) -> pd.DataFrame:
    """For each person: quotations (full, partial), quoted words, reported-speech sentences,
    and the share of their speech events given in their own words, with a 95% Wilson interval.

    ``people`` is the list to report, in order, e.g. :func:`analysis.people.leader_names`
    plus anyone else who speaks; a person who never speaks gets a row of zeros.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["A", "A"], "kind": ["full", "partial"], "n_words": [9, 2]})
    >>> r = pd.DataFrame({"speaker": ["A", "B"]})
    >>> table = voice_summary(q, r, people=["A", "B"])
    >>> table["reported"].tolist(), table["own_words"].round(3).tolist()
    ([1, 1], [0.667, 0.0])
    """
    rows = []
    for person in people:
        own = quotes[quotes["speaker"] == person]
        n_full = int((own["kind"] == "full").sum())
        n_partial = int((own["kind"] == "partial").sum())
        n_reported = int((reports["speaker"] == person).sum())
        events = n_full + n_partial + n_reported
        share, low, high = wilson_interval(n_full + n_partial, events)
        rows.append({"person": person, "full": n_full, "partial": n_partial,
                     "quoted_words": int(own["n_words"].sum()), "reported": n_reported,
                     "events": events, "own_words": share, "low": low, "high": high})
    return pd.DataFrame(rows).set_index("person")


def split_voices(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Each sentence's words split into the outlet's narrative and each quotation.

    Returns one row per piece: ``doc_id, sentence, voice`` ("narrative" or "quoted"),
    ``speaker`` ("" for the narrative) and ``text``. The narrative piece is the
    sentence with every quotation blanked out, so "Ms Truss said the ties were
    “special”" gives the narrative "Ms Truss said the ties were" and a quoted
    piece "special".

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sentence": [1], "start": [0], "end": [26],
    ...                   "text": ["He said it was “very good”."]})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [16], "end": [25], "speaker": ["X"],
    ...                   "quote": ["very good"]})
    >>> split_voices(s, q)[["voice", "speaker", "text"]].values.tolist()
    [['narrative', '', 'He said it was “ ”.'], ['quoted', 'X', 'very good']]
    """
    rows = []
    found = _by_doc(quotes)
    for doc_id, number, a, b, text in zip(sentences["doc_id"], sentences["sentence"],
                                          sentences["start"], sentences["end"],
                                          sentences["text"]):
        chars = list(text)
        pieces = []
        for qa, qb, who in _overlapping(found, doc_id, a, b):
            lo, hi = max(a, qa), min(b, qb)
            if lo < hi:
                pieces.append((who, text[lo - a:hi - a]))
                chars[lo - a:hi - a] = " " * (hi - lo)
        rows.append((doc_id, number, "narrative", "", " ".join("".join(chars).split())))
        rows += [(doc_id, number, "quoted", who, piece) for who, piece in pieces]
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "voice", "speaker", "text"])
