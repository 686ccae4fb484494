"""Where each article, sentence and quotation lives in the book: ids, URLs and links.

The appendix "The articles, annotated" has one page per article, ``annotated/<page>.html``
(:func:`page_name`). Anchors are stable and unique across the whole book (the single-page
build puts every article on one page): sentence ``n`` of an article (the sentences table's
``sentence``) is ``<page>-s-<n>``, its ``k``-th quotation (in the quotation table's order)
``<page>-q-<k>``. Chapters link a table row to its sentence with :func:`sentence_links` or
:func:`quote_links` and :func:`link_cells`.

Examples
--------
>>> sentence_link("2025-02-26-skynews-starmer", 12)
'../annotated/2025-02-26-skynews-starmer.html#2025-02-26-skynews-starmer-s-12'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import pandas as pd

from analysis.safe import Markup, raw_block_text

__all__ = ["DOC", "FOLDER", "REF", "article_page", "esc", "link_cells", "page_name",
           "quote_anchor", "quote_link", "quote_links", "sentence_anchor", "sentence_link",
           "sentence_links"]

FOLDER = "annotated"  # the generated pages' folder, at the book's root
# Placeholders a Sphinx extension resolves: a label ("#ref:chapter-tone"), a document.
REF, DOC = "#ref:", "#doc:"
_UNSAFE = re.compile(r"[^a-z0-9-]+")
_RESERVED = frozenset({"index", "genindex", "search"})


def esc(text) -> str:
    """Corpus text for the raw HTML of an annotated page (:func:`analysis.safe.raw_block_text`),
    as a plain ``str``: the page's own markup is then added to it as it is, not escaped again.

    Examples
    --------
    >>> esc("<b>") + " <small>note</small>"
    '&lt;b&gt; <small>note</small>'
    """
    return str(raw_block_text(text))


def page_name(doc_id: str) -> str:
    """The file name (without suffix) of an article's page: safe, unique, lower case.

    A ``doc_id`` that is already safe is used as it is; any other gets a short hash so
    that two ids never share a page.

    Examples
    --------
    >>> page_name("2025-02-26-skynews-starmer")
    '2025-02-26-skynews-starmer'
    >>> page_name("Politics/001 copy")
    'politics-001-copy-4fac14e4'
    """
    name = _UNSAFE.sub("-", str(doc_id).lower()).strip("-") or "article"
    if name != doc_id or name in _RESERVED:
        name += "-" + hashlib.sha1(str(doc_id).encode()).hexdigest()[:8]
    return name

def sentence_anchor(doc_id: str, sentence: int) -> str:
    """The HTML id of sentence ``sentence`` (the sentences table's number) of an article."""
    return f"{page_name(doc_id)}-s-{int(sentence)}"

def quote_anchor(doc_id: str, k: int) -> str:
    """The HTML id of an article's ``k``-th quotation (1-based, quotation table order)."""
    return f"{page_name(doc_id)}-q-{int(k)}"

def article_page(doc_id: str, root: str = "..") -> str:
    """URL of an article's page, relative to a page whose path to the book root is ``root``.

    Chapters live in ``chapters/``, so the default ``".."`` suits them.

    Examples
    --------
    >>> article_page("2022-02-02-independent-truss")
    '../annotated/2022-02-02-independent-truss.html'
    """
    return f"{root}/{FOLDER}/{page_name(doc_id)}.html" if root else \
        f"{FOLDER}/{page_name(doc_id)}.html"

def sentence_link(doc_id: str, sentence: int, root: str = "..") -> str:
    """URL of one sentence on its article's page (see :func:`article_page` for ``root``).

    Examples
    --------
    >>> sentence_link("2025-02-26-skynews-starmer", 12)
    '../annotated/2025-02-26-skynews-starmer.html#2025-02-26-skynews-starmer-s-12'
    """
    return f"{article_page(doc_id, root)}#{sentence_anchor(doc_id, sentence)}"

def quote_link(doc_id: str, k: int, root: str = "..") -> str:
    """URL of an article's ``k``-th quotation on its page."""
    return f"{article_page(doc_id, root)}#{quote_anchor(doc_id, k)}"

def quote_links(quotes: pd.DataFrame, root: str = "..") -> pd.Series:
    """URL of each row of a quotation table (rows in the table's order, per article).

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"]})
    >>> quote_links(q).str.rsplit("#").str[-1].tolist()
    ['a-q-1', 'a-q-2', 'b-q-1']
    """
    k = quotes.groupby("doc_id", sort=False).cumcount() + 1
    return pd.Series([quote_link(d, n, root) for d, n in zip(quotes["doc_id"], k)],
                     index=quotes.index, dtype="str")

def sentence_links(table: pd.DataFrame, root: str = "..") -> pd.Series:
    """URL of each row's sentence (``doc_id``, ``sentence``); the page's top if none.

    Rows without a sentence number (a headline, a standfirst) link to the article.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [3, None]})
    >>> sentence_links(t).tolist()
    ['../annotated/a.html#a-s-3', '../annotated/a.html']
    """
    return pd.Series([article_page(d, root) if pd.isna(s) else sentence_link(d, s, root)
                      for d, s in zip(table["doc_id"], table["sentence"])],
                     index=table.index, dtype="str")

def link_cells(texts: Sequence, hrefs: Sequence[str]) -> list[Markup]:
    """``<a>`` elements for table cells, text escaped (:class:`~markupsafe.Markup`, which a
    table shown by the book keeps as a link: see :func:`analysis.safe.escape_styler`).

    Examples
    --------
    >>> link_cells(["<b>"], ["../annotated/a.html#a-s-1"])
    [Markup('<a href="../annotated/a.html#a-s-1">&lt;b&gt;</a>')]
    """
    return [Markup(f'<a href="{esc(h)}">{esc(t)}</a>') for t, h in zip(texts, hrefs)]
