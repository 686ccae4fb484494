"""Where this build reads and writes: chosen by environment variables, not by editing code.

``REPORT_CORPUS`` names the corpus folder (default: the project's ``seeds/``);
``REPORT_CACHE`` the analysis cache and ``REPORT_FIGURES`` the figures folder, so a book
built on another corpus never overwrites the seeds' committed ``figures/`` and never
reuses their cache. ``tools/build.py --corpus`` sets all three.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _folder(variable: str, default: Path) -> Path:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser().resolve() if value else default


def corpus_path() -> Path:
    """The corpus folder of this build: ``$REPORT_CORPUS``, else ``seeds/``."""
    return _folder("REPORT_CORPUS", ROOT / "seeds")


def cache_dir() -> Path:
    """Where the analysis of this build's corpus is cached: ``$REPORT_CACHE``."""
    return _folder("REPORT_CACHE", ROOT / "_build" / ".analysis-cache")


def figures_dir() -> Path:
    """Where this build's figures are written: ``$REPORT_FIGURES``, else ``figures/``."""
    return _folder("REPORT_FIGURES", ROOT / "figures")


def is_default_corpus() -> bool:
    """True when the book is built on the project's own ``seeds/``."""
    return corpus_path() == (ROOT / "seeds").resolve()
