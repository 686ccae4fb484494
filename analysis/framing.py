"""Framing: the phrase "special relationship" in context, and dictionary-coded frames.

:func:`special_relationship` finds every use of the phrase and of its variants
with words between ("relationship with the US is still “special”") in headlines,
standfirsts and bodies, with who uses it and the words around it.
:func:`code_frames` codes each sentence for the frames of ``data/frames.yml``:
the generic news frames of Semetko & Valkenburg (2000) and this corpus' issue
frames. A dictionary finds words, not meanings; the chapter shows the matched
terms and example sentences so a reader can judge each frame.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import pandas as pd
import yaml

from analysis.frequency import tokenize
from analysis.memo import remember

# "special relationship", and "relationship … special" within a sentence (up to 8 words between).
_PHRASE = re.compile(r"\bspecial\W{1,3}relationship\b", re.IGNORECASE)
_VARIANT = re.compile(r"\brelationship\b(?:\W+[\w’'-]+){0,8}?\W+special\b", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")


@functools.cache
def load_frames() -> dict:
    """The frame lexicon and salience lists (``analysis/data/frames.yml``)."""
    with resources.files("analysis").joinpath("data/frames.yml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for a lexicon term ("sanction*", "at odds").

    Examples
    --------
    >>> bool(term_pattern("sanction*").search("new Sanctions on Moscow"))
    True
    >>> bool(term_pattern("row").search("the arrow flew"))
    False
    """
    stem = term.rstrip("*")
    body = r"\s+".join(re.escape(w) for w in stem.split())
    tail = r"[\w’'-]*" if term.endswith("*") else ""
    # NATO and the like: capital acronyms match "Nato" too (case-insensitive).
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w-])", re.IGNORECASE)


def _needed_words(term: str) -> tuple[tuple[str, bool], ...]:
    """What a text must contain for a multi-word term to match: ``(text, whole)`` pairs.

    Every word of the term, lower-cased and cut at an apostrophe, must occur in the text;
    with ``whole``, as a whole word of ``[\\w-]+`` characters ("at" in "at odds" is not the
    "at" in "that"). A stem's last word ("sanction*") may be the start of a longer word.
    """
    words = term.lower().split()
    needed = []
    for n, word in enumerate(words, 1):
        stem = n == len(words) and word.endswith("*")
        part = re.split(r"[’']", word.rstrip("*"))[0]
        if part:
            needed.append((part, not stem and bool(re.fullmatch(r"[\w-]+", part))))
    return tuple(needed)


class _Matcher:
    """Finds lexicon terms by looking words up, not by running one regex per term: a
    sentence is split into words once, and each word is checked against the exact terms and
    the stems ("sanction*") of every frame. Multi-word terms ("at odds") are searched only in
    sentences that contain their first word. Matches are those of :func:`term_pattern`."""

    _WORDS = re.compile(r"[\w-]+")

    def __init__(self, frames: dict):
        self.frames = list(frames)
        self.exact: dict[str, list[tuple[str, str]]] = {}
        self.stems: dict[str, list[tuple[str, str]]] = {}
        self.phrases: list[tuple[str, str, str, tuple[str, ...], re.Pattern[str]]] = []
        for frame, spec in frames.items():
            for term in spec["terms"]:
                words = term.rstrip("*").lower().split()
                if len(words) > 1 or not re.fullmatch(r"[\w-]+", words[0]):
                    needed = _needed_words(term)
                    # One substring test first (the longest word: the rarest, as a rule).
                    probe = max((w for w, _ in needed), key=len, default="")
                    self.phrases.append((frame, term, probe,
                                         tuple(w for w, whole in needed if whole),
                                         term_pattern(term)))
                elif term.endswith("*"):
                    self.stems.setdefault(words[0], []).append((frame, term))
                else:
                    self.exact.setdefault(words[0], []).append((frame, term))
        self.stem_lengths = sorted({len(k) for k in self.stems})
        self._hits: dict[str, tuple[tuple[str, str], ...]] = {}  # word -> its (frame, term)s

    def _word_hits(self, word: str) -> tuple[tuple[str, str], ...]:
        """The terms a word matches, worked out once per distinct word (news repeats)."""
        hits = self._hits.get(word)
        if hits is None:
            lowered = word.lower()
            found = list(self.exact.get(lowered, ()))
            for n in self.stem_lengths:
                if n > len(lowered):
                    break
                found += self.stems.get(lowered[:n], ())
            hits = remember(self._hits, word, tuple(found))
        return hits

    def find(self, text: str) -> list[tuple[str, str, str]]:
        """``(frame, term, matched text)`` for every match in ``text``."""
        found = []
        words = self._WORDS.findall(text)
        known = self._hits.get
        for word in words:
            hits = known(word)
            if hits is None:
                hits = self._word_hits(word)
            for frame, term in hits:
                found.append((frame, term, word))
        lowered, whole_words = text.lower(), None
        for frame, term, probe, needed, pattern in self.phrases:
            if probe not in lowered:
                continue
            if whole_words is None:
                whole_words = {w.lower() for w in words}
            if all(w in whole_words for w in needed):
                found += [(frame, term, x.group(0)) for x in pattern.finditer(text)]
        return found

    def counts(self, text: str) -> list[int]:
        """Matches per frame, in the lexicon's frame order."""
        per_frame = dict.fromkeys(self.frames, 0)
        for frame, _, _ in self.find(text):
            per_frame[frame] += 1
        return list(per_frame.values())


# Built once per lexicon; keyed by identity because a lexicon (a dict) is not hashable.
# The lexicon is kept in the value so that its id cannot be reused by another object.
_MATCHERS: dict[int, tuple[dict, _Matcher]] = {}


def frame_matcher(frames: dict | None = None) -> _Matcher:
    """The matcher for a frame lexicon (default: ``data/frames.yml``), built once."""
    frames = frames or load_frames()["frames"]
    if id(frames) not in _MATCHERS:
        _MATCHERS[id(frames)] = (frames, _Matcher(frames))
    return _MATCHERS[id(frames)][1]


def frame_hits(sentences: pd.DataFrame, frames: dict | None = None) -> pd.DataFrame:
    """Every lexicon match: one row per (sentence, frame, term, matched text).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, sentence, frame, term, match``.
    """
    matcher = frame_matcher(frames)
    rows = [(doc_id, number, *hit)
            for doc_id, number, text in zip(sentences["doc_id"], sentences["sentence"],
                                            sentences["text"])
            for hit in matcher.find(text)]
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "frame", "term", "match"])


def code_frames(sentences: pd.DataFrame, frames: dict | None = None) -> pd.DataFrame:
    """Add one 0/1 column per frame (the sentence uses it) and ``<frame> hits`` counts.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [1, 2],
    ...                   "text": ["The sides clashed in a bitter row.", "It was sunny."]})
    >>> code_frames(s)["conflict"].tolist()
    [1.0, 0.0]
    """
    matcher = frame_matcher(frames)
    per_sentence = [matcher.counts(text) for text in sentences["text"]]
    out = sentences.copy()
    for k, frame in enumerate(matcher.frames):
        out[f"{frame} hits"] = [counts[k] for counts in per_sentence]
        out[frame] = [float(counts[k] > 0) for counts in per_sentence]
    return out


def frame_examples(coded: pd.DataFrame, frame: str, k: int = 3) -> pd.DataFrame:
    """The ``k`` sentences with most hits for a frame (ties: shorter, then earlier)."""
    subset = coded[coded[frame] > 0].assign(_len=coded["text"].str.len())
    subset = subset.sort_values([f"{frame} hits", "_len", "doc_id", "sentence"],
                                ascending=[False, True, True, True], kind="stable")
    return subset.head(k).drop(columns="_len")


def salience(corpus: pd.DataFrame, actors: dict | None = None) -> pd.DataFrame:
    """Mentions of each actor per 1,000 words of each article's body.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, actor, mentions, n_words, per_1000``.
    """
    actors = actors or load_frames()["salience"]
    rows = []
    for doc_id, text, n_words in zip(corpus["doc_id"], corpus["text"], corpus["n_words"]):
        for actor, terms in actors.items():
            mentions = sum(len(term_pattern(t).findall(text)) for t in terms)
            rows.append({"doc_id": doc_id, "actor": actor, "mentions": mentions,
                         "n_words": n_words,
                         "per_1000": 1000 * mentions / n_words if n_words else float("nan")})
    return pd.DataFrame(rows)


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
        ``modifiers`` (the words around "special") and ``collocates`` (the
        sentence's other content words).
    """
    from analysis.quotes import extract_quotes

    rows = []
    for row in corpus.itertuples(index=False):
        extra = [("headline", row.headline), ("standfirst", row.standfirst)]
        for source, text in extra:
            if not isinstance(text, str) or not text:
                continue
            mini = pd.DataFrame({"doc_id": [row.doc_id], "text": [text],
                                 "published": [row.published]})
            rows += _occurrences(row.doc_id, source, 0, text, [(0, len(text))],
                                 extract_quotes(mini), window)
        doc_sents = sentences[sentences["doc_id"] == row.doc_id]
        spans = list(zip(doc_sents["start"], doc_sents["end"]))
        rows += _occurrences(row.doc_id, "body", 1, row.text, spans,
                             quotes[quotes["doc_id"] == row.doc_id], window,
                             list(doc_sents["sentence"]))
    return pd.DataFrame(rows, columns=["doc_id", "source", "sentence", "variant", "left",
                                       "match", "right", "speaker", "modifiers", "collocates"])


def _occurrences(doc_id, source, _, text, spans, quotes, window, numbers=None):
    rows = []
    for i, (a, b) in enumerate(spans):
        sentence = text[a:b]
        found = [(m.start(), m.end(), "special relationship") for m in _PHRASE.finditer(sentence)]
        found += [(m.start(), m.end(), "relationship … special")
                  for m in _VARIANT.finditer(sentence)]
        for s, e, variant in _merge(found):
            start, end = a + s, a + e
            left, right = kwic(text, start, end, window)
            inside = quotes[(quotes["start"] <= start) & (quotes["end"] >= start)]
            speaker = ("narrative" if inside.empty
                       else inside["speaker"].iloc[0] or "(unknown speaker)")
            modifiers = []
            for special in re.finditer(r"special", text[start:end], re.IGNORECASE):
                at = start + special.start()
                modifiers.append(" ".join(_WORD.findall(text[:at])[-2:] + ["special"]
                                          + _WORD.findall(text[at + len("special"):])[:3]))
            others = [t for t in tokenize(sentence) if t.lower() not in
                      ("special", "relationship")]
            rows.append({"doc_id": doc_id, "source": source,
                         "sentence": numbers[i] if numbers else None, "variant": variant,
                         "left": " ".join(left.split()), "match": text[start:end],
                         "right": " ".join(right.split()), "speaker": speaker,
                         "modifiers": " / ".join(modifiers),
                         "collocates": ", ".join(dict.fromkeys(others))})
    return rows


def _merge(found):
    """Overlapping matches become one occurrence; the variant with words between wins."""
    merged = []
    for s, e, variant in sorted(found):
        if merged and s < merged[-1][1]:
            ps, pe, pv = merged[-1]
            merged[-1] = (ps, max(pe, e), "relationship … special"
                          if "…" in pv or "…" in variant else pv)
        else:
            merged.append((s, e, variant))
    return merged
