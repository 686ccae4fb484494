"""Lexicon matching: the terms of ``data/frames.yml`` and ``data/topics.yml`` in a text.

A lexicon maps each category (a frame, a topic) to groups of terms with a weight::

    {"economic": {"groups": [{"weight": 2, "terms": ["tax", "econom*"], "not": []}]}}

(``{"terms": [...]}`` alone is one group of weight 1). Terms match whole words,
case-insensitively; a trailing ``*`` matches any ending except the words in the
group's ``not`` list (the wildcard's false friends). A text is read once, word by
word, and the longest term wins: in "human rights", the phrase is one match and
"rights" alone does not count again. A possessive counts as its word
("government's" is "government"), and a hyphenated word no term names is read as
its parts ("defence-related" is "defence" and "related"). Phrases listed to be
*ignored* are read and dropped: they keep a false friend from matching ("think tanks"
is not "tanks", "pay tribute" is not "pay").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.frequency import stopwords
from analysis.memo import LIMIT, remember

# Words (with inner apostrophes and hyphens, none at their edges) and the currency signs,
# which name money; matched in lower-cased text with straight apostrophes.
CURRENCY = ("$", "£", "€")
IGNORED = ""  # the category of phrases read and dropped
TOKEN = re.compile(r"[$£€]|\w(?:[\w'-]*\w)?")


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon term as matched: its category, text, weight and group number."""

    category: str
    term: str
    weight: float
    group: int
    index: int = -1  # the category's position in the lexicon


def normalise(word: str) -> str:
    """The form a word is looked up by, as :func:`tokens` reads it: lower case, straight
    apostrophes, no quotation marks or hyphens at its edges.

    Examples
    --------
    >>> normalise("‘Special’"), normalise("Government’s"), normalise("-pre-")
    ('special', "government's", 'pre')
    """
    return " ".join(tokens(word))


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
    return TOKEN.findall(text.lower().replace("’", "'"))


class Matcher:
    """Finds the terms of a lexicon in texts, longest match first, word by word.

    Single words are looked up in a dictionary (exact words, then wildcard stems);
    phrases are indexed by their first word that is not a stopword ("the public" by
    "public"), so a sentence costs one set test per word whatever the size of the
    lexicon, and common words cost nothing. The result for each distinct word is kept
    (news vocabularies repeat).

    Examples
    --------
    >>> m = Matcher({"law": {"terms": ["rights", "court*"]},
    ...              "fair": {"terms": ["human rights"], "not": []}})
    >>> [(t.category, t.term, words) for t, words in m.find("Human rights courts")]
    [('fair', 'human rights', 'human rights'), ('law', 'court*', 'courts')]
    """

    def __init__(self, lexicon: dict, ignore: list[str] | tuple[str, ...] = ()):
        self.categories = list(lexicon)
        self.exact: dict[str, list[Term]] = {}
        self.stems: dict[str, list[tuple[Term, frozenset[str]]]] = {}
        # anchor word -> [(words of the phrase, anchor's position, last word is a stem,
        # Term)], longest first; every phrase, by its words (for hyphenated compounds)
        self.phrases: dict[str, list[tuple[tuple[str, ...], int, bool, Term]]] = {}
        self.whole: dict[tuple[str, ...], Term] = {}
        self._pending: list[tuple[tuple[str, ...], bool, Term]] = []
        for category, spec in lexicon.items():
            for number, group in enumerate(groups(spec)):
                weight = float(group.get("weight", 1))
                false_friends = frozenset(normalise(w) for w in group.get("not") or ())
                for term in group["terms"]:
                    self._add(Term(category, str(term), weight, number,
                                   self.categories.index(category)), false_friends)
        for phrase in ignore:
            self._add(Term(IGNORED, str(phrase), 0.0, -1), frozenset())
        common = stopwords() - set(self.exact)
        for words, stem, term in self._pending:
            # Anchored at its first uncommon word (not the last if that is a stem).
            k = next((j for j, w in enumerate(words[:-1] if stem else words)
                      if w not in common), 0)
            self.phrases.setdefault(words[k], []).append((words, k, stem, term))
            if not stem:
                self.whole.setdefault(words, term)
        for candidates in self.phrases.values():
            candidates.sort(key=lambda c: (-len(c[0]), -c[1]))
        self.stem_lengths = sorted({len(s) for s in self.stems})
        # word -> (the phrases it anchors, or None; its single-word matches)
        self._single: dict[str, tuple[list | None, tuple[tuple[Term, str], ...]]] = {}
        self._boring: set[str] = set()  # words that match nothing and start no phrase

    def _add(self, term: Term, false_friends: frozenset[str]) -> None:
        stem = term.term.endswith("*")
        words = [term.term] if term.term in CURRENCY else tokens(term.term.rstrip("*"))
        if not words:
            raise ValueError(f"{term.category}: the term {term.term!r} has no words")
        if len(words) > 1:
            self._pending.append((tuple(words), stem, term))
        elif stem:
            self.stems.setdefault(words[0], []).append((term, false_friends))
        else:
            self.exact.setdefault(words[0], []).append(term)

    def _word(self, word: str) -> tuple[Term, ...]:
        """The single-word terms ``word`` matches (exact words first, then stems)."""
        found = list(self.exact.get(word, ()))
        if not found:
            for n in self.stem_lengths:
                if n > len(word):
                    break
                found += [t for t, unless in self.stems.get(word[:n], ()) if word not in unless]
        if not found and word.endswith("'s"):
            return self._word(word[:-2])
        return tuple(t for t in found if t.category != IGNORED)

    def _entry(self, word: str) -> tuple[list, tuple[tuple[Term, str], ...]]:
        """What one word can start (phrases) and match alone, worked out once per word."""
        entry = self._single.get(word)
        if entry is None:
            alone = tuple((t, word) for t in self._word(word))
            if not alone and "-" in word:
                alone = self._compound(word)
            anchored = self.phrases.get(word)
            if anchored is None and not alone:
                # A word that matches nothing and anchors no phrase: skipped from now on.
                if len(self._boring) < LIMIT:
                    self._boring.add(word)
                return anchored, alone
            entry = remember(self._single, word, (anchored, alone))
        return entry

    def _compound(self, word: str) -> tuple[tuple[Term, str], ...]:
        """A hyphenated word no term names, read as its parts: as a phrase if its parts
        make one ("health-care"), else part by part ("defence-related")."""
        parts = [p for p in word.split("-") if p]
        term = self.whole.get(tuple(parts))
        if term is not None:
            return () if term.category == IGNORED else ((term, word),)
        return tuple((t, p) for p in parts for t in self._word(p))

    def _phrase_at(self, words: list[str], i: int, free: int = 0
                   ) -> tuple[int, int, Term] | None:
        """The longest phrase anchored at ``words[i]`` and starting at or after ``free``:
        ``(start, length, Term)``."""
        for phrase, k, stem, term in self.phrases.get(words[i], ()):
            start, n = i - k, len(phrase)
            if start < free or start + n > len(words):
                continue
            last = words[start + n - 1]
            if ((last.startswith(phrase[-1]) if stem else
                 last == phrase[-1] or last == phrase[-1] + "'s")
                    and all(words[start + j] == phrase[j] for j in range(n - 1))):
                return start, n, term
        return None

    def find(self, text: str | list[str]) -> list[tuple[Term, str]]:
        """Every match in ``text`` (or in its :func:`tokens`): ``(Term, matched words)``."""
        words = tokens(text) if isinstance(text, str) else text
        boring, known = self._boring, self._single.get
        if boring.issuperset(words):
            return []
        found, free = [], 0
        # Most words match nothing: the set test skips them at C speed.
        for i in [i for i, word in enumerate(words) if word not in boring]:
            if i < free:
                continue  # inside a phrase already matched
            anchored, alone = known(words[i]) or self._entry(words[i])
            if anchored is not None:
                hit = self._phrase_at(words, i, free)
                if hit is not None:
                    start, n, term = hit
                    if term.category != IGNORED:
                        found.append((term, " ".join(words[start:start + n])))
                    free = start + n
                    continue
            if alone:
                found.extend(alone)
        return found

    def counts(self, text: str | list[str]) -> list[int]:
        """Matches per category, in the lexicon's order."""
        return self.scores(text)[0]

    def scores(self, text: str | list[str]) -> tuple[list[int], list[float]]:
        """Matches and summed weights per category, in the lexicon's order."""
        found = self.find(text)
        hits, weights = [0] * len(self.categories), [0.0] * len(self.categories)
        for term, _ in found:
            hits[term.index] += 1
            weights[term.index] += term.weight
        return hits, weights


# Built once per lexicon; keyed by identity because a lexicon (a dict) is not hashable.
# The lexicon is kept in the value so that its id cannot be reused by another object.
_MATCHERS: dict[int, tuple[dict, Matcher]] = {}


def matcher(lexicon: dict, ignore: list[str] | tuple[str, ...] = ()) -> Matcher:
    """The :class:`Matcher` of a lexicon, built once per lexicon object."""
    if id(lexicon) not in _MATCHERS:
        _MATCHERS[id(lexicon)] = (lexicon, Matcher(lexicon, ignore))
    return _MATCHERS[id(lexicon)][1]


def wildcards(lexicon: dict) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every wildcard term: ``(category, term, false friends)``, for review."""
    return [(category, term, tuple(group.get("not") or ()))
            for category, spec in lexicon.items() for group in groups(spec)
            for term in group["terms"] if str(term).endswith("*")]
