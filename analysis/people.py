"""The people the report follows, read from the corpus instead of a fixed list.

They are the British figure each article is about (the metadata's ``uk_leader``), the
American figures it is about with them (``us_counterparts``), and anyone in the actor
registry (``analysis/data/actors.yml``) who is quoted in the articles, by default only
British and American figures. A new article about Rishi Sunak, or a corpus about Tony
Blair and George W. Bush, brings its people with it. Words said on someone's behalf are a
spokesperson's, never theirs (:func:`is_spokesperson`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.actors import Registry, load_registry

ROLES = ("uk_leader", "us_counterpart", "quoted")
_ROLE_NATIONALITY = {"uk_leader": "UK", "us_counterpart": "US"}
COLUMNS = ["nationality", "role", "n_articles", "first_seen", "n_quotations"]
_SPOKESPERSON = re.compile(r"\bspokes(?:person|man|woman|people)\b", re.I)


def _names(value) -> list[str]:
    """The names in one metadata cell: a string (``;``-separated), a tuple or nothing."""
    if isinstance(value, str):
        parts: Iterable = value.split(";")
    elif isinstance(value, (list, tuple)):
        parts = value
    else:
        return []
    return [p.strip() for p in parts if isinstance(p, str) and p.strip()]


def is_spokesperson(speakers: Iterable[str]) -> np.ndarray:
    """Whether each speaker label names a spokesperson ("Downing Street spokesperson").

    Attribution labels words said on a leader's or a body's behalf this way and never
    credits them to the leader (:mod:`analysis.attribution`).

    Examples
    --------
    >>> is_spokesperson(["Downing Street spokesperson", "A spokesman", "Liz Truss", ""])
    array([ True,  True, False, False])
    """
    return np.array([bool(_SPOKESPERSON.search(str(s))) for s in speakers], dtype=bool)


def followed_people(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None,
                    registry: Registry | None = None,
                    nationalities: Iterable[str] | None = ("UK", "US")) -> pd.DataFrame:
    """The people the report follows, one row each, in a fixed order.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus` (``doc_id, published, uk_leader,
        us_counterparts``; empty metadata is fine).
    quotes : pandas.DataFrame, optional
        From :func:`analysis.quotes.extract_quotes` (``speaker``); registry people quoted
        there are added.
    registry : Registry, optional
        Defaults to the package's registry.
    nationalities : iterable of str, optional
        Nationalities of the quoted registry people to add (``None``: all). People named
        by the metadata are always kept.

    Returns
    -------
    pandas.DataFrame
        Index ``name``; columns ``nationality`` (the registry's, else the metadata
        column's: UK for ``uk_leader``, US for ``us_counterparts``), ``role``
        (``uk_leader``, ``us_counterpart`` or ``quoted``: the first that applies),
        ``n_articles`` (articles whose metadata names them), ``first_seen`` (the first
        such article's date) and ``n_quotations``. Ordered by role, then date first
        seen, then order in the metadata, then name.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "uk_leader": ["Liz Truss", "Tony Blair"],
    ...                        "us_counterparts": [("Joe Biden",), ("George W. Bush",)],
    ...                        "published": pd.to_datetime(["2022-02-02", "2004-11-12"])})
    >>> quotes = pd.DataFrame({"speaker": ["Rishi Sunak", "Vladimir Putin", ""]})
    >>> table = followed_people(corpus, quotes)
    >>> list(table.index)
    ['Tony Blair', 'Liz Truss', 'George W. Bush', 'Joe Biden', 'Rishi Sunak']
    >>> table["role"].tolist()
    ['uk_leader', 'uk_leader', 'us_counterpart', 'us_counterpart', 'quoted']
    """
    registry = registry or load_registry()
    known = registry.people.set_index("name")["nationality"].to_dict()
    seen: dict[str, dict] = {}
    dates = (pd.to_datetime(corpus["published"], format="mixed", errors="coerce")
             if "published" in corpus
             else pd.Series(pd.NaT, index=corpus.index))
    for position, (row, date) in enumerate(zip(corpus.itertuples(), dates)):
        cells = (("uk_leader", getattr(row, "uk_leader", None)),
                 ("us_counterpart", getattr(row, "us_counterparts", None)))
        for role, cell in cells:
            for order, name in enumerate(_names(cell)):
                entry = seen.setdefault(name, {
                    "nationality": known.get(name, _ROLE_NATIONALITY[role]), "role": role,
                    "articles": set(), "first_seen": pd.NaT, "_key": (position, order)})
                entry["articles"].add(row.doc_id)
                if pd.notna(date) and (pd.isna(entry["first_seen"]) or date < entry["first_seen"]):
                    entry["first_seen"] = date
    said = (quotes["speaker"].value_counts() if quotes is not None and len(quotes)
            else pd.Series(dtype=int))
    wanted = None if nationalities is None else set(nationalities)
    for name in sorted(set(said.index) - set(seen)):
        if name in known and (wanted is None or known[name] in wanted):
            seen[name] = {"nationality": known[name], "role": "quoted", "articles": set(),
                          "first_seen": pd.NaT, "_key": (len(corpus), 0)}
    rows = [{"name": name, "nationality": e["nationality"], "role": e["role"],
             "n_articles": len(e["articles"]), "first_seen": e["first_seen"],
             "n_quotations": int(said.get(name, 0)), "_role": ROLES.index(e["role"]),
             "_date": e["first_seen"] if pd.notna(e["first_seen"]) else pd.Timestamp.max,
             "_article": e["_key"][0], "_order": e["_key"][1]} for name, e in seen.items()]
    if not rows:
        return pd.DataFrame(columns=COLUMNS, index=pd.Index([], name="name"))
    table = pd.DataFrame(rows).sort_values(["_role", "_date", "_article", "_order", "name"])
    return table.set_index("name")[COLUMNS]


def leader_names(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None, **kwargs) -> list[str]:
    """The names of :func:`followed_people`, in its order (for ``voice_summary`` and charts).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "uk_leader": ["Keir Starmer"],
    ...                        "us_counterparts": ["Donald Trump; JD Vance"],
    ...                        "published": ["2025-02-26"]})
    >>> leader_names(corpus)
    ['Keir Starmer', 'Donald Trump', 'JD Vance']
    """
    return list(followed_people(corpus, quotes, **kwargs).index)
