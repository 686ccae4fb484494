"""Quotation marks: where each quotation of a paragraph opens and closes.

Double marks (“…”, "…", and ''…'' as some archives print them) and single marks (‘…’,
'…', the house style of many British outlets) are read; a single mark is a quotation
mark only where it pairs as one, never an apostrophe ("Putin's", "'90s", "rock 'n' roll",
"the Joneses' house"). Marks of the other kind inside a quotation are nested quotations
and belong to it. An opening mark with no closing mark ends at its paragraph's end
(flagged ``unclosed``) unless the next paragraph opens with a new mark, which continues
the quotation, as news style has it. Interview transcripts (``PENCE: Well, look, …``)
are found by :func:`transcript_lines`. Unbalanced marks never raise, and the cost is
linear in the length of the text: one pass over the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.clean import PARAGRAPH_SEP

_MARKS = re.compile("''|``|[“”\"‘’']")
_ATTRIBUTE = re.compile(r'=\s*("[^"\n]{0,300}")')
_SENTENCE_END = re.compile(r"[.!?][”’\"']?\s+$")
_SPACE_BEFORE = frozenset(" \t\n([{—–-/“‘\"")  # what may stand before an opening mark
_SPACE_AFTER = frozenset(" \t\n.,;:!?)]}—–-…”’\"")  # what may follow a closing mark
# Words that start with an apostrophe ("'em", "'90s", "rock 'n' roll").
_ELISION = re.compile(r"(?:[0-9]|(?:em|tis|twas|til|cause|cos|bout|round|nuff|ol|n)(?![\w]))",
                      re.IGNORECASE)


@dataclass
class Quote:
    """One quotation: where its marks and words are, and (once attributed) who said it."""

    paragraph: int
    open_at: int  # absolute offset of the opening mark (or of the paragraph start)
    close_at: int | None  # absolute offset of the closing mark; None if unclosed
    start: int  # inner text
    end: int
    flag: str = ""
    continued: bool = False
    mark: str = "double"  # double, single or transcript
    close_end: int | None = None  # offset just after the closing mark
    kind: str = ""
    speaker: str = ""
    speaker_kind: str = "unknown"
    cue: str = ""
    entity: int | None = None  # the speaker in the article's entity table
    explicit: bool = False  # a cue names the speaker (not carried from the last one)

    @property
    def last_char(self) -> int:
        return self.close_at if self.close_at is not None else max(self.start, self.end - 1)


def _role(paragraph: str, i: int, token: str) -> tuple[str, str] | None:
    """What a mark does: ``(role, kind)`` with role ``open``, ``close``, ``either`` (a
    straight double mark between two words or two spaces), ``weak`` (a single mark that
    may close a quotation or end a plural possessive) or None (an apostrophe)."""
    before = paragraph[i - 1] if i else " "
    j = i + len(token)
    after = paragraph[j] if j < len(paragraph) else " "
    if token in ("“", "``"):
        return "open", "double"
    if token == "”":
        return "close", "double"
    if token in ('"', "''"):
        opens, closes = before in _SPACE_BEFORE, after in _SPACE_AFTER
        return ("open" if opens and not closes else "close" if closes and not opens
                else "either"), "double"
    if before.isalnum() and after.isalnum():
        return None  # don't, O'Brien
    if token == "‘" or (token == "'" and before in _SPACE_BEFORE):
        if after.isspace() or _ELISION.match(paragraph, j):
            return None
        return "open", "single"
    if token == "’" and before in _SPACE_BEFORE:
        return None  # ’90s, ’em: curly elisions
    if after in _SPACE_AFTER or j == len(paragraph):
        # "the Joneses' house": after an s, before a lower-case word, maybe a possessive.
        rest = paragraph[j + 1:j + 2]
        if before in "sSzZ" and after == " " and rest.islower():
            return "weak", "single"
        return "close", "single"
    return None


def quote_marks(paragraph: str) -> list[tuple[int, int, int | None, int, str, str]]:
    """Quotations of one paragraph: ``(open, open_len, close, close_len, flag, kind)``.

    ``open`` is -1 for a closing double mark with no opening one (flagged
    ``unopened``); ``close`` is None when the quotation runs to the paragraph's end
    (``unclosed``); ``kind`` is ``double`` or ``single``.

    Examples
    --------
    >>> [(a, b, k) for a, _, b, _, _, k in quote_marks("‘It’s Putin’s war,’ she said")]
    [(0, 18, 'single')]
    >>> quote_marks("the Joneses' house in the '90s")
    []
    """
    found = []
    outer = None  # (kind, offset, length) of the open quotation
    weak = None  # the first possible single closing mark seen while a single quotation is open
    nested = 0  # curly double quotations open inside the open one
    # Attribute values of markup left in a text (author="…") are not quotations.
    markup = {k for m in _ATTRIBUTE.finditer(paragraph) for k in (m.start(1), m.end(1) - 1)}
    for m in _MARKS.finditer(paragraph):
        i, token = m.start(), m.group(0)
        if markup and i in markup:
            continue
        role = _role(paragraph, i, token)
        if role is None:
            continue
        role, kind = role
        if outer is None:
            if role in ("open", "either"):
                outer, weak, nested = (kind, i, len(token)), None, 0
            elif role == "close" and kind == "double":
                found.append((-1, 0, i, len(token), "unopened", kind))
        elif outer[0] != kind:
            continue  # a nested quotation of the other kind belongs to the open one
        elif token == "“":
            if _SENTENCE_END.search(paragraph, max(0, i - 3), i):
                # “A said so. “B …: the first quotation lost its closing mark
                found.append((outer[1], outer[2], i, 0, "unclosed", kind))
                outer, nested = (kind, i, len(token)), 0
            else:
                nested += 1  # “wearing “Settle For Hillary” shirts”: a quotation inside
        elif token == "”" and nested:
            nested -= 1
        elif role in ("close", "either"):
            found.append((outer[1], outer[2], i, len(token), "", kind))
            outer = None
        elif role == "weak":
            weak = weak or (i, len(token))
        elif kind == "single":  # a new opening single mark: the old one was closed or was none
            if weak:
                found.append((outer[1], outer[2], weak[0], weak[1], "", kind))
            outer, weak = (kind, i, len(token)), None
    if outer is not None:
        kind, i, length = outer
        if kind == "single" and weak:
            found.append((i, length, weak[0], weak[1], "", kind))
        elif kind == "double" or paragraph[i] == "‘" or i == 0:
            found.append((i, length, None, 0, "unclosed", kind))
    return found


def find_quote_spans(paragraph: str) -> list[tuple[int, int | None, str]]:
    """Quotation marks of one paragraph as ``(open, close, flag)`` offsets.

    ``close`` is ``None`` when the quotation runs to the end of the paragraph; ``open``
    is ``-1`` for a closing mark with no opening one (flagged ``unopened``).

    Examples
    --------
    >>> find_quote_spans('He said “yes” and "no')
    [(8, 12, ''), (18, None, 'unclosed')]
    """
    return [(a, b, flag) for a, _, b, _, flag, _ in quote_marks(paragraph)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of a cleaned body."""
    spans, offset = [], 0
    for paragraph in text.split(PARAGRAPH_SEP) if text else []:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    return spans


def find_quotes(text: str, skip: frozenset[int] = frozenset()) -> list[Quote]:
    """Every quotation in marks of a body, in order (paragraphs numbered from 1).

    ``skip``: paragraph numbers not to read (transcript lines, quoted as a whole).

    Examples
    --------
    >>> text = "He said: “We will win.\\n\\n“We will.” And ‘soon’."
    >>> [(q.paragraph, text[q.start:q.end], q.continued) for q in find_quotes(text)]
    [(1, 'We will win.', False), (2, 'We will.', True), (2, 'soon', False)]
    """
    quotes: list[Quote] = []
    paragraphs = paragraph_spans(text)
    for number, (p0, p1) in enumerate(paragraphs, 1):
        if number in skip:
            continue
        for a, a_len, b, b_len, flag, kind in quote_marks(text[p0:p1]):
            open_at = p0 if a < 0 else p0 + a
            start = p0 if a < 0 else p0 + a + a_len
            end = p1 if b is None else p0 + b
            while end > start and text[end - 1] == " ":
                end -= 1
            close_at = None if b is None else p0 + b
            quotes.append(Quote(number, open_at, close_at, start, end, flag, mark=kind,
                                close_end=None if b is None else p0 + b + b_len))
    # An unclosed quotation continues when the next paragraph opens with a new mark.
    for prev, q in zip(quotes, quotes[1:]):
        p0 = paragraphs[q.paragraph - 1][0]
        if (prev.flag == "unclosed" and q.paragraph == prev.paragraph + 1 and q.open_at == p0
                and q.mark == prev.mark):
            prev.flag, q.continued = "", True
    return quotes


# A transcript line: a speaker's name in capitals, a colon, then their words in ordinary case.
_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]*){0,3}):\s+(?=\S)")


def transcript_lines(text: str) -> list[tuple[int, str, int, int, int]]:
    """Paragraphs that read as an interview transcript: ``(paragraph, label, label_start,
    start, end)`` for ``PENCE: Well, look, …`` (the label in capitals, the words not).

    Whether a label names a speaker is for the caller to decide (``UPDATE:`` does not).

    Examples
    --------
    >>> transcript_lines("WALLACE: Is that right?\\n\\nPENCE: Well, look, it is.\\n\\nUN: NO")
    [(1, 'WALLACE', 0, 9, 23), (2, 'PENCE', 25, 32, 50)]
    """
    lines = []
    for number, (p0, p1) in enumerate(paragraph_spans(text), 1):
        m = _LABEL.match(text, p0, p1)
        if m and any(c.islower() for c in text[m.end():min(p1, m.end() + 200)]):
            lines.append((number, m.group(1), p0, m.end(), p0 + len(text[p0:p1].rstrip())))
    return lines
