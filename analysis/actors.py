"""The actor registry: known people, bodies and offices, an enrichment of who speaks.

``analysis/data/actors.yml`` lists canonical people (with aliases, nationality and
gender), bodies (Downing Street, the State Department ...) and office phrases. Anyone
an article names can speak (:mod:`analysis.mentions` finds them); the registry only
gives known people their canonical names, resolves offices by the article's date ("the
prime minister" in 2025 is Keir Starmer) and credits bodies' words to their
spokespeople, never to their leaders.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import pandas as pd
import yaml

from analysis.offices import holder_on, office_holders


@dataclass(frozen=True)
class Registry:
    """People, bodies and office phrases."""

    people: pd.DataFrame
    bodies: pd.DataFrame
    roles: pd.DataFrame
    nationality_words: dict[str, list[str]]

    def gender(self, name: str) -> str:
        return _compiled(self).genders.get(name, "")

    def person(self, alias: str) -> str:
        """The canonical name for an alias ("Sir Keir" → "Keir Starmer"), or ""."""
        return _compiled(self).aliases.get(alias, "")

    def body(self, alias: str) -> str:
        """The body an alias names ("No 10" → "Downing Street"), or ""."""
        return _compiled(self).body_aliases.get(" ".join(alias.split()), "")


@functools.cache
def load_registry() -> Registry:
    """The registry shipped with the package (``analysis/data/actors.yml``).

    Examples
    --------
    >>> registry = load_registry()
    >>> registry.people.set_index("name").loc["Keir Starmer", "nationality"]
    'UK'
    >>> registry.person("Sir Keir"), registry.body("No 10")
    ('Keir Starmer', 'Downing Street')
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
    patterns: dict[str, re.Pattern[str]]
    genders: dict[str, str]
    aliases: dict[str, str]
    body_aliases: dict[str, str]


# Compiled once per registry; keyed by identity (a registry holds DataFrames, which are not
# hashable) and keeping the registry alive so that its id cannot be reused.
_COMPILED: dict[int, tuple[Registry, _Compiled]] = {}


def _compiled(registry: Registry) -> _Compiled:
    if id(registry) not in _COMPILED:
        people = registry.people
        _COMPILED[id(registry)] = (registry, _Compiled(
            _compile(registry), dict(zip(people["name"], people["gender"])),
            {a: row.name for row in people.itertuples() for a in row.aliases},
            {" ".join(a.split()): row.name for row in registry.bodies.itertuples()
             for a in row.aliases}))
    return _COMPILED[id(registry)][1]


def patterns(registry: Registry) -> dict[str, re.Pattern[str]]:
    """The registry's patterns: ``body`` aliases, office phrases (``role``, with what may
    stand before them in ``role_before``), ``spokesperson`` and ``nationality`` words."""
    return _compiled(registry).patterns


def _compile(registry: Registry) -> dict[str, re.Pattern[str]]:
    bodies = [a for aliases in registry.bodies["aliases"] for a in aliases]
    roles = "|".join(f"(?:{p})" for p in registry.roles["phrase"])
    nationality = _alternation(w for ws in registry.nationality_words.values() for w in ws)
    edge = r"(?![\w-])"
    return {
        "body": re.compile(rf"(?:{_alternation(bodies)}){edge}"),  # test the start separately
        "role": re.compile(_fast_start(roles, edge)),
        # What may stand before an office: "the", "a", a nationality ("the Russian president").
        "role_before": re.compile(
            rf"(?<![\w-])(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?P<nat>{nationality})\s+)?$"),
        # "\bspokes(?:man|…)\b" or "press secretary", case-insensitive, written to start with
        # a character class so that the regex engine skips ahead quickly; "(?<!\w\w)" after
        # the first letter tests the character before it.
        "spokesperson": re.compile(r"[SsPp](?<!\w\w)(?i:(?<=s)pokes(?:man|woman|person|people)"
                                   r"|(?<=p)ress\s+secretary)\b"),
        "nationality": re.compile(rf"(?:{nationality})"),
    }


def _fast_start(alternation: str, edge: str) -> str:
    r"""``(?<![\w-])(?i:(?P<role>…))``, written to begin with a character class of the
    phrases' first letters so that the regex engine skips ahead to them (several times
    faster than a leading lookbehind); the plain form when a phrase starts otherwise."""
    phrases = alternation.replace("(?:", "").replace(")", "").split("|")
    if not all(p[:1].isalpha() for p in phrases):
        return rf"(?<![\w-])(?i:(?P<role>{alternation})){edge}"
    letters = "".join(sorted({c for p in phrases for c in (p[0].lower(), p[0].upper())}))
    rest = "|".join(f"(?<={re.escape(p[0])}){p[1:]}" for p in phrases)
    return rf"(?P<role>[{letters}](?<![\w-].)(?i:{rest})){edge}"


def _role_row(role_text: str, registry: Registry):
    return _find_role_row(" ".join(role_text.split()).lower(), id(registry))


@functools.lru_cache(maxsize=256)
def _find_role_row(role_text: str, registry_id: int):
    registry = _COMPILED[registry_id][0]
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


def role_holder(role_text: str, nationality, date, registry: Registry) -> str:
    """Who held the office a phrase names on ``date`` ("" if unknown).

    Examples
    --------
    >>> role_holder("prime minister", None, "2022-09-25", load_registry())
    'Liz Truss'
    >>> role_holder("president", "Russian", "2022-09-25", load_registry())
    'Vladimir Putin'
    """
    row = _role_row(role_text, registry)
    country = _role_country(nationality, row.country if row is not None else None, registry)
    if row is None or country is None or date is None:
        return ""
    return _holder(country, row.office, date)


def role_office(role_text: str, registry: Registry) -> str:
    """The office a phrase names ("PM" → "Prime Minister"), or ""."""
    row = _role_row(role_text, registry)
    return row.office if row is not None else ""


@functools.lru_cache(maxsize=4096)  # an article names the same office again and again
def _holder(country: str, office: str, date) -> str:
    if pd.isna(pd.Timestamp(date)):
        return ""
    return holder_on(_offices(), country, office, date) or ""


@functools.cache
def _offices() -> pd.DataFrame:
    return office_holders()


def _first(pattern: re.Pattern[str], text: str):
    """The first match of ``pattern`` that starts a word."""
    return next((m for m in pattern.finditer(text)
                 if not m.start() or not re.match(r"[\w-]", text[m.start() - 1])), None)


_FOR = re.compile(r"\s+for\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4})")


def spokesperson(text: str, match: re.Match[str], date, registry: Registry) -> tuple[int, str]:
    """Where a spokesperson phrase starts, and whose spokesperson it is.

    Examples
    --------
    >>> text = "The Prime Minister’s official spokesman said"
    >>> registry = load_registry()
    >>> spokesperson(text, patterns(registry)["spokesperson"].search(text), "2022-02-02",
    ...              registry)
    (0, 'Downing Street spokesperson')
    """
    clause = re.split(r"[,;:“”\"()]|\.\s", text[max(0, match.start() - 80):match.start()])[-1]
    words = clause.split()[-6:]
    offset, owner = match.start(), ""
    # Start the phrase at its determiner ("the", "a") or first capitalised word.
    for i, word in enumerate(words):
        if word.lower() in ("the", "a", "an") or word[:1].isupper():
            owner = " ".join(words[i:])
            offset = match.start() - len(owner) - 1
            break
    if owner.lower() in ("", "a", "an", "the"):  # "a spokeswoman for the State Department"
        after = _FOR.match(text, match.end())
        owner = after.group(1) if after else ""
    found = patterns(registry)
    body = _first(found["body"], owner)
    if body:
        return offset, f"{registry.body(body.group(0))} spokesperson"
    role = found["role"].search(owner)
    if role:
        row = _role_row(role.group("role"), registry)
        if row is not None and isinstance(row.body, str):
            return offset, f"{row.body} spokesperson"
    for alias in sorted(_compiled(registry).aliases, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){_alias(alias)}(?![\w-])", owner):
            return offset, f"{registry.person(alias)}'s spokesperson"
    descriptor = re.sub(r"^(?:the|a|an)\s+|[’']s?(?=\s|$)", "", owner, flags=re.IGNORECASE)
    return offset, f"{descriptor} spokesperson".strip() if descriptor else "spokesperson"
