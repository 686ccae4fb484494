"""Who each article is about, and how often its text names them.

The metadata says who an article is about: the British figure (``uk_leader``) and the
American figure(s) it is about with them (``us_counterparts``). That is an editor's
judgement; the text may name a counterpart once, in passing. :func:`people_named` counts
how often the article's own words (headline, standfirst and body) name each of them, so
that a chapter can describe each article for what it is (:func:`barely_named`,
:func:`about_sentence`).

A name is counted where the text writes the full name, the surname alone ("Mr Biden",
"President Bush", "George W Bush") or an alias the actor registry lists ("Sir Keir"). A
surname right after another person's first name ("Cherie Blair" for Tony Blair) is not
counted, nor one after an honorific of the other gender ("Mrs Blair"): first names and
honorifics are those of :mod:`analysis.names` and :mod:`analysis.lexicons`. Titles by
themselves ("the president") and pronouns are not counted: the counts are of names.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.actors import Registry, load_registry
from analysis.corpus import format_date
from analysis.lexicons import titles
from analysis.names import first_name_gender
from analysis.people import _names, followed_people
from analysis.wording import join, k_of_n, plural

__all__ = ["about_sentence", "about_table", "article_table", "barely_named", "name_count",
           "people_named", "people_sentence"]

ROLES = {"uk_leader": "UK figure", "us_counterparts": "US figure"}
_EDGE_BEFORE = r"(?<![\w-])"
_EDGE_AFTER = r"(?![\w-])"
_WORD_BEFORE = re.compile(r"([A-Z][\w.’'-]*)\s+$")


def _gender(name: str, registry: Registry) -> str:
    """A person's gender from the registry, else from their first name ("" if unknown)."""
    return registry.gender(name) or first_name_gender(name.split()[0]) or ""


def _other_person(word: str, own: set[str], gender: str) -> bool:
    """Whether ``word`` before a surname makes it someone else's: another first name
    ("Cherie Blair") or an honorific of the other gender ("Mrs Blair" for Tony Blair)."""
    word = word.rstrip(".") if word.rstrip(".") not in titles() else word
    if word in own:
        return False
    if word in titles():
        said = titles().gender.get(word, "")
        return bool(said and gender and said != gender)
    return len(word) > 1 and word[:1].isupper() and first_name_gender(word) is not None


def _forms(name: str, registry: Registry) -> list[str]:
    people = registry.people
    aliases = people.loc[people["name"] == name, "aliases"]
    forms = {name, name.split()[-1]} | set(aliases.iloc[0] if len(aliases) else [])
    return sorted((f for f in forms if f.strip()), key=lambda f: (-len(f), f))


def name_count(text: str, name: str, registry: Registry | None = None) -> int:
    """How many times ``text`` names ``name`` (full name, surname or a registry alias).

    Adjacent forms are one mention ("Sir Keir Starmer"); a surname after someone else's
    first name, or after an honorific of the other gender, is another person ("Cherie
    Blair", "Mrs Blair" are not Tony Blair).

    Examples
    --------
    >>> text = ("Tony Blair met George W Bush. Mr Bush thanked Mr Blair; "
    ...         "Cherie Blair and Mrs Blair are one person. Sir Keir Starmer was not there.")
    >>> name_count(text, "George W. Bush"), name_count(text, "Tony Blair")
    (2, 2)
    >>> name_count(text, "Keir Starmer"), name_count(text, "Joe Biden")
    (1, 0)
    """
    registry = registry or load_registry()
    own = set(name.replace(".", " ").split())
    gender = _gender(name, registry)
    pattern = re.compile(_EDGE_BEFORE + "(?:" + "|".join(
        re.escape(f) for f in _forms(name, registry)) + ")" + _EDGE_AFTER)
    count, last_end = 0, -1
    for match in pattern.finditer(str(text)):
        between = text[last_end:match.start()] if last_end >= 0 else None
        last_end = match.end()
        if between is not None and between.strip() == "":
            continue  # "Sir Keir" + "Starmer": one mention
        if " " not in match.group(0):
            before = _WORD_BEFORE.search(text[max(0, match.start() - 40):match.start()])
            if before and _other_person(before.group(1), own, gender):
                continue  # "Cherie Blair", "Mrs Blair"
        count += 1
    return count


def people_named(corpus: pd.DataFrame, registry: Registry | None = None) -> pd.DataFrame:
    """The people each article's metadata says it is about, and how often its text names them.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus`: ``doc_id, uk_leader, us_counterparts`` and the
        text (``headline``, ``standfirst``, ``text``; missing fields count as empty).

    Returns
    -------
    pandas.DataFrame
        One row per article and person, in corpus order: ``doc_id, role`` ("UK figure" or
        "US figure"), ``name, mentions``. An article whose metadata names nobody has no row.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "uk_leader": ["Liz Truss"],
    ...     "us_counterparts": [("Joe Biden", "Antony Blinken")],
    ...     "headline": ["Truss in Washington"], "standfirst": [""],
    ...     "text": ["Ms Truss met Mr Blinken. Liz Truss said Biden agreed."]})
    >>> people_named(corpus)[["name", "mentions"]].values.tolist()
    [['Liz Truss', 3], ['Joe Biden', 1], ['Antony Blinken', 1]]
    """
    registry = registry or load_registry()
    rows = []
    for _, article in corpus.iterrows():
        text = "\n\n".join(str(article.get(field) or "") for field in
                           ("headline", "standfirst", "text"))
        for column, role in ROLES.items():
            for name in _names(article.get(column)):
                rows.append({"doc_id": article["doc_id"], "role": role, "name": name,
                             "mentions": name_count(text, name, registry)})
    return pd.DataFrame(rows, columns=["doc_id", "role", "name", "mentions"])


def barely_named(named: pd.DataFrame, at_most: int = 1) -> pd.DataFrame:
    """The rows of :func:`people_named` whose person the text names ``at_most`` times or fewer.

    Examples
    --------
    >>> named = pd.DataFrame({"doc_id": ["a", "a"], "role": ["UK figure", "US figure"],
    ...                       "name": ["Liz Truss", "Joe Biden"], "mentions": [12, 1]})
    >>> barely_named(named)["name"].tolist()
    ['Joe Biden']
    """
    return named[named["mentions"] <= at_most]


def about_table(corpus: pd.DataFrame, named: pd.DataFrame) -> pd.DataFrame:
    """Per article, who it is about with how often the text names each: "Joe Biden (1)".

    Returns
    -------
    pandas.DataFrame
        Index ``doc_id`` (every article of ``corpus``); columns "UK figure" and
        "US figure(s)", "" where the metadata names nobody.

    Examples
    --------
    >>> named = pd.DataFrame({"doc_id": ["a", "a", "a"],
    ...     "role": ["UK figure", "US figure", "US figure"],
    ...     "name": ["Liz Truss", "Joe Biden", "Jake Sullivan"], "mentions": [9, 1, 0]})
    >>> about_table(pd.DataFrame({"doc_id": ["a", "b"]}), named).loc["a"].tolist()
    ['Liz Truss (9)', 'Joe Biden (1), Jake Sullivan (0)']
    """
    cells = named.assign(cell=named["name"] + " (" + named["mentions"].astype(str) + ")")
    table = pd.DataFrame(index=pd.Index(corpus["doc_id"], name="doc_id"))
    for role, column in (("UK figure", "UK figure"), ("US figure", "US figure(s)")):
        joined = cells[cells["role"] == role].groupby("doc_id", sort=False)["cell"].agg(", ".join)
        table[column] = joined.reindex(table.index).fillna("")
    return table


def about_sentence(named: pd.DataFrame, labels: pd.Series, at_most: int = 1,
                   limit: int = 6) -> str:
    """One sentence on the articles whose text barely names someone the metadata pairs it with.

    Parameters
    ----------
    named : pandas.DataFrame
        From :func:`people_named`.
    labels : pandas.Series
        A readable label per article, indexed by ``doc_id``, for every article of the
        corpus (:func:`analysis.figures.article_labels`).
    at_most : int
        Named this many times or fewer counts as barely named.
    limit : int
        At most this many are listed; the rest are counted ("and 4 more, in the table").

    Examples
    --------
    >>> named = pd.DataFrame({"doc_id": ["a", "b"], "role": ["US figure"] * 2,
    ...                       "name": ["Joe Biden", "Donald Trump"], "mentions": [1, 14]})
    >>> labels = pd.Series({"a": "The Independent, 2 Feb 2022", "b": "Sky News, 26 Feb 2025"})
    >>> print(about_sentence(named, labels))  # doctest: +NORMALIZE_WHITESPACE
    In 1 of the 2 articles the text names someone its metadata says it is about at most
    once: Joe Biden (named once; The Independent, 2 Feb 2022).
    >>> about_sentence(named.iloc[1:], labels)
    'Every article names each person its metadata says it is about at least twice.'
    >>> about_sentence(named.iloc[:0], labels[:1])
    'The metadata does not say whom the article is about.'
    """
    n = len(labels)
    if named.empty:
        subject = "the article is" if n == 1 else "the articles are"
        return f"The metadata does not say whom {subject} about."
    few = barely_named(named, at_most)
    if few.empty:
        subject = "The article names" if n == 1 else "Every article names"
        return (f"{subject} each person its metadata says it is about at least "
                f"{'twice' if at_most == 1 else plural(at_most + 1, 'time')}.")
    times = {0: "not named", 1: "named once", 2: "named twice"}
    items = [f"{row.name} ({times.get(row.mentions, 'named ' + plural(row.mentions, 'time'))}; "
             f"{labels.get(row.doc_id, row.doc_id)})" for row in few.head(limit).itertuples()]
    if len(few) > limit:
        items.append(f"{len(few) - limit:,} more, in the table")
    where = "In " + k_of_n(few["doc_id"].nunique(), n, "article")
    limit = "at most once" if at_most == 1 else f"at most {plural(at_most, 'time')}"
    return (f"{where} the text names someone its metadata says it is about {limit}: "
            f"{join(items)}.")


def article_table(corpus: pd.DataFrame, named: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, kind, date, who it is about (times named), words.

    Dates marked "*" are inferred from the events the article reports.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"], "outlet_kind": ["TV"],
    ...     "published": pd.to_datetime(["2025-02-26"]), "date_precision": ["day"],
    ...     "date_inferred": [True], "uk_office": ["Prime Minister"], "n_words": [794]})
    >>> named = pd.DataFrame({"doc_id": ["a"], "role": ["UK figure"], "name": ["Keir Starmer"],
    ...                       "mentions": [6]})
    >>> article_table(corpus, named).loc["a"].astype(str).tolist()
    ['Sky News', 'TV', '26 Feb 2025*', 'Keir Starmer (6), Prime Minister', '', '794']
    """
    about = about_table(corpus, named)
    offices = corpus.set_index("doc_id")["uk_office"].fillna("") if "uk_office" in corpus \
        else pd.Series("", index=about.index)
    uk = [f"{who}, {office}" if who and office else who
          for who, office in zip(about["UK figure"], offices.reindex(about.index).fillna(""))]
    return pd.DataFrame({
        "outlet": corpus["outlet"].fillna("").to_numpy(),
        "kind": corpus["outlet_kind"].fillna("").to_numpy(),
        "published": [format_date(p, r, i) if pd.notna(p) else "no date" for p, r, i in
                      zip(corpus["published"], corpus["date_precision"],
                          corpus["date_inferred"])],
        "UK figure (times named)": uk,
        "US figure(s) (times named)": about["US figure(s)"].to_numpy(),
        "words": corpus["n_words"].to_numpy(),
    }, index=pd.Index(corpus["doc_id"], name="article"))


def people_sentence(corpus: pd.DataFrame, limit: int = 8) -> str:
    """Whom the articles are about, as the metadata names them, in one sentence.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "uk_leader": ["Liz Truss", "Keir Starmer"],
    ...     "us_counterparts": [("Joe Biden",), ("Donald Trump",)],
    ...     "published": pd.to_datetime(["2022-02-02", "2025-02-26"])})
    >>> print(people_sentence(corpus))  # doctest: +NORMALIZE_WHITESPACE
    British figures (Liz Truss and Keir Starmer) and their American counterparts (Joe Biden
    and Donald Trump)
    >>> people_sentence(corpus.assign(us_counterparts=[(), ()]).iloc[:1])
    'a British figure (Liz Truss), with no American counterpart named in the metadata'
    """
    people = followed_people(corpus)
    uk = list(people.index[people["role"] == "uk_leader"])
    us = list(people.index[people["role"] == "us_counterpart"])
    if not uk and not us:
        return "British and American figures the metadata does not name"
    british = (f"{'a British figure' if len(uk) == 1 else 'British figures'} "
               f"({join(uk, limit=limit)})" if uk else
               "British figures the metadata does not name")
    if not us:
        return british + ", with no American counterpart named in the metadata"
    american = ("their American counterpart" if len(us) == 1 else
                "their American counterparts") + f" ({join(us, limit=limit)})"
    return f"{british} and {american}"
