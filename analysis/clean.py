"""Separate an article's body from the page furniture around it.

The raw texts are web pages as a browser shows them. :func:`clean_text` keeps
every paragraph of the article and removes the rest, recording for each removed
line its number in the raw file and the reason, so that the cleaning can be
audited line by line.

The method, in three passes over the lines:

1. **Line rules** (:mod:`analysis.furniture`): furniture recognisable on its own
   (icon glossaries, video player residue, cookie notices, datelines, photo
   credits, appeals ...).
2. **Context rules**: lines that are furniture because of their neighbours: the
   title under a video player's clock, the links under "Read more:", the title
   line above a photo credit, a caption shown twice, a sentence sandwiched in a
   donation appeal, the label above a cookie notice.
3. **Page header**: the headline, standfirst, byline and dateline come before
   the body. The body starts at the first prose line after the headline and
   after the last header marker (byline, dateline, the headline repeated as a
   video title); the headline and standfirst are returned as fields.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from analysis import furniture as fx
from analysis.boilerplate import classify_lines

PARAGRAPH_SEP = "\n\n"

# Unicode spaces that web pages use for layout; all become a plain space.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MULTISPACE = re.compile(r" {2,}")
# The headline is looked for among this many lines above the body.
HEADER_WINDOW = 8


class Removal(NamedTuple):
    """One removed line (or part of a line) of the raw text."""

    line: int  # 1-based line number in the raw file
    category: str
    reason: str
    text: str


class CleanResult(NamedTuple):
    """What :func:`clean_text` separates out of a raw page."""

    text: str
    headline: str
    standfirst: str
    byline: str
    dateline: str
    removed: list[Removal]


def _normalise(text: str) -> str:
    """NFC, invisible characters dropped, layout spaces made plain and collapsed. No step
    crosses a line end, so a whole page can go through at once."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _MULTISPACE.sub(" ", _SPACES.sub(" ", text))


def _normalise_lines(raw: str) -> list[str]:
    """:func:`normalise_line` for every line of a page, normalising the page in one go."""
    return [line.strip() for line in _normalise(raw).split("\n")]


def normalise_line(line: str) -> str:
    """NFC-normalise a line and collapse its whitespace, keeping quotes and dashes.

    Examples
    --------
    >>> normalise_line("  UK\u00a0and  US \u201cspecial\u201d  ")
    'UK and US “special”'
    """
    return _normalise(line).strip()


_BLOCK_NAMES = {"appeal": "donation or registration appeal", "cookies": "consent notice",
                "notification": "notification prompt", "podcast": "podcast promotion"}


_NON_WORD = re.compile(r"\W+")


def line_key(text: str) -> str:
    """Comparison key for repeated lines: case, quotes and punctuation ignored.

    Examples
    --------
    >>> line_key("UK–US ties: ‘special’?")
    'uk us ties special'
    """
    return _NON_WORD.sub(" ", text.casefold()).strip()


_key = line_key


def _is_title_like(text: str) -> bool:
    return bool(text) and not fx.is_sentence_like(text) and len(text.split()) <= 20


def clean_text(
    raw: str,
    headline: str | None = None,
    standfirst: str | None = None,
    byline: str | None = None,
) -> CleanResult:
    """Split a raw web page into the article body and audited page furniture.

    Parameters
    ----------
    raw : str
        The page text with ``\\n`` line ends (see :func:`analysis.corpus.read_text`).
    headline, standfirst, byline : str, optional
        Known values from the metadata. They are matched in the page header and
        removed from the body; when absent, they are detected from the page's shape.

    Returns
    -------
    CleanResult
        ``text`` is the body, paragraphs separated by a blank line; ``removed``
        lists every line taken out with its reason.

    Examples
    --------
    >>> raw = "Breaking News\\n\\nTruss heads to Washington\\n\\nLiz Truss will meet Mr Blinken.\\n"
    >>> result = clean_text(raw)
    >>> result.text, result.headline
    ('Liz Truss will meet Mr Blinken.', 'Truss heads to Washington')
    >>> [(r.line, r.category) for r in result.removed]
    [(1, 'navigation'), (3, 'headline')]
    """
    lines = _normalise_lines(raw)
    cats: list[str | None] = [None] * len(lines)
    reasons: list[str] = [""] * len(lines)
    extra: list[Removal] = []  # parts of a line removed while the rest is kept

    def mark(i: int, category: str, reason: str) -> None:
        if cats[i] is None:
            cats[i], reasons[i] = category, reason

    # A date glued in front of the headline ("date 2022-03-08 UK foreign secretary ...").
    dateline = ""
    for i, text in enumerate(lines[:5]):
        prefix = fx.DATE_PREFIX.match(text)
        if prefix and text[prefix.end():]:
            dateline = prefix.group(0).strip()
            extra.append(Removal(i + 1, "dateline", "dateline (moved to metadata)", dateline))
            lines[i] = text[prefix.end():]
            break

    idx = [i for i, text in enumerate(lines) if text]  # non-blank lines, in order
    keys = {i: _key(lines[i]) for i in idx}  # each line's comparison key, computed once

    # Pass 1: line rules.
    for i in idx:
        rule = fx.match_rule(lines[i])
        if rule:
            mark(i, rule.category, rule.reason)

    _context_rules(lines, idx, keys, cats, mark)
    # Pass 3: body or boilerplate, from each line's evidence and its neighbours'. These
    # claims are soft: the header pass may still take such a line as headline or byline.
    soft = set()
    for i, verdict in enumerate(classify_lines(lines, cats)):
        if verdict:
            mark(i, *verdict)
            soft.add(i)
    head = _page_header(lines, idx, keys, cats, mark, headline, standfirst, byline, soft)

    body = [lines[i] for i in idx if cats[i] is None]
    removed = extra + [Removal(i + 1, cats[i], reasons[i], lines[i]) for i in idx if cats[i]]
    removed.sort(key=lambda r: r.line)
    if not dateline:
        dateline = next((lines[i] for i in idx if cats[i] == "dateline"), "")
    return CleanResult(
        text=PARAGRAPH_SEP.join(body),
        headline=head["headline"],
        standfirst=head["standfirst"],
        byline=head["byline"],
        dateline=dateline,
        removed=removed,
    )


def _context_rules(lines, idx, keys, cats, mark) -> None:
    """Pass 2: lines that are furniture because of their neighbours."""
    # Captions shown twice in a row; any later exact repeat of an earlier line.
    seen: dict[str, int] = {}
    for pos, i in enumerate(idx):
        key = keys[i]
        nxt = idx[pos + 1] if pos + 1 < len(idx) else None
        if nxt is not None and key and keys[nxt] == key:
            mark(i, "caption", "photo caption shown twice")
            mark(nxt, "caption", "photo caption shown twice")
        if key in seen and key:
            mark(i, "repeat", "repeat of an earlier line (gallery or video title)")
        seen.setdefault(key, i)

    for pos, i in enumerate(idx):
        prev = idx[pos - 1] if pos else None
        if cats[i] is not None or prev is None:
            continue
        text = lines[i]
        # The title under a video player's clock ("0:57" / "Starmer: ‘We want …’").
        if cats[prev] == "video" and len(text.split()) <= 12 and not text.endswith("."):
            mark(i, "video", "video title")

    # Links listed under a related-articles label, until prose resumes.
    for pos, i in enumerate(idx):
        if fx.RELATED_LABEL.match(lines[i]):
            for j in idx[pos + 1:]:
                if cats[j] not in (None, "related") or not _is_title_like(lines[j]):
                    break
                mark(j, "related", "related-article link")

    for pos, i in enumerate(idx):
        nxt = idx[pos + 1] if pos + 1 < len(idx) else None
        if cats[i] is not None or nxt is None:
            continue
        # A title line directly above a credited photo caption (no blank line between).
        if cats[nxt] == "caption" and nxt == i + 1 and _is_title_like(lines[i]):
            mark(i, "caption", "photo gallery title above a caption")
        # A provider's name above its cookie notice ("Spreaker").
        elif cats[nxt] == "cookies" and len(lines[i].split()) <= 3 and _is_title_like(lines[i]):
            mark(i, "cookies", "embedded-content label above a consent notice")

    # A plain line between two lines of the same block (an appeal's middle paragraph).
    for pos, i in enumerate(idx):
        if cats[i] is not None:
            continue
        before = [cats[j] for j in idx[max(0, pos - 2):pos] if cats[j]]
        after = [cats[j] for j in idx[pos + 1:pos + 3] if cats[j]]
        common = set(before) & set(after) & fx.BLOCK_CATEGORIES
        if common:
            category = sorted(common)[0]
            mark(i, category, f"paragraph inside a {_BLOCK_NAMES[category]}")


def _page_header(lines, idx, keys, cats, mark, headline, standfirst,
                 byline, soft) -> dict[str, str]:
    """Pass 4: find headline, standfirst and byline; everything above the body goes."""

    def free(i: int, names: bool = False) -> bool:
        """Unclaimed, or claimed only by the classifier (a link-like line only for a name)."""
        return cats[i] is None or (i in soft and (names or cats[i] != "navigation"))

    found = {"headline": "", "standfirst": "", "byline": ""}
    sentence_like = {i: fx.is_sentence_like(lines[i]) for i in idx}
    prose = [i for i in idx if cats[i] is None and sentence_like[i]]
    if not prose:
        return {k: v or "" for k, v in
                zip(found, (headline, standfirst, byline))}
    # The header lies before the first run of three prose lines (or the first prose line).
    runs = [i for pos, i in enumerate(idx[:-2])
            if all(cats[j] is None and sentence_like[j] for j in idx[pos:pos + 3])]
    head_limit = runs[0] if runs and not soft else prose[0]
    head = [i for i in idx if i < head_limit]

    def find(value: str | None) -> int | None:
        key = _key(value or "")
        return next((i for i in head if key and keys[i] == key), None)

    # Headline: the metadata's, else the first title-shaped line of the few lines that
    # precede the body (menus and teasers further up are not the header).
    h = find(headline)
    if h is None and not headline:
        window = [i for i in head if free(i)][-HEADER_WINDOW:]
        titles = [i for i in window if _is_title_like(lines[i]) and not fx.is_name_line(lines[i])]
        # A title the classifier kept (a heading right above the body) comes first; one it
        # took for furniture must at least be longer than a menu item.
        h = next((i for i in titles if cats[i] is None),
                 next((i for i in titles if len(lines[i].split()) >= 4), None))
    if h is not None:
        found["headline"] = lines[h]
        cats[h] = None
        mark(h, "headline", "headline (kept as a field)")
        for j in idx:  # the headline again, as a video or gallery title
            if j != h and keys[j] == keys[h]:
                cats[j] = None
                mark(j, "headline", "headline repeated (video or gallery title)")

    # Byline: the metadata's, else a name-only line next to a dateline, or "By ...".
    b = find(byline)
    for pos, i in enumerate(idx):
        if i >= head_limit or b is not None:
            break
        near = [cats[j] for j in idx[max(0, pos - 1):pos + 2] if j != i]
        if free(i, names=True) and fx.is_name_line(lines[i]) and (
            fx.BYLINE_PREFIX.match(lines[i]) or {"dateline", "timestamp"} & set(near)
        ):
            b = i
    if b is not None:
        found["byline"] = re.sub(r"^(?:by|written by|words by|reporting by)\s+", "",
                                 lines[b], flags=re.I)
        cats[b] = None
        mark(b, "byline", "byline (moved to metadata)")

    markers = [i for i in head if cats[i] in fx.HEADER_MARKERS]
    top = max(markers) if markers else -1
    start = next((i for i in prose if i > top and cats[i] is None), None)
    if start is None:
        start = len(lines)
    s = find(standfirst)
    if s is None and not standfirst and h is not None:
        # The standfirst: the line right after the headline, if it is not furniture.
        s = next((i for i in idx if h < i < start and cats[i] not in fx.HEADER_MARKERS), None)
        s = s if s is not None and free(s) and not fx.is_name_line(lines[s]) else None
    if s is not None:
        found["standfirst"] = lines[s]
        cats[s] = None
        mark(s, "standfirst", "standfirst (kept as a field)")
    for i in idx:
        if i >= start or cats[i] is not None:
            continue
        if h is None or i < h:
            mark(i, "header", "page header before the headline or body")
        else:
            mark(i, "header", "caption or teaser between headline and body")

    # After the article's last prose line, short lines among page furniture are furniture
    # too (topic tags, "Explore more" lists); without any furniture there, they are kept.
    last = max((i for i in prose if cats[i] is None), default=-1)
    tail = [i for i in idx if i > last]
    if tail and any(cats[i] not in (None, "repeat") for i in tail):
        for i in tail:
            if cats[i] is None:
                mark(i, "footer", "page footer after the article")

    for key, given in (("headline", headline), ("standfirst", standfirst), ("byline", byline)):
        if given:
            found[key] = given
    return found
