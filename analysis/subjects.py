"""Subjects: who a speech verb's slot names, read back from the verb or on after it.

:func:`subject_before` reads back from a verb over adverbs ("also", "later"),
bracketed party and state tags ("(R-S.C.)"), appositives between commas (", a former
official,"), relative clauses ("…, who …, said") and coordination ("said … and said") to
the mention or description that is its subject; :func:`subject_after` and
:func:`inverted` read the speaker after an inverted verb ("said Kenneth Baer", "said
former Obama adviser David Axelrod"). Mentions are looked up by offset
(:class:`MentionIndex`), and every read is bounded (:data:`WINDOW`), so the cost of a
text grows with its length only.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from analysis.lexicons import determiners, speech_verbs, unnamed_nouns
from analysis.mentions import PREPOSITIONS, Mention, description_after, description_before

WINDOW = 160  # characters read on either side of a quotation or verb
_LAST_WORD = re.compile(r"[\w’'-]+$")
_AUXILIARIES = frozenset(
    "also later then has had have previously would will once quickly simply again never "
    "repeatedly recently further earlier first finally had has just often".split())


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


def rstrip_at(text: str, pos: int, lo: int) -> int:
    while pos > lo and text[pos - 1] in " \t":
        pos -= 1
    return pos


def word_before(text: str, pos: int, lo: int) -> re.Match[str] | None:
    return _LAST_WORD.search(text[max(lo, pos - 30):pos])


def skip_tag(text: str, pos: int, lo: int) -> int:
    """Back over a bracketed tag ending at ``pos``: "(R-S.C.)", "(D)"."""
    if pos > lo and text[pos - 1] == ")":
        opened = text.rfind("(", max(lo, pos - 40), pos)
        if opened >= 0:
            return rstrip_at(text, opened, lo)
    return pos


def _slot_ending(text: str, pos: int, lo: int, index: MentionIndex) -> Slot | None:
    """The mention or description that ends at ``pos``."""
    m = index.by_end.get(pos)
    if m is not None and m.start >= lo and not m.after_preposition:
        if m.kind == "name" and describes(m.name):
            return Slot(m.start, m.end, None)
        return Slot(m.start, m.end, m)
    found = description_before(text, pos, lo)
    return Slot(found[0], pos, None) if found else None


def describes(name: str) -> bool:
    """A capitalised word at a sentence's start that describes rather than names
    ("Critics said", "Two officials said")."""
    words = name.split()
    return bool(words) and (words[0].lower() in determiners() or name.lower() in unnamed_nouns())


_TITLE_WORDS = r"(?:(?:[A-Z][\w.’'-]*|of|the)\s+){0,5}"
_CONJOINED = re.compile(r"(?:,\s*|\s+)(?:and|&)\s+" + _TITLE_WORDS + "$")
_LISTED = re.compile(r",\s*" + _TITLE_WORDS + "$")  # "A, B and C": the comma before B
_CLAUSE_START = re.compile(r"(?:^|[,;:(“\"‘]\s*)" + _TITLE_WORDS + "$")


def coordinated(text: str, slot: Slot, lo: int, index: MentionIndex) -> list[Slot]:
    """The subjects joined to ``slot`` by "and" before it ("Antony Blinken and British
    Foreign Secretary James Cleverly reaffirmed"), first to last; ``[]`` when there are none.

    A title of a few words may stand before each name. The first of the joined names must
    open its clause (the sentence's start, or after a comma or colon), so that the object of
    another verb ("A met B, and C said") is never taken for a subject.

    Examples
    --------
    >>> from analysis.mentions import find_mentions
    >>> text = "Antony Blinken and Foreign Secretary James Cleverly reaffirmed their support."
    >>> index = MentionIndex(find_mentions(text))
    >>> slot = subject_before(text, text.index("reaffirmed"), 0, index)
    >>> [s.mention.name for s in coordinated(text, slot, 0, index)]
    ['Antony Blinken']
    """
    joined: list[Slot] = []
    start, pattern = slot.start, _CONJOINED
    for _ in range(4):  # "A, B and C said"
        tail = pattern.search(text, max(lo, start - 80), start)
        if tail is None or tail.end() != start:
            break
        before = index.by_end.get(rstrip_at(text, tail.start(), lo))
        if before is None or before.start < lo or not is_subject(before, index):
            break
        joined.insert(0, Slot(before.start, before.end, before))
        start, pattern = before.start, _LISTED
    if joined and not _CLAUSE_START.search(text[lo:start]):
        return []
    return joined


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
    pos = rstrip_at(text, verb_at, lo)
    for _ in range(3):
        word = word_before(text, pos, lo)
        if not word or not (word.group(0).lower() in _AUXILIARIES
                            or (word.group(0).endswith("ly") and word.group(0).islower())):
            break
        pos = rstrip_at(text, pos - len(word.group(0)), lo)
    word = word_before(text, pos, lo)
    if word and word.group(0) == "who":  # "O'Rourke, whose district …, and who suggested"
        at = max(lo, pos - 30) + word.start()
        comma = max(text.rfind(", who", lo, at + 1), text.rfind(", whose", lo, at + 1))
        end = skip_tag(text, rstrip_at(text, comma if comma >= 0 else at, lo), lo)
        return _slot_ending(text, end, lo, index)
    if word and word.group(0) in ("and", "but"):  # "De Blasio said … and said": the subject
        subjects = [m for m in index.before(max(lo, pos - 30) + word.start(), lo)
                    if is_subject(m, index)]
        return Slot(subjects[-1].start, subjects[-1].end, subjects[-1]) if subjects else None
    pos = skip_tag(text, pos, lo)
    merged = index.by_end.get(rstrip_at(text, pos - 1, lo)) if pos > lo else None
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
                slot = _slot_ending(text, skip_tag(text, rstrip_at(text, end, lo), lo), lo, index)
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
    m = next((m for m in index.before(verb_at, lo) if is_subject(m, index) or (
        m.start == lstrip_at(text, lo) and m.kind == "name" and m.can_be_subject
        and not describes(m.name))), None)
    return Slot(m.start, m.end, m) if m else None


def names_someone(slot: Slot, index: MentionIndex) -> bool:
    """A slot that names someone (not a description or an unknown capitalised word)."""
    m = slot.mention
    return m is not None and (m.kind in ("person", "organisation", "spokesperson", "pronoun")
                              or m.start in index.known)


def is_subject(m: Mention, index: MentionIndex) -> bool:
    """A mention that can be a subject and names someone: not "Europe" or "British",
    capitalised words the article gives no one."""
    return m.can_be_subject and names_someone(Slot(m.start, m.end, m), index)


def lstrip_at(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def subject_after(text: str, pos: int, stop: int, index: MentionIndex) -> Slot | None:
    """The speaker named right after an inverted verb or "according to" at ``pos``:
    ``said Kenneth Baer``, ``said the artists``, ``said officials``."""
    pos = lstrip_at(text, pos)
    m = index.by_start.get(pos)
    if m is None:  # "said former Obama adviser David Axelrod", "said the younger Mr. Trump"
        k = bisect.bisect_left(index.starts, pos)
        following = index.items[k] if k < len(index.items) else None
        lead = _LEADING.fullmatch(text, pos, following.start) if following else None
        if lead and following.start - pos < 60 and following.kind != "pronoun" and not any(
                w in PREPOSITIONS or w in speech_verbs().lemma for w in lead.group(0).split()):
            m = following
    if m is not None:
        if m.kind == "name" and describes(m.name):
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
    named = index.by_start.get(lstrip_at(text, end + 1)) if text[end:end + 1] == "," else None
    if named is not None and named.kind == "person":
        return Slot(named.start, named.end, named)
    return Slot(pos, end, None)


def inverted(text: str, pos: int, stop: int, index: MentionIndex) -> Slot | None:
    """A name right after a verb that is the verb's subject, not the start of a clause:
    "said Secretary Blinken, …" and "said Trump in a statement" but not "said Russia
    would …"."""
    m = index.by_start.get(lstrip_at(text, pos))
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
