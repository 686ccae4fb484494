"""The cue finder: where, around a quotation, the text says who speaks.

A cue is a speech verb (``data/speech_verbs.yml``), "according to" or a colon, and its
*slot*: the span that names the speaker. The shapes read here, each a function:

- after the quotation, :func:`cue_after`: ``“…,” Graham said`` / ``“…,” Warren told
  Stumpf`` / ``“…,” said Kenneth Baer, a former official`` / ``“…,” according to X``;
- before it, :func:`cue_before`: ``Ms Truss said: “…`` / ``Rep. Jim Clyburn (D-S.C.),
  the assistant Democratic leader, said “…`` / ``According to X, “…``;
- a participle later in the sentence, :func:`participle_after`: ``… “…”, saying …``.

The slot is a mention (:mod:`analysis.mentions`) or a description ("a senior official"),
found by :mod:`analysis.subjects`. Every search reads a window of bounded length, so a
text's cost grows with its length only.
"""

from __future__ import annotations

import re

from analysis.lexicons import speech_verbs
from analysis.subjects import (
    WINDOW,
    MentionIndex,
    Slot,
    describes,
    inverted,
    is_subject,
    lstrip_at,
    rstrip_at,
    skip_tag,
    subject_after,
    subject_before,
    word_before,
)

_LEAD = re.compile(r"[\s,.;:!?—–-]*")
_BREAK = re.compile(r"[;:!?“”\"]")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?—–-]|$)")
_WORDS = re.compile(r"[A-Za-z]+")
_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+")
_PASSIVE_ASK = re.compile(r"(?:\b(?:was|were|is|are|be|been|being|when|if)\s+|^\W*)asked\s*$",
                          re.IGNORECASE)
_PASSIVE_BY = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+by\b")


def speech_verbs_in(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """``(start, end, form)`` of the speech verbs in ``text[start:stop]``.

    Examples
    --------
    >>> speech_verbs_in("He said and then told us", 0, 24)
    [(3, 7, 'said'), (17, 21, 'told')]
    """
    verbs = speech_verbs()
    found = []
    for m in _WORDS.finditer(text, start, stop):
        word = m.group(0).lower()
        if word in verbs.lemma:
            found.append((m.start(), m.end(), word))
        elif word in verbs.phrasal:
            particle = _PARTICLE.match(text, m.end(), stop)
            if particle and particle.group(1).lower() == verbs.phrasal[word]:
                found.append((m.start(), particle.end(), f"{word} {verbs.phrasal[word]}"))
    return found


_PARTICLE = re.compile(r"\s+([A-Za-z]+)\b")


def cue_after(text: str, start: int, stop: int, index: MentionIndex,
              clause_end: bool = False) -> tuple[str, Slot] | None:
    """``“…,” she said`` / ``“…,” said Secretary Blinken`` / ``“…,” according to X``.

    ``start`` is just after the closing mark, ``stop`` the end of the sentence. With
    ``clause_end`` (a phrase quoted inside a sentence) a verb after its subject must end
    the clause: in ``a “friend”, Ms Truss told CNN she had …`` the name after the
    phrase begins a new clause and is not its attribution.

    Examples
    --------
    >>> from analysis.mentions import find_mentions
    >>> text = "“Yes,” Warren told Stumpf."
    >>> verb, slot = cue_after(text, 6, len(text), MentionIndex(find_mentions(text)))
    >>> verb, text[slot.start:slot.end]
    ('told', 'Warren')
    """
    stop = min(stop, start + WINDOW)
    if stop <= start:
        return None
    lead = _LEAD.match(text, start, stop).end() - start
    pos = start + lead
    according = _ACCORDING.match(text, pos, stop)
    if according:
        slot = subject_after(text, according.end(), stop, index)
        return ("according to", slot) if slot else None
    verbs = speech_verbs_in(text, pos, stop)
    if not verbs:
        return None
    v_start, v_end, form = verbs[0]
    if v_start == pos:  # inverted: "said Kenneth Baer"
        if not speech_verbs().inverts(form):
            return None
        slot = subject_after(text, v_end, stop, index)
        return (form, slot) if slot else None
    between = text[pos:v_start]
    if len(between) > 100 or _BREAK.search(between):  # (sentences end at stops)
        return None
    if clause_end and not _CLAUSE_END.match(text, v_end, stop):
        return None
    slot = subject_before(text, v_start, pos, index)
    if slot is None or slot.start < pos:
        return None
    return form, slot


def cue_before(text: str, start: int, open_at: int, index: MentionIndex
               ) -> tuple[str, Slot] | None:
    """``Ms Truss said: “`` / ``No 10 insisted “`` / ``said Secretary Blinken, are “`` /
    ``According to X, “`` / ``Secretary Blinken “welcome(ed)…``, between ``start`` (the
    sentence's start or the last quotation's end) and the opening mark at ``open_at``.

    Examples
    --------
    >>> from analysis.mentions import find_mentions
    >>> text = "In a statement, Sir Keir Starmer added: “We will act.”"
    >>> verb, slot = cue_before(text, 0, text.index("“"), MentionIndex(find_mentions(text)))
    >>> verb, slot.mention.name
    ('added', 'Keir Starmer')
    """
    start = max(start, open_at - 2 * WINDOW)
    # A name right before the mark: "Secretary Blinken “welcome(ed)…"; or before a colon:
    # "Kasich: ‘We Are Going …’", "Rep. Trey Gowdy (R-S.C.): “…"
    end = rstrip_at(text, open_at, start)
    colon = end > start and text[end - 1] == ":"
    end = skip_tag(text, rstrip_at(text, end - 1, start), start) if colon else end
    m = index.by_end.get(end)
    before = word_before(text, m.start, start) if m is not None else None
    if m is not None and m.start >= start and m.can_be_subject and not (
            before and before.group(0).lower() in speech_verbs().lemma) and (
            m.kind == "person" or (colon and m.kind != "pronoun" and not describes(m.name))):
        return ":" if colon else "", Slot(m.start, m.end, m)
    verbs = speech_verbs_in(text, start, open_at)
    if colon and not verbs:
        verb = word_before(text, end, start)
        if verb and verb.group(0).islower():  # "Mr. Christie gloated: “…": a verb unlisted
            at = end - len(verb.group(0))
            m = index.by_end.get(rstrip_at(text, at, start))
            if m is not None and m.start >= start and is_subject(m, index):
                return verb.group(0), Slot(m.start, m.end, m)
        # "President Clinton released the following statement: “…": the clause's subject
        clause = max(start, text.rfind(",", start, end) + 1, text.rfind(";", start, end) + 1)
        first = index.by_start.get(lstrip_at(text, clause))
        if first is not None and is_subject(first, index) and len(text[clause:end].split()) <= 10:
            return ":", Slot(first.start, first.end, first)
    according = None
    for found in _ACCORDING.finditer(text, start, open_at):  # the last "according to"
        according = found
    if according and (not verbs or verbs[-1][0] < according.start()):
        slot = subject_after(text, according.end(), open_at, index)
        return ("according to", slot) if slot else None
    if not verbs:
        return None
    v_start, v_end, form = verbs[-1]
    if form in ("asked", "asks") and _PASSIVE_ASK.search(text[start:v_end]):
        return None  # the quotation is the question put to the subject, not their words
    if speech_verbs().inverts(form):
        after = inverted(text, v_end, open_at, index)
        if after is not None:
            return form, after
    slot = subject_before(text, v_start, start, index)
    return (form, slot) if slot else None


def participle_after(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """A participle later in the sentence ("…”, saying …"): its offset and form."""
    participles = speech_verbs().participles
    for v_start, _, form in speech_verbs_in(text, start, min(stop, start + WINDOW)):
        if form in participles:
            return v_start, form
    return None


def passive(text: str, sentence_start: int, verb: tuple[int, int, str], stop: int) -> bool:
    """A speech verb used in the passive: "when asked", "a deal agreed by both sides"."""
    v_start, v_end, form = verb
    if form in ("asked", "asks") and _PASSIVE_ASK.search(
            text[max(sentence_start, v_start - 40):v_end]):
        return True
    return bool(_PASSIVE_BY.match(text, v_end, min(stop, v_end + 60)))
