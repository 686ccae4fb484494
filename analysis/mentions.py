"""Candidate mentions: every span of a text that may name a speaker.

:func:`find_mentions` reads a text once and returns, in order and without overlaps:

- **names**, with any titles before them ("Sen. Lindsey Graham", "Miss Universe Alicia
  Machado" is Alicia Machado), registry people under their canonical names;
- **organisations** ("The New York Times", "CNN") and registry bodies ("No 10");
- **offices** ("the prime minister", resolved by the article's date; "the senator");
- **spokespeople** ("The Prime Minister's official spokesman", "spokesman Josh Earnest");
- **pronouns** (he, she, they), resolved later by :mod:`analysis.entities`.

Gender comes from honorifics (``data/titles.yml``), the registry, or the first name
(the ``gender-guesser`` package's name list). Descriptions ("a senior official") are
read where a cue needs them (:func:`description_before`, :func:`description_after`).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from analysis.actors import Registry, load_registry, patterns, role_holder, role_office
from analysis.actors import spokesperson as spokesperson_label
from analysis.lexicons import (
    determiners,
    organisation_words,
    speech_verbs,
    titles,
    unnamed_nouns,
)

PRONOUNS = {"he": "male", "she": "female", "they": "plural"}
PREPOSITIONS = frozenset(
    "about against among at before behind between by during for from in into like near of "
    "on over than through to toward towards under upon with within without".split())
# Capitalised words that never begin a name: the start of a sentence ("Now Graham said").
_NOT_NAME = frozenset(
    "Now Then Still Yet Also Meanwhile However Instead Later Earlier Today Yesterday Tonight "
    "Last Next Even Just Indeed Moreover Similarly Separately Afterward Afterwards Asked "
    "Like Unlike Speaking According Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April June July August September October November December "
    "Dear Yes No Oh Well Please Thank Thanks Sure Okay OK Here There It".split())
_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
# A capitalised word: inner apostrophes and stops ("O'Brien", "U.S."), a final stop ("Mr."),
# a possessive ("Trump’s", "Joneses’"), never a quotation mark after it ("Pinchuk.''").
_WORD = r"[A-Z](?:[\w&-]|[.’'](?=\w))*(?:\.(?!\w)|[’']s(?!\w)|(?<=s)[’'](?![\w’']))?"
_RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+(?:(?:of(?: the)?|de|van|von|der|den|bin|ibn|da|di|du"
                  rf"|del|la|le)[ \u00a0]+)?{_WORD})*")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")
_POSSESSIVE_AFTER = re.compile(r"[’'](?:s\b|(?<=s[’'])(?=\s))")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
_TOKEN = re.compile(r"\S+")
_JOIN = re.compile(r",?\s")
_PLAIN_WORD = re.compile(r"[\w’'-]+")
_TAG = re.compile(r"[A-Z]-[A-Z][\w.]*")  # a party and state tag: "R-S.C.", "D-Nev."


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
def _detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@functools.lru_cache(maxsize=65536)
def first_name_gender(word: str) -> str | None:
    """The gender a first name suggests: ``male``, ``female``, ``""`` (a name used by both,
    or mostly by one) or ``None`` (not a first name the package knows).

    Examples
    --------
    >>> first_name_gender("Alicia"), first_name_gender("Lindsey"), first_name_gender("Universe")
    ('female', '', None)
    """
    found = _detector().get_gender(word)
    return None if found == "unknown" else found if found in ("male", "female") else ""


@functools.lru_cache(maxsize=65536)
def _is_first_name(word: str) -> bool:
    return (word not in _NOT_NAME and word not in titles() and word not in organisation_words()
            and first_name_gender(word) is not None)


def _tokens(run: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _TOKEN.finditer(run)]


def first_word(tokens: list[tuple[int, str]]) -> int:
    """The first token that is not a stop word ("The Bank of England")."""
    k = 0
    while k < len(tokens) and tokens[k][1].lower() in _stopwords():
        k += 1
    return k


def _split_run(run: str) -> list[tuple[int, int]]:
    """A capitalised run cut into names: after a full stop that ends a sentence ("said
    Trump. Clinton …"), after a possessive, and at an "of" that does not follow a title or
    an organisation word ("Mike Pence of Indiana", not "Secretary of State")."""
    pieces, start = [], 0
    tokens = _tokens(run)
    for k, (at, word) in enumerate(tokens):
        end = at + len(word)
        if k + 1 < len(tokens) and tokens[k + 1][1] == "of":
            # "Secretary of State", "Bank of America" hold; "Peter King of New York" splits
            if not (word in organisation_words() or (word in titles() and all(
                    w in titles() for _, w in tokens[first_word(tokens):k]))):
                pieces.append((start, end))
                k2 = k + 3 if k + 2 < len(tokens) and tokens[k + 2][1] == "the" else k + 2
                start = tokens[k2][0] if k2 < len(tokens) else len(run)
        elif word in ("of", "the") and k and tokens[k - 1][0] < start:
            continue
        elif (word.endswith(".") and not _INITIAL.fullmatch(word[:-1] or "x")
              and word not in titles() and word not in _SUFFIXES and "." not in word[:-1]) \
                or _POSSESSIVE.search(word):
            pieces.append((start, end))
            start = tokens[k + 1][0] if k + 1 < len(tokens) else len(run)
    if start < len(run):
        pieces.append((start, len(run)))
    return [(a, b) for a, b in pieces if b > a]


@functools.lru_cache(maxsize=65536)
def parse_run(run: str, registry_id: int) -> tuple:
    """The names in one capitalised run: ``(start, end, kind, name, gender, title, registry,
    written)`` with offsets into the run (news repeats its names: each run is read once)."""
    if " " not in run and (run.lower() in _stopwords() or run in _NOT_NAME):
        return ()  # "The", "But", "He": most runs
    found = []
    for a, b in _split_run(run):
        parsed = parse_name(run[a:b], registry_id)
        if parsed:
            skip, trim, *rest = parsed
            found.append((a + skip, b - trim, *rest))
    return tuple(found)


def parse_name(run: str, registry_id: int) -> tuple | None:
    """What one capitalised name is: ``(skip, trim, kind, name, gender, title, registry)``,
    or None. ``skip`` and ``trim``: characters at its start and end that are not part of it
    ("But Trump", "Trump’s", "Trump." at a sentence's end).
    """
    registry = _REGISTRIES[registry_id]
    tokens = _tokens(run)
    first = 0
    while first < len(tokens) and (tokens[first][1].lower() in _stopwords()
                                   or tokens[first][1] in _NOT_NAME
                                   or tokens[first][1].lower() in speech_verbs().lemma):
        first += 1
    words = [w for _, w in tokens[first:]]
    if not words or _TAG.fullmatch(run):
        return None
    skip, last = tokens[first][0], words[-1]
    words[-1] = _POSSESSIVE.sub("", last)
    if words[-1].endswith(".") and words[-1] not in titles() and len(words[-1]) > 2 \
            and words[-1] not in _SUFFIXES and "." not in words[-1][:-1]:
        words[-1] = words[-1][:-1]
    trim = len(last) - len(words[-1])
    kind, name, gender, title, known, written = _name_kind(words, registry)
    return skip, trim, kind, name, gender, title, known, written


def _name_kind(words: list[str], registry: Registry) -> tuple[str, str, str, str, bool, str]:
    body = registry.body(" ".join(words))
    if body:
        return "organisation", body, "plural", "", True, " ".join(words)
    # Titles: everything up to the end of the last title is title ("Former Secretary of
    # State Hillary Clinton", "South Carolina Gov. Nikki Haley", "Miss Universe ...").
    known = titles()
    if " ".join(words) in known:  # "The President", "Senator": an office, no name
        return "role", "", known.gender[" ".join(words)], " ".join(words), False, ""
    cut, k, longest = 0, 0, known.longest
    while k < len(words):
        if words[k] in known.first_words:
            for n in range(min(longest, len(words) - k - 1), 0, -1):  # a name must follow
                if " ".join(words[k:k + n]) in known:
                    cut = k = k + n
                    break
            else:
                k += 1
        else:
            k += 1
    title = " ".join(words[:cut])
    name = words[cut:]
    gender = next((known.gender[w] for w in words[:cut] if known.gender.get(w)), "")
    if name and name[0] in ("of", "the"):  # "Director of National Intelligence James Clapper"
        first = next((i for i, w in enumerate(name[:-1]) if _is_first_name(w)), None)
        if first is None:  # "CEO of the Restaurant Association": an office, no name
            return "role", "", gender, " ".join(words), False, ""
        cut += first
        title, name = " ".join(words[:cut]), name[first:]
    if not name:
        return "role", "", gender, title, False, ""
    if any(w in organisation_words() for w in name):
        return "organisation", " ".join(name), "plural", title, False, " ".join(name)
    # A first name starts the name ("Miss Universe Alicia Machado" is Alicia Machado).
    for i, word in enumerate(name[:-1]):
        if _is_first_name(word):
            title, name = " ".join(words[:cut + i]), name[i:]
            break
    if len(name) > 3:
        title, name = " ".join(words[:len(words) - 2]), name[-2:]
    full = " ".join(name)
    plain = " ".join(w for w in name if not _INITIAL.fullmatch(w.rstrip(".")))
    for alias in (f"{title.split()[-1]} {full}" if title else "", full, plain,
                  name[-1] if not any(_is_first_name(w) for w in name[:-1]) else ""):
        canonical = registry.person(alias) if alias else ""
        if canonical:
            return "person", canonical, gender or registry.gender(canonical), title, True, full
    if len(name) == 1 and _ACRONYM.fullmatch(name[0]):
        return "organisation", full, "plural", title, False, full
    surname = [w for w in name if w not in _SUFFIXES]
    if not gender and len(surname) > 1:
        gender = first_name_gender(surname[0].rstrip(".")) or ""
    evidence = title or (len(surname) > 1 and _is_first_name(surname[0]))
    return "person" if evidence else "name", full, gender, title, False, full


@functools.cache
def _office_pattern() -> re.Pattern[str]:
    """"the senator", "the governor": a one-word title, lower case, not before a name."""
    words = sorted({t.lower() for t in titles().gender if t.isalpha() and t[:1].isupper()})
    return re.compile(rf"\b[Tt]he\s+(?:(?:former|late|new|current)\s+)?({'|'.join(words)})\b"
                      r"(?![\w-]|\s+[A-Z])")


@functools.cache
def _stopwords() -> frozenset[str]:
    import stopwords

    return frozenset(stopwords.get_stopwords("english"))


_REGISTRIES: dict[int, Registry] = {}


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
    _REGISTRIES[id(registry)] = registry
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
    for m in _RUN.finditer(text):
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
