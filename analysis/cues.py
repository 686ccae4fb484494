"""The cue finder: where, around a quotation, the text says who speaks.

A cue is a speech verb (``data/speech_verbs.yml``), "according to" or a colon, and its
*slot*: the span that names the speaker. The shapes read here, each a function:

- after the quotation, :func:`cue_after`: ``“…,” Graham said`` / ``“…,” Warren told
  Stumpf`` / ``“…,” said Kenneth Baer, a former official`` / ``“…,” according to X``;
- before it, :func:`cue_before`: ``Ms Truss said: “…`` / ``Rep. Jim Clyburn (D-S.C.),
  the assistant Democratic leader, said “…`` / ``According to X, “…``;
- a participle later in the sentence, :func:`participle_after`: ``… “…”, saying …``.

The slot is a mention (:mod:`analysis.mentions`) or a description ("a senior official").
:func:`subject_before` reads back from a verb over adverbs ("also", "later"), bracketed
party and state tags ("(R-S.C.)") and appositives (", a former official,"). Every
search reads a window of bounded length, so a text's cost grows with its length only.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from analysis.lexicons import determiners, speech_verbs, unnamed_nouns
from analysis.mentions import PREPOSITIONS, Mention, description_after, description_before

WINDOW = 160  # characters read on either side of a quotation or verb
_LAST_WORD = re.compile(r"[\w’'-]+$")
_LEAD = re.compile(r"[\s,.;:!?—–-]*")
_BREAK = re.compile(r"[;:!?“”\"]")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?—–-]|$)")
_WORDS = re.compile(r"[A-Za-z]+")
_AUXILIARIES = frozenset(
    "also later then has had have previously would will once quickly simply again never "
    "repeatedly recently further earlier first finally had has just often".split())
_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+")
_PASSIVE_ASK = re.compile(r"(?:\b(?:was|were|is|are|be|been|being|when|if)\s+|^\W*)asked\s*$",
                          re.IGNORECASE)
_PASSIVE_BY = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+by\b")


class Slot(NamedTuple):
    """Who a cue names: a mention, or a description of an unnamed speaker."""

    start: int
    end: int
    mention: Mention | None  # None: a description ("a senior official")


class MentionIndex:
    """Mentions by start and end offset, and in order (lookups, not scans)."""

    def __init__(self, mentions: list[Mention]):
        self.items = mentions
        self.starts = [m.start for m in mentions]
        self.by_start = {m.start: m for m in mentions}
        self.by_end = {m.end: m for m in mentions}
        self.known: set[int] = set()  # starts of mentions the entity table resolved

    def before(self, pos: int, lo: int, limit: int = 6) -> list[Mention]:
        """At most ``limit`` mentions ending by ``pos`` and starting at ``lo`` or later,
        nearest first."""
        i = bisect.bisect_left(self.starts, pos)
        found = []
        while i > 0 and len(found) < limit:
            i -= 1
            m = self.items[i]
            if m.start < lo:
                break
            if m.end <= pos:
                found.append(m)
        return found


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


def _rstrip(text: str, pos: int, lo: int) -> int:
    while pos > lo and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _word_before(text: str, pos: int, lo: int) -> re.Match[str] | None:
    return _LAST_WORD.search(text[max(lo, pos - 30):pos])


def _skip_tag(text: str, pos: int, lo: int) -> int:
    """Back over a bracketed tag ending at ``pos``: "(R-S.C.)", "(D)"."""
    if pos > lo and text[pos - 1] == ")":
        opened = text.rfind("(", max(lo, pos - 40), pos)
        if opened >= 0:
            return _rstrip(text, opened, lo)
    return pos


def _slot_ending(text: str, pos: int, lo: int, index: MentionIndex) -> Slot | None:
    """The mention or description that ends at ``pos``."""
    m = index.by_end.get(pos)
    if m is not None and m.start >= lo and not m.after_preposition:
        if m.kind == "name" and _describes(m.name):
            return Slot(m.start, m.end, None)
        return Slot(m.start, m.end, m)
    found = description_before(text, pos, lo)
    return Slot(found[0], pos, None) if found else None


def _describes(name: str) -> bool:
    """A capitalised word at a sentence's start that describes rather than names
    ("Critics said", "Two officials said")."""
    words = name.split()
    return bool(words) and (words[0].lower() in determiners() or name.lower() in unnamed_nouns())


def subject_before(text: str, verb_at: int, lo: int, index: MentionIndex) -> Slot | None:
    """The subject of a speech verb starting at ``verb_at``, read back to ``lo``.

    Adverbs and auxiliaries ("has also"), a bracketed tag and one appositive or relative
    clause between commas may stand between the subject and its verb. Failing that, the
    nearest mention before the verb that can be a subject ("Trump on Monday said").

    Examples
    --------
    >>> from analysis.mentions import find_mentions
    >>> text = "Rep. Jim Clyburn (D-S.C.), the assistant Democratic leader, said"
    >>> slot = subject_before(text, text.index("said"), 0, MentionIndex(find_mentions(text)))
    >>> slot.mention.name
    'Jim Clyburn'
    """
    lo = max(lo, verb_at - WINDOW)
    pos = _rstrip(text, verb_at, lo)
    for _ in range(3):
        word = _word_before(text, pos, lo)
        if not word or not (word.group(0).lower() in _AUXILIARIES
                            or (word.group(0).endswith("ly") and word.group(0).islower())):
            break
        pos = _rstrip(text, pos - len(word.group(0)), lo)
    word = _word_before(text, pos, lo)
    if word and word.group(0) == "who":  # "O'Rourke, whose district …, and who suggested"
        at = max(lo, pos - 30) + word.start()
        comma = max(text.rfind(", who", lo, at + 1), text.rfind(", whose", lo, at + 1))
        end = _skip_tag(text, _rstrip(text, comma if comma >= 0 else at, lo), lo)
        return _slot_ending(text, end, lo, index)
    if word and word.group(0) in ("and", "but"):  # "De Blasio said … and said": the subject
        subjects = [m for m in index.before(max(lo, pos - 30) + word.start(), lo)
                    if _subject(m, index)]
        return Slot(subjects[-1].start, subjects[-1].end, subjects[-1]) if subjects else None
    pos = _skip_tag(text, pos, lo)
    merged = index.by_end.get(_rstrip(text, pos - 1, lo)) if pos > lo else None
    if merged is not None and merged.start >= lo and text[pos - 1] == "," and \
            "," in text[merged.start:merged.end]:
        return Slot(merged.start, merged.end, merged)  # "a spokesman, Jen Psaki, said"
    if pos > lo and text[pos - 1] == ",":
        # "Cecelia Purner, 67, a retired teacher in Allentown, Pa., said": back over the
        # comma-separated phrases that describe (lower case, a number, "Pa.") to the name.
        end = pos - 1
        for _ in range(5):
            comma = text.rfind(",", max(lo, pos - WINDOW), end)
            segment = text[max(comma + 1, lo):end].strip()
            if not segment or _MARK_OR_CLAUSE.search(segment):
                break
            if not _APPOSITIVE.match(segment) and not _DESCRIBED.search(segment):
                slot = _slot_ending(text, _skip_tag(text, _rstrip(text, end, lo), lo), lo, index)
                # the name is the phrase, with at most a few words before it ("Sanders
                # campaign manager Jeff Weaver"), not the end of a clause ("… in Ukraine")
                if slot is not None and len(text[max(comma + 1, lo):slot.start].split()) <= 4:
                    return slot
                break
            if comma < lo:
                break
            end = comma
    slot = _slot_ending(text, pos, lo, index)
    if slot:
        return slot
    # "Trump on Monday said": the nearest mention that can be the subject, or a capitalised
    # name that opens the clause ("Sanders compared himself to Clinton, saying …").
    m = next((m for m in index.before(verb_at, lo) if _subject(m, index) or (
        m.start == _lstrip(text, lo) and m.kind == "name" and m.can_be_subject
        and not _describes(m.name))), None)
    return Slot(m.start, m.end, m) if m else None


def _names(slot: Slot, index: MentionIndex) -> bool:
    """A slot that names someone (not a description or an unknown capitalised word)."""
    m = slot.mention
    return m is not None and (m.kind in ("person", "organisation", "spokesperson", "pronoun")
                              or m.start in index.known)


def _subject(m: Mention, index: MentionIndex) -> bool:
    """A mention that can be a subject and names someone: not "Europe" or "British",
    capitalised words the article gives no one."""
    return m.can_be_subject and _names(Slot(m.start, m.end, m), index)


def _lstrip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def subject_after(text: str, pos: int, stop: int, index: MentionIndex) -> Slot | None:
    """The speaker named right after an inverted verb or "according to" at ``pos``:
    ``said Kenneth Baer``, ``said the artists``, ``said officials``."""
    pos = _lstrip(text, pos)
    m = index.by_start.get(pos)
    if m is None:  # "said former Obama adviser David Axelrod", "said the younger Mr. Trump"
        k = bisect.bisect_left(index.starts, pos)
        following = index.items[k] if k < len(index.items) else None
        lead = _LEADING.fullmatch(text, pos, following.start) if following else None
        if lead and following.start - pos < 60 and following.kind != "pronoun" and not any(
                w in PREPOSITIONS or w in speech_verbs().lemma for w in lead.group(0).split()):
            m = following
    if m is not None:
        if m.kind == "name" and _describes(m.name):
            return Slot(m.start, m.end, None)
        for _ in range(3):  # "said Trump campaign manager Corey Lewandowski": the person
            k = bisect.bisect_right(index.starts, m.start)
            following = index.items[k] if k < len(index.items) else None
            between = _DESCRIPTOR.fullmatch(text, m.end, following.start) if following else None
            if between is None or following.kind != "person" or any(
                    w in PREPOSITIONS for w in between.group(0).split()):
                break
            m = following
        if m.possessive or not (_FOLLOWS.match(text, m.end, stop) or m.end >= stop):
            return None  # "said Trump’s …", "said Russia would …": not the speaker
        return Slot(m.start, m.end, m)
    end = description_after(text, pos, min(stop, pos + WINDOW))
    if end is None:
        return None
    # "said another leading advocate, Andrew J. Pincus of …": the name after the description
    named = index.by_start.get(_lstrip(text, end + 1)) if text[end:end + 1] == "," else None
    if named is not None and named.kind == "person":
        return Slot(named.start, named.end, named)
    return Slot(pos, end, None)


def inverted(text: str, pos: int, stop: int, index: MentionIndex) -> Slot | None:
    """A name right after a verb that is the verb's subject, not the start of a clause:
    "said Secretary Blinken, …" and "said Trump in a statement" but not "said Russia
    would …"."""
    m = index.by_start.get(_lstrip(text, pos))
    if m is None or m.kind == "pronoun" or (m.kind == "name" and m.start not in index.known):
        return None
    follows = _FOLLOWS.match(text, m.end, stop)
    return Slot(m.start, m.end, m) if follows or m.end >= stop else None


# A phrase between commas that describes rather than names: "the Democratic chair of …",
# "67", "who …", "Pa.".
# A quotation mark (not an apostrophe: "Florida’s") or a clause break.
_MARK_OR_CLAUSE = re.compile(r"[“”\";:‘]|(?<!\w)’|’(?!\w)")
_APPOSITIVE = re.compile(r"[a-z0-9]|(?:The|A|An)\s+[a-z]|[A-Z][a-z]{0,4}\.$")
_DESCRIBED = re.compile(r"\b[a-z][\w-]*$")  # ends in a common noun: "Mr. Obama's adviser"
_DESCRIPTOR = re.compile(r"(?:[’']s?)?(?:\s+[a-z0-9][\w-]*){1,4}\s+")
# Words before a name after an inverted verb: "said former Obama adviser David Axelrod".
_LEADING = re.compile(r"(?:(?:the|a|an|former|[a-z0-9][\w-]*|[A-Z][\w-]*[’']s)\s+){1,4}")
_FOLLOWS = re.compile(rf"\s*(?:[,.;:!?—–“”\"‘’(]|$|(?:{'|'.join(sorted(PREPOSITIONS))})\b)")


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
    end = _rstrip(text, open_at, start)
    colon = end > start and text[end - 1] == ":"
    end = _skip_tag(text, _rstrip(text, end - 1, start), start) if colon else end
    m = index.by_end.get(end)
    before = _word_before(text, m.start, start) if m is not None else None
    if m is not None and m.start >= start and m.can_be_subject and not (
            before and before.group(0).lower() in speech_verbs().lemma) and (
            m.kind == "person" or (colon and m.kind != "pronoun" and not _describes(m.name))):
        return ":" if colon else "", Slot(m.start, m.end, m)
    verbs = speech_verbs_in(text, start, open_at)
    if colon and not verbs:
        verb = _word_before(text, end, start)
        if verb and verb.group(0).islower():  # "Mr. Christie gloated: “…": a verb unlisted
            at = end - len(verb.group(0))
            m = index.by_end.get(_rstrip(text, at, start))
            if m is not None and m.start >= start and _subject(m, index):
                return verb.group(0), Slot(m.start, m.end, m)
        # "President Clinton released the following statement: “…": the clause's subject
        clause = max(start, text.rfind(",", start, end) + 1, text.rfind(";", start, end) + 1)
        first = index.by_start.get(_lstrip(text, clause))
        if first is not None and _subject(first, index) and len(text[clause:end].split()) <= 10:
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
