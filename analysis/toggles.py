"""Pages that stay readable at any size: shown open while short, folded away when long.

A table of five articles belongs in the text; the same table for five hundred does not.
:func:`details` is the one folding section of the book: an HTML ``<details>`` element with
an escaped summary (no script, and the PDF edition prints it open). :func:`fold` shows a
table as it is up to ``limit`` rows and otherwise puts it in such a section; the quotation
appendix folds its per-article sections the same way
(:func:`analysis.quote_appendix.article_sections`). The table's text is escaped as every
table of the book is (:func:`analysis.safe.escape_styler`).
"""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from analysis.safe import Markup, escape_styler, html_text

__all__ = ["LIMIT", "details", "fold"]

LIMIT = 15  # rows a reader scans without scrolling past the text


class Folded:
    """A long table behind a toggle, displayed by IPython as HTML."""

    def __init__(self, html: Markup):
        self.html = html

    def _repr_html_(self) -> str:
        return str(self.html)


def details(summary: str | Markup, body: str | Markup, css_class: str, open: bool = False,
            id: str | None = None) -> Markup:
    """A folding section: ``<details>`` with its summary and body, open or folded.

    Parameters
    ----------
    summary : str or Markup
        The toggle's label: plain text is escaped; :class:`~analysis.safe.Markup` is kept.
    body : str or Markup
        The content: plain text is escaped; :class:`~analysis.safe.Markup` is kept.
    css_class : str
        The section's class (the book's style sheets and the PDF edition read it).
    open : bool
        Shown open (a reader can still fold it).
    id : str, optional
        The section's id, for links to it.

    Examples
    --------
    >>> details("All <3> rows", Markup("<table></table>"), "report-fold")
    Markup('<details class="report-fold"><summary>All &lt;3&gt; rows</summary><table></table></details>')
    >>> details(Markup("<strong>A</strong>"), "x < y", "quote-article", open=True, id="q-a")
    Markup('<details class="quote-article" id="q-a" open><summary><strong>A</strong></summary>x &lt; y</details>')
    """  # noqa: E501
    where = f' id="{html_text(id)}"' if id is not None else ""
    return Markup(f'<details class="{html_text(css_class)}"{where}{" open" if open else ""}>'
                  f"<summary>{html_text(summary)}</summary>{html_text(body)}</details>")


def fold(table: pd.DataFrame | Styler, summary: str, limit: int = LIMIT) -> Styler | Folded:
    """The table itself if it has at most ``limit`` rows, else the table behind a toggle.

    Parameters
    ----------
    table : pandas.DataFrame or Styler
    summary : str
        The toggle's label ("All 500 articles"); plain text, escaped.
    limit : int

    Examples
    --------
    >>> short = fold(pd.DataFrame({"a": [1, 2]}), "Both rows")
    >>> type(short).__name__
    'Styler'
    >>> long = fold(pd.DataFrame({"a": ["<b>"] * 3}), "All <3> rows", limit=2)
    >>> long.html.startswith('<details class="report-fold"><summary>All &lt;3&gt; rows</summary>')
    True
    >>> "&lt;b&gt;" in long.html and "<b>" not in long.html
    True
    """
    styler = table if isinstance(table, Styler) else table.style
    if len(styler.data) <= limit:
        return styler
    return Folded(details(summary, Markup(escape_styler(styler).to_html()), "report-fold"))
