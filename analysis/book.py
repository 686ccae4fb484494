"""What every chapter starts from: this build's corpus, its analysis, and safe display.

Which corpus, cache and figures folder a build uses is set in :mod:`analysis.settings`
(environment variables, so another corpus needs no change of code).

Corpus text is untrusted: a page saved from the web may hold ``<script>``. :func:`load`
makes the notebook escape it wherever it is shown, so a chapter cannot forget to:

- every pandas ``Styler`` a cell displays (or glues) is rendered through
  :func:`analysis.safe.escape_styler`: cells, labels, caption and tooltips escaped,
  whatever ``.format`` the chapter applied; ``DataFrame`` tables escape their text
  already (pandas' own HTML) and are marked for MathJax to leave alone;
- matplotlib draws ``$…$`` in a title or label as dollars, not as mathtext;
- Markdown a chapter writes from corpus values uses :func:`analysis.safe.format_markdown`
  (or :func:`~analysis.safe.markdown_text`, :func:`~analysis.safe.figure_markdown`),
  HTML uses :func:`~analysis.safe.format_html`; ``{glue:text}`` is always plain text.

The book's Content-Security-Policy (``_ext/csp.py``) is the second line: no inline
script but the theme's own runs, and a page that carries any other fails the build.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import matplotlib as mpl
import pandas as pd

from analysis.cache import cached_analyse
from analysis.corpus import CorpusWarning, load_corpus
from analysis.pipeline import Analysis
from analysis.safe import escape_styler
from analysis.settings import cache_dir, corpus_path, figures_dir, is_default_corpus

__all__ = ["Book", "cache_dir", "corpus_path", "escape_display", "figures_dir",
           "is_default_corpus", "load"]


@dataclass(frozen=True)
class Book:
    """One build's inputs: the corpus, its analysis, and the input warnings to show."""

    corpus: pd.DataFrame
    result: Analysis
    warnings: tuple[str, ...]


def _styler_html(styler) -> str:
    return escape_styler(styler)._repr_html_()


def escape_display(shell=None) -> bool:
    """Make the running IPython kernel render every ``Styler`` with its text escaped.

    Also sets pandas and matplotlib so that corpus text is shown literally: HTML
    escaping on by default in ``Styler``, MathJax off in tables, mathtext off.
    Returns whether a kernel display hook was installed (``False`` outside IPython).
    """
    from pandas.io.formats.style import Styler

    pd.set_option("styler.format.escape", "html")  # also for Styler.to_html() called directly
    pd.set_option("styler.html.mathjax", False)    # tables: "$x$" is not math
    pd.set_option("display.html.use_mathjax", False)
    mpl.rcParams["text.parse_math"] = False        # a "$" in a headline is a dollar
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.display_formatter.formatters["text/html"].for_type(Styler, _styler_html)
    return True


def load(n_jobs: int = 1) -> Book:
    """Load this build's corpus and its (cached) analysis, and make display escape text.

    Problems with the input are not fatal here: each is kept in ``Book.warnings``
    (by file name) for the corpus chapter to show, so that a reader sees what was
    not read instead of a build that stops.
    """
    escape_display()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(corpus_path(), n_jobs=n_jobs)
    messages = tuple(str(w.message) for w in caught if issubclass(w.category, CorpusWarning))
    result = cached_analyse(corpus, cache_dir(), n_jobs=n_jobs)
    return Book(corpus=corpus, result=result, warnings=messages)
