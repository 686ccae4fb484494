"""Who speaks: the table of quotations and their speakers, and reported speech.

The method is in :mod:`analysis.attribution` (speakers) and
:mod:`analysis.quotemarks` (where quotations begin and end); this module turns it
into tables, and scores it against a hand-made list.
"""

from __future__ import annotations

import pandas as pd

from analysis.actors import Registry, load_registry
from analysis.attribution import attribute
from analysis.entities import KINDS
from analysis.quotemarks import find_quote_spans
from analysis.text import count_words

__all__ = ["KINDS", "QUOTE_COLUMNS", "REPORT_COLUMNS", "extract_quotes", "find_quote_spans",
           "reported_speech", "score_against"]

QUOTE_COLUMNS = ["doc_id", "paragraph", "quote", "kind", "speaker", "speaker_kind", "cue",
                 "start", "end", "flag", "continued", "n_words"]
REPORT_COLUMNS = ["doc_id", "paragraph", "speaker", "speaker_kind", "cue", "text"]


def extract_quotes(corpus: pd.DataFrame, registry: Registry | None = None) -> pd.DataFrame:
    """One row per quotation in the cleaned bodies, with its speaker.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus` (``doc_id``, ``text``, ``published``).
    registry : Registry, optional
        Defaults to :func:`analysis.actors.load_registry`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, paragraph`` (1-based), ``quote`` (the words inside the
        marks), ``kind`` (``full``: spoken sentences; ``partial``: a phrase inside
        the journalist's sentence), ``speaker`` (the fullest name the article gives,
        a registry person's canonical name, a spokesperson label, or "" if unnamed or
        unknown), ``speaker_kind`` (one of :data:`KINDS`: registry person, other
        person, organisation, spokesperson, unnamed, unknown), ``cue`` (the speech
        verb, "according to", ":" for a transcript line), ``start``/``end``
        (offsets of the quote in ``text``), ``flag`` (``unclosed``/``unopened``),
        ``continued`` (continues the previous paragraph's quotation), ``n_words``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2025-02-26")],
    ...     "text": ["“We want peace,” the prime minister said. Mr Trump “disagreed”."]})
    >>> quotes = extract_quotes(corpus)
    >>> quotes[["quote", "kind", "speaker", "speaker_kind"]].values.tolist()
    [['We want peace,', 'full', 'Keir Starmer', 'registry person'], \
['disagreed', 'partial', 'Donald Trump', 'registry person']]
    """
    rows = [row for doc_id, text, (found, _) in _attributed(corpus, registry)
            for row in quote_rows(doc_id, text, found)]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def reported_speech(corpus: pd.DataFrame, registry: Registry | None = None) -> pd.DataFrame:
    """Sentences that report what someone said without quoting them (paraphrase).

    A sentence counts for a speaker when a speech verb in the outlet's narrative
    has that speaker as its subject ("the Prime Minister has warned there were no
    signs ...") and none of the sentence's quotations is theirs.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, paragraph, speaker, speaker_kind, cue, text`` (the sentence).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2022-02-02")],
    ...     "text": ["Mr Putin has said he does not intend to invade."]})
    >>> reported_speech(corpus)[["speaker", "cue"]].values.tolist()
    [['Vladimir Putin', 'said']]
    """
    rows = [row for doc_id, text, (_, reports) in _attributed(corpus, registry)
            for row in report_rows(doc_id, text, reports)]
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def article_date(published):
    """An article's date for resolving offices, or None when it is unknown."""
    return None if published is None or pd.isna(published) else published


def _attributed(corpus: pd.DataFrame, registry: Registry | None):
    """(doc_id, text, (quotations, reports)) for each article of the corpus."""
    registry = registry or load_registry()
    dates = corpus["published"] if "published" in corpus else [None] * len(corpus)
    for doc_id, text, published in zip(corpus["doc_id"], corpus["text"], dates):
        yield doc_id, text, attribute(text, article_date(published), registry)


def quote_rows(doc_id: str, text: str, found) -> list[tuple]:
    """Rows of the quotation table (:data:`QUOTE_COLUMNS`) for one article's quotations."""
    return [(doc_id, q.paragraph, text[q.start:q.end], q.kind, q.speaker, q.speaker_kind, q.cue,
             q.start, q.end, q.flag, q.continued, count_words(text[q.start:q.end]))
            for q in found]


def report_rows(doc_id: str, text: str, reports) -> list[tuple]:
    """Rows of the reported-speech table (:data:`REPORT_COLUMNS`) for one article."""
    return [(doc_id, paragraph, speaker, kind, cue, text[s0:s1])
            for paragraph, s0, s1, speaker, cue, kind in reports]


def score_against(quotes: pd.DataFrame, gold: pd.DataFrame, kind: str = "full") -> dict:
    """Detection recall and speaker accuracy against a hand-made list of quotations.

    ``gold`` has ``doc_id, paragraph, quote_start, kind, speaker``: a quotation is
    found when an extracted one in the same paragraph starts with ``quote_start``.

    Returns
    -------
    dict
        ``n`` (gold quotations of this kind), ``found``, ``recall``, ``correct``
        (found with the right speaker) and ``accuracy`` (correct / found).

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["a"], "paragraph": [1], "quote_start": ["We"],
    ...                      "kind": ["full"], "speaker": ["X"]})
    >>> quotes = pd.DataFrame({"doc_id": ["a"], "paragraph": [1], "quote": ["We win"],
    ...                        "speaker": ["X"]})
    >>> score_against(quotes, gold)["accuracy"]
    1.0
    """
    gold = gold[gold["kind"] == kind]
    found = correct = 0
    for g in gold.itertuples():
        hit = quotes[(quotes["doc_id"] == g.doc_id) & (quotes["paragraph"] == g.paragraph)
                     & quotes["quote"].str.startswith(g.quote_start)]
        if len(hit):
            found += 1
            correct += int(hit["speaker"].iloc[0] == g.speaker)
    n = len(gold)
    return {"n": n, "found": found, "recall": found / n if n else float("nan"),
            "correct": correct, "accuracy": correct / found if found else float("nan")}
