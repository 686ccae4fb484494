"""The seeds are the raw pages, untouched, and the metadata describes every one of them."""

import hashlib
import re

import pandas as pd
import pytest

from analysis import read_metadata

from .conftest import SEEDS, SHARED

ARTICLES = [p for p in sorted(SEEDS.iterdir())
            if p.is_file() and p.name not in ("metadata.csv", "SHA256SUMS")]


def test_seeds_match_their_manifest():
    manifest = dict(line.split()[::-1] for line in (SEEDS / "SHA256SUMS").read_text().splitlines())
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in ARTICLES}
    assert on_disk == manifest


def test_seeds_are_byte_identical_to_shared_copy():
    shared = SHARED / "seeds"
    if not shared.is_dir():
        pytest.skip(f"{shared} is not beside the project: cannot compare with the originals")
    originals = {p.name: p.read_bytes() for p in shared.glob("*.txt")}
    ours = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    assert ours == originals


def test_metadata_has_one_complete_row_per_seed():
    meta = read_metadata(SEEDS / "metadata.csv", strict=True)
    assert sorted(meta["file"]) == [p.name for p in ARTICLES]
    assert meta["doc_id"].is_unique
    for column in ("doc_id", "outlet", "outlet_kind", "date_precision", "date_evidence",
                   "uk_leader", "uk_office"):
        assert (meta[column] != "").all(), column
    assert meta["published"].notna().all()
    assert meta["us_counterparts"].map(len).min() >= 1
    # A readable id: the date then the outlet then the UK figure, all lower case.
    assert meta["doc_id"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?(-[a-z0-9]+){2,}").all()


def test_metadata_agrees_with_the_research_notes():
    """Dates and figures in metadata.csv are the ones in shared/SOURCES.md."""
    sources = SHARED / "SOURCES.md"
    if not sources.exists():
        pytest.skip(f"{sources} is not beside the project")
    rows = [line.split("|")[1:-1] for line in sources.read_text().splitlines()
            if re.match(r"\| \d{3}_\w+\.txt", line)]
    notes = {r[0].strip(): r for r in rows}
    meta = read_metadata(SEEDS / "metadata.csv").set_index("file")
    assert set(notes) == set(meta.index)
    for file, r in notes.items():
        published, evidence = r[3].strip(), r[4].strip()
        row = meta.loc[file]
        if "day unknown" in published:
            assert row["date_precision"] == "month"
            assert row["published"] == pd.Timestamp(published[:7] + "-01")
        else:
            assert row["published"] == pd.Timestamp(published)
        assert row["date_inferred"] == evidence.startswith("inferred"), file
        assert row["uk_leader"] in r[7]
        assert all(name in r[8] for name in row["us_counterparts"])
