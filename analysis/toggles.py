"""Tables that stay readable at any size: shown open while short, folded away when long.

A table of five articles belongs in the text; the same table for five hundred does not.
:func:`fold` shows a table as it is up to ``limit`` rows and otherwise puts it behind a
"show" toggle (an HTML ``<details>`` element: no script, and the PDF edition opens it).
The table's text is escaped as every table of the book is (:func:`analysis.safe.escape_styler`).
"""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from analysis.safe import Markup, escape_styler, html_text

__all__ = ["LIMIT", "fold"]

LIMIT = 15  # rows a reader scans without scrolling past the text


class Folded:
    """A long table behind a toggle, displayed by IPython as HTML."""

    def __init__(self, html: Markup):
        self.html = html

    def _repr_html_(self) -> str:
        return str(self.html)


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
    inner = escape_styler(styler).to_html()
    return Folded(Markup(f'<details class="report-fold"><summary>{html_text(summary)}</summary>'
                         f"{inner}</details>"))
