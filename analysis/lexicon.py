"""Lexicon matching: the terms of ``data/frames.yml`` and ``data/topics.yml`` in a text.

A lexicon maps each category (a frame, a topic) to groups of terms with a weight::

    {"economic": {"groups": [{"weight": 2, "terms": ["tax", "econom*"], "not": []}]}}

(``{"terms": [...]}`` alone is one group of weight 1). Terms match whole words,
case-insensitively; a trailing ``*`` matches any ending except the words in the
group's ``not`` list (the wildcard's false friends). A text is read once, word by
word, and the longest term wins: in "human rights", the phrase is one match and
"rights" alone does not count again. A possessive counts as its word
("government's" is "government"), and a hyphenated word no term names is read as
its parts ("defence-related" is "defence" and "related").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.memo import remember

# Words (with inner apostrophes and hyphens) and the currency signs, which name money.
CURRENCY = ("$", "£", "€")
TOKEN = re.compile(r"[$£€]|[\w’'-]+")
_EDGES = "'’-"


@dataclass(frozen=True)
class Term:
    """One lexicon term as matched: its category, text, weight and group number."""

    category: str
    term: str
    weight: float
    group: int


def normalise(word: str) -> str:
    """The form a word is looked up by: lower case, straight apostrophe, no edge marks.

    Examples
    --------
    >>> normalise("‘Special’"), normalise("Government’s")
    ('special', "government's")
    """
    return word.lower().replace("’", "'").strip(_EDGES)


def groups(spec: dict) -> list[dict]:
    """A category's term groups (a bare ``terms`` list is one group of weight 1)."""
    if "groups" in spec:
        return spec["groups"]
    return [{"weight": 1, "terms": spec["terms"], "not": spec.get("not", [])}]


def tokens(text: str) -> list[str]:
    """The words of ``text``, normalised, in order (see :func:`normalise`).

    Examples
    --------
    >>> tokens("It cost £5bn, the Government’s ‘plan’ said.")
    ['it', 'cost', '£', '5bn', 'the', "government's", 'plan', 'said']
    """
    return [w for w in (normalise(t) for t in TOKEN.findall(text)) if w]


class Matcher:
    """Finds the terms of a lexicon in texts, longest match first, word by word.

    Single words are looked up in a dictionary (exact words, then wildcard stems);
    phrases are indexed by their first word, so a sentence costs one lookup per word
    whatever the size of the lexicon. The result for each distinct word is kept
    (news vocabularies repeat).

    Examples
    --------
    >>> m = Matcher({"law": {"terms": ["rights", "court*"]},
    ...              "fair": {"terms": ["human rights"], "not": []}})
    >>> [(t.category, t.term, words) for t, words in m.find("Human rights courts")]
    [('fair', 'human rights', 'human rights'), ('law', 'court*', 'courts')]
    """

    def __init__(self, lexicon: dict):
        self.categories = list(lexicon)
        self.exact: dict[str, list[Term]] = {}
        self.stems: dict[str, list[tuple[Term, frozenset[str]]]] = {}
        # first word -> [(words of the phrase, last word is a stem, Term)], longest first
        self.phrases: dict[str, list[tuple[tuple[str, ...], bool, Term]]] = {}
        for category, spec in lexicon.items():
            for number, group in enumerate(groups(spec)):
                weight = float(group.get("weight", 1))
                false_friends = frozenset(normalise(w) for w in group.get("not") or ())
                for term in group["terms"]:
                    self._add(Term(category, str(term), weight, number), false_friends)
        for candidates in self.phrases.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self.stem_lengths = sorted({len(s) for s in self.stems})
        self._single: dict[str, tuple[Term, ...]] = {}

    def _add(self, term: Term, false_friends: frozenset[str]) -> None:
        stem = term.term.endswith("*")
        words = [term.term] if term.term in CURRENCY else tokens(term.term.rstrip("*"))
        if not words:
            raise ValueError(f"{term.category}: the term {term.term!r} has no words")
        if len(words) > 1:
            self.phrases.setdefault(words[0], []).append((tuple(words), stem, term))
        elif stem:
            self.stems.setdefault(words[0], []).append((term, false_friends))
        else:
            self.exact.setdefault(words[0], []).append(term)

    def _word(self, word: str) -> tuple[Term, ...]:
        """The single-word terms ``word`` matches (exact words first, then stems)."""
        found = self._single.get(word)
        if found is not None:
            return found
        found = list(self.exact.get(word, ()))
        if not found:
            for n in self.stem_lengths:
                if n > len(word):
                    break
                found += [t for t, unless in self.stems.get(word[:n], ()) if word not in unless]
        return remember(self._single, word, tuple(found))

    def _lookup(self, word: str) -> tuple[Term, ...]:
        found = self._word(word)
        if not found and word.endswith("'s"):
            found = self._word(word[:-2])
        return found

    def _phrase_at(self, words: list[str], i: int) -> tuple[int, Term] | None:
        for phrase, stem, term in self.phrases.get(words[i], ()):
            n = len(phrase)
            if i + n > len(words):
                continue
            inner = all(words[i + k] == phrase[k] for k in range(1, n - 1))
            last = words[i + n - 1]
            last_ok = (last.startswith(phrase[-1]) if stem else
                       last == phrase[-1] or last == phrase[-1] + "'s")
            if inner and last_ok:
                return n, term
        return None

    def find(self, text: str | list[str]) -> list[tuple[Term, str]]:
        """Every match in ``text`` (or in its :func:`tokens`): ``(Term, matched words)``."""
        words = tokens(text) if isinstance(text, str) else text
        found, i = [], 0
        while i < len(words):
            hit = self._phrase_at(words, i) if words[i] in self.phrases else None
            if hit is not None:
                n, term = hit
                found.append((term, " ".join(words[i:i + n])))
                i += n
                continue
            word = words[i]
            terms = self._lookup(word)
            if not terms and "-" in word:
                # A compound no term names: its parts are words ("defence-related").
                parts = [p for p in word.split("-") if p]
                found += [(t, p) for p in parts for t in self._lookup(p)]
            found += [(t, word) for t in terms]
            i += 1
        return found

    def counts(self, text: str | list[str]) -> list[int]:
        """Matches per category, in the lexicon's order."""
        per = dict.fromkeys(self.categories, 0)
        for term, _ in self.find(text):
            per[term.category] += 1
        return list(per.values())

    def scores(self, text: str | list[str]) -> tuple[list[int], list[float]]:
        """Matches and summed weights per category, in the lexicon's order."""
        hits = dict.fromkeys(self.categories, 0)
        weights = dict.fromkeys(self.categories, 0.0)
        for term, _ in self.find(text):
            hits[term.category] += 1
            weights[term.category] += term.weight
        return list(hits.values()), list(weights.values())


# Built once per lexicon; keyed by identity because a lexicon (a dict) is not hashable.
# The lexicon is kept in the value so that its id cannot be reused by another object.
_MATCHERS: dict[int, tuple[dict, Matcher]] = {}


def matcher(lexicon: dict) -> Matcher:
    """The :class:`Matcher` of a lexicon, built once per lexicon object."""
    if id(lexicon) not in _MATCHERS:
        _MATCHERS[id(lexicon)] = (lexicon, Matcher(lexicon))
    return _MATCHERS[id(lexicon)][1]


def wildcards(lexicon: dict) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every wildcard term: ``(category, term, false friends)``, for review."""
    return [(category, term, tuple(group.get("not") or ()))
            for category, spec in lexicon.items() for group in groups(spec)
            for term in group["terms"] if str(term).endswith("*")]
