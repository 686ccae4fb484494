"""Candidate mentions: every span of a text that may name a speaker.

:func:`find_mentions` reads a text once and returns, in order and without overlaps:

- **names**, with any titles before them ("Sen. Lindsey Graham", "Miss Universe Alicia
  Machado" is Alicia Machado), registry people under their canonical names;
- **organisations** ("The New York Times", "CNN") and registry bodies ("No 10");
- **offices** ("the prime minister", resolved by the article's date; "the senator");
- **spokespeople** ("The Prime Minister's official spokesman", "spokesman Josh Earnest");
- **pronouns** (he, she, they), resolved later by :mod:`analysis.entities`.

What a capitalised name is, and the gender it implies, is :mod:`analysis.names`'s
concern. Descriptions ("a senior official") are
read where a cue needs them (:func:`description_before`, :func:`description_after`).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from analysis.actors import Registry, load_registry, patterns, role_holder, role_office
from analysis.actors import spokesperson as spokesperson_label
from analysis.lexicons import determiners, titles, unnamed_nouns
from analysis.names import REGISTRIES, RUN, parse_run

PRONOUNS = {"he": "male", "she": "female", "they": "plural"}
PREPOSITIONS = frozenset(
    "about against among at before behind between by during for from in into like near of "
    "on over than through to toward towards under upon with within without".split())
# "\b(?:[Hh]e|[Ss]he|[Tt]hey)\b", written to begin with a character class (the regex engine
# then skips ahead to those letters) and to test the character before it afterwards.
_PRONOUN = re.compile(r"[HhSsTt](?<![\w].)(?:(?<=[Hh])e|(?<=[Ss])he|(?<=[Tt])hey)\b")
_POSSESSIVE_AFTER = re.compile(r"[’'](?:s\b|(?<=s[’'])(?=\s))")
_JOIN = re.compile(r",?\s")
_PLAIN_WORD = re.compile(r"[\w’'-]+")


class Mention(NamedTuple):
    """One candidate mention in a text (a named tuple: articles hold thousands)."""

    start: int
    end: int
    kind: str  # person, name (capitalised, kind unknown), organisation, role, spokesperson, pronoun
    name: str  # canonical name, the name's words, an organisation, a spokesperson label; "" else
    gender: str  # male, female, plural or ""
    title: str = ""  # the title before a name or the office of a role ("Sen.", "President")
    registry: bool = False  # a registry person (canonical name) or body
    written: str = ""  # a name as the text gives it, without titles ("Truss", "Sir Keir")
    possessive: bool = False  # "Putin’s threats"
    after_preposition: bool = False  # "with Boris Johnson"

    @property
    def can_be_subject(self) -> bool:
        return not (self.possessive or self.after_preposition)


@functools.cache
def _office_pattern() -> re.Pattern[str]:
    """"the senator", "the governor": a one-word title, lower case, not before a name."""
    words = sorted({t.lower() for t in titles().gender if t.isalpha() and t[:1].isupper()})
    return re.compile(rf"[Tt](?<![\w].)he\s+(?:(?:former|late|new|current)\s+)?"
                      rf"({'|'.join(words)})\b(?![\w-]|\s+[A-Z])")


def find_mentions(text: str, date=None, registry: Registry | None = None,
                  inside: list[tuple[int, int]] = ()) -> list[Mention]:
    """Every candidate mention in ``text``, in order and without overlaps.

    Parameters
    ----------
    text : str
    date : date-like, optional
        The article's date, to resolve office phrases ("the Prime Minister").
    registry : Registry, optional
        Defaults to :func:`analysis.actors.load_registry`.
    inside : list of (start, end)
        Spans to leave out (the article's quotations), sorted and not overlapping.

    Examples
    --------
    >>> [(m.kind, m.name) for m in find_mentions(
    ...     "Sen. Lindsey Graham (R-S.C.) met the prime minister and Mr Trump.", "2025-02-26")]
    [('person', 'Lindsey Graham'), ('role', 'Keir Starmer'), ('person', 'Donald Trump')]
    >>> [(m.kind, m.name) for m in find_mentions("The No 10 spokesman added: she agreed")]
    [('spokesperson', 'Downing Street spokesperson'), ('pronoun', '')]
    """
    registry = registry or load_registry()
    REGISTRIES[id(registry)] = registry
    found = patterns(registry)
    candidates = []  # (start, end, priority, kind, name, gender, title, registry, written)
    for m in found["spokesperson"].finditer(text):
        start, label = spokesperson_label(text, m, date, registry)
        gender = {"n": "male", "o": "female"}.get(m.group(0)[5:6].lower(), "plural")
        candidates.append((start, m.end(), 0, "spokesperson", label, gender, "", False, ""))
    for m in found["body"].finditer(text):
        if not m.start() or not re.match(r"[\w-]", text[m.start() - 1]):
            the = re.search(r"\b[Tt]he\s+$", text[max(0, m.start() - 6):m.start()])
            start = m.start() - len(the.group(0)) if the else m.start()
            candidates.append((start, m.end(), 1, "organisation", registry.body(m.group(0)),
                               "plural", "", True, m.group(0)))
    for m in found["role"].finditer(text):
        if re.match(r"\s+(?:[A-Z][a-z]|Mr|Ms|Sir)", text[m.end():m.end() + 4]):
            continue  # a title before a name: the name is the mention
        before = found["role_before"].search(text, max(0, m.start() - 40), m.start())
        nationality = before.group("nat") if before else None
        holder = role_holder(m.group("role"), nationality, date, registry)
        start = before.start() if before and before.group(0) else m.start()
        candidates.append((start, m.end(), 2, "role", holder, registry.gender(holder),
                           role_office(m.group("role"), registry), bool(holder), ""))
    for m in _office_pattern().finditer(text):  # "the senator": whoever the article titled so
        word = m.group(1)
        candidates.append((m.start(), m.end(), 2, "role", "", titles().gender.get(
            word.title(), ""), word.title(), False, ""))
    for m in RUN.finditer(text):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in "_’'-"):
            continue  # inside a word: "XKeir", "pro-Biden"
        for a, b, *rest in parse_run(m.group(0), id(registry)):
            candidates.append((at + a, at + b, 3, *rest))
    for m in _PRONOUN.finditer(text):
        candidates.append((m.start(), m.end(), 4, "pronoun", "", PRONOUNS[m.group(0).lower()],
                           "", False, ""))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    starts = [a for a, _ in inside]
    mentions: list[Mention] = []
    last_end = -1
    for start, end, _, kind, name, gender, title, known, written in candidates:
        k = bisect.bisect_right(starts, start) - 1
        if start < last_end or (k >= 0 and start < inside[k][1]):
            continue
        if kind == "pronoun":  # no possessive, and rarely after a preposition ("for they")
            mentions.append(Mention(start, end, kind, name, gender))
            last_end = end
            continue
        mention = Mention(start, end, kind, name, gender, title, known, written,
                          possessive=bool(_POSSESSIVE_AFTER.match(text, end, end + 3)),
                          after_preposition=_after_preposition(text, start))
        if (kind in ("person", "name") and mentions and mentions[-1].kind == "spokesperson"
                and _JOIN.fullmatch(text, mentions[-1].end, start)):
            # "spokesman Josh Earnest", "a spokeswoman, Jen Psaki": a named spokesperson
            previous = mentions.pop()
            mention = Mention(previous.start, end, "person", name, gender or previous.gender,
                              "spokesperson", known, written, mention.possessive,
                              previous.after_preposition)
        mentions.append(mention)
        last_end = end
    return mentions


def _after_preposition(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].split()
    previous = before[-1].lower() if before else ""
    if previous == "the" and len(before) > 1:
        previous = before[-2].lower()
    return previous in PREPOSITIONS


_LOWER_WORD = re.compile(r"[a-z][\w’'-]*")


def description_before(text: str, end: int, start: int) -> tuple[int, str] | None:
    """A description of a speaker ending at ``end`` (not before ``start``):
    ``(its start, "unnamed")`` for "a senior official", "Republican officials", "two
    people familiar with the talks", or None. Reads at most eight words back.

    Examples
    --------
    >>> text = "“Yes,” a senior State Department official said"
    >>> description_before(text, text.index(" said"), 0)
    (7, 'unnamed')
    """
    offset = max(start, end - 100)
    words = list(_PLAIN_WORD.finditer(text[offset:end]))[-8:]
    if not words or words[-1].end() != end - offset or not words[-1].group(0)[:1].islower():
        return None
    # Only words and spaces: the description stops at punctuation.
    for k in range(len(words) - 1, 0, -1):
        if text[offset + words[k - 1].end():offset + words[k].start()].strip():
            words = words[k:]
            break
    found = None
    for k in range(len(words) - 1, -1, -1):
        word = words[k].group(0)
        if word.lower() in determiners():
            found = offset + words[k].start()
            before = words[k - 1].group(0).lower() if k else ""
            if before not in PREPOSITIONS:  # "… familiar with the talks": go on to "two"
                return found, "unnamed"
        elif word in ("and", "or", "but", "who", "that", "which") or (
                word.lower() in PREPOSITIONS and found is None and k < len(words) - 1
                and words[-1].group(0) not in unnamed_nouns()):
            break
    if found is not None:
        return found, "unnamed"
    head = words[-1].group(0)
    if head in unnamed_nouns():
        first = words[-1]
        for m in reversed(words[:-1]):
            if m.group(0)[:1].isupper() or m.group(0) in unnamed_nouns() or \
                    m.group(0) in ("senior", "top", "former", "current", "local", "foreign"):
                first = m
            else:
                break
        return offset + first.start(), "unnamed"
    return None


_DESCRIPTION_AFTER = re.compile(r"(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=\s*(?:[,.;:!?]|$))")


def description_after(text: str, start: int, stop: int) -> int | None:
    """The end of a description starting at ``start`` ("said the artists", "said a
    senior official, who…"): a determiner and at most five more words up to a
    punctuation mark, or an unnamed-source noun ("said officials"). None if there is none.

    Examples
    --------
    >>> text = "“Yes,” said the artists."
    >>> text[description_after(text, 12, len(text)) - 7:description_after(text, 12, len(text))]
    'artists'
    """
    m = _LOWER_WORD.match(text, start, stop)
    if not m:
        return None
    if m.group(0) in determiners():
        rest = _DESCRIPTION_AFTER.match(text, m.end() + 1, stop)
        return rest.end() if rest else None
    return m.end() if m.group(0) in unnamed_nouns() else None
