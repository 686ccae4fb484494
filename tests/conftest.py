"""Shared fixtures: the project's paths and the seed corpus, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import load_corpus

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
