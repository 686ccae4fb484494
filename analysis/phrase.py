"""The phrase "special relationship" in context: every use, who uses it, distinct utterances.

:func:`special_relationship` finds every use of the phrase and of its variants with words
between ("relationship with the US is still “special”") in headlines, standfirsts and
bodies, with who uses it and the words around it. A word "special" inside someone's quotation
in a sentence that names the relationship is that person's use, even when the sentence also
prints the phrase whole in the outlet's words ("the special relationship …, after she
described it as “special but not exclusive”"). A headline or standfirst that repeats a use
in the body (a standfirst quoting the body's quotation, a headline shortening it) is the
same utterance: it is kept, marked, and counted once (column ``distinct``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pandas as pd

from analysis.frequency import tokenize

# "special relationship", and "relationship … special" within a sentence (up to 8 words between).
_PHRASE = re.compile(r"\bspecial\W{1,3}relationship\b", re.IGNORECASE)
_VARIANT = re.compile(r"\brelationship\b(?:\W+[\w’'-]+){0,8}?\W+special\b", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")
_SPECIAL = re.compile(r"\bspecial\b", re.IGNORECASE)
_RELATIONSHIP = re.compile(r"\brelationship\b", re.IGNORECASE)
SAME_WORDS = 4  # words beside the phrase that must be the same for a repeat
COLUMNS = ["doc_id", "source", "sentence", "variant", "left", "match", "right", "speaker",
           "voice", "modifiers", "collocates", "distinct", "repeats"]
VERBATIM, GAPPED = "special relationship", "relationship … special"


def kwic(text: str, start: int, end: int, window: int = 8) -> tuple[str, str]:
    """Up to ``window`` words left and right of ``text[start:end]`` (fewer at the edges).

    Examples
    --------
    >>> kwic("a special relationship indeed", 2, 22, window=8)
    ('a', 'indeed')
    """
    left = _WORD.findall(text[:start])[-window:] if window else []
    right = _WORD.findall(text[end:])[:window] if window else []
    # Rebuild from the original characters so punctuation and quotes stay visible.
    if left:
        first = [m.start() for m in _WORD.finditer(text[:start])][-len(left)]
        left_text = text[first:start].strip()
    else:
        left_text = ""
    if right:
        last = [m.end() for m in _WORD.finditer(text[end:])][len(right) - 1]
        right_text = text[end:end + last].strip()
    else:
        right_text = ""
    return left_text, right_text


def special_relationship(corpus: pd.DataFrame, sentences: pd.DataFrame,
                         quotes: pd.DataFrame, window: int = 8) -> pd.DataFrame:
    """Every use of "special relationship" and its variants, with context and speaker.

    Parameters
    ----------
    corpus, sentences, quotes
        From :func:`analysis.load_corpus`, :func:`analysis.sentences` and
        :func:`analysis.extract_quotes`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, source`` (headline, standfirst or body), ``sentence``,
        ``variant`` ("special relationship" or "relationship … special"), ``left,
        match, right`` (keyword in context), ``speaker`` (a name, or "narrative"),
        ``voice`` ("quotation" when the use is inside quotation marks, "quoted word" when
        only its "special" is, as in “still ‘special,’ says X”, the speaker then being
        whoever is credited with that quotation; else "narrative"),
        ``modifiers`` (the words around "special"), ``collocates`` (the sentence's
        other content words), ``distinct`` (False for a headline or standfirst that
        repeats a use in the body: count utterances with ``distinct``) and
        ``repeats`` (for a repeat, the body sentence it repeats, as "body 12").
    """
    from analysis.quotes import extract_quotes

    rows = []
    for row in corpus.itertuples(index=False):
        found = []
        extra = [("headline", row.headline), ("standfirst", row.standfirst)]
        for source, text in extra:
            if not isinstance(text, str) or not text:
                continue
            mini = pd.DataFrame({"doc_id": [row.doc_id], "text": [text],
                                 "published": [row.published]})
            found += _occurrences(row.doc_id, source, text, [(0, len(text))],
                                  extract_quotes(mini), window)
        doc_sents = sentences[sentences["doc_id"] == row.doc_id]
        spans = list(zip(doc_sents["start"], doc_sents["end"]))
        found += _occurrences(row.doc_id, "body", row.text, spans,
                              quotes[quotes["doc_id"] == row.doc_id], window,
                              list(doc_sents["sentence"]))
        rows += _mark_repeats(found)
    return pd.DataFrame(rows, columns=COLUMNS)


def _side_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def same_words(a: str, b: str) -> bool:
    """Whether two matches print (nearly) the same words: after quotation marks and case
    are set aside, the shorter one's words occur in the longer one, in order (words may
    stand between them).

    Examples
    --------
    >>> same_words("relationship still ‘special", "relationship with the US is still “special")
    True
    >>> same_words("Special Relationship", "special relationship")
    True
    >>> same_words("relationship still special", "relationship is special")
    False
    """
    short, long = sorted((_side_words(a), _side_words(b)), key=len)
    rest = iter(long)
    return bool(short) and all(word in rest for word in short)


def _mark_repeats(found: list[dict]) -> list[dict]:
    """A headline or standfirst use that repeats a body use of the same article (the same
    utterance printed twice) is marked: one credited to the same speaker, in the same
    variant, with (nearly) the same words (:func:`same_words`); or, for any use, one whose
    phrase and next words on either side are those of a body use."""
    def sides(r):
        match = _side_words(r["match"])
        return (tuple(_side_words(r["left"])[-SAME_WORDS:] + match),
                tuple(match + _side_words(r["right"])[:SAME_WORDS]))

    body = [r for r in found if r["source"] == "body"]
    for r in found:
        r["distinct"], r["repeats"] = True, ""
        if r["source"] == "body":
            continue
        left, right = sides(r)
        closest = sorted(body, key=lambda b: -SequenceMatcher(
            None, _side_words(r["match"]), _side_words(b["match"])).ratio())
        for b in closest:  # the body use printing the most similar words first
            b_left, b_right = sides(b)
            credited = (r["speaker"] != "narrative" and r["speaker"] == b["speaker"]
                        and r["variant"] == b["variant"] and same_words(r["match"], b["match"]))
            if credited or (len(left) > SAME_WORDS and left == b_left) or (
                    len(right) > SAME_WORDS and right == b_right):
                r["distinct"], r["repeats"] = False, f"body {b['sentence']:g}"
                break
    return found


def _speaker_at(quotes: pd.DataFrame, at: int) -> str | None:
    """The speaker of the quotation holding character ``at`` ("" if it has none), or None
    when no quotation does."""
    inside = quotes[(quotes["start"] <= at) & (quotes["end"] > at)]
    return None if inside.empty else str(inside["speaker"].iloc[0] or "")


def _occurrences(doc_id, source, text, spans, quotes, window, numbers=None):
    rows = []
    for i, (a, b) in enumerate(spans):
        sentence = text[a:b]
        found = [(m.start(), m.end(), VERBATIM) for m in _PHRASE.finditer(sentence)]
        found += [(m.start(), m.end(), GAPPED) for m in _VARIANT.finditer(sentence)]
        found = _merge(found)
        found = sorted(found + _quoted_specials(sentence, found, quotes, a))
        for s, e, variant in found:
            start, end = a + s, a + e
            left, right = kwic(text, start, end, window)
            specials = [start + m.start() for m in
                        re.finditer(r"special", text[start:end], re.IGNORECASE)]
            speaker, voice = _speaker_at(quotes, start), "quotation"
            if speaker is None:  # the use is the outlet's, unless its "special" is quoted
                quoted = [w for w in (_speaker_at(quotes, at) for at in specials) if w]
                speaker, voice = (quoted[0], "quoted word") if quoted else ("narrative",
                                                                            "narrative")
            modifiers = [" ".join(_WORD.findall(text[:at])[-2:] + ["special"]
                                  + _WORD.findall(text[at + len("special"):])[:3])
                         for at in specials]
            others = [t for t in tokenize(sentence) if t.lower() not in
                      ("special", "relationship")]
            rows.append({"doc_id": doc_id, "source": source,
                         "sentence": numbers[i] if numbers else None, "variant": variant,
                         "left": " ".join(left.split()), "match": text[start:end],
                         "right": " ".join(right.split()),
                         "speaker": speaker or "(unknown speaker)", "voice": voice,
                         "modifiers": " / ".join(modifiers),
                         "collocates": ", ".join(dict.fromkeys(others))})
    return rows


def _quoted_specials(sentence, found, quotes, offset):
    """A "special" inside a credited quotation that no match holds, in a sentence naming the
    relationship: a use from the nearest "relationship" to that word (a sentence can print
    the phrase whole in the outlet's words and quote someone's "special" as well)."""
    relationships = [m.span() for m in _RELATIONSHIP.finditer(sentence)]
    extra = []
    for m in _SPECIAL.finditer(sentence):
        if not relationships or any(s <= m.start() < e for s, e, _ in found):
            continue
        if not _speaker_at(quotes, offset + m.start()):
            continue
        near = min(relationships, key=lambda r: abs(r[0] - m.start()))
        extra.append((min(near[0], m.start()), max(near[1], m.end()), GAPPED))
    return extra


def _merge(found):
    """Overlapping matches become one occurrence; it is verbatim when any part of it prints
    the phrase whole ("special relationship even more special")."""
    merged = []
    for s, e, variant in sorted(found):
        if merged and s < merged[-1][1]:
            ps, pe, pv = merged[-1]
            merged[-1] = (ps, max(pe, e), VERBATIM if VERBATIM in (pv, variant) else GAPPED)
        else:
            merged.append((s, e, variant))
    return merged
