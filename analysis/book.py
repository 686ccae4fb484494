"""What every chapter starts from: this build's corpus, its analysis, and safe display.

Which corpus, cache and figures folder a build uses is set in :mod:`analysis.settings`
(environment variables, so another corpus needs no change of code).

Corpus text is untrusted: a page saved from the web may hold ``<script>``. :func:`load`
switches pandas' table rendering to escape cell text, so no table a chapter shows can
carry live markup, whichever code renders it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import pandas as pd

from analysis.corpus import CorpusWarning, load_corpus
from analysis.pipeline import Analysis, cached_analyse
from analysis.settings import cache_dir, corpus_path, figures_dir, is_default_corpus

__all__ = ["Book", "cache_dir", "corpus_path", "figures_dir", "is_default_corpus", "load"]


@dataclass(frozen=True)
class Book:
    """One build's inputs: the corpus, its analysis, and the input warnings to show."""

    corpus: pd.DataFrame
    result: Analysis
    warnings: tuple[str, ...]


def load(n_jobs: int = 1) -> Book:
    """Load this build's corpus and its (cached) analysis, and make tables escape text.

    Problems with the input are not fatal here: each is kept in ``Book.warnings``
    (by file name) for the corpus chapter to show, so that a reader sees what was
    not read instead of a build that stops.
    """
    pd.set_option("styler.format.escape", "html")  # corpus text is never markup
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(corpus_path(), n_jobs=n_jobs)
    messages = tuple(str(w.message) for w in caught if issubclass(w.category, CorpusWarning))
    result = cached_analyse(corpus, cache_dir(), n_jobs=n_jobs)
    return Book(corpus=corpus, result=result, warnings=messages)
