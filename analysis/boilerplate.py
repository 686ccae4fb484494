"""Body or boilerplate: each line of a page's text judged on its own evidence.

Text copied from a browser keeps a page's navigation, teasers, comments and
footers beside the article. :func:`classify_lines` separates them the way
jusText does for HTML (Pomikálek 2011), adapted to text that has lost its
markup:

1. **Context-free evidence** per line: its length, its share of stop words
   (function words: prose is full of them, menus and link lists are not), whether
   it is shaped like a sentence, like a link (short, no stop word, no sentence
   punctuation) or like a list of capitalised items. The furniture rules of
   :mod:`analysis.furniture` come in as hints: a line they recognise is furniture.
2. **Neighbours**: a short line or a borderline paragraph takes the class of the
   prose around it (jusText's context-sensitive pass); a run of borderline
   paragraphs is prose; captions and other inline inserts are skipped when
   looking for neighbours, since they interrupt an article without ending it.
3. **Position**: an article is one block. The block of lines where prose
   outweighs furniture most (each prose line counts its words, each other line
   costs) is the article; prose outside it (teasers, comments, "about the author",
   footers) is boilerplate.

A page with no sign of furniture at all (no rule hit, hardly any line that is not
prose) is left alone: plain article text, such as a news data set, loses nothing.

The thresholds are jusText's defaults; the few additions (the weak-prose share,
the cost of a furniture line) were set on half of a development set of real pages
(``python -m analysis.evaluate cleaning``), never on the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from analysis import furniture as fx

# jusText's defaults (characters and stop-word shares).
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_HEADING_DISTANCE = 200
# A sentence with fewer stop words than prose usually has (names, scores, figures) is
# borderline prose, not furniture, down to this share.
WEAK_STOPWORDS = 0.15
# Position pass: what a line that is not prose costs, against one word of prose.
LINE_COST = 6.0
# Furniture that sits inside articles (a caption, a video, an appeal, a link) costs less:
# it interrupts the article without ending it.
INSERT_COST = 1.0
INSERT_CATEGORIES = frozenset({"caption", "video", "appeal", "cookies", "notification",
                               "podcast", "related"})

# A menu: this many link-like lines in a row.
MENU_RUN = 5

_WORD = re.compile(r"\w+")
# Chinese, Japanese and Korean characters carry a word's worth of text each.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CAPITALISED = re.compile(r"^[\W_]*[A-Z0-9]")
_COPYRIGHT = re.compile(r"[©ⓒ]|^copyright\b|\bcopyright (?:\(c\)|\d{4})|\ball rights? reserved\b",
                        re.IGNORECASE)


class Evidence(NamedTuple):
    """What one line says about itself."""

    length: int  # characters (a CJK character counts three)
    n_words: int
    stop_share: float  # share of its words that are stop words of the page's language
    sentence: bool  # ends like a sentence, or is long
    link_like: bool  # short, no stop word, not a sentence: a menu item, tag or button
    list_like: bool  # many words, nearly all capitalised, not a sentence


@lru_cache(maxsize=128)  # one per stop list at most
def stoplist(language: str = "English") -> frozenset[str]:
    """The stop words of a language, from jusText's packaged lists (lower case).

    Examples
    --------
    >>> {"the", "and", "of"} <= stoplist("English")
    True
    """
    import justext

    return frozenset(word.lower() for word in justext.get_stoplist(language))


@lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    import justext

    return tuple(sorted(justext.get_stoplists()))


def detect_language(words: Sequence[str]) -> str:
    """The language whose stop words cover most of ``words`` (lower case); English if unsure.

    English is tried first: when a quarter of the words are English stop words the
    text is taken as English without scanning the hundred other lists.

    Examples
    --------
    >>> detect_language("the minister said that the talks went well".split())
    'English'
    >>> detect_language("o ministro disse que as conversas correram bem".split())
    'Portuguese'
    """
    if not words:
        return "English"
    english = stoplist("English")
    if sum(w in english for w in words) >= 0.25 * len(words):
        return "English"
    counts = {lang: sum(w in stoplist(lang) for w in words) for lang in _languages()}
    best = max(counts, key=lambda lang: (counts[lang], lang == "English"))
    return best if counts[best] else "English"


def line_evidence(line: str, stops: frozenset[str]) -> Evidence:
    """The context-free evidence of one (normalised, non-blank) line.

    Examples
    --------
    >>> e = line_evidence("Gift Ideas", stoplist("English"))
    >>> e.link_like, e.sentence
    (True, False)
    >>> round(line_evidence("The talks went well, officials said.", stoplist()).stop_share, 2)
    0.67
    """
    words = [w.lower() for w in _WORD.findall(line)]
    tokens = line.split()
    n_stop = sum(w in stops for w in words)
    share = n_stop / len(words) if words else 0.0
    length = len(line) + 2 * len(_CJK.findall(line))
    sentence = fx.is_sentence_like(line)
    capitalised = sum(bool(_CAPITALISED.match(t)) for t in tokens)
    return Evidence(
        length=length,
        n_words=len(tokens),
        stop_share=share,
        sentence=sentence,
        link_like=length < LENGTH_LOW and not sentence and n_stop == 0,
        list_like=not sentence and len(tokens) >= 8 and capitalised > 0.7 * len(tokens),
    )


# Reasons given in the audit, by the evidence that decided.
_REASONS = {
    "link": ("navigation", "short link-like line: no stop word, not a sentence (menu, tag, "
                           "button)"),
    "list": ("navigation", "list of capitalised items, not a sentence (menu or tag list)"),
    "copyright": ("footer", "copyright line"),
    "sparse": ("boilerplate", "too few function words for prose ({share:.0%} stop words)"),
    "short": ("boilerplate", "short line among page furniture, not among the article's "
                             "paragraphs"),
    "isolated": ("boilerplate", "paragraph between page furniture, not among the article's "
                                "paragraphs (teaser or notice)"),
    "outside": ("outside", "prose outside the article's main block (teaser, comment, "
                           "profile or footer)"),
    "outside-short": ("outside", "short line outside the article's main block (menu, link "
                                 "or heading)"),
}


def classify_lines(lines: Sequence[str], hints: Sequence[str | None] | None = None,
                   language: str | None = None) -> list[tuple[str, str] | None]:
    """Judge each line of a page: article body (``None``) or boilerplate ``(category, reason)``.

    Parameters
    ----------
    lines : sequence of str
        The page's lines, normalised (see :func:`analysis.clean.normalise_line`);
        blank lines separate nothing and are returned as ``None``.
    hints : sequence of str or None, optional
        Per line, the furniture category a rule already gave it (``None`` if none).
        Hinted lines count as furniture; they are returned as ``None`` (the caller
        has already recorded them).
    language : str, optional
        A jusText stop-list name; detected from the page's longer lines if absent.

    Returns
    -------
    list
        Per line ``None`` (body, blank, or already hinted) or ``(category, reason)``.

    Examples
    --------
    >>> page = ["Politics", "Sport", "Culture", "Opinion", "Lifestyle", "",
    ...         "The minister said on Monday that the talks had gone well and that they "
    ...         "would meet again in the spring.",
    ...         "Officials from both sides said there was a lot of work to do before any deal.",
    ...         "Most read", "Ten things to do this weekend"]
    >>> [v[0] if v else "" for v in classify_lines(page)]
    ['navigation', 'navigation', 'navigation', 'navigation', 'navigation', '', '', '', \
'boilerplate', 'boilerplate']
    """
    hints = list(hints) if hints is not None else [None] * len(lines)
    idx = [i for i, text in enumerate(lines) if text]
    verdicts: list[tuple[str, str] | None] = [None] * len(lines)
    if not idx:
        return verdicts
    if not _has_furniture(lines, idx, hints, language):
        return verdicts  # plain article text: nothing to separate it from
    if language is None:
        language = detect_language([w.lower() for i in idx if len(lines[i].split()) >= 8
                                    for w in _WORD.findall(lines[i])])
    stops = stoplist(language)
    evidence = {i: line_evidence(lines[i], stops) for i in idx}
    first, why = _context_free(lines, idx, evidence, hints)
    final = _revise(lines, idx, first, hints)
    start, end = _main_block(idx, final, evidence, hints)
    for pos, i in enumerate(idx):
        if hints[i]:
            continue
        if final[i] == "good":
            if not start <= pos <= end:
                short = evidence[i].length < LENGTH_LOW and not evidence[i].sentence
                verdicts[i] = _REASONS["outside-short" if short else "outside"]
            continue
        reason = why[i] or ("short" if first[i] == "short" else "isolated")
        category, text = _REASONS[reason]
        verdicts[i] = (category, text.format(share=evidence[i].stop_share))
    return verdicts


def _copyright_lines(lines, idx) -> set[int]:
    """The lines that are copyright notices (the page is searched once before any line)."""
    page = "\n".join(lines).casefold()
    if not any(needle in page for needle in ("©", "ⓒ", "copyright", "reserved")):
        return set()
    return {i for i in idx if _COPYRIGHT.search(lines[i])}


def _has_furniture(lines, idx, hints, language) -> bool:
    """Whether the page shows page furniture: a line a furniture rule recognises, a
    copyright line, or a menu above the text (a run of link-like lines before the first
    sentence). Lists inside an article (a team sheet, the fixtures of a draw) do not make
    it a web page. Cheap on plain text: only the lines above the first sentence are
    looked at word by word."""
    if any(hints[i] and hints[i] != "repeat" for i in idx) or _copyright_lines(lines, idx):
        return True
    stops = stoplist(language or "English")
    run = 0
    for i in idx:
        line = lines[i]
        if fx.is_sentence_like(line):
            return False
        link = len(line) < LENGTH_LOW and not any(w.lower() in stops for w in _WORD.findall(line))
        run = run + 1 if link else 0
        if run >= MENU_RUN:
            # Lines without English stop words may be prose in another language.
            return language is not None or _has_furniture(
                lines, idx, hints, detect_language(
                    [w.lower() for i in idx for w in _WORD.findall(lines[i])]))
    return False


def _context_free(lines, idx, evidence, hints) -> tuple[dict, dict]:
    """jusText's first pass, plus text-only evidence for what links and markup told it."""
    first, why = {}, {}
    for i in idx:
        e = evidence[i]
        why[i] = ""
        if hints[i]:
            first[i] = "bad"
        elif _COPYRIGHT.search(lines[i]):
            first[i], why[i] = "bad", "copyright"
        elif e.link_like:
            first[i], why[i] = "bad", "link"
        elif e.length < LENGTH_LOW:
            # A short sentence with function words is borderline prose (news paragraphs are
            # often one short sentence); other short lines take their neighbours' class.
            first[i] = "neargood" if e.sentence and e.stop_share >= STOPWORDS_LOW else "short"
        elif e.list_like:
            first[i], why[i] = "bad", "list"
        elif e.stop_share >= STOPWORDS_HIGH:
            first[i] = "good" if e.length > LENGTH_HIGH else "neargood"
        elif e.stop_share >= STOPWORDS_LOW:
            first[i] = "neargood"
        elif e.sentence and e.stop_share >= WEAK_STOPWORDS:
            first[i] = "weak"  # borderline, but not enough to make a run of prose
        else:
            first[i], why[i] = "bad", "sparse"
    return first, why


def _revise(lines, idx, first, hints) -> dict:
    """jusText's context-sensitive pass: short and borderline lines take their neighbours'
    class; a run of borderline paragraphs is prose."""
    cls = {i: "neargood" if c == "weak" else c for i, c in first.items()}
    # Neighbours are looked for among lines that are not inline inserts.
    order = [i for i in idx if hints[i] not in INSERT_CATEGORIES]
    pos = 0
    while pos < len(order):  # a run of two or more prose-like lines is prose
        end = pos
        while end < len(order) and first[order[end]] in ("good", "neargood"):
            end += 1
        if end - pos >= 2:
            for q in range(pos, end):
                cls[order[q]] = "good"
        pos = max(end, pos + 1)

    def heading_before_good(pos: int) -> bool:
        distance = 0
        for j in order[pos + 1:]:
            if distance > MAX_HEADING_DISTANCE:
                return False
            if cls[j] == "good":
                return True
            distance += len(lines[j])
        return False

    heading = {i: first[i] == "short" and not fx.is_sentence_like(lines[i]) for i in order}
    for pos, i in enumerate(order):
        if heading[i] and heading_before_good(pos):
            cls[i] = "neargood"

    def neighbour(pos: int, step: int, skip_neargood: bool) -> str:
        pos += step
        while 0 <= pos < len(order):
            c = cls[order[pos]]
            if c in ("good", "bad") or (c == "neargood" and not skip_neargood):
                return c
            pos += step
        return "bad"

    new = {}
    for pos, i in enumerate(order):
        if cls[i] != "short":
            continue
        before, after = neighbour(pos, -1, True), neighbour(pos, 1, True)
        if before == after:
            new[i] = before
        elif (before == "bad" and neighbour(pos, -1, False) == "neargood"
              or after == "bad" and neighbour(pos, 1, False) == "neargood"
              or fx.is_sentence_like(lines[i])):
            new[i] = "good"
        else:
            new[i] = "bad"
    cls.update(new)
    for pos, i in enumerate(order):
        if cls[i] == "neargood":
            cls[i] = "bad" if neighbour(pos, -1, True) == neighbour(pos, 1, True) == "bad" \
                else "good"
    for pos, i in enumerate(order):
        if heading[i] and cls[i] == "bad" and heading_before_good(pos):
            cls[i] = "good"
    if not any(c == "good" for c in cls.values()):
        # Nothing stands out as the article (a page of a few short paragraphs): keep every
        # line that reads as prose rather than lose the article.
        cls.update({i: "good" for i in order if first[i] in ("neargood", "weak")
                    or first[i] == "short" and fx.is_sentence_like(lines[i])})
    for i in idx:  # inline inserts keep their rule's verdict
        cls.setdefault(i, "bad")
    return cls


def _main_block(idx, cls, evidence, hints) -> tuple[int, int]:
    """Positions (in ``idx``) of the block where prose outweighs furniture most."""
    best, span, total, start = 0.0, (0, -1), 0.0, 0
    for pos, i in enumerate(idx):
        if cls[i] == "good":
            score = evidence[i].n_words
        elif hints[i] in INSERT_CATEGORIES:
            score = -INSERT_COST
        else:
            score = -(LINE_COST + evidence[i].n_words)
        if total <= 0:
            total, start = 0.0, pos
        total += score
        if total > best:
            best, span = total, (start, pos)
    return span
