"""The actor registry: people, bodies and offices, and where a text mentions them.

``analysis/data/actors.yml`` lists canonical people (with aliases, nationality
and gender), bodies (Downing Street, the State Department ...) and office
phrases. :func:`find_mentions` finds every mention in a text: a name with any
titles before it ("US Secretary of State Antony Blinken", "Sir Keir"), a body
("No 10"), a spokesperson ("The Prime Minister's official spokesman"), an
office resolved by date ("the prime minister" in 2025 is Keir Starmer), or a
pronoun (resolved later, by :mod:`analysis.quotes`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import pandas as pd
import yaml

from analysis.offices import holder_on, office_holders

_TITLE = (
    r"(?:(?:the\s+)?(?:(?:US|U\.S\.|UK|British|American|French|Russian|Ukrainian|Chinese)\s+)?"
    r"(?:Prime\s+Minister|Foreign\s+Secretary|Foreign\s+[Mm]inister|[Pp]resident"
    r"|Secretary\s+of\s+State|State\s+Secretary|Secretary|National\s+Security\s+Adviser"
    r"|Chancellor|Senator|Sir|Lord|Lady|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)"
)
PRONOUNS = {"he": "male", "she": "female", "they": "plural"}
# People the registry does not know: "Mr Howard", "Sir Menzies Campbell" anywhere; a bare
# "Tony Blair" only right next to a speech verb, where a capitalised pair is almost always
# a speaker (elsewhere it may be a place or an organisation).
_HONORIFIC = {"Mr": "male", "Mr.": "male", "Sir": "male", "Lord": "male", "Mrs": "female",
              "Mrs.": "female", "Ms": "female", "Ms.": "female", "Miss": "female",
              "Lady": "female", "Dame": "female", "Baroness": "female", "Dr": "", "Dr.": "",
              "Prof": "", "Professor": "", "Senator": "", "Governor": "", "General": ""}
_NAME_WORD = r"(?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:-[A-Z][a-z]+)*"  # not "Putin’s": no possessive
# Patterns marked "bounded" below start a word: not after a letter, digit or hyphen. That
# is tested by _bounded() rather than by a leading lookbehind, which would stop the regex
# engine from skipping ahead to a possible first letter (several times slower).
_TITLED = re.compile(  # bounded
    r"(?:" + "|".join(re.escape(h) for h in _HONORIFIC) + r")\s+"
    rf"(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}(?![\w-])"
)
# _NAME_WORD at the start of a word, written to begin with a plain capital and test the
# character before it afterwards: a pattern that begins with a character class lets the
# regex engine skip ahead to the next capital (twice as fast as a leading lookbehind).
_FIRST_NAME_WORD = (r"[A-Z](?<![\w-].)(?:(?<=M)(?:c|ac)[A-Z]|(?<=O)[’'][A-Z])?"
                    r"[a-z]+(?:-[A-Z][a-z]+)*")
_BARE = re.compile(rf"{_FIRST_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}(?![\w-])")
_NOT_NAME = frozenset(
    "The Of And For In On At To A An Street House Office Party Democrats Democrat Labour "
    "Conservative Conservatives Tory Tories Government Ministry Department Council Union "
    "Commission Parliament Congress Senate Bank News Times Post Standard Agency Minister "
    "Secretary President Chancellor Leader Kingdom States Republic Ireland England Scotland "
    "Wales Britain Europe America Court Police Army Navy University College Group Company "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
PREPOSITIONS = frozenset(
    "about against among at before behind between by during for from in into like near of "
    "on over than through to toward towards under upon with within without".split()
)


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in a text."""

    start: int
    end: int
    text: str
    kind: str  # person, body, role, spokesperson or pronoun
    name: str  # canonical name or label; "" for pronouns and unresolved offices
    gender: str  # male, female, plural or ""
    possessive: bool  # "Putin’s threats": not a subject
    after_preposition: bool  # "with Boris Johnson": not a subject

    @property
    def can_be_subject(self) -> bool:
        return not (self.possessive or self.after_preposition)


@dataclass(frozen=True)
class Registry:
    """People, bodies and office phrases, and the patterns that find them."""

    people: pd.DataFrame
    bodies: pd.DataFrame
    roles: pd.DataFrame
    nationality_words: dict[str, list[str]]

    def gender(self, name: str) -> str:
        return _compiled(self).genders.get(name, "")


@functools.cache
def load_registry() -> Registry:
    """The registry shipped with the package (``analysis/data/actors.yml``).

    Examples
    --------
    >>> registry = load_registry()
    >>> registry.people.set_index("name").loc["Keir Starmer", "nationality"]
    'UK'
    """
    with resources.files("analysis").joinpath("data/actors.yml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return Registry(
        people=pd.DataFrame(data["people"]),
        bodies=pd.DataFrame(data["bodies"]),
        roles=pd.DataFrame(data["roles"]),
        nationality_words=data["nationality_words"],
    )


def _alias(word: str) -> str:
    """A regular expression for an alias, any run of white space between its words."""
    return r"\s+".join(re.escape(part) for part in word.split())


def _alternation(words) -> str:
    return "|".join(_alias(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class _Compiled:
    """A registry's patterns, genders, and the names already resolved from matched text
    (news repeats "Mr Blair" hundreds of times; each is resolved once)."""

    patterns: dict[str, re.Pattern[str]]
    genders: dict[str, str]
    resolved: dict[tuple[str, str], object] = field(default_factory=dict)


# Compiled once per registry; keyed by identity (a registry holds DataFrames, which are not
# hashable) and keeping the registry alive so that its id cannot be reused.
_COMPILED: dict[int, tuple[Registry, _Compiled]] = {}


def _compiled(registry: Registry) -> _Compiled:
    if id(registry) not in _COMPILED:
        genders = dict(zip(registry.people["name"], registry.people["gender"]))
        _COMPILED[id(registry)] = (registry, _Compiled(_compile(registry), genders))
    return _COMPILED[id(registry)][1]


def _patterns(registry: Registry) -> dict[str, re.Pattern[str]]:
    return _compiled(registry).patterns


def _memo(registry: Registry, kind: str, key: str, compute):
    """``compute(key, registry)``, worked out once per registry and key."""
    resolved = _compiled(registry).resolved
    if (kind, key) not in resolved:
        resolved[kind, key] = compute(key, registry)
    return resolved[kind, key]


def _compile(registry: Registry) -> dict[str, re.Pattern[str]]:
    names = [a for aliases in registry.people["aliases"] for a in aliases]
    bodies = [a for aliases in registry.bodies["aliases"] for a in aliases]
    roles = "|".join(f"(?:{p})" for p in registry.roles["phrase"])
    nationality = _alternation(w for ws in registry.nationality_words.values() for w in ws)
    edge = r"(?![\w-])"
    return {
        # Names and bodies are found bare, then extended backwards over any titles or "the"
        # (see find_mentions): an optional prefix tried at every position is much slower.
        "person": re.compile(rf"(?:{_alternation(names)}){edge}"),  # bounded
        "body": re.compile(rf"(?:{_alternation(bodies)}){edge}"),  # bounded
        "title_before": re.compile(rf"(?<![\w-]){_TITLE}+$"),
        "the_before": re.compile(r"\bthe\s+$"),
        # Case-insensitive: the lookbehind is cheaper here than _bounded().
        "role": re.compile(rf"(?<![\w-])(?i:(?P<role>{roles})){edge}"),
        # What may stand before an office: "the", "a", a nationality ("the Russian president").
        "role_before": re.compile(
            rf"(?<![\w-])(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?P<nat>{nationality})\s+)?$"),
        # "\bspokes(?:man|…)\b", case-insensitive, written to start with a character
        # class (see _FIRST_NAME_WORD): "(?<!\w\w)" after the "s" tests the character before.
        "spokesperson": re.compile(r"[Ss](?<!\w\w)(?i:pokes(?:man|woman|person|people))\b"),
        "pronoun": re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b"),
        "nationality": re.compile(rf"(?:{nationality})"),
    }


_WORDISH = re.compile(r"[\w-]")


def _bounded(pattern: re.Pattern[str], text: str):
    """``pattern.finditer(text)``, keeping only matches that start a word (see _TITLED)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() and _WORDISH.match(text, m.start() - 1):
            pos = m.start() + 1  # a later match may begin inside this one
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def find_mentions(text: str, date=None, registry: Registry | None = None) -> list[Mention]:
    """Every actor mention in ``text``, in order and without overlaps.

    Parameters
    ----------
    text : str
    date : date-like, optional
        The article's date, to resolve office phrases ("the Prime Minister").
    registry : Registry, optional
        Defaults to :func:`load_registry`.

    Examples
    --------
    >>> [(m.text, m.name) for m in find_mentions("The prime minister met Mr Trump.", "2025-02-26")]
    [('The prime minister', 'Keir Starmer'), ('Mr Trump', 'Donald Trump')]
    >>> find_mentions("The No 10 spokesman added:")[0].name
    'Downing Street spokesperson'
    """
    registry = registry or load_registry()
    patterns = _patterns(registry)
    candidates = []  # (start, -length, priority, Mention)
    for m in patterns["spokesperson"].finditer(text):
        start, label = _spokesperson(text, m, date, registry, patterns)
        candidates.append((start, m.end(), 0, "spokesperson", label, "plural"))
    for m in _bounded(patterns["person"], text):
        name = _memo(registry, "person", m.group(0), _person_name)
        title = patterns["title_before"].search(text, max(0, m.start() - 80), m.start())
        start = title.start() if title else m.start()
        candidates.append((start, m.end(), 1, "person", name, registry.gender(name)))
    for m in _bounded(patterns["body"], text):
        name = _memo(registry, "body", m.group(0), _body_name)
        the = patterns["the_before"].search(text, max(0, m.start() - 6), m.start())
        start = the.start() if the else m.start()
        candidates.append((start, m.end(), 2, "body", f"{name} spokesperson", "plural"))
    for m in patterns["role"].finditer(text):
        if re.match(r"\s+(?:[A-Z][a-z]|Mr|Ms|Sir)", text[m.end():m.end() + 4]):
            continue  # a title before a name: the person pattern has it
        before = patterns["role_before"].search(text, max(0, m.start() - 40), m.start())
        nationality = before.group("nat") if before else None
        name = _role_holder(m.group("role"), nationality, date, registry)
        start = before.start() if before and before.group(0) else m.start()
        candidates.append((start, m.end(), 3, "role", name, registry.gender(name)))
    for m in _bounded(_TITLED, text):
        honorific = m.group(0).split()[0]
        candidates.append((m.start(), m.end(), 5, "person", "", _HONORIFIC[honorific]))
    for m in _BARE.finditer(text):
        # Cheapest test first: most capitalised pairs are nowhere near a speech verb.
        if not (_SPEECH_NEXT.match(text, m.end()) or _SPEECH_BEFORE.search(
                text, max(0, m.start() - 16), m.start())):
            continue
        before = text[max(0, m.start() - 12):m.start()].split()
        if set(m.group(0).split()) & _NOT_NAME or (before and before[-1].lower() == "the"):
            continue
        candidates.append((m.start(), m.end(), 6, "person", "", ""))
    for m in patterns["pronoun"].finditer(text):
        candidates.append((m.start(), m.end(), 4, "pronoun", "", PRONOUNS[m.group(0).lower()]))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    mentions, last_end = [], -1
    for start, end, _, kind, name, gender in candidates:
        if start < last_end:
            continue
        before = text[max(0, start - 30):start].split()
        previous = before[-1].lower() if before else ""
        if previous == "the" and len(before) > 1:
            previous = before[-2].lower()
        mentions.append(Mention(
            start, end, text[start:end], kind, name, gender,
            possessive=bool(re.match(r"[’']s?\b", text[end:end + 2])),
            after_preposition=previous in PREPOSITIONS,
        ))
        last_end = end
    return _name_unregistered(mentions)


_SPEECH_NEXT = re.compile(r"\s+(?:(?:has|had|also|later|then)\s+)*(?:said|says|told|tells|added|"
                          r"adds|insisted|warned|argued|claimed|replied|explained|stressed)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|warned|argued|insisted)\s+$")


def _name_unregistered(mentions: list[Mention]) -> list[Mention]:
    """Name people the registry does not know: "Mr Howard" is "Michael Howard" if the text
    named him in full before, and takes the gender his honorific implies."""
    full: dict[str, tuple[str, str]] = {}  # surname -> (full name, gender)
    named = []
    for m in mentions:
        if m.kind == "person" and not m.name:
            words = m.text.split()
            honorific = words[0] if words[0] in _HONORIFIC else ""
            bare = " ".join(words[1:] if honorific else words)
            surname = words[-1]
            known_name, known_gender = full.get(surname, ("", ""))
            name = known_name or bare
            gender = m.gender or known_gender
            if len(bare.split()) > 1 or surname not in full:
                full[surname] = (name if len(bare.split()) > 1 or not known_name else known_name,
                                 gender)
            m = Mention(m.start, m.end, m.text, m.kind, name, gender, m.possessive,
                        m.after_preposition)
        named.append(m)
    return named


def _person_name(matched: str, registry: Registry) -> str:
    for row in registry.people.itertuples():
        for alias in sorted(row.aliases, key=len, reverse=True):
            if re.search(r"(?<![\w-])" + _alias(alias) + "$", matched):
                return row.name
    return matched


def _body_name(matched: str, registry: Registry) -> str:
    for row in registry.bodies.itertuples():
        if any(re.search(_alias(a) + "$", matched) for a in row.aliases):
            return row.name
    return matched


def _role_row(role_text: str, registry: Registry):
    return _memo(registry, "role", " ".join(role_text.split()).lower(), _find_role_row)


def _find_role_row(role_text: str, registry: Registry):
    for row in registry.roles.itertuples():
        if re.fullmatch(row.phrase, role_text, flags=re.IGNORECASE):
            return row
    return None


def _role_country(nationality: str | None, default, registry: Registry):
    if nationality:
        for country, words in registry.nationality_words.items():
            if nationality in words:
                return country
    return default


def _role_holder(role_text: str, nationality, date, registry: Registry) -> str:
    row = _role_row(role_text, registry)
    country = _role_country(nationality, row.country if row is not None else None, registry)
    if row is None or country is None or date is None:
        return ""
    return _holder(country, row.office, date)


@functools.lru_cache(maxsize=4096)  # an article names the same office again and again
def _holder(country: str, office: str, date) -> str:
    if pd.isna(pd.Timestamp(date)):
        return ""
    return holder_on(_offices(), country, office, date) or ""


@functools.cache
def _offices() -> pd.DataFrame:
    return office_holders()


def _spokesperson(text, match, date, registry, patterns) -> tuple[int, str]:
    """Where a spokesperson phrase starts, and whose spokesperson it is."""
    clause = re.split(r"[,;:“”\"()]|\.\s", text[max(0, match.start() - 80):match.start()])[-1]
    words = clause.split()
    owner = " ".join(words[-6:])
    # Start the phrase at its determiner ("the", "a") or first capitalised word.
    offset = match.start() - len(clause) + len(clause) - len(clause.lstrip())
    for i, word in enumerate(words[-6:]):
        if word.lower() in ("the", "a", "an") or word[:1].isupper():
            kept = " ".join(words[-6:][i:])
            offset = match.start() - len(kept) - 1 if kept else match.start()
            owner = kept
            break
    else:
        offset = match.start()
        owner = ""
    body = next(_bounded(patterns["body"], owner), None)
    if body:
        return offset, f"{_body_name(body.group(0), registry)} spokesperson"
    role = patterns["role"].search(owner)
    if role:
        row = _role_row(role.group("role"), registry)
        if row is not None and isinstance(row.body, str):
            return offset, f"{row.body} spokesperson"
    person = next(_bounded(patterns["person"], owner), None)
    if person:
        return offset, f"{_person_name(person.group(0), registry)}'s spokesperson"
    descriptor = re.sub(r"^(?:the|a|an)\s+", "", owner, flags=re.IGNORECASE)
    return offset, f"{descriptor} spokesperson".strip() if descriptor else "spokesperson"
