"""Text units: words and sentences of the cleaned article bodies."""

from __future__ import annotations

import re

import pandas as pd

from analysis.clean import PARAGRAPH_SEP

# A word: letters or digits, joined by apostrophes, hyphens, or the dots and
# commas inside "U.S", "100,000" and "10:16".
WORD = re.compile(r"[^\W_]+(?:[’'.,:\-][^\W_]+)*")

# Candidate sentence ends: terminal punctuation, any closing quotes or brackets,
# then white space before an opening quote, bracket, capital or digit.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9£$€])")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof st gen col lt capt cpl sgt maj adm cmdr rev hon gov sen rep pres "
    "supt insp det amb jr sr messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov "
    "dec etc vs v e.g i.e a.m p.m u.s u.k u.n e.u u.s.a inc ltd co corp plc approx est".split()
)
# Abbreviations that only shorten a word before a number ("No. 10", "Vol. 2").
_LAST_WORD = re.compile(r"([\w.]+)$")
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "fig", "art", "para", "p", "pp"})


def count_words(text: str) -> int:
    """Number of words in ``text`` ("U.S.", "100,000" and "post-Brexit" count once).

    Examples
    --------
    >>> count_words("The U.S. sent 2,000 troops – post-Brexit.")
    6
    """
    return len(WORD.findall(text))


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of one paragraph.

    Splits after ``.``, ``!``, ``?`` or ``…`` (and any closing quotation mark)
    when the next word starts with a capital, a digit or an opening quotation
    mark, except after abbreviations ("Mr Putin" has no stop, "Mr. Putin" and
    "U.S. officials" do not end sentences) and initials ("J. Biden"). A
    quotation that runs over several sentences is split into its sentences;
    the closing mark stays with the sentence it ends. Dashes never split.

    Examples
    --------
    >>> p = "“We want a deal,” he said. “It must last.” Mr. Trump met the U.S. envoy."
    >>> [p[a:b] for a, b in split_sentences(p)]
    ['“We want a deal,” he said.', '“It must last.”', 'Mr. Trump met the U.S. envoy.']
    """
    spans, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        if m.group(1) == "." and not m.group(2) and _is_abbreviation(paragraph, m):
            continue
        spans.append((start, m.end(2)))
        start = m.end()
    end = len(paragraph.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _is_abbreviation(paragraph: str, m: re.Match[str]) -> bool:
    word = _LAST_WORD.search(paragraph, max(0, m.start(1) - 40), m.start(1))
    if not word:
        return False
    token = word.group(1).casefold().rstrip(".")
    if token in ABBREVIATIONS:
        return True
    if token in NUMBER_ABBREVIATIONS:
        return paragraph[m.end():m.end() + 1].isdigit()
    # A single capital initial ("J. K. Rowling"), or a dotted acronym ("U.K.").
    return bool(re.fullmatch(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]", word.group(1).rstrip(".")))


def sentences(corpus: pd.DataFrame, speakers: bool = False) -> pd.DataFrame:
    """One row per sentence of each article's cleaned body.

    Splitting text into sentences does not depend on who speaks: for the ``speaker``
    and ``quoted`` columns use :func:`analysis.voices.speaker_sentences` (or the
    pipeline's ``analyse(corpus).sentences``).

    Parameters
    ----------
    corpus : pandas.DataFrame
        Output of :func:`analysis.load_corpus` (needs ``doc_id`` and ``text``).
    speakers : bool
        Kept for old callers: ``True`` raises a ``TypeError`` naming the function that
        adds the speaker columns.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, paragraph, sentence, text, start, end``: paragraph and
        sentence are numbered from 1 within each article; ``start``/``end`` are
        character offsets into the article's ``text``.

    Examples
    --------
    >>> text = "Mr Putin spoke. No 10 replied.\\n\\nIt ended."
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    >>> sentences(corpus)[["paragraph", "sentence", "text"]].values.tolist()
    [[1, 1, 'Mr Putin spoke.'], [1, 2, 'No 10 replied.'], [2, 3, 'It ended.']]
    """
    if speakers:
        raise TypeError("sentences() no longer adds speakers: use "
                        "analysis.voices.speaker_sentences(corpus)")
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        n, offset = 0, 0
        for p_number, paragraph in enumerate(text.split(PARAGRAPH_SEP) if text else [], 1):
            for a, b in split_sentences(paragraph):
                n += 1
                rows.append((doc_id, p_number, n, paragraph[a:b], offset + a, offset + b))
            offset += len(paragraph) + len(PARAGRAPH_SEP)
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "sentence", "text", "start", "end"])
