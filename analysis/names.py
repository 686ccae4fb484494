"""Names: what a run of capitalised words is (a person, an organisation, an office).

:func:`parse_run` splits a run ("Miss Universe Alicia Machado", "Sen. Lindsey Graham",
"Victor Pinchuk.'' Mrs. Clinton") into names and reads each: titles before the name
(``data/titles.yml``), organisation words (``data/organisations.yml``), registry people
and bodies, and the gender a title or a first name gives (the ``gender-guesser``
package's list of first names). Each run is read once per process (news repeats names).
"""

from __future__ import annotations

import functools
import re

from analysis.actors import Registry
from analysis.lexicons import organisation_words, speech_verbs, titles

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
# A run of them, with the particles names and offices hold ("Bank of England", "de Blasio").
RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+(?:(?:of(?: the)?|de|van|von|der|den|bin|ibn|da|di|du"
                 rf"|del|la|le)[ \u00a0]+)?{_WORD})*")
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
_TOKEN = re.compile(r"\S+")
_TAG = re.compile(r"[A-Z]-[A-Z][\w.]*")  # a party and state tag: "R-S.C.", "D-Nev."

# Registries by identity, for the cached readers below (a registry is not hashable).
REGISTRIES: dict[int, Registry] = {}


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


# Words the first-name list holds that begin place names ("San Jose", "El Paso").
_PLACE_STARTS = frozenset("San Santa El Des Los Las La Le St. Saint Fort Mount Port".split())


@functools.lru_cache(maxsize=65536)
def _is_first_name(word: str) -> bool:
    return (word not in _NOT_NAME and word not in _PLACE_STARTS and word not in titles()
            and word not in organisation_words() and first_name_gender(word) is not None)


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
    registry = REGISTRIES[registry_id]
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
def _stopwords() -> frozenset[str]:
    import stopwords

    return frozenset(stopwords.get_stopwords("english"))
