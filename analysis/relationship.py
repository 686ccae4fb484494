"""Which sentences are about the UK-US relationship itself: the one definition the chapters
share.

A sentence is about the relationship when it names both countries (their abbreviations,
names, peoples, capitals or seats of government) or the relationship by a name of its own
("special relationship", "transatlantic", "Anglo-American"). The terms are in
``analysis/data/relationship.yml``; :func:`about_relationship` applies them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

import yaml

_EDGE = r"(?<![\w.]){}(?![\w])"  # a whole word, not after a dot ("U.S." inside "U.S.A")


@functools.cache
def load_terms() -> dict:
    """The relationship's terms (``analysis/data/relationship.yml``)."""
    path = resources.files("analysis").joinpath("data/relationship.yml")
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _alternatives(terms: Iterable[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[list[re.Pattern], re.Pattern]:
    terms = load_terms()
    countries = [re.compile(_EDGE.format(f"(?:{_alternatives(spec['abbreviations'])}|"
                                         f"(?i:{_alternatives(spec['names'])}))"))
                 for spec in terms["countries"].values()]
    bond = re.compile(_EDGE.format(f"(?i:{_alternatives(terms['names_of_its_own'])})"))
    return countries, bond


def about_relationship(texts: Iterable) -> list[bool]:
    """Whether each sentence is about the UK-US relationship itself: it names both
    countries or the relationship by a name of its own (``data/relationship.yml``).

    Examples
    --------
    >>> about_relationship(["The UK and the US signed a deal.", "Let us go to Washington.",
    ...                     "Britain's special relationship endures.", "Russia attacked Kyiv."])
    [True, False, True, False]
    >>> about_relationship(["London and the U.S. agreed.", "The U.K. and the U.S.A. met.", None])
    [True, True, False]
    """
    countries, bond = _patterns()
    return [isinstance(t, str) and (bool(bond.search(t))
                                    or all(p.search(t) for p in countries))
            for t in texts]


def definition_phrase() -> str:
    """The definition in words, from the same terms, for the chapters' prose.

    Examples
    --------
    >>> print(definition_phrase())
    name both countries (the UK as “UK”, “U.K.”, “britain”…; the US as “US”, “U.S.”, “united
    states”…) or the relationship by a name of its own (“special relationship”,
    “transatlantic” or “anglo-american”)
    """
    terms = load_terms()

    def listed(words, limit=3):
        shown = [f"“{w}”" for w in words[:limit]]
        return ", ".join(shown) + ("…" if len(words) > limit else "")

    countries = "; ".join(
        f"the {name} as {listed([*spec['abbreviations'][:2], *spec['names']])}"
        for name, spec in terms["countries"].items())
    own = [f"“{w}”" for w in terms["names_of_its_own"]]
    own_text = ", ".join(own[:-1]) + f" or {own[-1]}" if len(own) > 1 else "".join(own)
    return (f"name both countries ({countries}) or the relationship by a name of its own "
            f"({own_text})")
