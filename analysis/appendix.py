"""The appendix "The articles, annotated" as MyST pages: one per article, and their index.

Each page is a title and one raw HTML block drawn by :mod:`analysis.annotate`. Links
between the pages are placeholders (``#doc:annotated/<page>``) that the book's Sphinx
extension (``_ext/annotated.py``) resolves for the builder at hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from analysis.anchors import DOC, FOLDER, esc, page_name
from analysis.annotate import article_bodies, display_date, field, page_title

__all__ = ["article_pages", "index_html", "page_source"]


def page_source(title: str, body_html: str, intro: str = "", orphan: bool = False) -> str:
    """A MyST page: the title (every ASCII punctuation mark escaped) and a raw HTML block.

    Every line of ``body_html`` starts with ``<``, so no corpus text can close the block.
    ``intro`` is MyST markdown placed between them: the project's text, never the corpus'.
    ``orphan`` marks a page that no table of contents lists (Sphinx then does not warn).

    Examples
    --------
    >>> print(page_source("A *bold* <b>", "<p>x</p>"))
    # A \\*bold\\* \\<b\\>
    <BLANKLINE>
    ````{raw} html
    <p>x</p>
    ````
    <BLANKLINE>
    """
    title = " ".join(str(title).split()) or "Untitled"
    title = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", title)
    lines = body_html.split("\n")
    if any(line and not line.startswith("<") for line in lines):
        raise ValueError("every line of the raw HTML must start with '<'")
    intro = f"{intro.strip()}\n\n" if intro.strip() else ""
    front = "---\norphan: true\n---\n\n" if orphan else ""
    return f"{front}# {title}\n\n{intro}````{{raw}} html\n{body_html}\n````\n"


def article_pages(corpus: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                  reports: pd.DataFrame, removed: pd.DataFrame, labels: Mapping[str, str],
                  links: Mapping[str, str], orphan: bool = False) -> dict[str, str]:
    """Every article's page as MyST source, by :func:`~analysis.anchors.page_name`.

    The tables are the whole corpus' (see :func:`analysis.annotate.article_html`); the
    title is :func:`~analysis.annotate.page_title`. Each page starts with links to the
    previous and next article (in corpus order) and to the index; ``orphan`` as in
    :func:`page_source`.
    """
    bodies = article_bodies(corpus, sentences, quotes, reports, removed, labels, links)
    rows = corpus.to_dict("records")
    names = [page_name(row["doc_id"]) for row in rows]
    return {names[i]: page_source(page_title(row),
                                  _nav(rows, names, i) + "\n" + bodies[row["doc_id"]],
                                  orphan=orphan)
            for i, row in enumerate(rows)}


def _nav(rows: list[dict], names: list[str], i: int) -> str:
    """Links to the previous and next article and to the index."""
    def link(j: int, rel: str) -> str:
        if not 0 <= j < len(rows):
            return ""
        return (f'<a href="{DOC}{FOLDER}/{names[j]}" class="ann-{rel}">{rel} article: '
                f"{esc(page_title(rows[j]))}</a>")
    return (f'<nav class="ann-nav" aria-label="Articles">{link(i - 1, "previous")} '
            f'<a href="{DOC}{FOLDER}/index">all {len(rows)} articles</a> '
            f'{link(i + 1, "next")}</nav>')


def index_html(corpus: pd.DataFrame, quotes: pd.DataFrame, removed: pd.DataFrame) -> str:
    """The index of the annotated pages: one table row per article, linking to its page.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "headline": ["<i>Talks</i>"], "n_words": [9]})
    >>> none = pd.DataFrame(columns=["doc_id"])
    >>> '<a href="#doc:annotated/a">&lt;i&gt;Talks&lt;/i&gt;</a>' in index_html(corpus, none, none)
    True
    """
    n_quotes = quotes.groupby("doc_id").size() if len(quotes) else pd.Series(dtype=int)
    n_removed = removed.groupby("doc_id").size() if len(removed) else pd.Series(dtype=int)
    rows = []
    for row in corpus.to_dict("records"):
        doc_id = row["doc_id"]
        rows.append(f'<tr><td>{esc(display_date(row))}</td><td>{esc(field(row, "outlet"))}</td>'
                    f'<td><a href="{DOC}{FOLDER}/{page_name(doc_id)}">{esc(page_title(row))}'
                    f'</a><br><small><code>{esc(doc_id)}</code></small></td>'
                    f'<td class="ann-num">{int(field(row, "n_words", 0) or 0):,}</td>'
                    f'<td class="ann-num">{int(n_quotes.get(doc_id, 0))}</td>'
                    f'<td class="ann-num">{int(n_removed.get(doc_id, 0))}</td></tr>')
    return "\n".join([
        '<table class="ann-index"><caption>Every article of the corpus, with its annotated '
        'page: date (* inferred), outlet, headline, words in the cleaned body, quotations '
        'found and lines the cleaner removed.</caption>',
        '<thead><tr><th scope="col">Published</th><th scope="col">Outlet</th>'
        '<th scope="col">Article</th><th scope="col">Words</th>'
        '<th scope="col">Quotations</th><th scope="col">Removed lines</th></tr></thead>',
        "<tbody>", *rows, "</tbody>", "</table>"])
