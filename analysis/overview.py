"""The corpus at a glance, in words: outlets, formats, offices, lengths, and what cleaning
removed from each page (whose voice each text is: :mod:`analysis.outlets`).

Each function returns a sentence or a small table that reads right for one article or
five hundred (``"Each of the 2 outlets has one article."``, ``"The one article is from
BBC News."``), for the corpus chapter to glue.
"""

from __future__ import annotations

import pandas as pd

from analysis.stats import MIN_UNITS
from analysis.wording import capital, day, join, k_of_n, plural

__all__ = ["audit_by_article", "audit_kinds", "chosen_sentence", "coverage_sentence",
           "format_sentence", "length_sentence", "offices_sentence", "outlet_sentence",
           "removal_sentence", "time_sentence"]

# What the cleaning moved to a field of its own rather than threw away.
MOVED = ("headline", "standfirst", "byline", "dateline")
# Below this many articles an interval over articles rests on a handful of them (said so).
FEW = 30


def audit_by_article(corpus: pd.DataFrame, audit: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed from each page: words before and after, lines by kind.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus` (``doc_id, format, n_words_raw, n_words``).
    audit : pandas.DataFrame
        From :func:`analysis.cleaning_audit`.

    Returns
    -------
    pandas.DataFrame
        Index ``doc_id``; columns ``format``, ``words on page``, ``words kept``, ``removed``
        (share of the page's words), ``lines removed`` and ``kinds`` ("video 12,
        cookies 6"; the headline, standfirst, byline and dateline lines are moved to
        fields of their own, not lost, and are listed last, in brackets).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "format": ["text", "html"],
    ...                        "n_words_raw": [100, 50], "n_words": [80, 50]})
    >>> audit = pd.DataFrame({"doc_id": ["a", "a", "a"], "category": ["video", "video",
    ...                       "headline"]})
    >>> audit_by_article(corpus, audit)[["lines removed", "kinds"]].values.tolist()
    [[3, 'video 2 (moved: headline 1)'], [0, '']]
    """
    index = pd.Index(corpus["doc_id"], name="doc_id")
    raw = corpus["n_words_raw"].to_numpy()
    table = pd.DataFrame({
        "format": (corpus["format"] if "format" in corpus else pd.Series("text",
                   index=corpus.index)).to_numpy(),
        "words on page": raw,
        "words kept": corpus["n_words"].to_numpy(),
        "removed": [1 - k / r if r else float("nan") for k, r in zip(corpus["n_words"], raw)],
    }, index=index)
    counts = audit.groupby(["doc_id", "category"]).size()
    table["lines removed"] = audit.groupby("doc_id").size().reindex(index).fillna(0).astype(int)
    kinds = []
    for doc_id in index:
        found = counts.get(doc_id, pd.Series(dtype=int)) if doc_id in counts.index else \
            pd.Series(dtype=int)
        found = found.sort_values(ascending=False, kind="stable")
        thrown = ", ".join(f"{k} {n}" for k, n in found.items() if k not in MOVED)
        moved = ", ".join(f"{k} {n}" for k, n in found.items() if k in MOVED)
        kinds.append(" ".join(p for p in (thrown, f"(moved: {moved})" if moved else "") if p))
    table["kinds"] = kinds
    return table


def outlet_sentence(corpus: pd.DataFrame) -> str:
    """How the articles spread over outlets, in one sentence.

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["BBC News"] * 3 + ["Sky News", "The Independent"]})
    >>> outlet_sentence(corpus)
    'BBC News has 3 of the 5 articles; the other 2 outlets have one each.'
    >>> outlet_sentence(corpus.iloc[3:])
    'Each of the 2 outlets has one article.'
    >>> outlet_sentence(corpus.iloc[:1])
    'The one article is from BBC News.'
    """
    outlets = corpus["outlet"].fillna("").replace("", "(no outlet)")
    counts = outlets.value_counts()
    counts = counts.loc[sorted(counts.index, key=lambda o: (-counts[o], o))]
    n = len(corpus)
    if n == 1:
        return f"The one article is from {counts.index[0]}."
    if (counts == 1).all():
        return f"Each of the {len(counts):,} outlets has one article."
    several = counts[counts > 1]
    named = join(f"{o} {k:,}" for o, k in several.items()) if len(several) > 1 else ""
    single = int((counts == 1).sum())
    rest = (f"; the other {plural(single, 'outlet')} {'has' if single == 1 else 'have'} one each"
            if single else "")
    if len(several) == 1:
        return f"{several.index[0]} has {several.iloc[0]:,} of the {n:,} articles{rest}."
    if len(several) > 6:
        named = join([f"{o} {k:,}" for o, k in several.head(5).items()]
                     + [f"{len(several) - 5:,} more with several"])
    return f"Articles per outlet: {named}{rest}."


def format_sentence(corpus: pd.DataFrame) -> str:
    """What kind of files the articles came from: copied text, saved web pages, or both.

    Examples
    --------
    >>> format_sentence(pd.DataFrame({"format": ["text", "text"]}))
    'Both articles are text copied from a browser; none is a saved web page.'
    >>> format_sentence(pd.DataFrame({"format": ["text", "html", "html"]}))
    '2 of the 3 articles are saved web pages (HTML) and 1 is text copied from a browser.'
    """
    n = len(corpus)
    formats = corpus["format"] if "format" in corpus else pd.Series("text", index=corpus.index)
    html = int((formats == "html").sum())
    text = n - html
    if html == 0:
        subject = capital(k_of_n(n, n, "article"))
        verb = "is" if n == 1 else "are"
        return (f"{subject} {verb} text copied from a browser; "
                f"{'it is not' if n == 1 else 'none is'} a saved web page.")
    pages = "is a saved web page" if n == 1 else "are saved web pages"
    if text == 0:
        subject = capital(k_of_n(n, n, "article"))
        return f"{subject} {pages} (HTML)."
    pages = "is a saved web page" if html == 1 else "are saved web pages"
    return (f"{html:,} of the {n:,} articles {pages} (HTML) and {text:,} "
            f"{'is' if text == 1 else 'are'} text copied from a browser.")


def offices_sentence(corpus: pd.DataFrame) -> str:
    """The British figures who hold different offices in different articles.

    Examples
    --------
    >>> corpus = pd.DataFrame({"uk_leader": ["Liz Truss", "Liz Truss", "Keir Starmer"],
    ...     "uk_office": ["Foreign Secretary", "Prime Minister", "Prime Minister"]})
    >>> print(offices_sentence(corpus))  # doctest: +NORMALIZE_WHITESPACE
    Liz Truss holds different offices in different articles: Foreign Secretary in 1 and
    Prime Minister in 1.
    >>> offices_sentence(corpus.iloc[1:])
    'Each British figure holds the same office in all of their articles.'
    """
    known = corpus[corpus["uk_leader"].fillna("").ne("") & corpus["uk_office"].fillna("").ne("")]
    parts = []
    for person, rows in known.groupby("uk_leader", sort=False):
        offices = rows["uk_office"].value_counts(sort=False)
        if len(offices) > 1:
            parts.append(f"{person} holds different offices in different articles: "
                         + join(f"{o} in {k:,}" for o, k in offices.items()))
    if not parts and len(corpus) == 1 and len(known) == 1:
        row = known.iloc[0]
        return f"{row['uk_leader']} is {row['uk_office']} in the one article."
    if not parts:
        return "Each British figure holds the same office in all of their articles."
    return "; ".join(parts) + "."


def length_sentence(corpus: pd.DataFrame, labels: pd.Series) -> str:
    """How long the cleaned articles are: the shortest and the longest, with the median.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "n_words": [181, 794, 388]})
    >>> labels = pd.Series({"a": "The National, 8 Mar 2022", "b": "Sky News, 26 Feb 2025",
    ...                     "c": "VOA, Jan 2023"})
    >>> print(length_sentence(corpus, labels))  # doctest: +NORMALIZE_WHITESPACE
    The cleaned articles run from 181 words (The National, 8 Mar 2022) to 794 (Sky News, 26
    Feb 2025); the median is 388.
    >>> length_sentence(corpus.iloc[:1], labels)
    'The cleaned article has 181 words.'
    """
    words = corpus.set_index("doc_id")["n_words"]
    if len(words) == 1:
        return f"The cleaned article has {plural(int(words.iloc[0]), 'word')}."
    short, long = words.idxmin(), words.idxmax()
    return (f"The cleaned articles run from {plural(int(words[short]), 'word')} "
            f"({labels.get(short, short)}) to {int(words[long]):,} ({labels.get(long, long)}); "
            f"the median is {words.median():,.0f}.")


def removal_sentence(table: pd.DataFrame, labels: pd.Series) -> str:
    """How much cleaning removed: the words before and after, and the range across pages,
    from :func:`audit_by_article`.

    Examples
    --------
    >>> table = pd.DataFrame({"words on page": [100, 100, 200], "words kept": [61, 99, 80],
    ...                       "removed": [0.39, 0.01, 0.6]}, index=["a", "b", "c"])
    >>> labels = pd.Series({"a": "A", "b": "B", "c": "C"})
    >>> print(removal_sentence(table, labels))  # doctest: +NORMALIZE_WHITESPACE
    Of 400 words on the pages, 240 remain: 40% of the text was page furniture. The share
    removed ranges from 1% of the page (B) to 60% (C).
    >>> removal_sentence(table.iloc[:1], labels)
    'Of 100 words on the page, 61 remain: 39% of the text was page furniture.'
    """
    raw, kept = int(table["words on page"].sum()), int(table["words kept"].sum())
    share = f"{1 - kept / raw:.0%}" if raw else "none"
    text = (f"Of {plural(raw, 'word')} on the page{'' if len(table) == 1 else 's'}, "
            f"{kept:,} remain: {share} of the text was page furniture.")
    removed = table["removed"].dropna()
    if len(removed) < 2:
        return text
    low, high = removed.idxmin(), removed.idxmax()
    return (f"{text} The share removed ranges from {removed[low]:.0%} of the page "
            f"({labels.get(low, low)}) to {removed[high]:.0%} ({labels.get(high, high)}).")


def chosen_sentence(n: int) -> str:
    """How the articles were chosen, in one sentence that agrees with their number.

    Examples
    --------
    >>> chosen_sentence(5)
    'The 5 articles were picked by hand, around meetings between British and American leaders.'
    >>> chosen_sentence(1)
    'The one article was picked by hand, around a meeting between British and American leaders.'
    """
    if n == 1:
        return ("The one article was picked by hand, around a meeting between British and "
                "American leaders.")
    return (f"The {n:,} articles were picked by hand, around meetings between British and "
            "American leaders.")


def time_sentence(corpus: pd.DataFrame) -> str:
    """When the articles appeared, per year, for the claim that they show no trend.

    Examples
    --------
    >>> corpus = pd.DataFrame({"published": pd.to_datetime(
    ...     ["2022-02-02", "2022-09-25", "2023-01-01", "2025-02-26"])})
    >>> time_sentence(corpus)
    'the 4 articles are few and unevenly spread: 2 in 2022, 1 in 2023 and 1 in 2025.'
    >>> time_sentence(corpus.iloc[:1])
    'a single article, of 2 February 2022, has nothing to be compared with over time.'
    """
    dates = pd.to_datetime(corpus["published"], errors="coerce")
    if len(corpus) == 1:
        when = f", of {day(dates.iloc[0])}," if dates.notna().all() else ""
        return f"a single article{when} has nothing to be compared with over time."
    years = dates.dropna().dt.year.value_counts().sort_index()
    spread = (join(f"{k:,} in {y}" for y, k in years.items()) if len(years) <= 8
              else f"from {years.index.min()} to {years.index.max()}, in {len(years)} years")
    undated = int(dates.isna().sum())
    tail = f", and {undated:,} undated" if undated else ""
    return f"the {len(corpus):,} articles are few and unevenly spread: {spread}{tail}."


def audit_kinds(audit: pd.DataFrame) -> pd.DataFrame:
    """Removed lines by kind, across all pages: lines, words, pages, and whether the kind is
    moved to a field of its own (headline, standfirst, byline, dateline) rather than dropped.

    Examples
    --------
    >>> audit = pd.DataFrame({"doc_id": ["a", "a", "b"], "category": ["video", "headline", "video"],
    ...                       "n_words": [3, 5, 4]})
    >>> audit_kinds(audit).reset_index().values.tolist()
    [['video', 2, 7, 2, 'dropped'], ['headline', 1, 5, 1, 'moved to its field']]
    """
    kinds = (audit.groupby("category")
             .agg(lines=("category", "size"), words=("n_words", "sum"),
                  pages=("doc_id", "nunique"))
             .sort_values(["lines", "words"], ascending=False, kind="stable"))
    kinds["what happens"] = ["moved to its field" if k in MOVED else "dropped"
                             for k in kinds.index]
    kinds.index.name = "kind"
    return kinds


def coverage_sentence(corpus: pd.DataFrame, minimum: int) -> str:
    """Which claims about groups of articles can carry an interval, given the corpus's size.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``outlet`` and ``uk_leader`` per article.
    minimum : int
        Articles an interval needs (:data:`analysis.stats.MIN_CLUSTERS`).

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["BBC News"] * 5 + ["Sky News"],
    ...                        "uk_leader": ["Tony Blair"] * 5 + ["Keir Starmer"]})
    >>> print(coverage_sentence(corpus, 5))  # doctest: +NORMALIZE_WHITESPACE
    With 6 articles, claims about all of them carry an interval (an interval needs at least 5
    articles). Of the 2 outlets, BBC News has enough articles for an interval of its own; of
    the 2 British figures, Tony Blair has. A group of one article can still carry an
    interval from its own sentences (at least 10 of them): that interval speaks of the
    article, not of its outlet or its figure. With so few articles, a percentile interval is
    probably too narrow: resampling can only recombine the articles that were picked, and
    says nothing of those that were not.
    >>> print(coverage_sentence(corpus.iloc[4:], 5))  # doctest: +NORMALIZE_WHITESPACE
    With 2 articles, no claim about several articles carries an interval (an interval needs
    at least 5 articles); claims about one article rest on its sentences.
    """
    n = len(corpus)
    if n < minimum:
        return (f"With {plural(n, 'article')}, no claim about several articles carries an "
                f"interval (an interval needs at least {minimum:,} articles); claims about one "
                "article rest on its sentences.")
    parts = [f"With {n:,} articles, claims about all of them carry an interval (an interval "
             f"needs at least {minimum:,} articles)."]
    clauses = []
    for column, one, many in (("outlet", "outlet", "outlets"),
                              ("uk_leader", "British figure", "British figures")):
        counts = corpus[column].fillna("").replace("", pd.NA).dropna().value_counts()
        enough = sorted(counts.index[counts >= minimum])
        if len(counts) < 2 and not enough:
            continue
        who = (f"{join(enough, limit=5)} {'has' if len(enough) == 1 else 'have'}" if enough
               else "none has")
        if not clauses:
            own = "an interval of its own" if len(enough) <= 1 else "intervals of their own"
            who += f" enough articles for {own}"
        clauses.append(f"of the {plural(len(counts), one, many)}, {who}")
    if clauses:
        text = "; ".join(clauses)
        parts.append(text[0].upper() + text[1:] + ".")
    if clauses:
        parts.append("A group of one article can still carry an interval from its own "
                     f"sentences (at least {MIN_UNITS:,} of them): that interval speaks of the "
                     "article, not of its outlet or its figure.")
    if n < FEW:
        parts.append("With so few articles, a percentile interval is probably too narrow: "
                     "resampling can only recombine the articles that were picked, and says "
                     "nothing of those that were not.")
    return " ".join(parts)
