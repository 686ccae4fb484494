"""The cleaning audit: what was removed from each article, and why.

For a text file, every line cleaning removed (:func:`analysis.clean.clean_text`); for a
saved web page, every line of the page's visible text that is not in the article body
(:func:`analysis.webpage.page_removals`): navigation, teasers, comments, footers…, so a
reader can check that nothing of the article was lost.
"""

from __future__ import annotations

import pandas as pd

from analysis.clean import clean_text
from analysis.text import count_words
from analysis.webpage import page_removals


def cleaning_audit(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every line cleaning removed from each article, with its line number and reason.

    Re-runs :func:`analysis.clean.clean_text` on ``raw_text`` with the row's
    headline, standfirst and byline, so the audit always matches ``text``; for a web
    page (``format == "html"``), compares its visible text with the body.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, file, line, category, reason, text, n_words``; ``line``
        is the 1-based line number in the raw file (for a web page, in its visible
        text, ``raw_text``).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> audit = cleaning_audit(load_corpus("seeds"))
    >>> sorted(audit.loc[audit["doc_id"] == "2023-01-voa-cleverly", "category"].unique())
    ['header', 'headline', 'navigation', 'standfirst', 'video']
    """
    records = []
    for row in corpus.itertuples(index=False):
        if getattr(row, "format", "text") == "html":
            removed = page_removals(row.raw_text, row.text, headline=row.headline,
                                    standfirst=row.standfirst, byline=row.byline)
        else:
            removed = clean_text(row.raw_text, headline=row.headline,
                                 standfirst=row.standfirst, byline=row.byline).removed
        records += [(row.doc_id, row.file, *r, count_words(r.text)) for r in removed]
    return pd.DataFrame(records, columns=["doc_id", "file", "line", "category", "reason", "text",
                                          "n_words"])


def audit_summary(audit: pd.DataFrame, value: str = "lines") -> pd.DataFrame:
    """Removed lines (or words) per category (rows) and article (columns), with totals.

    Parameters
    ----------
    audit : pandas.DataFrame
        From :func:`cleaning_audit`.
    value : {"lines", "words"}

    Examples
    --------
    >>> audit = pd.DataFrame({"doc_id": ["a", "a", "b"], "category": ["video", "video", "caption"],
    ...                       "n_words": [3, 4, 5]})
    >>> int(audit_summary(audit).loc["video", "a"])
    2
    """
    if value not in ("lines", "words"):
        raise ValueError("value must be 'lines' or 'words'")
    table = audit.pivot_table(index="category", columns="doc_id", values="n_words",
                              aggfunc="count" if value == "lines" else "sum", fill_value=0)
    table = table.astype(int)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    table.columns.name = None
    return table
