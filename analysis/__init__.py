"""Helpers for the report *Special or not? How the news frames the UK–US relationship*.

One module per concern; notebooks import from here and narrate.

- :mod:`analysis.corpus`: load articles and metadata (:func:`load_corpus`)
- :mod:`analysis.webpage`: article and metadata from saved web pages
- :mod:`analysis.audit`: what cleaning removed, and why
- :mod:`analysis.clean`: separate article bodies from page furniture
- :mod:`analysis.text`: words and sentences
- :mod:`analysis.offices`: who held which office when
- :mod:`analysis.figures`: the house style and :func:`~analysis.figures.save`
- :mod:`analysis.pipeline`: everything per article in one pass (:func:`analyse`), cached
"""

from analysis.audit import audit_summary, cleaning_audit
from analysis.cache import cached_analyse
from analysis.clean import clean_text
from analysis.corpus import (
    CorpusError,
    CorpusNote,
    CorpusWarning,
    corpus_overview,
    decode_text,
    load_corpus,
    provenance_table,
    read_metadata,
)
from analysis.files import corpus_files
from analysis.pipeline import Analysis, analyse
from analysis.text import count_words, sentences, split_sentences

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "CorpusError",
    "CorpusNote",
    "CorpusWarning",
    "analyse",
    "audit_summary",
    "cached_analyse",
    "clean_text",
    "cleaning_audit",
    "corpus_files",
    "corpus_overview",
    "count_words",
    "decode_text",
    "load_corpus",
    "provenance_table",
    "read_metadata",
    "sentences",
    "split_sentences",
]
