"""Quotation marks: where each quotation of a paragraph opens and closes.

Curly and straight double quotes are read; an opening mark with no closing mark
ends at its paragraph's end (flagged ``unclosed``) unless the next paragraph
opens with a new mark, which continues the quotation, as news style has it.
Unbalanced marks never raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.clean import PARAGRAPH_SEP

_OPEN, _CLOSE = "“", "”"
_MARKS = re.compile('[“”"]')


@dataclass
class Quote:
    paragraph: int
    open_at: int  # absolute offset of the opening mark (or of the paragraph start)
    close_at: int | None  # absolute offset of the closing mark; None if unclosed
    start: int  # inner text
    end: int
    flag: str = ""
    continued: bool = False
    kind: str = ""
    speaker: str = ""
    cue: str = ""
    explicit: bool = False
    speaker_value: tuple | None = None  # (name, gender, kind) for pronoun resolution

    @property
    def last_char(self) -> int:
        return self.close_at if self.close_at is not None else max(self.start, self.end - 1)


def find_quote_spans(paragraph: str) -> list[tuple[int, int | None, str]]:
    """Quotation marks of one paragraph as ``(open, close, flag)`` offsets.

    Curly and straight double quotes are recognised (a straight mark opens when
    it follows a space or starts the paragraph). ``close`` is ``None`` when the
    quotation runs to the end of the paragraph; ``open`` is ``-1`` for a closing
    mark with no opening one (flagged ``unopened``).

    Examples
    --------
    >>> find_quote_spans('He said “yes” and "no')
    [(8, 12, ''), (18, None, 'unclosed')]
    """
    spans, opened = [], None
    for mark in _MARKS.finditer(paragraph):
        i, ch = mark.start(), mark.group(0)
        straight_opens = ch == '"' and (i == 0 or paragraph[i - 1] in " \t([—–-")
        if ch == _OPEN or straight_opens:
            if opened is None:
                opened = i
            # a second opening mark inside an open quotation: typographic noise, ignored
        elif opened is not None:
            spans.append((opened, i, ""))
            opened = None
        else:
            spans.append((-1, i, "unopened"))
    if opened is not None:
        spans.append((opened, None, "unclosed"))
    return spans


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for paragraph in text.split(PARAGRAPH_SEP) if text else []:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    return spans


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    paragraphs = paragraph_spans(text)
    for number, (p0, p1) in enumerate(paragraphs, 1):
        for a, b, flag in find_quote_spans(text[p0:p1]):
            open_at = p0 if a < 0 else p0 + a
            start = p0 if a < 0 else p0 + a + 1
            end = p1 if b is None else p0 + b
            while end > start and text[end - 1] == " ":
                end -= 1
            quotes.append(Quote(number, open_at, None if b is None else p0 + b, start, end, flag))
    # An unclosed quotation continues when the next paragraph opens with a new mark.
    for prev, q in zip(quotes, quotes[1:]):
        p0 = paragraphs[q.paragraph - 1][0]
        if prev.flag == "unclosed" and q.paragraph == prev.paragraph + 1 and q.open_at == p0:
            prev.flag, q.continued = "", True
    return quotes
