"""The word lists of speaker attribution, one file per concept in ``analysis/data/``.

- ``speech_verbs.yml``: speech verbs and their forms (:func:`speech_verbs`)
- ``titles.yml``: titles before a name and what they say of gender (:func:`titles`)
- ``organisations.yml``: words that make a name an organisation (:func:`organisation_words`)
- ``unnamed_sources.yml``: nouns and determiners of unnamed sources (:func:`unnamed_nouns`)

Every module that needs one of these concepts reads it from here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml


def _load(name: str) -> dict:
    with resources.files("analysis").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@dataclass(frozen=True)
class SpeechVerbs:
    """Forms of the speech verbs: ``lemma`` maps each form to its verb."""

    lemma: dict[str, str]
    takes_object: frozenset[str]  # lemmas whose object is the addressee ("told Stumpf")
    participles: frozenset[str]  # forms that attribute an earlier quotation ("adding")
    phrasal: dict[str, str]  # form -> particle: "shot" only in "shot back"

    def inverts(self, form: str) -> bool:
        """Whether the speaker may follow the verb (``“…,” said Kenneth Baer``)."""
        return (self.lemma.get(form) not in self.takes_object and not form.endswith("ing")
                and " " not in form)


@functools.cache
def speech_verbs() -> SpeechVerbs:
    """The speech verbs of ``data/speech_verbs.yml``.

    Examples
    --------
    >>> verbs = speech_verbs()
    >>> verbs.lemma["told"], verbs.inverts("told"), verbs.inverts("said")
    ('tell', False, True)
    """
    data = _load("speech_verbs.yml")
    lemma = {form: verb for verb, forms in data["verbs"].items() for form in forms}
    return SpeechVerbs(lemma, frozenset(data["takes_object"]), frozenset(data["participles"]),
                       dict(data["phrasal"]))


@dataclass(frozen=True)
class Titles:
    """Titles before a name: ``gender`` maps each (honorifics give one, offices "")."""

    gender: dict[str, str]
    first_words: frozenset[str]  # first word of every title, for a quick test
    longest: int  # words in the longest title

    def __contains__(self, word: str) -> bool:
        return word in self.gender


@functools.cache
def titles() -> Titles:
    """The titles of ``data/titles.yml``.

    Examples
    --------
    >>> t = titles()
    >>> t.gender["Mrs."], t.gender["Sen."], "Secretary of State" in t
    ('female', '', True)
    """
    data = _load("titles.yml")
    gender = dict(data["honorifics"]) | {office: "" for office in data["offices"]}
    return Titles(gender, frozenset(t.split()[0] for t in gender),
                  max(len(t.split()) for t in gender))


# The plain word lists: name -> (file, key).
_WORD_LISTS = {"organisation_words": ("organisations.yml", "words"),
               "unnamed_nouns": ("unnamed_sources.yml", "nouns"),
               "determiners": ("unnamed_sources.yml", "determiners")}


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """One of the plain word lists: ``organisation_words`` (capitalised words that make a
    name an organisation: "Times", "Department"), ``unnamed_nouns`` (nouns that describe
    a speaker without naming them: "official", "sources") or ``determiners`` (words that
    open such a description: "a", "two", "several").

    Examples
    --------
    >>> "Times" in word_list("organisation_words"), "officials" in word_list("unnamed_nouns")
    (True, True)
    """
    file, key = _WORD_LISTS[name]
    return frozenset(_load(file)[key])


def organisation_words() -> frozenset[str]:
    """:func:`word_list` ``("organisation_words")``."""
    return word_list("organisation_words")


def unnamed_nouns() -> frozenset[str]:
    """:func:`word_list` ``("unnamed_nouns")``."""
    return word_list("unnamed_nouns")


def determiners() -> frozenset[str]:
    """:func:`word_list` ``("determiners")``."""
    return word_list("determiners")
