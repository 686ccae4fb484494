"""Distinct speech events: a quotation printed twice, or quoted and reported in one
sentence, is one utterance.

News repeats itself: a lede quotes a phrase ("special") of a sentence given in full lower
down, and a sentence reporting speech may hold a quotation of the same speaker
("She urged allies to “stay calm”"). Counting those twice would give a speaker more voice
than they had. :func:`repeated_quotations` marks the repeats, :func:`speech_events` keeps
one row per distinct event of a named speaker, and :func:`event_counts` counts them per
person as "k of n events in m articles".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.wording import count_phrase

NAMED_KINDS = ("registry person", "other person", "spokesperson", "organisation")
_NOT_WORD = re.compile(r"[\W_]+")


def _normal(text: str) -> str:
    """Lower case, words only, padded: " special but not exclusive "."""
    return " " + " ".join(_NOT_WORD.sub(" ", str(text).lower()).split()) + " "


def repeated_quotations(quotes: pd.DataFrame) -> pd.Series:
    """Whether each quotation repeats words the same speaker is quoted saying elsewhere in
    the same article: identical to an earlier quotation, or contained in a longer one.

    Such a quotation is the same utterance printed twice (a lede's partial quotation of
    the full sentence quoted lower down), so it is not a second speech event. Quotations
    without a speaker are compared with each other too.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "speaker": ["X", "X", "Y", "X"],
    ...                   "quote": ["strength to strength",
    ...                             "I want it to go from strength to strength.",
    ...                             "strength to strength", "strength to strength"]})
    >>> repeated_quotations(q).tolist()
    [True, False, False, False]
    """
    repeated = pd.Series(False, index=quotes.index)
    if not len(quotes):
        return repeated
    normal = quotes["quote"].map(_normal)
    for _, group in quotes.groupby(["doc_id", "speaker"], sort=False):
        texts = normal[group.index]
        # Longest first, then in the article's order: an utterance is kept at its first,
        # fullest printing, and each shorter one is looked for in those before it.
        order = sorted(group.index, key=lambda i: (-len(texts[i]), group.index.get_loc(i)))
        seen = ""
        for i in order:
            if texts[i].strip() and texts[i] in seen:
                repeated[i] = True
            seen += texts[i] + "\x00"
    return repeated


def speech_events(quotes: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct speech event of a named speaker: a quotation, or a sentence
    reporting their words without quoting them.

    Repeated quotations (:func:`repeated_quotations`) are left out, and so is a reported
    sentence that contains a quotation of the same speaker (the quotation is the event).
    Speakers without a name (unnamed sources, unknown) are left out.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, speaker, speaker_kind, form`` (``"quoted"`` or ``"reported"``).

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a"], "speaker": ["X", "X"],
    ...                   "speaker_kind": ["other person"] * 2, "quote": ["calm", "stay calm"]})
    >>> r = pd.DataFrame({"doc_id": ["a", "a"], "speaker": ["X", "Y"],
    ...                   "speaker_kind": ["other person"] * 2,
    ...                   "text": ["X urged people to “stay calm”.", "Y warned of a storm."]})
    >>> speech_events(q, r)[["speaker", "form"]].values.tolist()
    [['X', 'quoted'], ['Y', 'reported']]
    """
    columns = ["doc_id", "speaker", "speaker_kind", "form"]
    kinds = set(NAMED_KINDS)
    quoted = quotes[~repeated_quotations(quotes)] if len(quotes) else quotes
    quoted = quoted[(quoted["speaker"] != "") & quoted["speaker_kind"].isin(kinds)]
    said: dict[tuple, list[str]] = {}
    for doc_id, speaker, quote in zip(quoted["doc_id"], quoted["speaker"], quoted["quote"]):
        said.setdefault((doc_id, speaker), []).append(_normal(quote))
    keep = []
    for doc_id, speaker, kind, text in zip(reports["doc_id"], reports["speaker"],
                                           reports["speaker_kind"], reports["text"]):
        sentence = _normal(text)
        keep.append(speaker != "" and kind in kinds and not any(
            q in sentence for q in said.get((doc_id, speaker), ())))
    reported = reports[np.asarray(keep, dtype=bool)] if len(reports) else reports
    frames = [quoted.assign(form="quoted")[columns] if len(quoted) else None,
              reported.assign(form="reported")[columns] if len(reported) else None]
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)


def event_counts(events: pd.DataFrame, first: Sequence[str] = ()) -> pd.DataFrame:
    """Per person: quoted and reported speech events, and in how many articles.

    Parameters
    ----------
    events : pandas.DataFrame
        From :func:`speech_events`.
    first : sequence of str
        People listed first, in this order, even without any event (the people
        followed); everyone else follows by events, then name.

    Returns
    -------
    pandas.DataFrame
        Index ``person``; columns ``speaker_kind, quoted, reported, events, n_articles``
        and ``counts`` ("3 of 5 events in 2 articles": quoted events of all events; "no
        speech event" for a person listed first who has none).
        No interval: events cluster in articles, and a person's events come from a few
        articles at most.

    Examples
    --------
    >>> e = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["X", "X", "Y"],
    ...                   "speaker_kind": ["other person"] * 3,
    ...                   "form": ["quoted", "reported", "quoted"]})
    >>> event_counts(e, first=["Z", "Y"])["counts"].tolist()
    ['no speech event', '1 of 1 event in 1 article', '1 of 2 events in 1 article']
    """
    rows = {}
    for person in list(dict.fromkeys(first)) + sorted(set(events["speaker"]) - set(first)):
        own = events[events["speaker"] == person]
        quoted = int((own["form"] == "quoted").sum())
        total = len(own)
        articles = int(own["doc_id"].nunique())
        rows[person] = {"speaker_kind": own["speaker_kind"].iloc[0] if total else "",
                        "quoted": quoted, "reported": total - quoted, "events": total,
                        "n_articles": articles,
                        "counts": (count_phrase(quoted, total, "events", articles) if total
                                   else "no speech event")}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=[
        "speaker_kind", "quoted", "reported", "events", "n_articles", "counts"])
    table.index.name = "person"
    head = [p for p in dict.fromkeys(first)]
    rest = table.drop(index=head).sort_values("events", ascending=False, kind="stable")
    return pd.concat([table.loc[head], rest])


