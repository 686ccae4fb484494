"""Shared fixtures: the project's paths and the seed corpus, loaded once."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis import CorpusNote, CorpusWarning, load_corpus

# The book built once per session on a hostile corpus (twice at once, into one folder).
from .hostile import hostile_build  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(SEEDS, strict=True)


@pytest.fixture(scope="session")
def raw_lines():
    """Each seed's raw lines, by file name, exactly as on disk."""
    return {p.name: p.read_text(encoding="utf-8").split("\n") for p in SEEDS.glob("*.txt")}


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file of a test corpus (text as UTF-8), creating its folders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def load(folder, **kwargs):
    """The corpus and every message loading it gave, as ``(kind, text)`` pairs."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(folder, **kwargs)
    kinds = {CorpusWarning: "warning", CorpusNote: "note"}
    return corpus, [(kinds.get(w.category, w.category.__name__), str(w.message))
                    for w in caught]
